import type { Core } from '@strapi/strapi';
import { say } from '../domain/messages';
import { notFound } from '../rules/said-errors';
import { documentWord } from '../rules/words';

const CREDIT = 'plugin::credit-control.';

/**
 * Writes aimed at a document that does not exist, told as a 404:
 * - `DELETE /api/<type>/<id>` answers 204 in Strapi's core controller, as if it had deleted;
 * - the credit-control policy and rate routes would audit an update of nothing.
 * Only the request's own document (its `:id`) is concerned: code deleting inside a request is
 * left alone. Runs in the document service, so after authentication (a 403 stays a 403).
 */
export function registerMissingDocument(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    const write = ctx.action === 'delete' || ctx.action === 'update';
    const request: any = write ? strapi.requestContext.get() : undefined;
    const documentId = (ctx.params as { documentId?: string }).documentId;
    const own = Boolean(request && documentId && request.params?.id === documentId);
    const missing = () => notFound(say('noSuchDocument', { document: documentWord(ctx.uid, documentId) }));
    if (own && ctx.uid.startsWith(CREDIT) && !(await strapi.db.query(ctx.uid as any).findOne({ where: { documentId }, select: ['id'] }))) throw missing();
    const result: any = await next();
    if (own && ctx.action === 'delete' && request.method === 'DELETE' && ctx.uid.startsWith('api::') && Array.isArray(result?.entries) && result.entries.length === 0) {
      throw missing();
    }
    return result;
  });
}
