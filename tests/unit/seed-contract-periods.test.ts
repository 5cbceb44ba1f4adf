import { periodsUntil, type BillingFrequency } from '../../src/domain/flow/contract-periods';
import { isoDate } from '../../database/seeds/dates';
import { Rng } from '../../database/seeds/prng';
import { periodCount } from '../../database/seeds/service-documents';

// The generator picks a contract's billing frequency on periodCount: it must count what periodsUntil bills.
describe('seeded contracts: the count of billing periods', () => {
  const STEPS: [BillingFrequency, number][] = [['monthly', 1], ['quarterly', 3], ['yearly', 12]];

  test('month ends and the day of the last period', () => {
    expect(periodCount('2026-01-31', '2026-02-27', 1)).toBe(1);
    expect(periodCount('2026-01-31', '2026-02-28', 1)).toBe(2); // 31 January + 1 month = 28 February
    expect(periodCount('2026-01-15', '2026-01-14', 1)).toBe(0);
    expect(periodCount('2026-01-15', '2026-01-15', 12)).toBe(1);
    expect(periodCount('2026-01-15', '2027-01-14', 12)).toBe(1);
    expect(periodCount('2026-01-15', '2027-01-15', 12)).toBe(2);
    expect(periodCount('2025-11-30', '2026-02-28', 3)).toBe(2);
  });

  test('is the length of periodsUntil, cut at the end date', () => {
    const rng = new Rng(17, 'periods');
    const base = 20634; // 2026-06-30
    const wrong: unknown[] = [];
    for (let i = 0; i < 2000; i += 1) {
      const start = base - rng.int(0, 2500);
      const end = start + rng.int(0, 1500);
      const until = start + rng.int(-30, 2000);
      for (const [billingFrequency, step] of STEPS) {
        const terms = { startDate: isoDate(start), endDate: isoDate(end), billingFrequency, annualAmountExclTax: '1200.00' };
        const billed = until < start ? 0 : periodsUntil(terms, isoDate(until)).length;
        const counted = periodCount(isoDate(start), isoDate(Math.min(end, until)), step);
        if (counted !== billed) wrong.push({ ...terms, until: isoDate(until), counted, billed });
      }
    }
    expect(wrong).toEqual([]);
  });
});
