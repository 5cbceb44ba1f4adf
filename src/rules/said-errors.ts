import { errors } from '@strapi/utils';
import { translate, type Said } from '../domain/messages';
import { requestLocale } from '../http/request-locale';

// The other 4xx the app raises (404, 403, 400 without a field), in the requester's language,
// with the message's code in details for programs. Field errors go through throwIfErrors.

const shown = (said: Said) => translate(said, requestLocale());
const detailsOf = (said: Said, details?: Record<string, unknown>) => ({ code: said.code, ...(details ?? {}) });

export const notFound = (said: Said, details?: Record<string, unknown>) => new errors.NotFoundError(shown(said), detailsOf(said, details));
export const forbidden = (said: Said, details?: Record<string, unknown>) => new errors.ForbiddenError(shown(said), detailsOf(said, details));
export const badRequest = (said: Said, details?: Record<string, unknown>) => new errors.ApplicationError(shown(said), detailsOf(said, details));
