import Decimal from 'decimal.js';
import type { Locale } from './locale';

/** A number in a message, written in the reader's convention ("7,000.50" is "7 000,50" in French). */
export interface NumberParam {
  kind: 'number';
  /** the value as a plain decimal string ("-1234.5") */
  value: string;
  /** decimals shown; omitted: as given */
  decimals?: number;
}
/** A calendar day in a message (ISO "2026-12-05"; "05/12/2026" in French). */
export interface DayParam {
  kind: 'day';
  value: string;
}
/** Words inside a message that are themselves in the reader's language ("quoted" is "repris en devis"). */
export interface TextParam {
  kind: 'text';
  texts: Texts;
}
export type Param = string | number | NumberParam | DayParam | TextParam;
export type Params = Record<string, Param>;
/** One message in every language we speak; `{name}` marks a parameter. */
export type Texts = Record<Locale, string>;

/** A number parameter: `value` is a Decimal, a number or a decimal string. */
export const num = (value: { toString(): string } | number, decimals?: number): NumberParam => ({ kind: 'number', value: String(value), decimals });
/** An amount parameter: two decimals. */
export const amount = (value: { toString(): string } | number): NumberParam => num(value, 2);
export const day = (iso: string): DayParam => ({ kind: 'day', value: iso });
/** A parameter written differently in each language. */
export const text = (texts: Texts): TextParam => ({ kind: 'text', texts });

// Intl's French grouping separator (a narrow no-break space), so server texts read like the admin's figures
const FRENCH_GROUP = '\u202f';

function fixed(value: string, decimals?: number): string {
  if (decimals === undefined) return value;
  try {
    return new Decimal(value).toFixed(decimals);
  } catch {
    return value;
  }
}

export function formatNumber(param: NumberParam, locale: Locale): string {
  const text = fixed(param.value, param.decimals);
  if (locale === 'en') return text;
  const negative = text.startsWith('-');
  const [whole, fraction] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, FRENCH_GROUP);
  return `${negative ? '-' : ''}${grouped}${fraction !== undefined ? `,${fraction}` : ''}`;
}

export function formatDay(param: DayParam, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(param.value);
  if (locale === 'en' || !match) return param.value;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

function formatParam(param: Param, locale: Locale): string {
  if (typeof param === 'string') return param;
  if (typeof param === 'number') return locale === 'en' ? String(param) : formatNumber(num(param), locale);
  if (param.kind === 'text') return param.texts[locale];
  return param.kind === 'day' ? formatDay(param, locale) : formatNumber(param, locale);
}

/** The text in `locale` with its parameters filled in; an unknown `{name}` stays as written. */
export function fill(template: string, params: Params | undefined, locale: Locale): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? formatParam(params[name], locale) : whole));
}

/** The parameter names a template uses. */
export const placeholders = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
