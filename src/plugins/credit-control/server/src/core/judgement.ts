// The judgement of one write against one limit: pure (no Strapi), unit-tested alone.
import { bucketAmounts } from './bucket-amounts';
import type { Contribution } from './contribution';
import { decide, type Decision } from './decision';
import { decisionText } from './decision-text';
import { effectiveLimit, isoDay, limitDetails, type EffectiveLimit, type PartyLimits } from './effective-limit';
import type { AuditEntry } from './decision-log';
import { totalExposure, type ExposureRow, type RateOf } from './exposure';
import { applyHorizon, type DatedRow, type HorizonApplied } from './horizon';
import { firedRules, hasOverdueRules, overdueDetails, type FiredRule, type OverdueFacts } from './overdue';
import type { DocumentMapping } from './mapping';
import { convertMinor, minorToString } from './money';
import type { Policy } from './policy';

/** What the write changes for a policy: its counted buckets, in its currency (missing rates noted). */
export function inPolicyCurrency(deltas: Contribution[], policy: Policy, rateOf: RateOf, missing: Set<string>): bigint {
  return deltas.reduce((sum, d) => {
    if (!policy.buckets.includes(d.bucket)) return sum;
    if (d.currency === policy.currency) return sum + d.minor;
    const rate = rateOf(d.currency, policy.currency);
    if (rate === undefined) {
      missing.add(d.currency);
      return sum;
    }
    return sum + convertMinor(d.minor, d.currency, policy.currency, rate);
  }, 0n);
}

export interface Judged {
  policy: Policy;
  decision: Decision;
  audit: AuditEntry;
  counted: Contribution[];
  /** the limit in force, when the party's limits were given */
  limit?: EffectiveLimit;
}

export interface LimitInput {
  party: string;
  policy: Policy;
  /** the maintained exposure counted against the limit (a group: every member's rows) */
  exposureRows: ExposureRow[];
  /** the write's deltas that fall under this limit */
  counted: Contribution[];
  /** the group's members when the limit is a group parent's */
  group?: string[];
  rateOf: RateOf;
  doc: DocumentMapping | undefined;
  action: 'create' | 'update' | 'delete';
  audit: Pick<AuditEntry, 'kind' | 'documentUid' | 'documentId' | 'action'>;
  /** where the policy comes from, temporary limits and insurance: the limit in force is computed at `day` (effective-limit.ts) */
  limits?: PartyLimits;
  /** the decision's ISO day (UTC); today when absent */
  day?: string;
  /** the dated exposure rows delivering after `day` (only read when the policy has a horizon) */
  dated?: DatedRow[];
  /** what is past due for the party on `day` (only read when the policy has an overdue rule) */
  overdue?: OverdueFacts;
}

/**
 * The overdue rules after the amount rule: a gated write that does not lower the exposure is
 * refused by the first blocking rule that holds, else warned by the first alerting one (an amount
 * alert already given stays the reason). A refusal by the amount rule stands as it is.
 */
export function withOverdueRules(decision: Decision, policy: Policy, facts: OverdueFacts | undefined, delta: bigint): { decision: Decision; fired: FiredRule[] } {
  const fired = facts ? firedRules(policy.overdueRules, facts) : [];
  const judged = !['notGated', 'lowersExposure'].includes(decision.reason) && delta >= 0n;
  if (!judged || fired.length === 0 || decision.outcome === 'refused') return { decision, fired };
  const [first] = fired;
  if (first.action === 'alert' && decision.outcome === 'warned') return { decision, fired };
  const outcome = first.action === 'block' ? 'refused' : 'warned';
  const decisionFacts = Object.assign({}, decision.facts, { overdue: { limit: first.limit, actual: first.actual } });
  const next = Object.assign({}, decision, { outcome, reason: first.rule, facts: decisionFacts }) as Decision;
  return { decision: Object.assign(next, { message: decisionText(next, 'en') }), fired };
}

/** What the horizon left out, in the policy currency, for the decision's details. */
function horizonDetails(horizon: HorizonApplied, policy: Policy, rateOf: RateOf, missing: Set<string>) {
  const before = totalExposure(horizon.leftOut, policy.buckets, policy.currency, rateOf);
  before.missingRates.forEach((c) => missing.add(c));
  const ofWrite = inPolicyCurrency(horizon.leftOutOfWrite, policy, rateOf, missing);
  const money = (minor: bigint) => minorToString(minor, policy.currency);
  return { days: horizon.days, until: horizon.until, leftOut: money(before.total), leftOutByBucket: bucketAmounts(before.byBucket, policy.currency), leftOutOfWrite: money(ofWrite) };
}

