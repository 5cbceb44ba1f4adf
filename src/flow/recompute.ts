import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { invoiceDerived, invoicedSourceDerived, orderDerived, quotationDerived, receiptDerived } from '../domain/flow/derived';
import { edgesFrom, FLOW_UIDS, type FlowEdge } from '../domain/flow/edges';
import { takenFrom, type MadeDocument } from '../domain/flow/taken';
import { sumsOf } from '../hooks/customer-sums';
import { viewIndexOf } from '../hooks/customer-view-index';

/**
 * Every flow document's derived figures and state recomputed from its links, a page at a time,
 * by the rules `derivedOf` (derive.ts) applies to one document: the same domain functions, the
 * made documents read for a whole page at once. What differs is written straight to the rows
 * (no document service: nothing else reacts). A type's figures read the derived state of the
 * types made from it, so receipts come first and quotations last.
 */
const ORDER = [FLOW_UIDS.receipt, FLOW_UIDS.invoice, FLOW_UIDS.delivery, FLOW_UIDS.billingTable, FLOW_UIDS.order, FLOW_UIDS.quotation];

type Row = Record<string, any> & { id: number };
type Made = MadeDocument & { invoicedAmountExclTax: string };

const dec = (value: unknown) => new Decimal(value === null || value === undefined || value === '' ? 0 : String(value));
const hasField = (strapi: Core.Strapi, uid: string, field: string) => field in (((strapi.getModel(uid as any) as any)?.attributes ?? {}) as object);
const keysOf = (row: Row) => ((row.lines ?? []) as any[]).map((l) => l.key).filter((k): k is string => Boolean(k));

/** Per source id of the page: the documents made from it through `edge` (any state). */
async function madeFromPage(strapi: Core.Strapi, edge: FlowEdge, ids: number[]): Promise<Map<number, Made[]>> {
  const where: Record<string, unknown> = { [edge.link]: { id: { $in: ids } } };
  if (edge.when) where[edge.when.field] = { $in: edge.when.in };
  const rows: Row[] = await strapi.db.query(edge.to as any).findMany({
    where,
    select: ['id', 'documentId', 'state', 'amountExclTax', ...(hasField(strapi, edge.to, 'invoicedAmountExclTax') ? ['invoicedAmountExclTax'] : [])],
    populate: { lines: { select: ['key', 'sourceKey', 'quantity', 'amountExclTax'] }, [edge.link]: { select: ['id'] } },
  });
  const page = new Set(ids);
  const bySource = new Map<number, Made[]>();
  for (const row of rows) {
    const sources = ([] as any[]).concat(row[edge.link] ?? []).map((s) => s.id as number);
    const made: Made = {
      documentId: row.documentId,
      state: row.state,
      amountExclTax: String(row.amountExclTax ?? 0),
      invoicedAmountExclTax: String(row.invoicedAmountExclTax ?? 0),
      lines: (row.lines ?? []).map((l: any) => ({ key: l.key, sourceKey: l.sourceKey, quantity: String(l.quantity ?? 0), amountExclTax: String(l.amountExclTax ?? 0) })),
      sourceCount: edge.many ? sources.length : 1,
    };
    for (const id of sources) {
      if (!page.has(id)) continue;
      const list = bySource.get(id);
      if (list) list.push(made);
      else bySource.set(id, [made]);
    }
  }
  return bySource;
}

/** What the documents made through each of `uid`'s edges take from each row of the page. */
async function takenByEdge(strapi: Core.Strapi, uid: string, page: Row[]) {
  const ids = page.map((r) => r.id);
  const byEdge = new Map<string, Map<number, Made[]>>();
  for (const edge of edgesFrom(uid)) byEdge.set(edge.to, await madeFromPage(strapi, edge, ids));
  const edgeTo = (to: string) => edgesFrom(uid).find((e) => e.to === to) as FlowEdge;
  const made = (row: Row, to: string) => byEdge.get(to)?.get(row.id) ?? [];
  const taken = (row: Row, to: string) => takenFrom(keysOf(row), made(row, to), edgeTo(to).takesIn).amount;
  const invoiced = (row: Row, to: string) =>
    made(row, to).filter((m) => edgeTo(to).takesIn.includes(m.state)).reduce((sum, m) => sum.add(dec(m.invoicedAmountExclTax)), new Decimal(0));
  return { taken, invoiced };
}

/** The receipts' allocations to each invoice of the page (non-cancelled receipts), and the last one's date. */
async function paymentsOfPage(strapi: Core.Strapi, ids: number[]) {
  const receipts: Row[] = await strapi.db.query(FLOW_UIDS.receipt as any).findMany({
    where: { allocations: { invoice: { id: { $in: ids } } }, state: { $ne: 'cancelled' } },
    select: ['id', 'date'],
    populate: { allocations: { populate: { invoice: { select: ['id'] } } } },
  });
  const page = new Set(ids);
  const paid = new Map<number, { amount: Decimal; lastDate: string | null }>();
  for (const receipt of receipts) {
    for (const allocation of receipt.allocations ?? []) {
      const id = allocation.invoice?.id;
      if (!page.has(id)) continue;
      const entry = paid.get(id) ?? { amount: new Decimal(0), lastDate: null };
      entry.amount = entry.amount.add(dec(allocation.amount));
      if (!entry.lastDate || String(receipt.date) > entry.lastDate) entry.lastDate = String(receipt.date);
      paid.set(id, entry);
    }
  }
  return paid;
}

