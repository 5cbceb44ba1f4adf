import Decimal from 'decimal.js';
import { minorToString, minorUnitsOf, type Minor } from '../money';

export type ReportLocale = 'fr' | 'en';
export const REPORT_LOCALES: ReportLocale[] = ['fr', 'en'];
const INTL: Record<ReportLocale, string> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * pdfkit's standard fonts are WinAnsi: U+202F (narrow no-break space, fr-FR's thousands
 * separator) has no glyph there, U+00A0 has; so every narrow space becomes a no-break space.
 */
// building an Intl formatter costs ~100× a format call: one per locale and currency (profiled by the bench's P4)
const moneyFormats = new Map<string, Intl.NumberFormat>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const dayTexts = new Map<string, string>();

export const winAnsiSafe = (text: string): string => text.replace(/\u202f/g, '\u00a0');

/** "1 234,56 €" (fr) / "€1,234.56" (en), exact: minor units go through decimal strings, never floats. */
export function formatMoney(minor: Minor, currency: string, locale: ReportLocale): string {
  const scale = minorUnitsOf(currency);
  const value = minorToString(minor, currency);
  const key = `${locale}:${currency}:${scale}`;
  let formatter = moneyFormats.get(key);
  if (!formatter) moneyFormats.set(key, (formatter = new Intl.NumberFormat(INTL[locale], { style: 'currency', currency, minimumFractionDigits: scale, maximumFractionDigits: scale })));
  // Intl takes a decimal string exactly (ES2023 "string as exact decimal")
  return winAnsiSafe(formatter.format(value as unknown as number));
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
