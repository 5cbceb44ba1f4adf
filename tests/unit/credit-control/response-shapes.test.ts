import { bucketAmounts, toIsoDate } from '../../../src/plugins/credit-control/server/src/core';

describe('bucketAmounts: exposure by bucket in every plugin response', () => {
  it('gives one entry per bucket, sorted, money as a decimal string beside its currency', () => {
    expect(bucketAmounts({ receipts: -50_000n, invoices: 760_000n }, 'EUR')).toEqual([
      { bucket: 'invoices', amount: '7600.00', currency: 'EUR' },
      { bucket: 'receipts', amount: '-500.00', currency: 'EUR' },
    ]);
  });

  it('keeps sums beyond a JSON number exact, and follows the currency scale', () => {
    expect(bucketAmounts({ orders: 123456789012345678901n }, 'EUR')).toEqual([{ bucket: 'orders', amount: '1234567890123456789.01', currency: 'EUR' }]);
    expect(bucketAmounts({ orders: 1500n }, 'JPY')).toEqual([{ bucket: 'orders', amount: '1500', currency: 'JPY' }]);
    expect(bucketAmounts({}, 'EUR')).toEqual([]);
  });
});

describe('toIsoDate: the same dates from SQLite and Postgres', () => {
  const iso = '2026-03-02T10:15:30.120Z';
  it.each([
    ['epoch ms (SQLite)', Date.parse(iso)],
    ['epoch ms as digits', String(Date.parse(iso))],
    ['a Date (Postgres)', new Date(iso)],
    ['an ISO string', iso],
  ])('%s', (_label, value) => {
    expect(toIsoDate(value)).toBe(iso);
  });

  it('is null for nothing or a bad value', () => {
    expect(toIsoDate(null)).toBeNull();
    expect(toIsoDate(undefined)).toBeNull();
    expect(toIsoDate('not a date')).toBeNull();
  });
});
