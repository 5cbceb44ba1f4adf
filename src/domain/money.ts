/**
 * Money parsing and arithmetic on decimals. Never uses float arithmetic.
 *
 * Pure module: no Strapi imports; decimal.js, and the message catalog for refusals.
 */
import Decimal from 'decimal.js';
import { num, predicate, say, text, type MessageCode, type Params, type Said, type TextParam } from './messages';
import { moneyWords } from './messages/catalog/money';

/** Amounts are stored as DECIMAL(15, 2): at most 13 integer digits and 2 decimals. */
export const MONEY_MAX_INTEGER_DIGITS = 13;
export const MONEY_SCALE = 2;
/** The currency of a document or party that names none: the credit-control mapping's default (config/plugins.ts), so the statement and the app agree. */
export const DEFAULT_CURRENCY = 'EUR';
/** A document's currency as the statement reads it: its currency's code in upper case, the default when it names none. */
export const currencyCode = (code: unknown): string => (typeof code === 'string' && code.trim() !== '' ? code.trim().toUpperCase() : DEFAULT_CURRENCY);

/**
 * Private Decimal constructor: enough precision that additions/multiplications of
 * money never round, half-up rounding, and no exponent notation in toString().
 * Instances share Decimal's prototype, so they are ordinary `Decimal` values.
 */
const D = Decimal.clone({
  precision: 100,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -100,
  toExpPos: 100,
});

/** A refusal: `reason` in English as before, `said` the same coded for the reader's language. */
export type ParseMoneyResult = { ok: true; value: Decimal } | { ok: false; reason: string; said: Said };

export interface ParseMoneyOptions {
  /** Accept values below zero. Default false. */
  allowNegative?: boolean;
  /** Maximum number of decimals. Default MONEY_SCALE (2). */
  scale?: number;
  /**
   * Optional field name put in front of the reason ("unitPrice must not be negative").
   * Without it the reason is a bare predicate ("must not be negative") that callers
   * can prefix themselves. Give it as `text({ en: 'unitPrice', fr: 'Prix unitaire HT' })`
   * for `said` to name the field by its French label in French.
   */
  label?: string | TextParam;
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
const DECIMAL_COMMA = /^-?\d+,\d+$/;
const EXPONENT = /^-?\d+(\.\d+)?[eE][+-]?\d+$/;

function assertScale(scale: number): void {
  if (!Number.isInteger(scale) || scale < 0 || scale > 20) {
    throw new RangeError(`scale must be an integer between 0 and 20, got ${String(scale)}`);
  }
}

function describeType(input: unknown): TextParam {
  const kind = input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input;
  return text(moneyWords.types[kind as keyof typeof moneyWords.types] ?? { en: `a ${kind}`, fr: kind });
}

/** Largest accepted absolute value for a given scale, e.g. 9999999999999.99 for scale 2. */
export function moneyMaximum(scale: number = MONEY_SCALE): Decimal {
  assertScale(scale);
  return new D(10).pow(MONEY_MAX_INTEGER_DIGITS).minus(new D(10).pow(-scale));
}

/**
 * The reason is a predicate ("must not be negative (got -1)"), prefixed by the label when there is
 * one; `said` always names its subject (the label, else "value").
 */
function refuse(opts: ParseMoneyOptions, code: MessageCode, params: Params): ParseMoneyResult {
  const said = say(code, { field: opts.label || text(moneyWords.value), ...params });
  return { ok: false, reason: opts.label ? said.message : predicate(code, params), said };
}

/** 10^13: every amount stays below it in absolute value (built once: parsing runs on every amount of every write). */
const MONEY_BOUND = new D(10).pow(MONEY_MAX_INTEGER_DIGITS);

/**
 * Parses an amount from a JS number or a string with a dot decimal separator.
 *
 * - Strings must match /^-?\d+(\.\d+)?$/ exactly (no spaces, no '+', no thousands
 *   separators); "12,50" and "1e5" are refused with a specific message.
 * - Numbers must be finite. Their decimals are counted on their shortest round-trip
 *   representation (String(n)), so 0.1 is "0.1" (1 decimal), while 0.1 + 0.2 is
 *   0.30000000000000004 (17 decimals) and is refused: that value is genuinely not 0.3.
 *   Numbers printed with an exponent (1e21, 1e-7) are converted exactly by Decimal.
 * - At most `scale` significant decimals (default 2); trailing zeros do not count,
 *   so "12.500" is accepted as 12.5 while "0.0050" is refused.
 * - Negative values only with allowNegative; "-0" is returned as 0.
 * - |value| must be < 10^13, i.e. at most 9999999999999.99 for scale 2.
 *
 * Failure reasons are English predicates meant to follow a field name, e.g.
 * "has more than 2 decimals (got 0.005)" or "must not be negative (got -1)"; `said` is the
 * whole sentence, coded, for the reader's language.
 */
export function parseMoney(input: unknown, opts: ParseMoneyOptions = {}): ParseMoneyResult {
  const scale = opts.scale ?? MONEY_SCALE;
  assertScale(scale);

  let value: Decimal;
  let shown: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return refuse(opts, 'moneyNotFinite', { got: String(input) });
    shown = String(input);
    value = new D(shown);
  } else if (typeof input === 'string') {
    shown = `"${input}"`;
    if (input.trim() === '') return refuse(opts, 'moneyEmpty', {});
    if (DECIMAL_COMMA.test(input)) {
      return refuse(opts, 'moneyDecimalComma', { written: input.replace(',', '.'), got: shown });
    }
    if (EXPONENT.test(input)) {
      return refuse(opts, 'moneyExponent', { written: new D(input).toFixed(), got: shown });
    }
    if (!PLAIN_DECIMAL.test(input)) {
      return refuse(opts, 'moneyNotDigits', { got: shown });
    }
    value = new D(input);
  } else {
    return refuse(opts, 'moneyNotNumber', { type: describeType(input) });
  }

