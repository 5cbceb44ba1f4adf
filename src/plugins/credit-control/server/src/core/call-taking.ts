import type { CallTaking } from './policy';
import type { Outcome } from './decision';

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
  const allowed = (message: string): CallDecision => ({ outcome: 'allowed', reason: 'callTakingClear', message });
  const warned = (reason: CallReason, message: string): CallDecision => ({ outcome: 'warned', reason, message });
  const refused = (reason: CallReason, message: string): CallDecision => ({ outcome: 'refused', reason, message });
  switch (situation) {
    case 'alertUnpaidOnContract':
      return facts.unpaidOnContract ? warned('callTakingUnpaidOnContract', 'Call-taking alert: an invoice of this contract is not paid') : allowed('contract invoices paid');
    case 'alertUnpaidOnCustomer':
      return facts.unpaidOnCustomer ? warned('callTakingUnpaidOnCustomer', 'Call-taking alert: an invoice of this customer is not paid') : allowed('customer invoices paid');
    case 'alertAlways':
      return warned('callTakingUnderWatch', 'Call-taking alert: this customer is under watch');
    case 'blockUnpaidOnContract':
      return facts.unpaidOnContract
        ? refused('callTakingUnpaidOnContract', 'Call taking blocked: an invoice of this contract is not paid')
        : allowed('contract invoices paid');
    case 'blockUnpaidOnCustomer':
      return facts.unpaidOnCustomer
        ? refused('callTakingUnpaidOnCustomer', 'Call taking blocked: an invoice of this customer is not paid')
        : allowed('customer invoices paid');
    case 'blockAlways':
      return refused('callTakingUnderWatch', 'Call taking blocked: no issue can be entered for this customer before a check is done');
    default:
      return allowed('no call-taking rule');
  }
}
