import Decimal from 'decimal.js';

/** Money in the engine is bigint minor units (cents), exact on every database. */
export type Minor = bigint;

const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60 });

const scaleCache = new Map<string, number>();

/** Decimals of a currency (EUR 2, JPY 0, BHD 3), from the ISO data built into Intl. */
export function minorUnitsOf(currency: string): number {
  const code = currency.toUpperCase();
  let scale = scaleCache.get(code);
  if (scale === undefined) {
    try {
      scale = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      scale = 2;
    }
    scaleCache.set(code, scale);
  }
  return scale;
}

/**
 * Minor units of an amount read from a content type. SQLite hands decimals back as floats,
 * so the value is rounded to the currency's minor unit, never truncated.
 */
/** A plain decimal's sign, whole digits and fraction digits ("-12.5"): no exponent, no separator. */
export const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d*))?$/;

export function toMinor(value: unknown, currency: string): Minor {
  if (value === null || value === undefined || value === '') return 0n;
  // the common case, no more decimals than the currency has ("1234.5", 1234.56): exact on the digits,
  // without a Decimal (a thousand letters read tens of thousands of amounts)
  const scale = minorUnitsOf(currency);
  const plain = PLAIN_DECIMAL.exec(typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '');
  if (plain && (plain[3] ?? '').length <= scale) {
    const minor = BigInt(`${plain[2]}${(plain[3] ?? '').padEnd(scale, '0')}`);
    return plain[1] ? -minor : minor;
  }
  const decimal = new D(typeof value === 'number' ? value : String(value));
  if (!decimal.isFinite()) throw new RangeError(`not a finite amount: ${String(value)}`);
  return BigInt(decimal.mul(new D(10).pow(minorUnitsOf(currency))).toDecimalPlaces(0).toFixed(0));
}

/** Decimal string of minor units: 710000n EUR → "7100.00". */
export function minorToString(minor: Minor, currency: string): string {
  // string arithmetic on the bigint: exact, and far cheaper than a Decimal division per amount
  const scale = minorUnitsOf(currency);
  const digits = (minor < 0n ? -minor : minor).toString().padStart(scale + 1, '0');
  const text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return minor < 0n ? `-${text}` : text;
}

// per language: group separator (French: Intl's narrow no-break space, as the admin writes it) and decimal mark
const NUMBER_MARKS: Record<'en' | 'fr', { group: string; decimal: string }> = { en: { group: ',', decimal: '.' }, fr: { group: '\u202f', decimal: ',' } };

/** Digits of a whole number grouped by thousands in the language's way ("1,000,000" / "1 000 000"). */
export function groupDigits(digits: string, locale: 'en' | 'fr'): string {
  return groupThousands(digits, NUMBER_MARKS[locale].group);
}

/** Digits of a whole number with `separator` between each group of three ("1 000 000"). */
export const groupThousands = (digits: string, separator: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** "7,100.00 EUR" ("7 100,00 EUR" in French): what a clerk reads in a refusal. */
export function formatMinor(minor: Minor, currency: string, locale: 'en' | 'fr' = 'en'): string {
  const scale = minorUnitsOf(currency);
  const [whole, fraction] = minorToString(minor < 0n ? -minor : minor, currency).split('.');
  return `${minor < 0n ? '-' : ''}${groupDigits(whole, locale)}${scale > 0 ? `${NUMBER_MARKS[locale].decimal}${fraction}` : ''} ${currency}`;
}

/** Converts minor units between currencies at `rate` (units of `to` per unit of `from`), rounded half-up. */
export function convertMinor(minor: Minor, from: string, to: string, rate: string | number): Minor {
  if (from === to) return minor;
  const value = new D(minor.toString())
    .div(new D(10).pow(minorUnitsOf(from)))
    .mul(new D(String(rate)))
    .mul(new D(10).pow(minorUnitsOf(to)));
  return BigInt(value.toDecimalPlaces(0).toFixed(0));
}

/** amount × part / whole, rounded half-up (the unpaid share of an invoice). */
export function shareOf(amount: Minor, part: Minor, whole: Minor): Minor {
  if (whole === 0n || part === 0n) return 0n;
  // all of it (an invoice nothing is paid on): exact without a Decimal, and the case of every new invoice
  if (part === whole) return amount;
  return BigInt(new D(amount.toString()).mul(part.toString()).div(whole.toString()).toDecimalPlaces(0).toFixed(0));
}
