import { totalExposure, type ExposureRow, type RateOf } from './exposure';
import type { Minor } from './money';
import type { Mode } from './policy';

/** What the credit panel and the over-threshold list say about a party. */
export type CreditStatus = 'blocked' | 'unchecked' | 'blockedAll' | 'over' | 'within' | 'overdueBlocked';

/** A party's status: the manual block first, then the mode, then the threshold (exposure > threshold). */
export function creditStatus(policy: { blocked: boolean; mode: Mode }, exposure: Minor, threshold: Minor, overdueBlocked = false): CreditStatus {
  if (policy.blocked) return 'blocked';
  if (policy.mode === 'blockAll') return 'blockedAll';
  // an overdue rule that blocks (overdue.ts), whatever the amount
  if (overdueBlocked) return 'overdueBlocked';
  if (policy.mode === 'none') return 'unchecked';
  return exposure > threshold ? 'over' : 'within';
}

/** The share of the threshold used, in whole percent (truncated toward zero); null without a positive threshold. */
export function percentUsed(exposure: Minor, threshold: Minor): number | null {
  if (threshold <= 0n) return null;
  return Number((exposure * 100n) / threshold);
}

/** "Near" the threshold from this share of it (the admin's widget and page). */
export const NEAR_PERCENT = 90;

/** A party's policy (as the engine reads it) and its maintained exposure rows. */
export interface OverCandidate {
  party: string;
  mode: Mode;
  blocked: boolean;
  currency: string;
  thresholdMinor: Minor;
  /** buckets counted in the outstanding amount */
  buckets: string[];
  rows: ExposureRow[];
}

export interface OverEntry {
  party: string;
  mode: Mode;
  blocked: boolean;
  status: CreditStatus;
  /** policy currency: exposure and threshold are in it */
  currency: string;
  exposureMinor: Minor;
  thresholdMinor: Minor;
  percent: number | null;
  /** currencies of counted rows with no rate to the policy currency (left out, as in the summary) */
  missingRates: string[];
}

/** Only these policies can be listed: a mode that checks credit, or a manual block. */
export const isWatched = (policy: { mode: Mode; blocked: boolean }): boolean => policy.mode !== 'none' || policy.blocked;

/** Listed: blocked, over its threshold, or at `nearPercent` % of it or more. */
export const isListed = (entry: OverEntry, nearPercent = NEAR_PERCENT): boolean =>
  entry.blocked || entry.status === 'over' || (entry.percent !== null && entry.percent >= nearPercent);

/** A candidate's figures, computed as the credit summary computes them. */
export function overEntry(candidate: OverCandidate, rateOf: RateOf): OverEntry {
  const { party, mode, blocked, currency, thresholdMinor } = candidate;
  const exposure = totalExposure(candidate.rows, candidate.buckets, currency, rateOf);
  return {
    party, mode, blocked, currency, thresholdMinor,
    exposureMinor: exposure.total,
    status: creditStatus({ blocked, mode }, exposure.total, thresholdMinor),
    percent: percentUsed(exposure.total, thresholdMinor),
    missingRates: exposure.missingRates,
  };
}

/**
 * Most over first: no positive threshold first (nothing is allowed, as an infinite share), then by
 * exact share of the threshold (exposure/threshold, compared by cross-multiplication, no float),
 * then by party so that pages are stable.
 */
export function compareOver(a: OverEntry, b: OverEntry): number {
  const aNone = a.thresholdMinor <= 0n;
  const bNone = b.thresholdMinor <= 0n;
  if (aNone !== bNone) return aNone ? -1 : 1;
  if (!aNone) {
    const left = b.exposureMinor * a.thresholdMinor;
    const right = a.exposureMinor * b.thresholdMinor;
    if (left !== right) return left > right ? 1 : -1;
  }
  return a.party < b.party ? -1 : a.party > b.party ? 1 : 0;
}

/** The parties over or near their threshold (or blocked), most over first: one pass over the candidates. */
export function overThreshold(candidates: OverCandidate[], rateOf: RateOf, nearPercent = NEAR_PERCENT): OverEntry[] {
  return candidates
    .filter(isWatched)
    .map((candidate) => overEntry(candidate, rateOf))
    .filter((entry) => isListed(entry, nearPercent))
    .sort(compareOver);
}
