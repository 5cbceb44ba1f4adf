/**
 * Keeps the 360 view's index (src/repositories/customer-view-index.ts) on every document-service
 * write, in the write's transaction, as the credit plugin keeps exposure: a write of an indexed
 * document refreshes its rows; a write that moves what other documents reach the customer through (a
 * supplier's linked prospect, an order's customers) refreshes those documents; a deleted customer
 * takes its rows along. Writes outside the document service call `viewIndexOf(strapi).refresh`
 * (the flow's recompute) or `rebuild` (the seeders). Built at boot when missing or stale.
 */
import type { Core } from '@strapi/strapi';
import { sectionParts } from '../api/customer/lib/section-parts';
import type { IndexedPart } from '../domain/view-index';
import { customerViewIndex, ensureViewTables, type CustomerViewIndex } from '../repositories/customer-view-index';
import { withDeferred } from '../repositories/deferred-writes';
import { linksAlong } from '../repositories/sql';
import { DOCUMENT_WRITES, idsOfDocument, idsOfResult } from './written-rows';


/** A field of a model that documents reach their customer through: changing it moves those documents' rows. */
interface Relay {
  part: IndexedPart;
  /** the relations from the document to the model */
  prefix: string[];
  field: string;
}

const built = new WeakMap<Core.Strapi, CustomerViewIndex>();

/** The app's index, declared from the sections' parts. */
export function viewIndexOf(strapi: Core.Strapi): CustomerViewIndex {
  if (!built.has(strapi)) built.set(strapi, customerViewIndex(strapi, sectionParts(strapi)));
  return built.get(strapi)!;
}

/** Per model, the fields along the parts' paths that are not the document's own (`supplier.linkedProspect`). */
function relaysOf(strapi: Core.Strapi, parts: IndexedPart[]): Map<string, Relay[]> {
  const relays = new Map<string, Relay[]>();
  for (const part of parts) {
    for (const path of part.paths) {
      const links = linksAlong(strapi, part.uid, path);
      for (let i = 1; i < path.length; i += 1) {
        const model = links[i - 1].target as string;
        relays.set(model, [...(relays.get(model) ?? []), { part, prefix: path.slice(0, i), field: path[i] }]);
      }
    }
  }
  return relays;
}

/** The models the paths end on (the customer): deleting one deletes its rows. */
const partiesOf = (strapi: Core.Strapi, parts: IndexedPart[]) =>
  new Set(parts.flatMap((part) => part.paths.map((path) => linksAlong(strapi, part.uid, path).pop()!.target as string)));

export function registerCustomerViewIndex(strapi: Core.Strapi): void {
  // the tables before the sales flow's migration (its recompute keeps them), the build after it
  strapi.hook('strapi::content-types.afterSync').register(async () => {
    await ensureViewTables(strapi);
    if (await viewIndexOf(strapi).ensureBuilt()) strapi.log.info('customer 360 view: index rebuilt from the documents');
  });

  let relays: Map<string, Relay[]> | null = null;
  let parties: Set<string> | null = null;
  strapi.documents.use(async (ctx, next) => {
    if (!DOCUMENT_WRITES.includes(ctx.action)) return next();
    const index = viewIndexOf(strapi);
    relays ??= relaysOf(strapi, index.parts);
    parties ??= partiesOf(strapi, index.parts);
    const params = ctx.params as { data?: Record<string, unknown>; documentId?: string };
    const own = index.indexes(ctx.uid);
    const data = params.data && typeof params.data === 'object' ? params.data : {};
    // a new supplier or order has no documents yet; an update moves them when it changes the field
    const touched = ctx.action === 'delete' ? (relays.get(ctx.uid) ?? []) : ctx.action === 'update' ? (relays.get(ctx.uid) ?? []).filter((r) => r.field in data) : [];
    // one refresh per type and way in (an order's customer and customer to bill lead to the same documents)
    const moved = touched.filter((r, i) => touched.findIndex((o) => o.part.uid === r.part.uid && o.prefix.join('.') === r.prefix.join('.')) === i);
    const party = ctx.action === 'delete' && parties.has(ctx.uid);
    if (!own && moved.length === 0 && !party) return next();

    // the dashboard's sums, kept by the middleware inside this one, send their statements with these (Postgres)
    return strapi.db.transaction(() => withDeferred(strapi, ctx, async () => {
      const before = ctx.action === 'delete' ? await idsOfDocument(strapi, ctx.uid, params.documentId) : [];
      // a deleted supplier's or order's documents lose their link: found before it goes
      const movedBefore = ctx.action === 'delete' ? await Promise.all(moved.map((r) => index.reachingThrough(r.part, r.prefix, before))) : [];
      const result: any = await next();
      const ids = ctx.action === 'delete' ? before : (idsOfResult(result) ?? (await idsOfDocument(strapi, ctx.uid, result?.documentId ?? params.documentId)));
      if (own) await index.refresh(ctx.uid, ids, { created: ctx.action === 'create' || ctx.action === 'clone' });
      for (const [i, relay] of moved.entries()) {
        const documents = ctx.action === 'delete' ? movedBefore[i] : await index.reachingThrough(relay.part, relay.prefix, ids);
        await index.refresh(relay.part.uid, documents, { lock: true });
      }
      if (party) await index.forgetCustomers(before);
      return result;
    }));
  });
}
