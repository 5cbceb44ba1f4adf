import type { Core } from '@strapi/strapi';
import { say } from '../domain/messages';
import { shown } from '../rules/said';
import { inLanguage } from '../rules/words';

const WRITE_METHODS = ['POST', 'PUT', 'PATCH'];

/**
 * Content-API writes take JSON (uploads also multipart). Any other body (XML, text, a form, a
 * multipart with a broken boundary) is a 415 here, before the body parser, some of whose
 * failures are 500s; a multipart upload whose body is not multipart is a 400.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) => async (ctx: any, next: () => Promise<void>) => {
  if (ctx.path.startsWith('/api/') && WRITE_METHODS.includes(ctx.method)) {
    const hasBody = Number(ctx.request.length ?? 0) > 0 || Boolean(ctx.get('transfer-encoding'));
    const upload = ctx.path.startsWith('/api/upload');
    if (hasBody && !ctx.is('json') && !(upload && ctx.is('multipart'))) {
      ctx.throw(415, shown(say('unsupportedContentType', { type: ctx.get('content-type') || inLanguage({ en: '(none)', fr: '(aucun)' }) })));
    }
    if (upload && ctx.is('multipart')) {
      try {
        return await next();
      } catch (error: any) {
        // formidable marks a malformed multipart body (no boundary found, truncated) as a client error,
        // which Strapi's error middleware would answer with a 500
        if (error?.constructor?.name === 'FormidableError' && error.httpCode >= 400 && error.httpCode < 500) {
          ctx.throw(error.httpCode, shown(say('malformedMultipart', { detail: error.message })));
        }
        throw error;
      }
    }
  }
  return next();
};
