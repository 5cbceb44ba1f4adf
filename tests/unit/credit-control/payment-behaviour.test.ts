import {
  aggregateHalf,
  behaviourFigures,
  daysLate,
  suggestedColour,
  trendOf,
  type BehaviourFigures,
  type HalfAggregate,
} from '../../../src/plugins/credit-control/server/src/core';

const half = (p: Partial<HalfAggregate> = {}): HalfAggregate => ({
  decided: 0,
  late: 0,
  daysLateSum: 0,
  invoicedMinor: 0n,
  openMinor: 0n,
  days: 182,
  ...p,
});
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const AS_OF = d('2026-12-06');

describe('daysLate', () => {
  it.each<[string, string, string | null, number | null]>([
    ['paid on time', '2026-11-01', '2026-10-30', 0],
    ['paid on the due date', '2026-11-01', '2026-11-01', 0],
    ['paid late', '2026-11-01', '2026-11-11', 10],
    ['open, past due (counted up to asOf)', '2026-11-26', null, 10],
    ['open, not yet due: undecided', '2026-12-20', null, null],
    ['open, due today: undecided', '2026-12-06', null, null],
  ])('%s', (_name, due, paid, expected) => {
    expect(daysLate(d(due), paid ? d(paid) : null, AS_OF)).toBe(expected);
  });
});

describe('trendOf', () => {
  it.each<[string, HalfAggregate, HalfAggregate, string]>([
    ['no invoices', half(), half(), 'unknown'],
    ['only the last half', half(), half({ decided: 2, late: 1 }), 'unknown'],
    ['fewer late', half({ decided: 4, late: 2 }), half({ decided: 4, late: 0 }), 'improving'],
    ['more late', half({ decided: 4, late: 0 }), half({ decided: 4, late: 2 }), 'worsening'],
    ['within the band', half({ decided: 100, late: 20 }), half({ decided: 100, late: 24 }), 'stable'],
  ])('%s', (_name, previous, last, expected) => {
    expect(trendOf(previous, last)).toBe(expected);
  });
});

describe('behaviourFigures', () => {
  it('no invoices: no figures', () => {
    expect(behaviourFigures(half(), half())).toEqual({
      invoices: 0,
      dso: null,
      averageDaysLate: null,
      lateSharePercent: null,
      trend: 'unknown',
    });
  });

  it.each<[string, HalfAggregate, HalfAggregate, Partial<BehaviourFigures>]>([
    [
      'all paid on time',
      half({ decided: 3, invoicedMinor: 300_00n }),
      half({ decided: 1, invoicedMinor: 100_00n }),
      { invoices: 4, dso: 0, averageDaysLate: 0, lateSharePercent: 0, trend: 'stable' },
    ],
    [
      // 1 paid 10 days late, 1 open 20 days past due (open counts as late), 2 on time
      'paid late and open past due',
      half({ decided: 2, late: 1, daysLateSum: 10, invoicedMinor: 200_00n }),
      half({ decided: 2, late: 1, daysLateSum: 20, invoicedMinor: 200_00n, openMinor: 100_00n }),
      { invoices: 4, dso: 91, averageDaysLate: 15, lateSharePercent: 50, trend: 'stable' },
    ],
    [
      // partial payment: 40.00 of 100.00 paid, still open → openMinor is the remainder
      'partial payment counts only the unpaid part in DSO',
      half(),
      half({ decided: 1, late: 1, daysLateSum: 5, invoicedMinor: 100_00n, openMinor: 60_00n }),
      { invoices: 1, dso: 218, averageDaysLate: 5, lateSharePercent: 100, trend: 'unknown' },
    ],
  ])('%s', (_name, previous, last, expected) => {
    expect(behaviourFigures(previous, last)).toMatchObject(expected);
  });
});

describe('suggestedColour', () => {
  const T = { amber: { lateSharePercent: 20, averageDaysLate: 10 }, red: { lateSharePercent: 50, averageDaysLate: 30 } };
  const f = (lateSharePercent: number | null, averageDaysLate: number | null): BehaviourFigures => ({
    invoices: 1,
    dso: 0,
    averageDaysLate,
    lateSharePercent,
    trend: 'stable',
  });
  it.each<[string, BehaviourFigures, string | null]>([
    ['no data', f(null, null), null],
    ['good payer', f(0, 0), 'green'],
    ['just below amber', f(19, 9), 'green'],
    ['amber by share', f(20, 0), 'amber'],
    ['amber by days', f(5, 10), 'amber'],
    ['red by share', f(50, 1), 'red'],
    ['red by days', f(10, 30), 'red'],
  ])('%s', (_name, figures, expected) => {
    expect(suggestedColour(figures, T)).toBe(expected);
  });
});

describe('aggregateHalf', () => {
  const inv = (due: string, paid: string | null, total: bigint, paidMinor = 0n, creditNote = false) => ({
    dueDate: d(due),
    paidOn: paid ? d(paid) : null,
    totalMinor: total,
    paidMinor,
    creditNote,
  });
  it.each<[string, Parameters<typeof inv>[], Partial<HalfAggregate>]>([
    ['no invoices', [], { decided: 0, late: 0, invoicedMinor: 0n, openMinor: 0n }],
    ['credit note left out', [['2026-11-01', null, -50_00n, 0n, true]], { decided: 0, invoicedMinor: 0n, openMinor: 0n }],
    ['paid on time', [['2026-11-01', '2026-10-20', 100_00n, 100_00n]], { decided: 1, late: 0, openMinor: 0n }],
    ['paid late', [['2026-11-01', '2026-11-15', 100_00n, 100_00n]], { decided: 1, late: 1, daysLateSum: 14 }],
    ['open and late', [['2026-11-26', null, 100_00n]], { decided: 1, late: 1, daysLateSum: 10, openMinor: 100_00n }],
    ['open, not yet due', [['2026-12-31', null, 100_00n]], { decided: 0, late: 0, openMinor: 100_00n }],
    ['partial payment, past due', [['2026-11-26', null, 100_00n, 40_00n]], { decided: 1, late: 1, openMinor: 60_00n }],
  ])('%s', (_name, rows, expected) => {
    expect(aggregateHalf(rows.map((r) => inv(...r)), AS_OF, 182)).toMatchObject(expected);
  });
});
