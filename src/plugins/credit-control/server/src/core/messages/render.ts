import type { Locale } from '../locale';
import { formatMinor, groupDigits } from '../money';
import { formatDay } from '../reports/format';

/** One message in every language the plugin speaks; `{name}` marks a parameter. */
export type Texts = Record<Locale, string>;

/** An amount in minor units, written "7,100.00 EUR" / "7 100,00 EUR" like a refusal's figures. */
export interface MoneyParam {
  kind: 'money';
  minor: bigint;
  currency: string;
}
/** A calendar day (ISO "2025-06-30"; "30/06/2025" in French). */
export interface DayParam {
  kind: 'day';
  value: string;
}
/** Words that are themselves in the reader's language (a mode, a state, a field's label). */
export interface WordParam {
  kind: 'word';
  texts: Texts;
}
/** Values joined the reader's way: "a or b" / "a ou b"; `comma`: "a, b". */
export interface ListParam {
  kind: 'list';
  items: Param[];
  join: 'or' | 'comma';
}
/** A whole number: as written in English, grouped the French way ("1 000 000"). */
export type Param = string | number | MoneyParam | DayParam | WordParam | ListParam;
export type Params = Record<string, Param>;

export const money = (minor: bigint, currency: string): MoneyParam => ({ kind: 'money', minor, currency });
export const day = (value: string): DayParam => ({ kind: 'day', value });
export const word = (texts: Texts): WordParam => ({ kind: 'word', texts });
export const list = (items: readonly Param[], join: ListParam['join'] = 'comma'): ListParam => ({ kind: 'list', items: [...items], join });

const JOINERS: Record<ListParam['join'], Texts> = { or: { en: ' or ', fr: ' ou ' }, comma: { en: ', ', fr: ', ' } };

function formatParam(param: Param, locale: Locale): string {
  if (typeof param === 'string') return param;
  if (typeof param === 'number') return locale === 'en' ? String(param) : groupDigits(String(param), locale);
  switch (param.kind) {
    case 'money':
      return formatMinor(param.minor, param.currency, locale);
    case 'day':
      return locale === 'en' ? param.value : formatDay(param.value, 'fr') || param.value;
    case 'word':
      return param.texts[locale];
    case 'list':
      return param.items.map((item) => formatParam(item, locale)).join(JOINERS[param.join][locale]);
  }
}

/** The text in `locale` with its parameters filled in; an unknown `{name}` stays as written. */
export function fill(template: string, params: Params | undefined, locale: Locale): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? formatParam(params[name], locale) : whole));
}

/** The parameter names a template uses, sorted (the catalog test compares them across languages). */
export const placeholders = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
