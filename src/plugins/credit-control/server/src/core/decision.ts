import { decisionText, type DecisionFacts } from './decision-text';
import type { Mode, Policy } from './policy';
import type { CallReason } from './call-taking';

export type Outcome = 'allowed' | 'warned' | 'refused';

/** The credit limit's reasons; a help-desk issue's call-taking rule adds its own (CallReason). */
export type LimitReason =
  | 'notGated'
  | 'modeNone'
  | 'manualBlock'
  | 'blockAll'
  | 'withinThreshold'
  | 'overThreshold'
  | 'lowersExposure'
  /** a currency of the write or the exposure has no rate to the policy currency: refused until one is added */
  | 'missingRate'
  /** an overdue rule (overdue.ts): the oldest unpaid invoice is too late, too much is past due, the dunning level is reached */
  | 'overdueDays'
  | 'overdueAmount'
  | 'dunningLevel';

/**
 * Why a write was allowed, warned or refused: part of the public contract (API clients and hooks
 * read the code, never the message, which is for people and may change).
 */
export type Reason = LimitReason | CallReason;

/** Reasons whose message quotes credit figures or the credit controller's notes: hidden from requesters who may not see figures. */
export const quotesCreditFigures = (reason: Reason): boolean => !reason.startsWith('callTaking');

export interface DecisionInput {
  policy: Policy;
  gate: string;
  action: 'create' | 'update' | 'delete';
  /** the document type gates this action at all (help-desk issues: create only) */
  gatedAction: boolean;
  /** counted exposure before the write, in the policy currency */
  exposureBefore: bigint;
  /** change of the counted exposure, in the policy currency */
  delta: bigint;
  /** judged on a group's limit (the sentence says so) */
  group?: boolean;
  /** the party as a clerk knows it */
  partyLabel?: string;
}

export interface Decision {
  outcome: Outcome;
  reason: Reason;
  /** for people, in English (decisionText renders it in another language from the figures and facts) */
  message: string;
  /** what the sentence says beyond the figures */
  facts: DecisionFacts;
  mode: Mode;
  exposureBefore: bigint;
  exposureAfter: bigint;
  threshold: bigint;
  currency: string;
}

/**
 * The blocking rule. Block refuses only writes that do not lower exposure (d ≥ 0) and leave it
 * above the threshold; a manual block or blockAll refuses every gated write.
 */
export function decide(input: DecisionInput): Decision {
  const { policy, delta, exposureBefore } = input;
  const after = exposureBefore + delta;
  const facts: DecisionFacts = { group: input.group || undefined, party: input.partyLabel, gate: input.gate, blockedReason: policy.blockedReason || undefined, deleting: input.action === 'delete' || undefined };
  const result = (outcome: Outcome, reason: Reason): Decision => {
    const figures = { outcome, reason, exposureAfter: after, threshold: policy.thresholdMinor, currency: policy.currency, facts };
    return { outcome, reason, message: decisionText(figures, 'en'), facts, mode: policy.mode, exposureBefore, exposureAfter: after, threshold: policy.thresholdMinor, currency: policy.currency };
  };
  const over = after > policy.thresholdMinor;

  if (!input.gatedAction || !policy.gates.includes(input.gate)) return result('allowed', 'notGated');
  // removing a document that does not raise exposure is never a credit risk, even when blocked
  if (input.action === 'delete' && delta <= 0n) return result('allowed', 'lowersExposure');
  if (policy.blocked) return result('refused', 'manualBlock');
  switch (policy.mode) {
    case 'none':
      return result('allowed', 'modeNone');
    case 'blockAll':
      return result('refused', 'blockAll');
    case 'alert':
      return over ? result('warned', 'overThreshold') : result('allowed', 'withinThreshold');
    case 'block':
      if (!over) return result('allowed', 'withinThreshold');
      if (delta < 0n) return result('allowed', 'lowersExposure');
      return result('refused', 'overThreshold');
    default:
      return result('allowed', 'modeNone');
  }
}
