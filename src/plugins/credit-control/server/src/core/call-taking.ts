import type { CallTaking } from './policy';
import type { Outcome } from './decision';
import { decisionText } from './decision-text';

export interface CallFacts {
  /** an invoice of the customer is not fully paid */
  unpaidOnCustomer: boolean;
  /** an invoice of the contract is not fully paid (false without a contract) */
  unpaidOnContract: boolean;
  channel: 'backOffice' | 'customerPortal' | string;
}

/** Why a call was judged as it was: the codes API clients read (message texts may change). */
export type CallReason = 'callTakingClear' | 'callTakingUnpaidOnContract' | 'callTakingUnpaidOnCustomer' | 'callTakingUnderWatch';

export interface CallDecision {
  outcome: Outcome;
  reason: CallReason;
  message: string;
}

/** The seven "Call taking blocked" situations, applied to a new help-desk issue. */
export function decideCallTaking(situation: CallTaking, facts: CallFacts): CallDecision {
  const judged = (outcome: Outcome, reason: CallReason): CallDecision => ({
    outcome,
    reason,
    message: decisionText({ outcome, reason, exposureAfter: 0n, threshold: 0n, currency: '' }, 'en'),
  });
  const allowed = () => judged('allowed', 'callTakingClear');
  const warned = (reason: CallReason) => judged('warned', reason);
  const refused = (reason: CallReason) => judged('refused', reason);
  switch (situation) {
    case 'alertUnpaidOnContract':
      return facts.unpaidOnContract ? warned('callTakingUnpaidOnContract') : allowed();
    case 'alertUnpaidOnCustomer':
      return facts.unpaidOnCustomer ? warned('callTakingUnpaidOnCustomer') : allowed();
    case 'alertAlways':
      return warned('callTakingUnderWatch');
    case 'blockUnpaidOnContract':
      return facts.unpaidOnContract
        ? refused('callTakingUnpaidOnContract')
        : allowed();
    case 'blockUnpaidOnCustomer':
      return facts.unpaidOnCustomer
        ? refused('callTakingUnpaidOnCustomer')
        : allowed();
    case 'blockAlways':
      return refused('callTakingUnderWatch');
    default:
      return allowed();
  }
}
