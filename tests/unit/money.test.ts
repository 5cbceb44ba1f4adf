import Decimal from 'decimal.js';
import {
  MONEY_MAX_INTEGER_DIGITS,
  MONEY_SCALE,
  formatMoney,
  fromMinorUnits,
  moneyMaximum,
  parseMoney,
  roundToMinor,
  sumMoney,
  toMinorUnits,
} from '../../src/domain/money';

/** Unwraps a successful parse, failing the test with the reason otherwise. */
function parsed(input: unknown, opts?: Parameters<typeof parseMoney>[1]): string {
  const result = parseMoney(input, opts);
  if (!result.ok) throw new Error(`expected ${String(input)} to parse, got: ${result.reason}`);
  return result.value.toFixed();
}

function reasonOf(input: unknown, opts?: Parameters<typeof parseMoney>[1]): string {
  const result = parseMoney(input, opts);
  if (result.ok) throw new Error(`expected ${String(input)} to be refused, got ${result.value.toFixed()}`);
  return result.reason;
}

describe('constants', () => {
  it('describe a DECIMAL(15, 2) amount', () => {
    expect(MONEY_MAX_INTEGER_DIGITS).toBe(13);
    expect(MONEY_SCALE).toBe(2);
    expect(moneyMaximum().toFixed(2)).toBe('9999999999999.99');
    expect(moneyMaximum(0).toFixed()).toBe('9999999999999');
  });
});

describe('parseMoney accepts', () => {
  it.each<[unknown, string]>([
    ['12.50', '12.5'],
    ['12', '12'],
    ['0', '0'],
    ['0.00', '0'],
    ['007.10', '7.1'],
    ['12.500', '12.5'], // trailing zeros are not significant decimals
    [0.1, '0.1'], // String(0.1) is "0.1": one decimal, not 0.1000000000000000055…
    [0.3, '0.3'],
    [19.99, '19.99'],
    [1234.56, '1234.56'],
    [0, '0'],
    ['9999999999999.99', '9999999999999.99'],
    [9999999999999.99, '9999999999999.99'], // the largest double-representable max, exactly
    [1e12, '1000000000000'],
  ])('%p → %s', (input, expected) => {
    expect(parsed(input)).toBe(expected);
  });

  it('returns a Decimal instance', () => {
    const result = parseMoney('12.50');
    expect(result.ok && result.value instanceof Decimal).toBe(true);
  });

  it('accepts negatives only with allowNegative, and normalises -0 to 0', () => {
    expect(parsed(-1, { allowNegative: true })).toBe('-1');
    expect(parsed('-12.34', { allowNegative: true })).toBe('-12.34');
    expect(parsed('-9999999999999.99', { allowNegative: true })).toBe('-9999999999999.99');
    const zero = parseMoney('-0.00');
    expect(zero.ok && zero.value.isNegative()).toBe(false);
    expect(zero.ok && zero.value.isZero()).toBe(true);
  });

  it('honours a larger scale', () => {
    expect(parsed('1.234', { scale: 3 })).toBe('1.234');
    expect(parsed(0.005, { scale: 3 })).toBe('0.005');
  });
});

describe('parseMoney refuses', () => {
  it.each<[unknown, string]>([
    [1e13, 'exceeds the maximum 9999999999999.99 (got 10000000000000)'],
    ['10000000000000', 'exceeds the maximum 9999999999999.99'],
    ['10000000000000.00', 'exceeds the maximum 9999999999999.99'],
    [1e21, 'exceeds the maximum 9999999999999.99'], // String(1e21) is "1e+21"
    [0.005, 'has more than 2 decimals (got 0.005)'],
    ['0.005', 'has more than 2 decimals'],
    ['0.0050', 'has more than 2 decimals (got "0.0050")'],
    [1e-7, 'has more than 2 decimals'], // String(1e-7) is "1e-7"
    [-1, 'must not be negative (got -1)'],
    ['-0.01', 'must not be negative'],
    [Number.NaN, 'must be a finite number (got NaN)'],
    [Number.POSITIVE_INFINITY, 'must be a finite number (got Infinity)'],
    [Number.NEGATIVE_INFINITY, 'must be a finite number (got -Infinity)'],
    ['12,50', 'must use a dot as the decimal separator, not a comma (write 12.50 instead of "12,50")'],
    ['1e5', 'must be written in plain digits without exponent notation (write 100000 instead of "1e5")'],
    ['1.5E-3', 'without exponent notation'],
    ['abc', 'must be a number written with digits'],
    [' 12.50', 'must be a number written with digits'],
    ['12.', 'must be a number written with digits'],
    ['.5', 'must be a number written with digits'],
    ['+5', 'must be a number written with digits'],
    ['1 000.00', 'must be a number written with digits'],
    ['1,000.00', 'must be a number written with digits'],
    ['NaN', 'must be a number written with digits'],
    ['Infinity', 'must be a number written with digits'],
    ['', 'must be a number (got an empty string)'],
    [true, 'must be a number (got a boolean)'],
    [null, 'must be a number (got null)'],
    [undefined, 'must be a number (got undefined)'],
    [{}, 'must be a number (got an object)'],
    [[12], 'must be a number (got an array)'],
    [BigInt(12), 'must be a number (got a bigint)'],
  ])('%p: %s', (input, reason) => {
    expect(reasonOf(input)).toContain(reason);
  });

  it('refuses float noise: 0.1 + 0.2 is 0.30000000000000004, not 0.3', () => {
    expect(reasonOf(0.1 + 0.2)).toBe('has more than 2 decimals (got 0.30000000000000004)');
  });

  it('checks the size in both directions when negatives are allowed', () => {
    expect(reasonOf(-1e13, { allowNegative: true })).toBe(
      'is below the minimum -9999999999999.99 (got -10000000000000)'
    );
    expect(reasonOf(-1e13)).toContain('must not be negative');
  });

  it('uses the scale in the maximum and the decimals message', () => {
    expect(reasonOf('1.2345', { scale: 3 })).toContain('has more than 3 decimals');
    expect(reasonOf('10000000000000', { scale: 3 })).toContain('exceeds the maximum 9999999999999.999');
  });

  it('prefixes the reason with the label when one is given', () => {
    expect(reasonOf(-1, { label: 'unitPrice' })).toBe('unitPrice must not be negative (got -1)');
  });

  it('rejects an invalid scale option as a programming error', () => {
    expect(() => parseMoney('1', { scale: -1 })).toThrow(RangeError);
    expect(() => parseMoney('1', { scale: 1.5 })).toThrow(RangeError);
  });
});

