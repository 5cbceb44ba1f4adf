import { errors } from '@strapi/utils';
import { problem, translate, type Locale, type MessageCode, type Params, type Problem } from '../core';

/**
 * A 400 for several bad inputs at once (report criteria are checked together), in the reader's
 * language: `details.errors[].path` is what the Content Manager and API clients read to put the
 * message on the field, `code` what programs read, so that no client parses a message. `details`
 * adds keys beside `errors` (a reason code).
 */
export const criteriaError = (locale: Locale, list: Problem[], details: Record<string, unknown> = {}) => {
  const shown = list.map((p) => ({ path: p.path, message: translate(p, locale), name: 'ValidationError', code: p.code }));
  return new errors.ValidationError(shown.map((e) => e.message).join('; '), { ...details, errors: shown });
};

/** The same 400 for one field. */
export const fieldError = (locale: Locale, field: string, code: MessageCode, params?: Params, details?: Record<string, unknown>) =>
  criteriaError(locale, [problem([field], code, params)], details);
