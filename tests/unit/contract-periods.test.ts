import { addMonths, contractDerived, duePeriods, nextPeriod, periodAt, periodStartingOn, periodsUntil } from '../../src/domain/flow/contract-periods';

const quarterly = { startDate: '2026-01-15', endDate: null, billingFrequency: 'quarterly' as const, annualAmountExclTax: '1200.00' };

describe('contract billing periods', () => {
  test('months are added from the start, kept on its day or the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  test('each period bills its share of the annual amount', () => {
    expect(periodAt(quarterly, 0)).toEqual({ start: '2026-01-15', end: '2026-04-14', amountExclTax: '300.00' });
    expect(periodAt(quarterly, 3)).toEqual({ start: '2026-10-15', end: '2027-01-14', amountExclTax: '300.00' });
    const monthly = { ...quarterly, billingFrequency: 'monthly' as const, annualAmountExclTax: '1000.00' };
    expect(periodAt(monthly, 0)?.amountExclTax).toBe('83.33');
    const yearly = { ...quarterly, billingFrequency: 'yearly' as const };
    expect(periodAt(yearly, 1)).toEqual({ start: '2027-01-15', end: '2028-01-14', amountExclTax: '1200.00' });
  });

  test('a month-end start never drifts: periods come from the start date, not from each other', () => {
    const monthly = { startDate: '2026-01-31', billingFrequency: 'monthly' as const, annualAmountExclTax: '1200' };
    expect(periodsUntil(monthly, '2026-04-30').map((p) => [p.start, p.end])).toEqual([
      ['2026-01-31', '2026-02-27'],
      ['2026-02-28', '2026-03-30'],
      ['2026-03-31', '2026-04-29'],
      ['2026-04-30', '2026-05-30'],
    ]);
  });

  test('the last period is cut at the end date and prorated by days', () => {
    const ending = { ...quarterly, startDate: '2026-01-01', endDate: '2026-05-15' };
    const periods = periodsUntil(ending, '2030-01-01');
    expect(periods.map((p) => [p.start, p.end])).toEqual([['2026-01-01', '2026-03-31'], ['2026-04-01', '2026-05-15']]);
    // 45 of the 91 days of April–June
    expect(periods[1].amountExclTax).toBe('148.35');
    expect(periodAt(ending, 2)).toBeNull();
  });

  test('due periods: those started on or before the date and not billed; a period is due on its first day', () => {
    expect(duePeriods(quarterly, new Set(), '2026-04-14').map((p) => p.start)).toEqual(['2026-01-15']);
    expect(duePeriods(quarterly, new Set(), '2026-04-15').map((p) => p.start)).toEqual(['2026-01-15', '2026-04-15']);
    expect(duePeriods(quarterly, new Set(['2026-01-15']), '2026-07-20').map((p) => p.start)).toEqual(['2026-04-15', '2026-07-15']);
    expect(duePeriods(quarterly, new Set(), '2026-01-14')).toEqual([]);
  });

  test('the next period to bill, due or not; none once the contract is billed to its end', () => {
    expect(nextPeriod(quarterly, new Set(['2026-01-15']))?.start).toBe('2026-04-15');
    const short = { ...quarterly, endDate: '2026-04-14' };
    expect(nextPeriod(short, new Set(['2026-01-15']))).toBeNull();
  });

  test('a period is named by its start: any other day starts none', () => {
    expect(periodStartingOn(quarterly, '2026-07-15')?.end).toBe('2026-10-14');
    expect(periodStartingOn(quarterly, '2026-07-16')).toBeNull();
    expect(periodStartingOn(quarterly, '2025-10-15')).toBeNull();
  });

  test('what the notes billed: the last day billed and the sum', () => {
    expect(contractDerived([])).toEqual({ billedUntil: null, billedAmountExclTax: '0.00' });
    expect(contractDerived([
      { periodEnd: '2026-04-14', amountExclTax: '300.00' },
      { periodEnd: '2026-07-14', amountExclTax: '300' },
    ])).toEqual({ billedUntil: '2026-07-14', billedAmountExclTax: '600.00' });
  });
});
