import {
  CALL_TAKING,
  decideCallTaking,
  type CallTaking,
  type Outcome,
} from '../../../src/plugins/credit-control/server/src/core';

/**
 * The spec's seven "Call taking blocked" situations. Columns are the facts
 * (unpaid on the customer, unpaid on the contract): ff, tf, ft, tt.
 */
const A = 'allowed' as const;
const W = 'warned' as const;
const R = 'refused' as const;
const TABLE: Record<CallTaking, [Outcome, Outcome, Outcome, Outcome]> = {
  none: [A, A, A, A],
  alertUnpaidOnContract: [A, A, W, W],
  alertUnpaidOnCustomer: [A, W, A, W],
  alertAlways: [W, W, W, W],
  blockUnpaidOnContract: [A, A, R, R],
  blockUnpaidOnCustomer: [A, R, A, R],
  blockAlways: [R, R, R, R],
};
const FACTS = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
] as const;

const cases = CALL_TAKING.flatMap((situation) =>
  (['backOffice', 'customerPortal'] as const).flatMap((channel) =>
    FACTS.map(([unpaidOnCustomer, unpaidOnContract], i) => [situation, channel, unpaidOnCustomer, unpaidOnContract, TABLE[situation][i]] as const),
  ),
);

describe('decideCallTaking', () => {
  it('knows exactly the seven situations of the spec', () => {
    expect([...CALL_TAKING].sort()).toEqual(Object.keys(TABLE).sort());
    expect(CALL_TAKING).toHaveLength(7);
  });

  it.each(cases)('%s from %s, unpaid on customer %s, on contract %s → %s', (situation, channel, unpaidOnCustomer, unpaidOnContract, outcome) => {
    const decision = decideCallTaking(situation, { unpaidOnCustomer, unpaidOnContract, channel });
    expect(decision.outcome).toBe(outcome);
    if (outcome === 'refused') expect(decision.message).toMatch(/^Call taking blocked: /);
    if (outcome === 'warned') expect(decision.message).toMatch(/^Call-taking alert: /);
  });

  it.each<[CallTaking, boolean, boolean, string]>([
    ['alertUnpaidOnContract', true, true, 'Call-taking alert: an invoice of this contract is not paid'],
    ['alertUnpaidOnCustomer', true, false, 'Call-taking alert: an invoice of this customer is not paid'],
    ['alertAlways', false, false, 'Call-taking alert: this customer is under watch'],
    ['blockUnpaidOnContract', true, true, 'Call taking blocked: an invoice of this contract is not paid'],
    ['blockUnpaidOnCustomer', true, false, 'Call taking blocked: an invoice of this customer is not paid'],
    ['blockAlways', false, false, 'Call taking blocked: no issue can be entered for this customer before a check is done'],
  ])('%s says why in words a clerk reads', (situation, unpaidOnCustomer, unpaidOnContract, message) => {
    expect(decideCallTaking(situation, { unpaidOnCustomer, unpaidOnContract, channel: 'backOffice' }).message).toBe(message);
  });

  it.each<[CallTaking, boolean, boolean, string]>([
    ['none', true, true, 'callTakingClear'],
    ['alertUnpaidOnContract', true, true, 'callTakingUnpaidOnContract'],
    ['alertUnpaidOnContract', true, false, 'callTakingClear'],
    ['alertUnpaidOnCustomer', true, false, 'callTakingUnpaidOnCustomer'],
    ['alertAlways', false, false, 'callTakingUnderWatch'],
    ['blockUnpaidOnContract', true, true, 'callTakingUnpaidOnContract'],
    ['blockUnpaidOnCustomer', true, false, 'callTakingUnpaidOnCustomer'],
    ['blockAlways', false, false, 'callTakingUnderWatch'],
  ])('%s (unpaid on customer %s, on contract %s) gives the reason code %s', (situation, unpaidOnCustomer, unpaidOnContract, reason) => {
    expect(decideCallTaking(situation, { unpaidOnCustomer, unpaidOnContract, channel: 'backOffice' }).reason).toBe(reason);
  });

  it('an unknown situation stored in the database blocks nothing', () => {
    const decision = decideCallTaking('somethingElse' as CallTaking, { unpaidOnCustomer: true, unpaidOnContract: true, channel: 'backOffice' });
    expect(decision.outcome).toBe('allowed');
  });
});