/** Decides for one limit (a party alone, or a group parent over its members) and writes its audit entry. */
export function judgeLimit(input: LimitInput): Judged {
  const { rateOf, doc, action, group } = input;
  const missing = new Set<string>();
  // the limit in force today: the policy's threshold, a temporary raise, or the insured cap
  const limit = input.limits ? effectiveLimit(input.policy, input.limits, input.day ?? isoDay(new Date()), rateOf) : undefined;
  limit?.missingRates.forEach((c) => missing.add(c));
  // Object.assign, not `{ ...x, key }`: on Node 20 each property after a spread is added on a slow path (µs each)
  const policy = limit ? Object.assign({}, input.policy, { thresholdMinor: limit.thresholdMinor }) : input.policy;
  // the horizon: what delivers more than N days after the decision's day is left out, before and in the write
  const horizonDays = input.policy.horizonDays;
  const horizon = horizonDays !== null && horizonDays !== undefined ? applyHorizon(input.exposureRows, input.dated ?? [], input.counted, horizonDays, input.day ?? isoDay(new Date())) : undefined;
  const current = totalExposure(horizon?.exposureRows ?? input.exposureRows, policy.buckets, policy.currency, rateOf);
  current.missingRates.forEach((c) => missing.add(c));
  const delta = inPolicyCurrency(horizon?.counted ?? input.counted, policy, rateOf, missing);
  const horizonFacts = horizon ? horizonDetails(horizon, policy, rateOf, missing) : undefined;
  const gate = doc?.gate ?? '';
  const gatedAction = Boolean(doc?.gatedActions.includes(action));
  let decision: Decision = decide({ policy, gate, action, gatedAction, exposureBefore: current.total, delta, group: Boolean(group) });
  // the overdue rules (a help-desk issue's call taking has its own rules, unchanged)
  const overdue = input.audit.kind === 'callTaking' ? { decision, fired: [] } : withOverdueRules(decision, policy, input.overdue, delta);
  decision = overdue.decision;
  if (missing.size > 0 && decision.reason !== 'notGated' && policy.mode !== 'none') {
    const facts = Object.assign({}, decision.facts, { missingRates: [...missing] });
    const refused = Object.assign({}, decision, { outcome: 'refused', reason: 'missingRate', facts }) as Decision;
    decision = Object.assign(refused, { message: decisionText(refused, 'en') });
  }
  const audit: AuditEntry = {
    kind: input.audit.kind,
    documentUid: input.audit.documentUid,
    documentId: input.audit.documentId,
    action: input.audit.action,
    outcome: decision.outcome,
    reason: decision.reason,
    party: input.party,
    gate,
    mode: policy.mode,
    currency: policy.currency,
    deltaMinor: delta,
    exposureBeforeMinor: current.total,
    exposureAfterMinor: decision.exposureAfter,
    thresholdMinor: policy.thresholdMinor,
    message: decision.message,
    details: {
      exposureByBucket: bucketAmounts(current.byBucket, policy.currency),
      // which limit applied, and where it comes from
      ...(limit ? { limit: limitDetails(limit) } : {}),
      ...(group ? { group } : {}),
      // the horizon applied, and what it left out (the exposure before, and the write's own share)
      ...(horizonFacts ? { horizon: horizonFacts } : {}),
      // the overdue rules that hold, with the party's figures (the first one is the reason when it decided)
      ...(input.overdue && hasOverdueRules(policy.overdueRules) ? { overdue: overdueDetails(input.overdue, overdue.fired) } : {}),
      // what the sentence says beyond the figures, so that the log can say it again in any language
      ...(decision.reason === 'manualBlock' && decision.facts.blockedReason ? { blockedReason: decision.facts.blockedReason } : {}),
      ...(decision.reason === 'missingRate' ? { missingRates: decision.facts.missingRates ?? [] } : {}),
    },
  };
  return { policy: input.policy, decision, audit, counted: input.counted, ...(limit ? { limit } : {}) };
}
