import { translate, type Params } from '../domain/messages';
import { requestLocale } from '../http/request-locale';

/** A message as the app hands it around: coded (from `say`), or plain text not yet in the catalog. */
export type Sayable = string | { message: string; code?: string; params?: Params };

/** The message's parts for a RuleError or an error's details. */
export const asSaid = (said: Sayable): { message: string; code?: string; params?: Params } => (typeof said === 'string' ? { message: said } : said);

/** The message in the request's language (plain text as written): for what a 200 response or an error shows. */
export const shown = (said: Sayable): string => (typeof said === 'string' ? said : translate(said, requestLocale()));
