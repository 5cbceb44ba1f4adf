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

/** Refuses the request with a 400 naming `field`. */
export const refuse = (field: string, message: string): never => {
  throwIfErrors([{ path: [field], message }]);
  throw new Error('unreachable');
};
