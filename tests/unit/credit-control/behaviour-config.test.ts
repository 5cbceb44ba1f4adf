import { checkReportsMapping } from '../../../src/plugins/credit-control/server/src/core/reports/mapping';
import { DEFAULT_THRESHOLDS, checkBehaviourMapping, colourOfValue } from '../../../src/plugins/credit-control/server/src/core/behaviour-mapping';
import { behaviourWindow, monthsBefore, partyBehaviours, type BehaviourRow } from '../../../src/plugins/credit-control/server/src/core/behaviour-rows';

// Issue 22, item 6: the `behaviour` section of the mapping (window, thresholds, the colour field and
// its values), the rolling window's bounds, and the fold of the grouped SQL rows into each party's figures.
const PARTY = 'api::customer.customer';
const models: Record<string, Record<string, any>> = {
  [PARTY]: { code: { type: 'string' }, name: { type: 'string' }, colour: { type: 'enumeration', enum: ['green', 'orange', 'red'] }, note: { type: 'text' }, score: { type: 'integer' } },
  'api::company.company': { name: { type: 'string' } },
  'api::invoice.invoice': {
    customer: { type: 'relation', target: PARTY },
    number: { type: 'string' },
    date: { type: 'date' },
    dueDate: { type: 'date' },
    total: { type: 'decimal' },
    paid: { type: 'decimal' },
    paidOn: { type: 'date' },
    status: { type: 'string' },
  },
  'api::payment.payment': { customer: { type: 'relation', target: PARTY }, number: { type: 'string' }, date: { type: 'date' }, amount: { type: 'decimal' } },
};
const describeModel = (uid: string) => models[uid];
const rawReports = (paidOnField?: string) => ({
  party: { codeField: 'code', nameField: 'name' },
  company: { uid: 'api::company.company', nameField: 'name' },
  invoices: { uid: 'api::invoice.invoice', partyField: 'customer', numberField: 'number', dateField: 'date', dueDateField: 'dueDate', totalField: 'total', paidField: 'paid', ...(paidOnField !== undefined ? { paidOnField } : {}), open: { field: 'status', in: ['open'] } },
  payments: { uid: 'api::payment.payment', partyField: 'customer', numberField: 'number', dateField: 'date', amountField: 'amount' },
});
const reports = (paidOnField?: string) => checkReportsMapping(rawReports(paidOnField), PARTY, describeModel).reports;
const check = (raw: unknown, paidOn: string | null = 'paidOn') => checkBehaviourMapping(raw, PARTY, reports(paidOn ?? undefined), describeModel);

describe('reports.invoices.paidOnField, the day an invoice was fully paid', () => {
  it.each<[string, string | undefined, string | undefined, string[]]>([
    ['absent: feature off, no problem', undefined, undefined, []],
    ['a date field', 'paidOn', 'paidOn', []],
    ['unknown field', 'settledOn', 'settledOn', ['reports.invoices.paidOnField: "api::invoice.invoice" has no field "settledOn"']],
    ['not a date', 'total', 'total', ['reports.invoices.paidOnField: "api::invoice.invoice.total" is a decimal field, not a date']],
  ])('%s', (_name, given, expected, problems) => {
    const out = checkReportsMapping(rawReports(given), PARTY, describeModel);
    expect(out.problems).toEqual(problems);
    expect(out.reports?.invoices.paidOnField).toBe(expected);
  });
});

describe('the behaviour section of the mapping', () => {
  it('is on with the defaults as soon as the invoices have a paidOnField', () => {
    expect(check(undefined)).toEqual({ problems: [], behaviour: { windowMonths: 12, thresholds: DEFAULT_THRESHOLDS, colourValues: { green: 'green', amber: 'amber', red: 'red' } } });
    expect(check(undefined, null)).toEqual({ problems: [] });
  });

  it('is off with behaviour: false, even with a paidOnField, and then asks for nothing', () => {
    expect(check(false)).toEqual({ problems: [] });
    expect(check(false, null)).toEqual({ problems: [] });
  });

  it('takes a colour field with its own values, and partial thresholds over the defaults', () => {
    const { behaviour, problems } = check({ colourField: 'colour', colourValues: { amber: 'orange' }, thresholds: { red: { lateSharePercent: 60 } }, windowMonths: 24 });
    expect(problems).toEqual([]);
    expect(behaviour).toEqual({
      windowMonths: 24,
      colourField: 'colour',
      colourValues: { green: 'green', amber: 'orange', red: 'red' },
      thresholds: { amber: DEFAULT_THRESHOLDS.amber, red: { lateSharePercent: 60, averageDaysLate: 45 } },
    });
  });

  it.each([
    ['no paidOnField', {}, null, ['behaviour: needs reports.invoices with a paidOnField (the date an invoice was fully paid)']],
    ['an odd window', { windowMonths: 7 }, 'paidOn', ['behaviour.windowMonths must be an even whole number of months from 2 to 60 (two halves for the trend)']],
    ['a window too long', { windowMonths: 62 }, 'paidOn', ['behaviour.windowMonths must be an even whole number of months from 2 to 60 (two halves for the trend)']],
    ['a share above 100', { thresholds: { amber: { lateSharePercent: 101 }, red: { lateSharePercent: 101 } } }, 'paidOn', ['behaviour.thresholds.amber.lateSharePercent must be a whole number from 0 to 100', 'behaviour.thresholds.red.lateSharePercent must be a whole number from 0 to 100']],
    ['days as text', { thresholds: { amber: { averageDaysLate: '10' } } }, 'paidOn', ['behaviour.thresholds.amber.averageDaysLate must be a whole number of days from 0 to 3650']],
    ['red below amber', { thresholds: { amber: { lateSharePercent: 40 }, red: { lateSharePercent: 30 } } }, 'paidOn', ['behaviour.thresholds: red must not be below amber']],
    ['an unknown colour field', { colourField: 'hue' }, 'paidOn', [`behaviour.colourField: "${PARTY}" has no field "hue"`]],
    ['a number field', { colourField: 'score' }, 'paidOn', [`behaviour.colourField: "${PARTY}.score" is a integer field, not an enumeration or a text field`]],
    ['a value the enumeration lacks', { colourField: 'colour' }, 'paidOn', [`behaviour.colourValues.amber: "amber" is not a value of "${PARTY}.colour" (green, orange, red)`]],
  ])('%s is a boot problem', (_name, raw, paidOn, problems) => {
    expect(check(raw, paidOn as string | null).problems).toEqual(problems);
  });

  it('a text colour field takes any values', () => {
    expect(check({ colourField: 'note', colourValues: { green: 'V', amber: 'O', red: 'R' } }).problems).toEqual([]);
  });

  it.each([
    ['orange', 'amber'],
    ['green', 'green'],
    ['amber', null],
    [null, null],
    [undefined, null],
  ])('the stored value %j is the colour %j', (value, colour) => {
    expect(colourOfValue(value, { green: 'green', amber: 'orange', red: 'red' })).toBe(colour);
  });
});

