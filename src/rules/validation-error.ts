import { errors } from '@strapi/utils';
import type { RuleError } from '../domain/rule-error';

/** One ValidationError for all broken rules, each on its field path (the Content Manager shows them on the field). */
export function throwIfErrors(ruleErrors: RuleError[]): void {
  if (ruleErrors.length === 0) return;
  const message = ruleErrors.length === 1 ? ruleErrors[0].message : `${ruleErrors.length} errors occurred`;
  throw new errors.ValidationError(message, {
    errors: ruleErrors.map(({ path, message: text }) => ({ path: path.map(String), message: text, name: 'ValidationError' })),
  });
}

/** The app's one way to refuse bad input: a 400 naming `field` (a declared function, so `never` narrows). */
export function refuse(field: string, message: string): never {
  throwIfErrors([{ path: [field], message }]);
  throw new Error('unreachable: throwIfErrors throws on a non-empty list');
}
