import {
  blocksByRule,
  contributionOf,
  defaultPolicy,
  deltasOf,
  dues,
  dunningLevelAt,
  firedRules,
  judgeLimit,
  loggedDecisionText,
  overdueFacts,
  parseOverdueRules,
  type DocumentMapping,
  type OpenDues,
  type OverdueFacts,
  type OverdueRules,
  type Policy,
} from '../../../src/plugins/credit-control/server/src/core';

// The overdue rules (core/overdue.ts): what is late, which rule fires, in what order, with the
// amount rule and the manual block; and the open dues a write moves.
const DAY = '2026-06-30';
const LEVELS = [
  { rank: 1, minDaysOverdue: 1 },
  { rank: 2, minDaysOverdue: 15 },
  { rank: 3, minDaysOverdue: 30 },
];
const noRate = () => undefined;
const facts = (dues: OpenDues[], currency = 'EUR', rateOf: (from: string, to: string) => string | undefined = noRate): OverdueFacts =>
  overdueFacts(dues, currency, DAY, LEVELS, rateOf);

describe('overdueFacts: the party’s figures in the policy currency', () => {
  it.each([
    ['nothing owed', [], { oldestPastDue: null, daysLate: 0, pastDueMinor: 0n, level: 0 }],
    ['one invoice 10 days late', [{ currency: 'EUR', oldestPastDue: '2026-06-20', pastDueMinor: 50000n }], { oldestPastDue: '2026-06-20', daysLate: 10, pastDueMinor: 50000n, level: 1 }],
    ['40 days late: formal notice', [{ currency: 'EUR', oldestPastDue: '2026-05-21', pastDueMinor: 1n }], { daysLate: 40, level: 3 }],
    ['a credit note nets the amount, not the oldest day', [{ currency: 'EUR', oldestPastDue: '2026-06-01', pastDueMinor: -100n }], { oldestPastDue: '2026-06-01', daysLate: 29, pastDueMinor: -100n, level: 2 }],
  ] as [string, OpenDues[], Partial<OverdueFacts>][])('%s', (_name, dues, expected) => {
    expect(facts(dues)).toMatchObject(expected);
  });

  it('converts other currencies at today’s rate, and names a currency without one', () => {
    const dues: OpenDues[] = [
      { currency: 'EUR', oldestPastDue: '2026-06-25', pastDueMinor: 10000n },
      { currency: 'USD', oldestPastDue: '2026-06-10', pastDueMinor: 20000n },
      { currency: 'GBP', oldestPastDue: null, pastDueMinor: 500n },
    ];
    const got = facts(dues, 'EUR', (from) => (from === 'USD' ? '0.5' : undefined));
    expect(got).toMatchObject({ oldestPastDue: '2026-06-10', daysLate: 20, pastDueMinor: 20000n, missingRates: ['GBP'] });
  });
});

describe('dunningLevelAt', () => {
  it.each([
    [0, 0],
    [1, 1],
    [14, 1],
    [15, 2],
    [29, 2],
    [30, 3],
    [400, 3],
  ])('%i days late → level %i', (days, level) => expect(dunningLevelAt(days, LEVELS)).toBe(level));
});

describe('firedRules: which rule fires, blocks first', () => {
  const late = facts([{ currency: 'EUR', oldestPastDue: '2026-05-31', pastDueMinor: 600000n }]); // 30 days, 6,000.00, level 3
  const rules = (r: OverdueRules) => r;
  it.each([
    ['no rule', rules({}), []],
    ['oldest over 20 days: block', rules({ oldestDays: { days: 20, action: 'block' } }), [['overdueDays', 'block', '20', '30']]],
    ['exactly 30 days is not more than 30', rules({ oldestDays: { days: 30, action: 'block' } }), []],
    ['amount above 5,000.00: alert', rules({ amount: { minor: 500000n, action: 'alert' } }), [['overdueAmount', 'alert', '5000.00', '6000.00']]],
    ['amount at the limit does not fire', rules({ amount: { minor: 600000n, action: 'block' } }), []],
    ['level ≥ 3: block', rules({ dunningLevel: { level: 3, action: 'block' } }), [['dunningLevel', 'block', '3', '3']]],
    ['level ≥ 4 does not fire', rules({ dunningLevel: { level: 4, action: 'block' } }), []],
    [
      'all three: the blocks before the alert, each in its order',
      rules({ oldestDays: { days: 10, action: 'alert' }, amount: { minor: 100n, action: 'block' }, dunningLevel: { level: 2, action: 'block' } }),
      [['overdueAmount', 'block', '1.00', '6000.00'], ['dunningLevel', 'block', '2', '3'], ['overdueDays', 'alert', '10', '30']],
    ],
  ] as [string, OverdueRules, [string, string, string, string][]][])('%s', (_name, r, expected) => {
    expect(firedRules(r, late).map((f) => [f.rule, f.action, f.limit, f.actual])).toEqual(expected);
  });

  it('nothing late fires nothing, whatever the limits', () => {
    expect(firedRules({ oldestDays: { days: 0, action: 'block' }, amount: { minor: 0n, action: 'block' }, dunningLevel: { level: 1, action: 'block' } }, facts([]))).toEqual([]);
  });

  it('blocksByRule: only a block rule blocks', () => {
    expect(blocksByRule({ oldestDays: { days: 1, action: 'alert' } }, late)).toBe(false);
    expect(blocksByRule({ oldestDays: { days: 1, action: 'block' } }, late)).toBe(true);
  });
});

