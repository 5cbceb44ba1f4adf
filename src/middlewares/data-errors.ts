import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { say, type MessageCode } from '../domain/messages';
import { shown } from '../rules/said';

/** Why PostgreSQL refused a value (SQLSTATE class 22, "data exception"), for the caller (catalog/data-errors.ts). */
const REASONS: Record<string, MessageCode> = {
  '22P02': 'dbWrongType',
  '22021': 'dbNulCharacter',
  '22003': 'dbNumberOutOfRange',
  '22001': 'dbTextTooLong',
  '22007': 'dbDateInvalid',
  '22008': 'dbDateOutOfRange',
};

/** Two transactions that each waited for the other: PostgreSQL aborted this one, the other went through. */
const CONFLICTS = ['40P01', '40001'];

const sqlState = (error: any): string | undefined => {
  for (let e = error, depth = 0; e && depth < 4; e = e.cause ?? e.originalError, depth += 1) {
    if (typeof e.code === 'string' && (/^22[0-9A-Z]{3}$/.test(e.code) || CONFLICTS.includes(e.code))) return e.code;
  }
  return undefined;
};

/**
 * Input that passes Strapi's and the plugins' validation but that PostgreSQL refuses as a data
 * exception (a path id that is not a number on an integer-id route, a NUL character, an
 * out-of-range number) is the caller's error: a 400 naming the reason, not a 500. The failed
 * statement has already rolled its transaction back, so nothing is half-written. A deadlock or
 * serialization failure is a 409.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) => async (koa: any, next: () => Promise<void>) => {
  try {
    await next();
  } catch (error) {
    const code = sqlState(error);
    if (!code) throw error;
    // a write that lost a deadlock (two writes of one chain, or of one customer, locking in turn) wrote
    // nothing: a 409 the client can retry, not a 500
    if (CONFLICTS.includes(code)) koa.throw(409, shown(say('dbWriteConflict')));
    throw new errors.ValidationError(shown(say(REASONS[code] ?? 'dbValueRefused')), { code });
  }
};
