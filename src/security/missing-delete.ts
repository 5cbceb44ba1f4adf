import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * `DELETE /api/<type>/<id>` of a document that does not exist answers 204 in Strapi's core
 * controller, as if it had been deleted. The caller is told 404 instead (only the request's own
 * document: deletes done by code inside the request are left alone).
 */
export function registerMissingDelete(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    const result: any = await next();
    if (ctx.action !== 'delete' || !(ctx.uid.startsWith('api::') || ctx.uid.startsWith('plugin::credit-control.'))) return result;
    const request: any = strapi.requestContext.get();
    const documentId = (ctx.params as { documentId?: string }).documentId;
    if (request?.method === 'DELETE' && request.params?.id === documentId && Array.isArray(result?.entries) && result.entries.length === 0) {
      throw new errors.NotFoundError(`no ${ctx.uid.split('.').pop()} ${documentId}`);
    }
    return result;
  });
}
