import { errors } from '@strapi/utils';
import type { RuleError } from '../domain/rule-error';

/**
 * The app's one way to refuse bad input: one ValidationError (a 400) for every problem found, each
 * on its field path (the Content Manager and API clients show them on the field). The message is the
 * first problem's, or `headline` when the caller has a better summary.
 */
export function throwIfErrors(ruleErrors: RuleError[], headline?: string): void {
  if (ruleErrors.length === 0) return;
  throw new errors.ValidationError(headline ?? ruleErrors[0].message, {
    errors: ruleErrors.map(({ path, message }) => ({ path: path.map(String), message, name: 'ValidationError' })),
  });
}

/** One problem on one field (a declared function, so `never` narrows). */
export function refuse(field: string, message: string, headline?: string): never {
  throwIfErrors([{ path: field === '' ? [] : [field], message }], headline);
  throw new Error('unreachable: throwIfErrors throws on a non-empty list');
}