describe('parseOverdueRules: the stored rules, each problem on its path', () => {
  it.each([
    [null, {}, []],
    [{}, {}, []],
    [{ oldestDays: { days: 30, action: 'block' } }, { oldestDays: { days: 30, action: 'block' } }, []],
    [{ amount: { amount: '5000.50' } }, { amount: { minor: 500050n, action: 'block' } }, []],
    [{ dunningLevel: { level: 2, action: 'alert' }, oldestDays: null }, { dunningLevel: { level: 2, action: 'alert' } }, []],
    ['x', {}, [['overdueRules', 'overdueRulesObject']]],
    [[1], {}, [['overdueRules', 'overdueRulesObject']]],
    [{ late: {} }, {}, [['overdueRules.late', 'overdueRuleUnknown']]],
    [{ amount: 5 }, {}, [['overdueRules.amount', 'overdueRuleObject']]],
    [{ oldestDays: { days: -1 } }, {}, [['overdueRules.oldestDays.days', 'overdueDays']]],
    [{ oldestDays: { days: 2.5 } }, {}, [['overdueRules.oldestDays.days', 'overdueDays']]],
    [{ oldestDays: { days: 3, action: 'stop' } }, {}, [['overdueRules.oldestDays.action', 'overdueAction']]],
    [{ amount: { amount: '12.345' } }, {}, [['overdueRules.amount.amount', 'overdueAmount']]],
    [{ amount: { amount: '-5' } }, {}, [['overdueRules.amount.amount', 'overdueAmount']]],
    [{ dunningLevel: { level: 0 } }, {}, [['overdueRules.dunningLevel.level', 'overdueLevel']]],
  ] as [unknown, OverdueRules, [string, string][]][])('%j', (raw, rules, problems) => {
    const parsed = parseOverdueRules(raw, 'EUR');
    expect(parsed.rules).toEqual(rules);
    expect(parsed.problems.map((p) => [p.path, p.code])).toEqual(problems);
  });
});

describe('the open dues a write moves', () => {
  const invoices: DocumentMapping = {
    uid: 'api::invoice.invoice', gate: 'invoices', partyFields: ['customer'], bucket: 'invoices', countedByDefault: true, amountField: 'amount', sign: 1, minus: [],
    gatedActions: ['create', 'update', 'delete'], unpaidShare: { paidField: 'paid', totalField: 'amount' }, negativeWhen: { field: 'kind', in: ['creditNote'] },
    dueDateField: 'dueDate', dueWhen: { field: 'state', in: ['issued', 'partiallyPaid'] },
  };
  const state = (values: Record<string, unknown>) => ({ documentId: 'i1', party: 'p1', currency: 'EUR', values: { kind: 'invoice', state: 'issued', amount: '100.00', paid: '0', dueDate: '2026-06-01', ...values } });
  const moved = (before: Record<string, unknown> | null, after: Record<string, unknown> | null) =>
    dues(deltasOf([before ? contributionOf(invoices, state(before)) : null], [after ? contributionOf(invoices, state(after)) : null])).map((d) => [d.due, d.minor]);

  it.each([
    ['an issued invoice falls due on its due day', null, {}, [['2026-06-01', 10000n]]],
    ['a draft falls due on no day', null, { state: 'draft' }, []],
    ['half paid: half leaves its due day', {}, { paid: '50.00', state: 'partiallyPaid' }, [['2026-06-01', -5000n]]],
    ['paid in full: nothing is left due', {}, { paid: '100.00', state: 'paid' }, [['2026-06-01', -10000n]]],
    ['a new due day moves the amount', {}, { dueDate: '2026-07-15' }, [['2026-06-01', -10000n], ['2026-07-15', 10000n]]],
    ['a credit note falls due negative', null, { kind: 'creditNote' }, [['2026-06-01', -10000n]]],
    ['no due date: no due day', null, { dueDate: null }, []],
  ] as [string, Record<string, unknown> | null, Record<string, unknown> | null, [string, bigint][]][])('%s', (_name, before, after, expected) => {
    expect(moved(before, after)).toEqual(expected);
  });
});

