import {
  approvalRefusal,
  approvalRule,
  checkLimitChangesConfig,
  classifyLimitChange,
  patchOfRequest,
  reviewMonthsOf,
  type LimitState,
} from '../../../src/plugins/credit-control/server/src/core';
import config from '../../../src/plugins/credit-control/server/src/config';

// Limit history and four-eyes approval: which fields change, whether a limit is raised, and when a raise needs an approver.
const GATES = ['quotations', 'orders', 'invoices'];
const at = (mode: LimitState['mode'], threshold: number, o: Partial<LimitState> = {}): LimitState => ({
  mode,
  thresholdMinor: BigInt(Math.round(threshold * 100)),
  currency: 'EUR',
  gates: GATES,
  ...o,
});
const AMOUNT = approvalRule({ approval: { amount: '5000.00' } });
const FACTOR = approvalRule({ approval: { factor: 1.5 } });
const BOTH = approvalRule({ approval: { amount: '5000.00', factor: '2' } });

describe('classifyLimitChange', () => {
  // [case, before, after, rule, changed fields, raise amount ('∞' unbounded, null none), needs approval]
  const cases: [string, LimitState | null, LimitState | null, ReturnType<typeof approvalRule>, string[], string | null, boolean][] = [
    ['no change', at('block', 1000), at('block', 1000), AMOUNT, [], null, false],
    ['raise within the amount', at('block', 1000), at('block', 6000), AMOUNT, ['threshold'], '500000', false],
    ['raise above the amount', at('block', 1000), at('block', 6000.01), AMOUNT, ['threshold'], '500001', true],
    ['lowering never needs approval', at('block', 90000), at('block', 100), BOTH, ['threshold'], null, false],
    ['raise within the factor', at('block', 1000), at('block', 1500), FACTOR, ['threshold'], '50000', false],
    ['raise above the factor', at('block', 1000), at('block', 1500.01), FACTOR, ['threshold'], '50001', true],
    ['small raise, above the factor', at('block', 100), at('block', 300), BOTH, ['threshold'], '20000', true],
    ['big raise, within the factor', at('block', 100000), at('block', 150000), BOTH, ['threshold'], '5000000', true],
    ['raise from a zero limit: any factor', at('block', 0), at('block', 10), FACTOR, ['threshold'], '1000', true],
    ['no rule configured: no approval', at('block', 1000), at('block', 1000000), null, ['threshold'], '99900000', false],
    ['block to none lifts the limit', at('block', 1000), at('none', 1000), AMOUNT, ['mode'], '∞', true],
    ['block to alert lifts the limit', at('block', 1000), at('alert', 1000), FACTOR, ['mode'], '∞', true],
    ['blockAll to block raises from 0', at('blockAll', 1000), at('block', 1000), AMOUNT, ['mode'], '100000', false],
    ['blockAll to block above the amount', at('blockAll', 0), at('block', 9000), AMOUNT, ['mode', 'threshold'], '900000', true],
    ['none to block tightens', at('none', 0), at('block', 50000), BOTH, ['mode', 'threshold'], null, false],
    ['a new policy tightens', null, at('block', 1e9), BOTH, ['mode', 'threshold'], null, false],
    ['alert threshold raise limits nothing', at('alert', 10), at('alert', 1e6), BOTH, ['threshold'], null, false],
    ['a gate left out is unlimited', at('block', 1000), at('block', 1000, { gates: ['orders', 'invoices'] }), AMOUNT, ['gates'], '∞', true],
    ['a gate added tightens', at('block', 1000, { gates: ['orders'] }), at('block', 1000), AMOUNT, ['gates'], null, false],
    ['gates and mode loosened under none', at('none', 0, { gates: ['orders'] }), at('none', 0), AMOUNT, ['gates'], null, false],
    ['a currency change is not comparable', at('block', 1000), at('block', 1000, { currency: 'USD' }), AMOUNT, ['threshold'], '∞', true],
    ['removing a blocking policy lifts it', at('block', 1000), null, AMOUNT, ['mode', 'threshold'], '∞', true],
    ['removing an alert policy', at('alert', 1000), null, AMOUNT, ['mode', 'threshold'], null, false],
    ['an overdue rule added is recorded, never held', at('block', 1000), at('block', 1000, { overdueRules: { oldestDays: { days: 30, action: 'block' } } }), BOTH, ['overdueRules'], null, false],
    ['an overdue rule lifted is recorded, never held', at('block', 1000, { overdueRules: { amount: { minor: 500000n, action: 'block' } } }), at('block', 1000, { overdueRules: {} }), BOTH, ['overdueRules'], null, false],
    ['an overdue rule from block to alert', at('block', 1000, { overdueRules: { dunningLevel: { level: 2, action: 'block' } } }), at('block', 1000, { overdueRules: { dunningLevel: { level: 2, action: 'alert' } } }), BOTH, ['overdueRules'], null, false],
    ['the same rules, no change', at('block', 1000, { overdueRules: { oldestDays: { days: 30, action: 'block' } } }), at('block', 1000, { overdueRules: { oldestDays: { days: 30, action: 'block' } } }), BOTH, [], null, false],
    ['a raise with a rule held together', at('block', 1000), at('block', 9000, { overdueRules: { oldestDays: { days: 60, action: 'alert' } } }), AMOUNT, ['threshold', 'overdueRules'], '800000', true],
  ];
  it.each(cases)('%s', (_name, before, after, rule, fields, raise, needs) => {
    const result = classifyLimitChange(before, after, GATES, rule);
    expect(result.changes.map((c) => c.field).sort()).toEqual([...fields].sort());
    expect(result.raise === null ? null : result.raise.unbounded ? '∞' : String(result.raise.amountMinor)).toBe(raise);
    expect(result.needsApproval).toBe(needs);
  });

  it('keeps old → new, the threshold with its currency and gates sorted', () => {
    const { changes, raise } = classifyLimitChange(at('block', 1000, { gates: ['orders', 'invoices'] }), at('alert', 2500.5, { gates: ['invoices', 'quotations', 'orders'] }), GATES, AMOUNT);
    expect(changes).toEqual([
      { field: 'mode', from: 'block', to: 'alert' },
      { field: 'threshold', from: '1000.00 EUR', to: '2500.50 EUR' },
      { field: 'gates', from: ['invoices', 'orders'], to: ['invoices', 'orders', 'quotations'] },
    ]);
    expect(raise).toEqual({ unbounded: true, amountMinor: null, factor: null });
  });

  it('gives the factor of the most raised gate', () => {
    expect(classifyLimitChange(at('block', 1000), at('block', 2500), GATES, FACTOR).raise).toEqual({ unbounded: false, amountMinor: 150000n, factor: '2.5' });
  });

  it('turns a request back into the policy patch that applies it', () => {
    const { changes } = classifyLimitChange(at('blockAll', 1000), at('block', 7000, { gates: ['orders'] }), GATES, AMOUNT);
    expect(patchOfRequest(changes)).toEqual({ mode: 'block', threshold: '7000.00', currency: 'EUR', gates: ['orders'] });
  });

  it('keeps the overdue rules as one text a rule, in a fixed order, and turns them back into the policy’s JSON', () => {
    const rules = { dunningLevel: { level: 2, action: 'block' as const }, oldestDays: { days: 30, action: 'alert' as const }, amount: { minor: 500050n, action: 'block' as const } };
    const { changes } = classifyLimitChange(at('block', 1000), at('block', 1000, { overdueRules: rules }), GATES, AMOUNT);
    expect(changes).toEqual([{ field: 'overdueRules', from: null, to: ['oldestDays 30 alert', 'amount 5000.50 EUR block', 'dunningLevel 2 block'] }]);
    expect(patchOfRequest(changes)).toEqual({ overdueRules: { oldestDays: { days: 30, action: 'alert' }, amount: { amount: '5000.50', action: 'block' }, dunningLevel: { level: 2, action: 'block' } } });
    const off = classifyLimitChange(at('block', 1000, { overdueRules: rules }), at('block', 1000, { overdueRules: {} }), GATES, AMOUNT).changes;
    expect(off).toEqual([{ field: 'overdueRules', from: ['oldestDays 30 alert', 'amount 5000.50 EUR block', 'dunningLevel 2 block'], to: null }]);
    expect(patchOfRequest(off)).toEqual({ overdueRules: null });
  });
});

