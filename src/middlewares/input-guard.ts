import type { Core } from '@strapi/strapi';
import { throwIfErrors } from '../rules/validation-error';
import { checkFilters } from '../security/query-filters';

/** The content types behind content-API path prefixes, for checking filters on their attributes. */
function uidByPrefix(strapi: Core.Strapi): Map<string, string> {
  const map = new Map<string, string>([
    ['users', 'plugin::users-permissions.user'],
    ['upload', 'plugin::upload.file'],
    ['credit-control/policies', 'plugin::credit-control.policy'],
    ['credit-control/rates', 'plugin::credit-control.rate'],
  ]);
  for (const [uid, ct] of Object.entries<any>(strapi.contentTypes)) if (uid.startsWith('api::')) map.set(ct.info.pluralName, uid);
  return map;
}

/**
 * Content-API input that Strapi or its plugins would turn into a 500 is refused here with a 4xx
 * naming the reason, before any controller runs (after the body parser): filters of the wrong
 * shape or with impossible dates (which say nothing about the data, so checking them before
 * authentication leaks nothing). Plugin bodies are checked after authentication (plugin-input.ts).
 * It also gives every 4xx a JSON `error.message` (a few plugin routes answer without one).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  let prefixes: Map<string, string> | undefined;
  return async (ctx: any, next: () => Promise<void>) => {
    if (!ctx.path.startsWith('/api/')) return next();
    prefixes ??= uidByPrefix(strapi);
    const segments = ctx.path.slice('/api/'.length).split('/');
    const uid = prefixes.get(`${segments[0]}/${segments[1]}`) ?? prefixes.get(segments[0]);
    const problems = checkFilters(strapi, uid, ctx.query?.filters, ['filters']);
    throwIfErrors(problems);

    await next();

    if (ctx.status >= 400 && ctx.status < 500 && ctx.body && typeof ctx.body === 'object' && !Buffer.isBuffer(ctx.body)) {
      const error = ctx.body.error;
      if (!(error && typeof error === 'object' && typeof error.message === 'string' && error.message)) {
        const message = typeof error === 'string' ? error : typeof ctx.body.message === 'string' ? ctx.body.message : ctx.message;
        ctx.body = { data: null, error: { status: ctx.status, name: ctx.status === 404 ? 'NotFoundError' : 'BadRequestError', message, details: {} } };
      }
    }
  };
};
