import Decimal from 'decimal.js';
import {
  convertMinor,
  formatMinor,
  minorToString,
  minorUnitsOf,
  shareOf,
  toMinor,
} from '../../../src/plugins/credit-control/server/src/core';

describe('minorUnitsOf', () => {
  it.each([
    ['EUR', 2],
    ['eur', 2],
    ['USD', 2],
    ['JPY', 0],
    ['BHD', 3],
    ['EURO', 2], // not an ISO code: falls back to 2
  ])('%s has %i decimals', (currency, scale) => {
    expect(minorUnitsOf(currency)).toBe(scale);
  });
});

describe('toMinor', () => {
  it.each<[string, unknown, string, bigint]>([
    ['an integer number', 7100, 'EUR', 710_000n],
    ['a decimal string', '7100.00', 'EUR', 710_000n],
    ['a negative string', '-500.00', 'EUR', -50_000n],
    ['SQLite float 0.1 + 0.2', 0.1 + 0.2, 'EUR', 30n],
    ['SQLite float 1234.5699999999', 1234.5699999999, 'EUR', 123_457n],
    ['SQLite float 1234.5700000001', 1234.5700000001, 'EUR', 123_457n],
    ['1.005, which float arithmetic makes 100.4999…', 1.005, 'EUR', 101n],
    ['2.675 rounds half-up', 2.675, 'EUR', 268n],
    ['-2.675 rounds half away from zero', -2.675, 'EUR', -268n],
    ['0.004 rounds down', '0.004', 'EUR', 0n],
    ['13 integer digits stay exact', '9999999999999.99', 'EUR', 999_999_999_999_999n],
    ['JPY has no minor unit', '1234', 'JPY', 1234n],
    ['JPY rounds half-up to the yen', 1234.5, 'JPY', 1235n],
    ['BHD has three decimals', '1.2345', 'BHD', 1235n],
    ['null', null, 'EUR', 0n],
    ['undefined', undefined, 'EUR', 0n],
    ['an empty string', '', 'EUR', 0n],
    ['a short negative decimal', '-0.5', 'EUR', -50n],
    ['a number with one decimal', 1234.5, 'EUR', 123_450n],
    ['leading zeros', '007.5', 'EUR', 750n],
    ['a float in exponent notation', 1e-7, 'EUR', 0n],
    ['a large number in exponent notation', 1e21, 'EUR', 100_000_000_000_000_000_000_000n],
  ])('%s → %s', (_label, value, currency, expected) => {
    expect(toMinor(value, currency)).toBe(expected);
  });

  it.each([NaN, Infinity, -Infinity, 'Infinity'])('refuses the non-finite amount %s', (value) => {
    expect(() => toMinor(value, 'EUR')).toThrow(RangeError);
  });

  it('rounds float noise back to the exact cent', () => {
    for (let cents = 0; cents < 2000; cents += 7) {
      const float = cents / 100 + 0.1 + 0.2 - 0.3; // float noise around an exact cent value
      expect(toMinor(float, 'EUR')).toBe(BigInt(cents));
    }
  });
});

describe('minorToString', () => {
  it.each<[bigint, string, string]>([
    [710_000n, 'EUR', '7100.00'],
    [0n, 'EUR', '0.00'],
    [5n, 'EUR', '0.05'],
    [-5n, 'EUR', '-0.05'],
    [-50_000n, 'EUR', '-500.00'],
    [1234n, 'JPY', '1234'],
    [-1234n, 'JPY', '-1234'],
    [1235n, 'BHD', '1.235'],
    [999_999_999_999_999n, 'EUR', '9999999999999.99'],
  ])('%s %s → %s', (minor, currency, expected) => {
    expect(minorToString(minor, currency)).toBe(expected);
  });

  it.each(['0.1', '1234.57', '-0.05', '9999999999999.99'])('round-trips %s through toMinor', (text) => {
    expect(minorToString(toMinor(text, 'EUR'), 'EUR')).toBe(new Decimal(text).toFixed(2));
  });
});

describe('formatMinor', () => {
  it.each<[bigint, string, string]>([
    [710_000n, 'EUR', '7,100.00 EUR'],
    [700_000n, 'EUR', '7,000.00 EUR'],
    [99_999n, 'EUR', '999.99 EUR'],
    [100_000n, 'EUR', '1,000.00 EUR'],
    [123_456_789n, 'EUR', '1,234,567.89 EUR'],
    [0n, 'EUR', '0.00 EUR'],
    [5n, 'EUR', '0.05 EUR'],
    [-5n, 'EUR', '-0.05 EUR'],
    [-50_000n, 'EUR', '-500.00 EUR'],
    [-123_456_789n, 'EUR', '-1,234,567.89 EUR'],
    [1234n, 'JPY', '1,234 JPY'],
    [999n, 'JPY', '999 JPY'],
    [-1234n, 'JPY', '-1,234 JPY'],
    [100_000_000n, 'JPY', '100,000,000 JPY'],
    [1_234_567n, 'BHD', '1,234.567 BHD'],
  ])('%s %s → %s', (minor, currency, expected) => {
    expect(formatMinor(minor, currency)).toBe(expected);
  });
});

describe('convertMinor', () => {
  it.each<[bigint, string, string, string | number, bigint]>([
    [12_345n, 'EUR', 'EUR', '99', 12_345n], // same currency: the rate is ignored
    [100_000n, 'USD', 'EUR', '0.9', 90_000n],
    [1n, 'USD', 'EUR', '0.5', 1n], // 0.5 cent rounds half-up
    [-1n, 'USD', 'EUR', '0.5', -1n], // and half away from zero below zero
    [3n, 'USD', 'EUR', '0.5', 2n], // 1.5 cents → 2
    [1n, 'USD', 'EUR', '0.49', 0n],
    [150n, 'EUR', 'JPY', 161, 242n], // 1.50 EUR × 161 = 241.5 JPY → 242
    [100n, 'EUR', 'JPY', '161.235', 161n],
    [123_456n, 'JPY', 'EUR', '0.0062', 76_543n], // 765.4272 EUR
    [1n, 'JPY', 'EUR', '0.005', 1n], // 0.005 EUR = half a cent
    [100n, 'EUR', 'BHD', '0.41', 410n], // three decimals
    [999_999_999_999_999n, 'EUR', 'USD', '1.0000001', 1_000_000_099_999_999n],
  ])('%s %s → %s at %s = %s', (minor, from, to, rate, expected) => {
    expect(convertMinor(minor, from, to, rate)).toBe(expected);
  });
});

describe('shareOf', () => {
  it.each<[bigint, bigint, bigint, bigint]>([
    [100_000n, 60_000n, 120_000n, 50_000n], // 1000.00 excl, 600.00 of 1200.00 unpaid → 500.00
    [100_000n, 120_000n, 120_000n, 100_000n],
    [100_000n, 0n, 120_000n, 0n],
    [100_000n, 60_000n, 0n, 0n], // whole 0: no share
    [1n, 1n, 2n, 1n], // 0.5 → 1
    [100n, 1n, 3n, 33n], // 33.33 → 33
    [200n, 1n, 3n, 67n], // 66.67 → 67
    [-1n, 1n, 2n, -1n], // -0.5 → -1
    [101n, 100n, 200n, 51n], // 50.5 → 51
  ])('%s × %s / %s = %s', (amount, part, whole, expected) => {
    expect(shareOf(amount, part, whole)).toBe(expected);
  });
});
