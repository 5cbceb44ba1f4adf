/**
 * Keeps the dashboard's sums (src/repositories/customer-sums.ts) on every document-service write, in
 * the write's transaction: a written invoice or receipt's contribution is taken away before the write
 * and added after it; a deleted customer takes its sums along. Writes outside the document service
 * move the sums themselves (the flow's recompute) or rebuild them (`rebuildMaintained`). Built at boot
 * when never built or declared differently.
 */
import type { Core } from '@strapi/strapi';
import { customerSums, ensureSumTables, type CustomerSums } from '../repositories/customer-sums';
import { DOCUMENT_WRITES, idsOfDocument, idsOfResult } from './written-rows';

const CUSTOMER = 'api::customer.customer';

const built = new WeakMap<Core.Strapi, CustomerSums>();

export function sumsOf(strapi: Core.Strapi): CustomerSums {
  if (!built.has(strapi)) built.set(strapi, customerSums(strapi));
  return built.get(strapi)!;
}

export function registerCustomerSums(strapi: Core.Strapi): void {
  // the tables before the sales flow's migration (its recompute moves them), the build after it
  strapi.hook('strapi::content-types.afterSync').register(async () => {
    await ensureSumTables(strapi);
    if (await sumsOf(strapi).ensureBuilt()) strapi.log.info('customer dashboard: sums rebuilt from the documents');
  });

  strapi.documents.use(async (ctx, next) => {
    if (!DOCUMENT_WRITES.includes(ctx.action)) return next();
    const sums = sumsOf(strapi);
    const params = ctx.params as { data?: Record<string, unknown>; documentId?: string };

    if (ctx.uid === CUSTOMER && ctx.action === 'delete') {
      return strapi.db.transaction(async () => {
        const ids = await idsOfDocument(strapi, CUSTOMER, params.documentId);
        const result = await next();
        await sums.forgetCustomers(ids);
        return result;
      });
    }

    const data = params.data && typeof params.data === 'object' ? params.data : {};
    // this middleware runs inside the rules: the fields they derive (totals, due date) are in the data already
    const moved = ctx.action === 'update' ? sums.of(ctx.uid).filter((def) => def.fields.some((field) => field in data)) : sums.of(ctx.uid);
    if (!moved.length) return next();
    const created = ctx.action === 'create' || ctx.action === 'clone';

    return strapi.db.transaction(async () => {
      if (!created && params.documentId) await sums.move(moved, { documentId: params.documentId }, -1);
      const result: any = await next();
      if (ctx.action === 'delete') return result;
      const ids = idsOfResult(result);
      const scope = ids ? { ids } : { documentId: String(result?.documentId ?? params.documentId) };
      // a created draft invoice adds nothing: no statement for it; on Postgres the rest goes with the
      // 360 view's upkeep, the middleware around this one (src/repositories/deferred-writes.ts)
      await sums.move(created && result && typeof result === 'object' ? moved.filter((def) => def.adds(result)) : moved, scope, 1, { deferredFor: ctx });
      return result;
    });
  });
}