  if (value.decimalPlaces() > scale) {
    return refuse(opts, 'moneyTooManyDecimals', { scale, got: shown });
  }
  if (value.lt(0) && opts.allowNegative !== true) {
    return refuse(opts, 'moneyNegative', { got: shown });
  }
  if (value.abs().gte(MONEY_BOUND)) {
    const max = moneyMaximum(scale).toFixed(scale);
    return value.lt(0)
      ? refuse(opts, 'moneyBelowMinimum', { minimum: num(`-${max}`), got: shown })
      : refuse(opts, 'moneyAboveMaximum', { maximum: num(max), got: shown });
  }
  // Normalise negative zero ("-0", "-0.00") to plain zero.
  return { ok: true, value: value.isZero() ? new D(0) : value };
}

function toDecimal(value: Decimal.Value): Decimal {
  const d = new D(value);
  if (!d.isFinite()) throw new RangeError(`Not a finite amount: ${String(value)}`);
  return d;
}

/** Rounds to `scale` decimals, half away from zero (ROUND_HALF_UP): 2.345 → 2.35, -2.345 → -2.35. */
export function roundToMinor(value: Decimal.Value, scale: number = MONEY_SCALE): Decimal {
  assertScale(scale);
  return toDecimal(value).toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
}

/** Amount → integer minor units (cents for scale 2), rounding half-up first. Exact for any size. */
export function toMinorUnits(value: Decimal.Value, scale: number = MONEY_SCALE): bigint {
  const fixed = roundToMinor(value, scale).toFixed(scale); // plain digits, never an exponent
  return BigInt(fixed.replace('.', ''));
}

/** Integer minor units → amount: 1234n → 12.34 (scale 2). Exact for any size. */
export function fromMinorUnits(minor: bigint | string | number, scale: number = MONEY_SCALE): Decimal {
  assertScale(scale);
  let digits: string;
  if (typeof minor === 'bigint') {
    digits = minor.toString();
  } else if (typeof minor === 'number') {
    if (!Number.isSafeInteger(minor)) {
      throw new RangeError(`Minor units must be a safe integer, got ${String(minor)}; pass a bigint or string`);
    }
    digits = String(minor);
  } else {
    if (!/^-?\d+$/.test(minor)) throw new RangeError(`Minor units must be an integer string, got "${minor}"`);
    digits = minor;
  }
  // Built from a decimal string: the constructor does not round, so this is exact.
  const value = new D(`${digits}e-${scale}`);
  return value.isZero() ? new D(0) : value;
}

/** Exact sum of amounts (no rounding). Empty list → 0. Throws RangeError on NaN/Infinity. */
export function sumMoney(values: readonly Decimal.Value[]): Decimal {
  return values.reduce<Decimal>((acc, v) => acc.plus(toDecimal(v)), new D(0));
}

/**
 * Formats an amount with Intl.NumberFormat, e.g. formatMoney('1234.5', 'EUR', 'fr-FR')
 * → "1 234,50 €" (with narrow no-break spaces). The value is first rounded half-up to
 * the currency's digits with Decimal, then handed to Intl as a decimal string, so big
 * amounts are not squeezed through a float (engines without string support — older
 * than Node 20 / V8 10.6 — convert to a number, which is exact up to 15 digits).
 */
export function formatMoney(value: Decimal.Value, currency: string, locale: string = 'fr-FR'): string {
  const fmt = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = fmt.resolvedOptions().maximumFractionDigits ?? MONEY_SCALE;
  const text = roundToMinor(value, digits).toFixed(digits);
  // ES2020 lib typings only declare format(number | bigint); ES2023 accepts decimal strings.
  const formatDecimalString = fmt.format as unknown as (this: Intl.NumberFormat, v: string) => string;
  return formatDecimalString.call(fmt, text);
}