describe('the rolling window', () => {
  it.each([
    ['2026-12-06', 12, '2025-12-06'],
    ['2026-12-06', 6, '2026-06-06'],
    ['2026-03-31', 1, '2026-02-28'],
    ['2024-03-31', 1, '2024-02-29'],
    ['2026-01-15', 2, '2025-11-15'],
    ['2026-05-31', 24, '2024-05-31'],
  ])('%s minus %i months is %s', (iso, months, expected) => {
    expect(monthsBefore(iso, months)).toBe(expected);
  });

  it('is split in two halves whose days add up', () => {
    expect(behaviourWindow('2026-12-06', 12)).toEqual({ from: '2025-12-06', mid: '2026-06-06', to: '2026-12-06', previousDays: 182, lastDays: 183 });
  });
});

describe('the fold of the grouped rows', () => {
  const window = behaviourWindow('2026-12-06', 12);
  const row = (o: Partial<BehaviourRow>): BehaviourRow => ({ party: 'P', currency: 'EUR', half: 1, decided: 0, late: 0, daysLateSum: 0, invoicedMinor: 0n, openMinor: 0n, ...o });
  const rates = (from: string, to: string) => (from === 'USD' && to === 'EUR' ? '0.5' : undefined);
  const fold = (rows: BehaviourRow[], parties = ['P']) => partyBehaviours(parties, rows, window, 'EUR', rates, DEFAULT_THRESHOLDS);

  it.each([
    ['no rows: no data', [], { invoices: 0, dso: null, averageDaysLate: null, lateSharePercent: null, trend: 'unknown' }, null],
    [
      'all on time',
      [row({ decided: 4, invoicedMinor: 40000n })],
      { invoices: 4, dso: 0, averageDaysLate: 0, lateSharePercent: 0, trend: 'unknown' },
      'green',
    ],
    [
      'late in the last half only: worsening, red by the share',
      [row({ half: 0, decided: 2, invoicedMinor: 20000n }), row({ half: 1, decided: 2, late: 2, daysLateSum: 20, invoicedMinor: 20000n, openMinor: 10000n })],
      { invoices: 4, averageDaysLate: 10, lateSharePercent: 50, trend: 'worsening', dso: 91 },
      'red',
    ],
    [
      'late before, on time now: improving, amber by the days',
      [row({ half: 0, decided: 4, late: 1, daysLateSum: 16, invoicedMinor: 40000n }), row({ half: 1, decided: 4, invoicedMinor: 40000n })],
      { invoices: 8, averageDaysLate: 16, lateSharePercent: 13, trend: 'improving' },
      'amber',
    ],
    [
      'a foreign currency converts at its rate',
      [row({ decided: 1, invoicedMinor: 10000n }), row({ currency: 'USD', decided: 1, invoicedMinor: 20000n, openMinor: 20000n })],
      { invoices: 2, dso: 183 },
      'green',
    ],
  ])('%s', (_name, rows, figures, suggested) => {
    const b = fold(rows as BehaviourRow[]).get('P')!;
    expect(b.figures).toMatchObject(figures);
    expect(b.suggested).toBe(suggested);
  });

  it('a currency with no rate still counts its invoices, its amounts are left out and named', () => {
    const b = fold([row({ decided: 2, late: 1, daysLateSum: 50, invoicedMinor: 10000n }), row({ currency: 'GBP', decided: 2, invoicedMinor: 99999n, openMinor: 99999n })]).get('P')!;
    expect(b).toMatchObject({ missingRates: ['GBP'], figures: { invoices: 4, dso: 0, lateSharePercent: 25, averageDaysLate: 50 }, suggested: 'red' });
  });

  it('rows of parties not asked for are ignored; each party asked for gets its figures', () => {
    const out = fold([row({ party: 'X', decided: 1, late: 1, daysLateSum: 99 }), row({ party: 'Q', decided: 1 })], ['P', 'Q']);
    expect([...out.keys()]).toEqual(['P', 'Q']);
    expect(out.get('Q')!.figures.invoices).toBe(1);
    expect(out.get('P')!.suggested).toBeNull();
  });
});