/** The derived values of one page of `uid`, by row id. */
async function derivedOfPage(strapi: Core.Strapi, uid: string, page: Row[]): Promise<Map<number, Record<string, unknown>>> {
  const out = new Map<number, Record<string, unknown>>();
  const ids = page.map((r) => r.id);
  if (uid === FLOW_UIDS.receipt) {
    for (const row of page) out.set(row.id, receiptDerived(row as any, ((row.allocations ?? []) as any[]).reduce((sum, a) => sum.add(dec(a.amount)), new Decimal(0))));
    return out;
  }
  const { taken, invoiced } = await takenByEdge(strapi, uid, page);
  if (uid === FLOW_UIDS.invoice) {
    const paid = await paymentsOfPage(strapi, ids);
    for (const row of page) {
      const credited = row.kind === 'creditNote' ? new Decimal(0) : taken(row, FLOW_UIDS.invoice);
      out.set(row.id, invoiceDerived(row as any, paid.get(row.id) ?? { amount: new Decimal(0), lastDate: null }, credited));
    }
  } else if (uid === FLOW_UIDS.delivery || uid === FLOW_UIDS.billingTable) {
    const openState = uid === FLOW_UIDS.delivery ? 'delivered' : 'validated';
    for (const row of page) out.set(row.id, invoicedSourceDerived(row as any, taken(row, FLOW_UIDS.invoice), openState));
  } else if (uid === FLOW_UIDS.order) {
    for (const row of page) {
      const through = invoiced(row, FLOW_UIDS.delivery).add(invoiced(row, FLOW_UIDS.billingTable));
      out.set(row.id, orderDerived(row as any, { delivered: taken(row, FLOW_UIDS.delivery), billingTables: taken(row, FLOW_UIDS.billingTable), invoiced: through }));
    }
  } else if (uid === FLOW_UIDS.quotation) {
    const revisions: Row[] = await strapi.db.query(uid as any).findMany({ where: { revisionOf: { id: { $in: ids } } }, select: ['id'], populate: { revisionOf: { select: ['id'] } } });
    const revised = new Set(revisions.map((r) => r.revisionOf?.id));
    for (const row of page) out.set(row.id, quotationDerived(row as any, taken(row, FLOW_UIDS.order), revised.has(row.id)));
  }
  return out;
}

const same = (stored: unknown, derived: unknown): boolean => {
  if (derived === null || derived === undefined) return stored === null || stored === undefined;
  if (typeof derived === 'string' && /^-?\d+\.\d{2}$/.test(derived)) return dec(stored).toFixed(2) === derived;
  return String(stored ?? '') === String(derived);
};

/** Recomputes one type, page by page; returns how many of its documents changed. */
async function recomputeType(strapi: Core.Strapi, uid: string, pageSize: number): Promise<number> {
  const meta = strapi.db.metadata.get(uid as any) as unknown as { tableName: string; attributes: Record<string, { columnName?: string }> };
  const populate = { ...(hasField(strapi, uid, 'lines') ? { lines: { select: ['key'] } } : {}), ...(uid === FLOW_UIDS.receipt ? { allocations: true } : {}) };
  let changed = 0;
  for (let lastId = 0; ; ) {
    const done = await strapi.db.transaction(async ({ trx }: any) => {
      const page: Row[] = await strapi.db.query(uid as any).findMany({ where: { id: { $gt: lastId } }, orderBy: { id: 'asc' }, limit: pageSize, populate });
      if (page.length === 0) return true;
      lastId = page[page.length - 1].id;
      const derived = await derivedOfPage(strapi, uid, page);
      const changes = page
        .map((row) => ({ id: row.id, values: Object.entries(derived.get(row.id) ?? {}).filter(([field, value]) => !same(row[field], value)) }))
        .filter((change) => change.values.length > 0);
      const written = changes.map((change) => change.id);
      // the dashboard's sums lose these documents' old figures, then gain the new ones, in this transaction
      const sums = sumsOf(strapi);
      await sums.move(sums.of(uid), { ids: written }, -1);
      for (const { id, values } of changes) {
        await trx(meta.tableName).where({ id }).update(Object.fromEntries(values.map(([field, value]) => [meta.attributes[field]?.columnName ?? field, value])));
      }
      await sums.move(sums.of(uid), { ids: written }, 1);
      changed += written.length;
      // a derived state may sign a document: the 360 view's index follows, in this transaction
      await viewIndexOf(strapi).refresh(uid, written);
      return false;
    });
    if (done) return changed;
  }
}

/** Recomputes every flow document; returns how many changed, per type. */
export async function recomputeDerived(strapi: Core.Strapi, { pageSize = 500 }: { pageSize?: number } = {}): Promise<Record<string, number>> {
  const changed: Record<string, number> = {};
  for (const uid of ORDER) changed[uid] = await recomputeType(strapi, uid, pageSize);
  return changed;
}