describe('roundToMinor (half away from zero)', () => {
  it.each<[Decimal.Value, number, string]>([
    ['2.345', 2, '2.35'],
    ['2.344', 2, '2.34'],
    ['-2.345', 2, '-2.35'],
    ['1.005', 2, '1.01'], // a float round would give 1.00
    [1.005, 2, '1.01'],
    ['0.125', 2, '0.13'],
    ['2.5', 0, '3'],
    ['12.3456', 3, '12.346'],
    [new Decimal('9999999999999.994'), 2, '9999999999999.99'],
  ])('%p at scale %i → %s', (value, scale, expected) => {
    expect(roundToMinor(value, scale).toFixed()).toBe(expected);
  });

  it('throws on NaN', () => {
    expect(() => roundToMinor(Number.NaN)).toThrow(RangeError);
  });
});

describe('minor units', () => {
  it.each<[Decimal.Value, bigint]>([
    ['12.34', BigInt('1234')],
    [0.1, BigInt('10')],
    ['0', BigInt('0')],
    ['-12.345', BigInt('-1235')],
    ['9999999999999.99', BigInt('999999999999999')],
    ['-9999999999999.99', BigInt('-999999999999999')],
    ['12345678901234567890.12', BigInt('1234567890123456789012')], // beyond 2^53 and Decimal's default precision
  ])('toMinorUnits(%p) → %s', (value, minor) => {
    expect(toMinorUnits(value)).toBe(minor);
  });

  it.each<[bigint | string | number, string]>([
    [BigInt('1234'), '12.34'],
    [-5, '-0.05'],
    ['7', '0.07'],
    [BigInt('0'), '0'],
    [BigInt('999999999999999'), '9999999999999.99'],
    ['1234567890123456789012', '12345678901234567890.12'],
  ])('fromMinorUnits(%p) → %s', (minor, value) => {
    expect(fromMinorUnits(minor).toFixed()).toBe(value);
  });

  it.each([['9999999999999.99'], ['-9999999999999.99'], ['0.01'], ['98765432109876543210987.65']])(
    'round-trips %s exactly',
    (value) => {
      expect(fromMinorUnits(toMinorUnits(value)).toFixed(2)).toBe(value);
      expect(fromMinorUnits(toMinorUnits(value).toString()).toFixed(2)).toBe(value);
    }
  );

  it('honours the scale', () => {
    expect(toMinorUnits('1.2345', 3)).toBe(BigInt('1235'));
    expect(fromMinorUnits(BigInt('1235'), 3).toFixed()).toBe('1.235');
    expect(toMinorUnits('7.5', 0)).toBe(BigInt('8'));
  });

  it('refuses minor units that are not integers', () => {
    expect(() => fromMinorUnits(1.5)).toThrow(RangeError);
    expect(() => fromMinorUnits(2 ** 53)).toThrow(RangeError);
    expect(() => fromMinorUnits('12.3')).toThrow(RangeError);
  });
});

describe('sumMoney', () => {
  it.each<[Decimal.Value[], string]>([
    [[], '0'],
    [[0.1, 0.2], '0.3'], // each number is taken at its shortest decimal form
    [['19.99', '0.01', 5], '25'],
    [['9999999999999.99', '9999999999999.99', '0.02'], '20000000000000'],
    [['12345678901234567890.12', '0.01'], '12345678901234567890.13'], // 22 significant digits
    [['-10.50', '10.50'], '0'],
    [Array.from({ length: 1000 }, () => '0.01'), '10'],
  ])('%#: sum → %s', (values, expected) => {
    expect(sumMoney(values).toFixed()).toBe(expected);
  });

  it('throws on NaN instead of propagating it', () => {
    expect(() => sumMoney(['1', Number.NaN])).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  // Intl uses narrow/no-break spaces in fr-FR; compare with plain spaces.
  const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

  it.each<[Decimal.Value, string, string, string]>([
    ['1234.5', 'EUR', 'fr-FR', '1 234,50 €'],
    [new Decimal('-12.345'), 'EUR', 'de-DE', '-12,35 €'],
    ['1.005', 'EUR', 'en-US', '€1.01'], // half-up on the decimal value, not on a float
    ['9999999999999.99', 'EUR', 'fr-FR', '9 999 999 999 999,99 €'],
    ['12345678901234567.89', 'EUR', 'en-US', '€12,345,678,901,234,567.89'], // beyond float precision
    ['1234.5', 'JPY', 'en-US', '¥1,235'], // currency with 0 decimals
  ])('%p %s %s → %s', (value, currency, locale, expected) => {
    expect(plain(formatMoney(value, currency, locale))).toBe(expected);
  });
});
