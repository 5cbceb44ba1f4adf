import Decimal from 'decimal.js';
import { groupThousands, minorToString, minorUnitsOf, type Minor } from '../money';

export type ReportLocale = 'fr' | 'en';
export const REPORT_LOCALES: ReportLocale[] = ['fr', 'en'];
const INTL: Record<ReportLocale, string> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * pdfkit's standard fonts are WinAnsi: U+202F (narrow no-break space, fr-FR's thousands
 * separator) has no glyph there, U+00A0 has; so every narrow space becomes a no-break space.
 */
// building an Intl formatter costs ~100× a format call, and a format call ~10× writing the digits
// (profiled by the bench's P4): Intl is asked once per locale and currency how an amount is written
const moneyPatterns = new Map<string, MoneyPattern>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const dayTexts = new Map<string, string>();

export const winAnsiSafe = (text: string): string => text.replace(/\u202f/g, '\u00a0');

/** How a locale writes an amount in a currency: around the digits, when positive and when negative; its marks. */
interface MoneyPattern {
  positive: [string, string];
  negative: [string, string];
  group: string;
  decimal: string;
}

function moneyPattern(locale: ReportLocale, currency: string, scale: number): MoneyPattern {
  const formatter = new Intl.NumberFormat(INTL[locale], { style: 'currency', currency, minimumFractionDigits: scale, maximumFractionDigits: scale });
  const around = (value: number): [string, string] => {
    const parts = formatter.formatToParts(value);
    const digits = parts.map((p, i) => (['integer', 'group', 'decimal', 'fraction'].includes(p.type) ? i : -1)).filter((i) => i >= 0);
    const text = (from: number, to: number) => winAnsiSafe(parts.slice(from, to).map((p) => p.value).join(''));
    return [text(0, digits[0]), text(digits[digits.length - 1] + 1, parts.length)];
  };
  const sample = formatter.formatToParts(1234567.5);
  const mark = (type: string, otherwise: string) => winAnsiSafe(sample.find((p) => p.type === type)?.value ?? otherwise);
  return { positive: around(1234567.5), negative: around(-1234567.5), group: mark('group', ''), decimal: mark('decimal', '.') };
}

/** "1 234,56 €" (fr) / "€1,234.56" (en), exact: the digits come from the minor units, never from a float. */
export function formatMoney(minor: Minor, currency: string, locale: ReportLocale): string {
  const scale = minorUnitsOf(currency);
  const key = `${locale}:${currency}:${scale}`;
  let pattern = moneyPatterns.get(key);
  if (!pattern) moneyPatterns.set(key, (pattern = moneyPattern(locale, currency, scale)));
  const [whole, fraction] = minorToString(minor < 0n ? -minor : minor, currency).split('.');
  const digits = `${groupThousands(whole, pattern.group)}${scale > 0 ? `${pattern.decimal}${fraction}` : ''}`;
  const [before, after] = minor < 0n ? pattern.negative : pattern.positive;
  return `${before}${digits}${after}`;
}

/** "15/01/2025" (fr) / "15 Jan 2025" (en); `long`: "15 janvier 2025" / "15 January 2025". */
export function formatDay(day: string | null | undefined, locale: ReportLocale, long = false): string {
  if (!day) return '';
  // a report repeats the same few hundred days: each is formatted once (Intl's date format is the costly part)
  const memoKey = `${locale}:${long}:${day}`;
  const known = dayTexts.get(memoKey);
  if (known !== undefined) return known;
  if (dayTexts.size >= 20_000) dayTexts.clear();
  const text = formatDayUncached(day, locale, long);
  dayTexts.set(memoKey, text);
  return text;
}

function formatDayUncached(day: string, locale: ReportLocale, long: boolean): string {
  const key = `${locale}:${long}`;
  let formatter = dayFormats.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = long
      ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : locale === 'fr'
        ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }
        : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
    dayFormats.set(key, (formatter = new Intl.DateTimeFormat(INTL[locale], options)));
  }
  return winAnsiSafe(formatter.format(new Date(`${day}T00:00:00Z`)));
}

/** "10,5 %" / "10.5%". */
export function formatRate(percent: number | string, locale: ReportLocale): string {
  const text = new Decimal(String(percent)).toDecimalPlaces(4).toString();
  return locale === 'fr' ? `${text.replace('.', ',')}\u00a0%` : `${text}%`;
}
