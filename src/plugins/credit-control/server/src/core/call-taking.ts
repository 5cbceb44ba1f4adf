import type { CallTaking } from './policy';
import type { Outcome } from './decision';

export interface CallFacts {
  /** an invoice of the customer is not fully paid */
  unpaidOnCustomer: boolean;
  /** an invoice of the contract is not fully paid (false without a contract) */
  unpaidOnContract: boolean;
  channel: 'backOffice' | 'customerPortal' | string;
}

export interface CallDecision {
  outcome: Outcome;
  message: string;
}

/** The seven "Call taking blocked" situations, applied to a new help-desk issue. */
export function decideCallTaking(situation: CallTaking, facts: CallFacts): CallDecision {
  const allowed = (message: string): CallDecision => ({ outcome: 'allowed', message });
  const warned = (message: string): CallDecision => ({ outcome: 'warned', message });
  const refused = (message: string): CallDecision => ({ outcome: 'refused', message });
  switch (situation) {
    case 'alertUnpaidOnContract':
      return facts.unpaidOnContract ? warned('Call-taking alert: an invoice of this contract is not paid') : allowed('contract invoices paid');
    case 'alertUnpaidOnCustomer':
      return facts.unpaidOnCustomer ? warned('Call-taking alert: an invoice of this customer is not paid') : allowed('customer invoices paid');
    case 'alertAlways':
      return warned('Call-taking alert: this customer is under watch');
    case 'blockUnpaidOnContract':
      return facts.unpaidOnContract
        ? refused('Call taking blocked: an invoice of this contract is not paid')
        : allowed('contract invoices paid');
    case 'blockUnpaidOnCustomer':
      return facts.unpaidOnCustomer
        ? refused('Call taking blocked: an invoice of this customer is not paid')
        : allowed('customer invoices paid');
    case 'blockAlways':
      return refused('Call taking blocked: no issue can be entered for this customer before a check is done');
    default:
      return allowed('no call-taking rule');
  }
}
