import { errors } from '@strapi/utils';
import type { Said } from '../domain/messages';
import { shown } from './said';

// The other 4xx the app raises (404, 403, 400 without a field), in the requester's language,
// with the message's code in details for programs. Field errors go through throwIfErrors.

const detailsOf = (said: Said, details?: Record<string, unknown>) => ({ code: said.code, ...(details ?? {}) });

export const notFound = (said: Said, details?: Record<string, unknown>) => new errors.NotFoundError(shown(said), detailsOf(said, details));
export const forbidden = (said: Said, details?: Record<string, unknown>) => new errors.ForbiddenError(shown(said), detailsOf(said, details));
export const badRequest = (said: Said, details?: Record<string, unknown>) => new errors.ApplicationError(shown(said), detailsOf(said, details));
export const tooManyRequests = (said: Said, details?: Record<string, unknown>) => new errors.RateLimitError(shown(said), detailsOf(said, details));