describe('judgeLimit with overdue rules (beside the amount rule and the manual block)', () => {
  const doc: DocumentMapping = { uid: 'api::invoice.invoice', gate: 'invoices', partyFields: ['customer'], bucket: 'invoices', countedByDefault: true, amountField: 'amount', sign: 1, minus: [], gatedActions: ['create', 'update', 'delete'] };
  const late = facts([{ currency: 'EUR', oldestPastDue: '2026-05-31', pastDueMinor: 600000n }]);
  const policy = (p: Partial<Policy>): Policy => ({ ...defaultPolicy('EUR', ['invoices'], ['invoices']), ...p });
  const judge = (p: Partial<Policy>, deltaMinor: bigint, overdue: OverdueFacts | undefined = late, exposure = 0n) =>
    judgeLimit({
      party: 'p1', policy: policy(p), exposureRows: [{ bucket: 'invoices', currency: 'EUR', minor: exposure }], counted: deltaMinor === 0n ? [] : [{ party: 'p1', bucket: 'invoices', currency: 'EUR', minor: deltaMinor }],
      rateOf: noRate, doc, action: 'create', audit: { kind: 'write', documentUid: doc.uid, documentId: 'd1', action: 'create' }, day: DAY, overdue,
    });
  const block30 = { oldestDays: { days: 20, action: 'block' as const } };

  it.each([
    ['mode none, a block rule holds: refused by it', { overdueRules: block30 }, 1000n, 'refused', 'overdueDays'],
    ['an alert rule: warned', { overdueRules: { amount: { minor: 100n, action: 'alert' as const } } }, 1000n, 'warned', 'overdueAmount'],
    ['within the threshold, a block rule holds: refused', { mode: 'block' as const, thresholdMinor: 10_000_000n, overdueRules: block30 }, 1000n, 'refused', 'overdueDays'],
    ['over the threshold in block mode: the amount refusal stands', { mode: 'block' as const, thresholdMinor: 10n, overdueRules: block30 }, 1000n, 'refused', 'overThreshold'],
    ['over the threshold in alert mode, an alert rule: the amount alert stays the reason', { mode: 'alert' as const, thresholdMinor: 10n, overdueRules: { oldestDays: { days: 1, action: 'alert' as const } } }, 1000n, 'warned', 'overThreshold'],
    ['over the threshold in alert mode, a block rule: refused by the rule', { mode: 'alert' as const, thresholdMinor: 10n, overdueRules: block30 }, 1000n, 'refused', 'overdueDays'],
    ['a manual block stands before the rules', { blocked: true, overdueRules: block30 }, 1000n, 'refused', 'manualBlock'],
    ['a write that lowers the exposure passes (a payment, a credit note)', { overdueRules: block30 }, -1000n, 'allowed', 'modeNone'],
    ['a gate the policy does not tick passes', { gates: [], overdueRules: block30 }, 1000n, 'allowed', 'notGated'],
    ['no rule: the amount rule alone', {}, 1000n, 'allowed', 'modeNone'],
  ] as [string, Partial<Policy>, bigint, string, string][])('%s', (_name, p, delta, outcome, reason) => {
    const judged = judge(p, delta);
    expect([judged.decision.outcome, judged.decision.reason]).toEqual([outcome, reason]);
  });

  it('the decision names the rule with its figures, in its sentence and its details', () => {
    const judged = judge({ overdueRules: { ...block30, amount: { minor: 100000n, action: 'alert' } } }, 1000n);
    expect(judged.decision.message).toBe('Credit blocked: the oldest unpaid invoice is 30 days past due (more than 20 days)');
    expect(judged.audit.details).toMatchObject({
      overdue: { oldestPastDue: '2026-05-31', daysLate: 30, pastDue: '6000.00', level: 3, fired: [{ rule: 'overdueDays', action: 'block', limit: '20', actual: '30' }, { rule: 'overdueAmount', action: 'alert', limit: '1000.00', actual: '6000.00' }] },
    });
  });

  it('nothing late: the rules let the write through', () => {
    expect(judge({ overdueRules: block30 }, 1000n, facts([])).decision.outcome).toBe('allowed');
  });
});

describe('the decision log says an overdue refusal again in the reader’s language', () => {
  const row = (reason: string, fired: unknown[]) => ({
    kind: 'write', outcome: 'refused', reason, action: 'create', gate: 'invoices', currency: 'EUR', exposureAfterMinor: 0n, thresholdMinor: 0n,
    details: { overdue: { oldestPastDue: '2026-05-21', daysLate: 40, pastDue: '6000.00', level: 3, fired } },
  });
  it.each([
    ['overdueDays', [{ rule: 'overdueDays', action: 'block', limit: '30', actual: '40' }], 'Crédit bloqué : la plus ancienne facture impayée est échue depuis 40 jours (plus de 30 jours)'],
    ['overdueAmount', [{ rule: 'overdueAmount', action: 'block', limit: '5000.00', actual: '6000.00' }], `Crédit bloqué : 6\u202f000,00 EUR sont échus (plus de 5\u202f000,00 EUR)`],
    ['dunningLevel', [{ rule: 'dunningLevel', action: 'block', limit: '2', actual: '3' }], 'Crédit bloqué : le client est au niveau de relance 3 (niveau 2 ou plus)'],
  ])('%s', (reason, fired, text) => {
    expect(loggedDecisionText(row(reason, fired), 'fr')).toBe(text);
  });
  it('a row without the rule’s figures keeps its stored message (null here)', () => {
    expect(loggedDecisionText(row('overdueDays', []), 'fr')).toBeNull();
  });
});
