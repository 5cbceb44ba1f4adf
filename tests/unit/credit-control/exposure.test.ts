import { totalExposure, type ExposureRow, type RateOf } from '../../../src/plugins/credit-control/server/src/core';

/** Units of EUR per unit of the row currency; GBP and CHF have no rate. */
const RATES: Record<string, string> = { 'USD>EUR': '0.9', 'JPY>EUR': '0.0062', 'EUR>USD': '1.1' };
const rateOf: RateOf = (from, to) => RATES[`${from}>${to}`];

const row = (bucket: string, currency: string, minor: bigint): ExposureRow => ({ bucket, currency, minor });

const COUNTED = ['invoices', 'orders', 'receipts'];

describe('totalExposure', () => {
  it('converts every currency to the policy currency and sums the counted buckets', () => {
    const rows = [
      row('invoices', 'EUR', 600_000n),
      row('invoices', 'USD', 100_000n), // 1,000.00 USD → 900.00 EUR
      row('orders', 'JPY', 123_456n), // ¥123,456 → 765.4272 EUR → 765.43
      row('receipts', 'EUR', -50_000n),
      row('opportunities', 'EUR', 100_000n), // not counted
      row('opportunities', 'USD', 10_000n), // not counted, converted: 90.00 EUR
    ];
    expect(totalExposure(rows, COUNTED, 'EUR', rateOf)).toEqual({
      total: 600_000n + 90_000n + 76_543n - 50_000n,
      byBucket: { invoices: 690_000n, orders: 76_543n, receipts: -50_000n, opportunities: 109_000n },
      missingRates: [],
    });
  });

  it.each<[string, ExposureRow[], string[], bigint, Record<string, bigint>, string[]]>([
    ['no rows', [], COUNTED, 0n, {}, []],
    ['no counted bucket', [row('invoices', 'EUR', 1n)], [], 0n, { invoices: 1n }, []],
    ['a zero row is skipped', [row('invoices', 'EUR', 0n)], COUNTED, 0n, {}, []],
    ['a zero row needs no rate', [row('invoices', 'GBP', 0n)], COUNTED, 0n, {}, []],
    ['same currency needs no rate', [row('invoices', 'EUR', 12_345n)], COUNTED, 12_345n, { invoices: 12_345n }, []],
    [
      'a counted bucket with no rate is reported and left out',
      [row('invoices', 'EUR', 100_000n), row('invoices', 'GBP', 50_000n)],
      COUNTED,
      100_000n,
      { invoices: 100_000n },
      ['GBP'],
    ],
    [
      'an uncounted bucket with no rate is not reported',
      [row('invoices', 'EUR', 100_000n), row('opportunities', 'CHF', 50_000n)],
      COUNTED,
      100_000n,
      { invoices: 100_000n },
      [],
    ],
    [
      'a missing currency is reported once',
      [row('invoices', 'GBP', 1n), row('orders', 'GBP', 2n), row('receipts', 'CHF', -3n), row('opportunities', 'GBP', 4n)],
      COUNTED,
      0n,
      {},
      ['GBP', 'CHF'],
    ],
    [
      'rows of one bucket in several currencies add up',
      [row('orders', 'EUR', 1n), row('orders', 'USD', 1n), row('orders', 'USD', 3n)],
      COUNTED,
      1n + 1n + 3n, // 0.9 cent → 1, 2.7 cents → 3
      { orders: 5n },
      [],
    ],
    [
      'a negative total (credit in the customer favour)',
      [row('invoices', 'EUR', 10_000n), row('receipts', 'USD', -100_000n)],
      COUNTED,
      10_000n - 90_000n,
      { invoices: 10_000n, receipts: -90_000n },
      [],
    ],
  ])('%s', (_label, rows, counted, total, byBucket, missingRates) => {
    expect(totalExposure(rows, counted, 'EUR', rateOf)).toEqual({ total, byBucket, missingRates });
  });

  it.each<[string, string, bigint]>([
    ['EUR', 'EUR', 710_000n],
    ['in USD, EUR rows are converted', 'USD', 781_000n], // 7,100.00 × 1.1
  ])('%s', (_label, currency, total) => {
    const rows = [row('invoices', 'EUR', 760_000n), row('receipts', 'EUR', -50_000n)];
    expect(totalExposure(rows, COUNTED, currency, rateOf).total).toBe(total);
  });

  it('counts each bucket only when the policy ticks it', () => {
    const rows = [row('invoices', 'EUR', 760_000n), row('receipts', 'EUR', -50_000n), row('orders', 'EUR', 30_000n)];
    const totals = [[], ['invoices'], ['invoices', 'receipts'], COUNTED].map((counted) => totalExposure(rows, counted, 'EUR', rateOf).total);
    expect(totals).toEqual([0n, 760_000n, 710_000n, 740_000n]);
  });
});
