import { errors } from '@strapi/utils';
import type { RuleError } from '../domain/rule-error';
import { translate } from '../domain/messages';
import { requestLocale } from '../http/request-locale';
import { asSaid, shown, type Sayable } from './said';

/**
 * The app's one way to refuse bad input: one ValidationError (a 400) for every problem found, each
 * on its field path (the Content Manager and API clients show them on the field), in the
 * requester's language; `code` names the problem for programs. The message is the first problem's,
 * or `headline` when the caller has a better summary.
 */
export function throwIfErrors(ruleErrors: RuleError[], headline?: Sayable): void {
  if (ruleErrors.length === 0) return;
  const locale = requestLocale();
  const listed = ruleErrors.map((error) => ({
    path: error.path.map(String),
    message: translate(error, locale),
    name: 'ValidationError',
    ...(error.code ? { code: error.code } : {}),
  }));
  throw new errors.ValidationError(headline === undefined ? listed[0].message : shown(headline), { errors: listed });
}

/** One problem on one field (a declared function, so `never` narrows). */
export function refuse(field: string, message: Sayable, headline?: Sayable): never {
  throwIfErrors([{ path: field === '' ? [] : [field], ...asSaid(message) }], headline);
  throw new Error('unreachable: throwIfErrors throws on a non-empty list');
}
