import { momentOf } from '../../database/seeds/common';
import { dayOf, msOf } from '../../database/seeds/dates';
import { withRecentInvoices } from '../../database/seeds/featured';

// The generator's clock: nothing it writes is after the run, and the featured customer's recent invoices.
describe('momentOf', () => {
  const day = dayOf('2026-12-03');
  const now = Date.parse('2026-12-03T09:30:00Z');
  it('keeps a moment of an earlier day, or of the run day that has passed', () => {
    expect(momentOf({ now }, day - 1, 17 * 3600)).toBe(msOf(day - 1, 17 * 3600));
    expect(momentOf({ now }, day, 8 * 3600)).toBe(Date.parse('2026-12-03T08:00:00Z'));
  });
  it("squeezes the run day's hours still to come into the hours gone by, in order, and a later day to the run", () => {
    const later = [10, 14, 18].map((h) => momentOf({ now }, day, h * 3600));
    expect(later.every((at) => at <= now)).toBe(true);
    expect([...later].sort((a, b) => a - b)).toEqual(later);
    expect(new Set(later).size).toBe(3);
    expect(momentOf({ now }, day + 2, 3600)).toBe(now);
  });
});

describe('withRecentInvoices', () => {
  it('brings the last invoices to 70, 40 and 12 days before asOf when they are older, and keeps newer ones', () => {
    expect(withRecentInvoices([100, 200, 300, 400], 1000)).toEqual([{ day: 930, disputed: true }, { day: 960 }, { day: 988 }, { day: 992, due: 1120 }]);
    expect(withRecentInvoices([100, 995], 1000)).toEqual([{ day: 960 }, { day: 995 }]);
    expect(withRecentInvoices([], 1000)).toEqual([]);
  });

  it('bills two invoices ahead before those, due 75 and 120 days after asOf: the 61–90 and 90+ bands', () => {
    const days = withRecentInvoices([10, 20, 30, 40, 50, 60, 995], 1000);
    expect(days).toEqual([{ day: 10 }, { day: 20 }, { day: 930, disputed: true }, { day: 960 }, { day: 990, due: 1075 }, { day: 992, due: 1120 }, { day: 995 }]);
    // never dated after asOf
    expect(days.every(({ day }) => day <= 1000)).toBe(true);
  });
});
