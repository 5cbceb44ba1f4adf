// The plugin's messages for people, by code, in English and French (pure: no Strapi import). A
// decision's own sentence is decision-text.ts; everything else the plugin says is here.
import type { Locale } from '../locale';
import { behaviourTexts } from './catalog/behaviour';
import { emailTexts } from './catalog/email';
import { horizonTexts } from './catalog/horizon';
import { overdueTexts } from './catalog/overdue';
import { limitTexts } from './catalog/limits';
import { logTexts } from './catalog/log';
import { policyTexts } from './catalog/policy';
import { reportTexts } from './catalog/reports';
import { requestTexts } from './catalog/request';
import { fill, word, type Params, type Texts, type WordParam } from './render';

export { money, day, word, list, fill, placeholders, type Param, type Params, type Texts } from './render';
export { fieldName } from './catalog/fields';

/** One file per area; a code belongs to one area only (tests/unit/credit-control/messages.test.ts). */
export const MESSAGE_AREAS = { request: requestTexts, policy: policyTexts, reports: reportTexts, email: emailTexts, log: logTexts, limits: limitTexts, horizon: horizonTexts, overdue: overdueTexts, behaviour: behaviourTexts } as const;

export const MESSAGES = { ...requestTexts, ...policyTexts, ...reportTexts, ...emailTexts, ...logTexts, ...limitTexts, ...horizonTexts, ...overdueTexts, ...behaviourTexts } satisfies Record<string, Texts>;
export type MessageCode = keyof typeof MESSAGES;

/** A message as the plugin hands it around: its code for programs, its parameters, its English text. */
export interface Said {
  code: MessageCode;
  params?: Params;
  message: string;
}

/** The message in `locale`. */
export const textOf = (code: MessageCode, params: Params | undefined, locale: Locale): string => fill(MESSAGES[code][locale], params, locale);

/** A coded message, its text in English (the language of API clients that ask for none). */
export const say = (code: MessageCode, params?: Params): Said => ({ code, ...(params ? { params } : {}), message: textOf(code, params, 'en') });

/** A said message in `locale`: rendered again from its code, or as written when it has none. */
export const translate = (said: { code?: MessageCode; params?: Params; message: string }, locale: Locale): string =>
  said.code ? textOf(said.code, said.params, locale) : said.message;

/** A catalog entry used as a word inside another message (a mode, a run's state). */
export const wordOf = (code: MessageCode): WordParam => word(MESSAGES[code]);

/** One bad input: where it is (`path`), and what is wrong with it, coded. */
export interface Problem extends Said {
  path: string[];
}

export const problem = (path: string[], code: MessageCode, params?: Params): Problem => ({ path, ...say(code, params) });
