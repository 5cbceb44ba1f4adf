import type { Core } from '@strapi/strapi';

const WRITE_METHODS = ['POST', 'PUT', 'PATCH'];

/**
 * Content-API writes take JSON (uploads also multipart). Any other body (XML, text, a form, a
 * multipart with a broken boundary) is a 415 here, before the body parser, some of whose
 * failures are 500s.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) => async (ctx: any, next: () => Promise<void>) => {
  if (ctx.path.startsWith('/api/') && WRITE_METHODS.includes(ctx.method)) {
    const hasBody = Number(ctx.request.length ?? 0) > 0 || Boolean(ctx.get('transfer-encoding'));
    const upload = ctx.path.startsWith('/api/upload');
    if (hasBody && !ctx.is('json') && !(upload && ctx.is('multipart'))) {
      ctx.throw(415, `Unsupported content type ${ctx.get('content-type') || '(none)'}: send the body as application/json`);
    }
  }
  return next();
};