describe('approvalRefusal (four eyes)', () => {
  const clerk = { type: 'admin', id: '7' };
  const cases: [string, { status: any; requester: typeof clerk }, { type: string; id: string | null; canApprove: boolean }, string | null][] = [
    ['another approver', { status: 'pending', requester: clerk }, { type: 'admin', id: '8', canApprove: true }, null],
    ['the requester, even holding approve', { status: 'pending', requester: clerk }, { ...clerk, canApprove: true }, 'limitSelfApproval'],
    ['someone without approve', { status: 'pending', requester: clerk }, { type: 'admin', id: '8', canApprove: false }, 'limitApproveForbidden'],
    ['an API token with the same id is another person', { status: 'pending', requester: clerk }, { type: 'api-token', id: '7', canApprove: true }, null],
    ['a decided request', { status: 'approved', requester: clerk }, { type: 'admin', id: '8', canApprove: true }, 'limitRequestNotPending'],
    ['a superseded request', { status: 'superseded', requester: clerk }, { type: 'admin', id: '8', canApprove: true }, 'limitRequestNotPending'],
  ];
  it.each(cases)('%s', (_name, request, approver, expected) => {
    expect(approvalRefusal(request, approver)).toBe(expected);
  });
});

describe('limitChanges config', () => {
  it.each([
    [undefined, []],
    [{ approval: { amount: '10000.00', factor: 2 }, reviewMonths: 6 }, []],
    [{ approval: { amount: 'lots' } }, ['limitChanges.approval.amount must be a decimal string like "10000.00"']],
    [{ approval: { factor: 1 } }, ['limitChanges.approval.factor must be a number above 1, at most 4 decimals']],
    [{ approval: { factor: 'x' } }, ['limitChanges.approval.factor must be a number above 1, at most 4 decimals']],
    [{ reviewMonths: 0 }, ['limitChanges.reviewMonths must be a whole number of months, 1 to 120']],
    ['yes', ['limitChanges must be an object']],
  ])('%j → %j', (given, problems) => {
    expect(checkLimitChangesConfig(given)).toEqual(problems);
  });

  it('stops the boot naming the key, and defaults to no approval and 12 months', () => {
    expect(() => config.validator({ limitChanges: { approval: { factor: 0.5 } } })).toThrow('credit-control: limitChanges.approval.factor must be a number above 1, at most 4 decimals');
    expect(approvalRule(undefined)).toBeNull();
    expect(approvalRule({ approval: {} })).toBeNull();
    expect(reviewMonthsOf(undefined)).toBe(12);
  });
});
