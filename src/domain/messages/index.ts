import { CATALOG, type MessageCode } from './catalog';
import { fill, type Params } from './render';
import { DEFAULT_LOCALE, type Locale } from './locale';

export { localeOf, LOCALES, DEFAULT_LOCALE, type Locale } from './locale';
export { num, amount, day, text, fill, type Params, type Param, type Texts, type TextParam } from './render';
export type { MessageCode } from './catalog';

/** A message for people: its code (for programs), its parameters, and its text in the default language. */
export interface Said {
  code: MessageCode;
  params?: Params;
  message: string;
}

export function say(code: MessageCode, params?: Params): Said {
  return { code, ...(params ? { params } : {}), message: fill(CATALOG[code][DEFAULT_LOCALE], params, DEFAULT_LOCALE) };
}

/** The message in `locale`: rendered again from its code when it has one, else as written. */
export function translate(said: { code?: string; params?: Params; message: string }, locale: Locale): string {
  const texts = said.code ? (CATALOG as Record<string, Record<Locale, string>>)[said.code] : undefined;
  return texts ? fill(texts[locale], said.params, locale) : said.message;
}

/**
 * The English text of a message that starts with its `{field}`, without that subject: the bare
 * predicate ("must not be negative (got -1)") that callers put their own subject in front of.
 */
export function predicate(code: MessageCode, params?: Params): string {
  return fill(CATALOG[code][DEFAULT_LOCALE], { ...params, field: '' }, DEFAULT_LOCALE).trimStart();
}
