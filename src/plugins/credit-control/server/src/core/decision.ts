import { formatMinor } from './money';
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
  | 'missingRate';

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
  /** the party as a clerk knows it */
  partyLabel?: string;
}

export interface Decision {
  outcome: Outcome;
  reason: Reason;
  message: string;
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
  const money = (minor: bigint) => formatMinor(minor, policy.currency);
  const who = input.partyLabel ? ` for ${input.partyLabel}` : '';
  const result = (outcome: Outcome, reason: Reason, message: string): Decision => ({
    outcome,
    reason,
    message,
    mode: policy.mode,
    exposureBefore,
    exposureAfter: after,
    threshold: policy.thresholdMinor,
    currency: policy.currency,
  });
  const over = after > policy.thresholdMinor;
  const overText = `outstanding ${money(after)} exceeds the ${money(policy.thresholdMinor)} threshold`;

  if (!input.gatedAction || !policy.gates.includes(input.gate)) return result('allowed', 'notGated', 'not gated');
  // removing a document that does not raise exposure is never a credit risk, even when blocked
  if (input.action === 'delete' && delta <= 0n) return result('allowed', 'lowersExposure', 'removal does not raise the outstanding amount');
  if (policy.blocked) {
    const why = policy.blockedReason ? ` (${policy.blockedReason})` : '';
    return result('refused', 'manualBlock', `Credit blocked${who}: the customer is blocked for total receivables${why}`);
  }
  switch (policy.mode) {
    case 'none':
      return result('allowed', 'modeNone', 'no blocking');
    case 'blockAll':
      return result('refused', 'blockAll', `Credit blocked${who}: every ${input.gate} write is blocked, whatever the outstanding amount`);
    case 'alert':
      return over
        ? result('warned', 'overThreshold', `Credit alert${who}: ${overText}`)
        : result('allowed', 'withinThreshold', `outstanding ${money(after)} within the ${money(policy.thresholdMinor)} threshold`);
    case 'block':
      if (!over) return result('allowed', 'withinThreshold', `outstanding ${money(after)} within the ${money(policy.thresholdMinor)} threshold`);
      if (delta < 0n) return result('allowed', 'lowersExposure', `lowers the outstanding amount to ${money(after)}`);
      return result('refused', 'overThreshold', `Credit blocked${who}: ${overText}`);
    default:
      return result('allowed', 'modeNone', 'no blocking');
  }
}
