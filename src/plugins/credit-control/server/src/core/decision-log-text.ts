import { decisionText } from './decision-text';
import type { Reason } from './decision';
import type { Locale } from './locale';
import { money, textOf, wordOf, type MessageCode } from './messages';
import { toMinor } from './money';

/** A decision-log row as read back: what its sentence is built from. */
export interface LoggedDecision {
  kind: string;
  outcome: string;
  reason: string | null;
  action: string | null;
  gate: string | null;
  currency: string | null;
  exposureAfterMinor: bigint | null;
  thresholdMinor: bigint | null;
  /** parsed: a policy's `before`/`after`, a block's `reason`, a write's `group`, `blockedReason`, `missingRates` */
  details: Record<string, any> | null;
}

const MODE_WORDS: Record<string, MessageCode> = { none: 'modeWordNone', alert: 'modeWordAlert', block: 'modeWordBlock', blockAll: 'modeWordBlockAll' };
const DECISION_REASONS = new Set<string>([
  'notGated', 'modeNone', 'manualBlock', 'blockAll', 'withinThreshold', 'overThreshold', 'lowersExposure', 'missingRate',
  'callTakingClear', 'callTakingUnpaidOnContract', 'callTakingUnpaidOnCustomer', 'callTakingUnderWatch',
  'overdueDays', 'overdueAmount', 'dunningLevel',
] satisfies Reason[]);

/** An entry that stored its message's code and parameters (temporary limits, insurance): said again in `locale`. */
function saidText(said: { code: MessageCode; params?: Record<string, any> }, locale: Locale): string {
  const params = Object.fromEntries(Object.entries(said.params ?? {}).map(([k, v]) => [k, v?.kind === 'money' ? { ...v, minor: BigInt(v.minor) } : v]));
  return textOf(said.code, params, locale);
}

function policyText(row: LoggedDecision, locale: Locale): string | null {
  if (row.details?.said?.code) return saidText(row.details.said, locale);
  if (row.reason === 'partyDeleted') return textOf('logPolicyDeletedWithParty', undefined, locale);
  if (row.action === 'delete') return textOf('logPolicyDeleted', undefined, locale);
  const after = row.details?.after;
  if (!after || !MODE_WORDS[after.mode] || typeof after.currency !== 'string') return null;
  const threshold = money(toMinor(after.threshold, after.currency), after.currency);
  return textOf(row.action === 'create' ? 'logPolicyCreated' : 'logPolicyChanged', { mode: wordOf(MODE_WORDS[after.mode]), threshold }, locale);
}

function writeText(row: LoggedDecision, locale: Locale): string | null {
  const reason = row.reason;
  if (!reason || !DECISION_REASONS.has(reason)) return null;
  const details = row.details ?? {};
  // rows logged before the log kept the rates' currencies say it only in their stored message
  if (reason === 'missingRate' && !Array.isArray(details.missingRates)) return null;
  // an overdue rule's sentence quotes the rule that decided, kept with its figures in details.overdue
  const rule = (details.overdue?.fired ?? []).find((f: { rule?: string }) => f.rule === reason);
  if (['overdueDays', 'overdueAmount', 'dunningLevel'].includes(reason) && !rule) return null;
  const outcome = row.outcome === 'warned' ? 'warned' : row.outcome === 'allowed' ? 'allowed' : 'refused';
  return decisionText(
    {
      outcome,
      reason: reason as Reason,
      exposureAfter: row.exposureAfterMinor ?? 0n,
      threshold: row.thresholdMinor ?? 0n,
      currency: row.currency ?? '',
      facts: { group: Boolean(details.group), gate: row.gate ?? '', blockedReason: details.blockedReason, missingRates: details.missingRates, deleting: row.action === 'delete' || undefined, ...(rule ? { overdue: { limit: String(rule.limit), actual: String(rule.actual) } } : {}) },
    },
    locale
  );
}

/**
 * A decision-log entry's sentence in `locale`, built from what the row records (reason, outcome,
 * figures, a policy change's action and rules), never from its stored English message; null when
 * the row does not hold enough to say it (the caller shows the stored message).
 */
export function loggedDecisionText(row: LoggedDecision, locale: Locale): string | null {
  switch (row.kind) {
    case 'policy':
      return policyText(row, locale);
    case 'block':
      return textOf('logBlocked', { reason: String(row.details?.reason ?? '') }, locale);
    case 'unblock':
      return row.details?.reason ? textOf('logUnblocked', { reason: String(row.details.reason) }, locale) : textOf('logUnblockedNoReason', undefined, locale);
    default:
      return writeText(row, locale);
  }
}
