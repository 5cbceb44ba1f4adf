import {
  compareOver,
  creditStatus,
  isListed,
  overEntry,
  overThreshold,
  percentUsed,
  type ExposureRow,
  type OverCandidate,
  type RateOf,
} from '../../../src/plugins/credit-control/server/src/core';

const RATES: Record<string, string> = { 'USD>EUR': '0.9', 'JPY>EUR': '0.0062' };
const rateOf: RateOf = (from, to) => RATES[`${from}>${to}`];
const row = (bucket: string, currency: string, minor: bigint): ExposureRow => ({ bucket, currency, minor });
const BUCKETS = ['invoices', 'orders', 'receipts'];

const candidate = (party: string, patch: Partial<OverCandidate> = {}): OverCandidate => ({
  party, mode: 'alert', blocked: false, currency: 'EUR', thresholdMinor: 100_000n, buckets: BUCKETS, rows: [], ...patch,
});
const euros = (party: string, exposureMinor: bigint, patch: Partial<OverCandidate> = {}) =>
  candidate(party, { rows: [row('invoices', 'EUR', exposureMinor)], ...patch });

describe('creditStatus', () => {
  it.each<[Parameters<typeof creditStatus>[0], bigint, bigint, string]>([
    [{ blocked: true, mode: 'none' }, 0n, 100n, 'blocked'],
    [{ blocked: true, mode: 'alert' }, 500n, 100n, 'blocked'],
    [{ blocked: false, mode: 'none' }, 500n, 100n, 'unchecked'],
    [{ blocked: false, mode: 'blockAll' }, 0n, 100n, 'blockedAll'],
    [{ blocked: false, mode: 'alert' }, 101n, 100n, 'over'],
    [{ blocked: false, mode: 'block' }, 100n, 100n, 'within'], // at the threshold is not over it
  ])('%p, exposure %p, threshold %p: %s', (policy, exposure, threshold, status) => {
    expect(creditStatus(policy, exposure, threshold)).toBe(status);
  });

  it.each<[Parameters<typeof creditStatus>[0], string]>([
    [{ blocked: false, mode: 'none' }, 'overdueBlocked'], // a blocking overdue rule counts whatever the mode
    [{ blocked: false, mode: 'block' }, 'overdueBlocked'],
    [{ blocked: true, mode: 'block' }, 'blocked'], // the manual block first
    [{ blocked: false, mode: 'blockAll' }, 'blockedAll'],
  ])('an overdue rule blocks, %p: %s', (policy, status) => {
    expect(creditStatus(policy, 0n, 100n, true)).toBe(status);
  });
});

describe('percentUsed', () => {
  it.each<[bigint, bigint, number | null]>([
    [90_000n, 100_000n, 90],
    [89_999n, 100_000n, 89], // whole percent, truncated
    [710_000n, 700_000n, 101],
    [1n, 0n, null], // no positive threshold: no share
    [-50_000n, 100_000n, -50],
    [1_500n, 1_500n, 100], // a currency without minor unit (JPY): the share does not depend on the scale
  ])('%p of %p: %p', (exposure, threshold, percent) => {
    expect(percentUsed(exposure, threshold)).toBe(percent);
  });
});

describe('overEntry', () => {
  it('counts the policy buckets only, converted to the policy currency, and names the currencies without a rate', () => {
    const entry = overEntry(
      candidate('p', {
        rows: [row('invoices', 'EUR', 50_000n), row('orders', 'USD', 50_000n), row('opportunities', 'EUR', 900_000n), row('invoices', 'GBP', 1_000n)],
      }),
      rateOf
    );
    expect(entry).toMatchObject({ exposureMinor: 95_000n, percent: 95, status: 'within', missingRates: ['GBP'] });
  });

  it('keeps a JPY policy in yen (no minor unit)', () => {
    const entry = overEntry(candidate('y', { currency: 'JPY', thresholdMinor: 1_000_000n, rows: [row('invoices', 'JPY', 1_200_000n)] }), rateOf);
    expect(entry).toMatchObject({ currency: 'JPY', exposureMinor: 1_200_000n, thresholdMinor: 1_000_000n, percent: 120, status: 'over' });
  });
});

describe('isListed', () => {
  const entry = (c: OverCandidate) => overEntry(c, rateOf);
  it.each<[string, OverCandidate, boolean]>([
    ['over', euros('a', 100_001n), true],
    ['at 90 %', euros('a', 90_000n), true],
    ['just under 90 %', euros('a', 89_999n), false],
    ['blocked with nothing outstanding', euros('a', 0n, { mode: 'none', blocked: true }), true],
    ['blockAll under the threshold', euros('a', 10_000n, { mode: 'blockAll' }), false],
    ['blockAll near the threshold', euros('a', 95_000n, { mode: 'blockAll' }), true],
    ['no threshold, something outstanding', euros('a', 1n, { thresholdMinor: 0n }), true],
    ['no threshold, nothing outstanding', euros('a', 0n, { thresholdMinor: 0n }), false],
  ])('%s: %p', (_name, c, listed) => {
    expect(isListed(entry(c))).toBe(listed);
  });
});

describe('overThreshold', () => {
  it('lists the watched parties over or near their threshold, most over first', () => {
    const list = overThreshold(
      [
        euros('near', 95_000n),
        euros('under', 50_000n),
        euros('unchecked', 500_000n, { mode: 'none' }), // mode none and not blocked: never listed
        euros('far-over', 300_000n),
        euros('no-threshold', 1n, { thresholdMinor: 0n }),
        euros('blocked', 0n, { mode: 'none', blocked: true }),
        candidate('yen', { currency: 'JPY', thresholdMinor: 100_000n, rows: [row('invoices', 'JPY', 150_000n)] }),
      ],
      rateOf
    );
    expect(list.map((e) => [e.party, e.percent, e.status])).toEqual([
      ['no-threshold', null, 'over'],
      ['far-over', 300, 'over'],
      ['yen', 150, 'over'],
      ['near', 95, 'within'],
      ['blocked', 0, 'blocked'],
    ]);
  });

  it('orders equal whole percents by the exact share, then by party', () => {
    const list = overThreshold([euros('b', 95_000n), euros('c', 95_000n), euros('a', 95_000n), euros('d', 95_500n)], rateOf);
    expect(list.map((e) => e.party)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('takes another near percent', () => {
    expect(overThreshold([euros('a', 80_000n)], rateOf, 80).map((e) => e.party)).toEqual(['a']);
    expect(overThreshold([euros('a', 80_000n)], rateOf)).toEqual([]);
  });

  it('compareOver is a total order (antisymmetric)', () => {
    const entries = [euros('a', 95_000n), euros('b', 1n, { thresholdMinor: 0n }), euros('c', 200_000n)].map((c) => overEntry(c, rateOf));
    for (const x of entries) for (const y of entries) expect(Math.sign(compareOver(x, y)) + Math.sign(compareOver(y, x))).toBe(0);
  });
});
