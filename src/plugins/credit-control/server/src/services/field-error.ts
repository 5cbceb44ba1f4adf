import { errors } from '@strapi/utils';
import type { CriteriaError } from '../core';

/**
 * A 400 that names the bad input: `details.errors[].path` is what the Content Manager and API
 * clients read to put the message on the field, so clients never have to parse the message.
 */
export const fieldError = (field: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [field], message, name: 'ValidationError' }] });

/** The same 400 with the reason code programs read (`details.reason`, like a credit decision's). */
export const fieldErrorWithReason = (field: string, message: string, reason: string) =>
  new errors.ValidationError(message, { reason, errors: [{ path: [field], message, name: 'ValidationError' }] });

/** The same 400 for several bad inputs at once (report criteria are checked together). */
export const criteriaError = (list: CriteriaError[]) =>
  new errors.ValidationError(list.map((e) => e.message).join('; '), { errors: list.map((e) => ({ ...e, name: 'ValidationError' })) });
