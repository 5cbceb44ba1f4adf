import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { edgesFrom, FLOW_UIDS, type FlowEdge } from '../domain/flow/edges';
import { invoiceDerived, invoicedSourceDerived, orderDerived, quotationDerived, receiptDerived } from '../domain/flow/derived';
import { takenFrom } from '../domain/flow/taken';
import { asFlowWrite } from './flow-context';
import { madeFrom, readDocument, type StoredDocument } from './documents';
import { idsReaching } from './link-tables';
import { CONTRACT_UID, derivedOfContract } from './contracts';
import { itemSourceDerived, specsFrom } from './billed-once';

const dec = (value: unknown) => new Decimal(value === null || value === undefined || value === '' ? 0 : String(value));
const keysOf = (doc: StoredDocument) => (doc.lines ?? []).map((l) => l.key).filter((k): k is string => Boolean(k));
const EXPENSE_REPORT_UID = 'api::expense-report.expense-report';
/** An expense report's total: the sum of its expenses. */
const linesTotal = (lines: unknown) => (Array.isArray(lines) ? lines : []).reduce((sum: Decimal, l: any) => sum.add(dec(l?.amountExclTax)), new Decimal(0)).toFixed(2);
const edge = (from: string, to: string) => edgesFrom(from).find((e) => e.to === to) as FlowEdge;

async function takenOf(strapi: Core.Strapi, doc: StoredDocument, flowEdge: FlowEdge): Promise<Decimal> {
  return takenFrom(keysOf(doc), await madeFrom(strapi, flowEdge, doc.documentId), flowEdge.takesIn).amount;
}

/** What the documents made from an order's deliveries and billing tables invoiced of them. */
async function invoicedThroughOrder(strapi: Core.Strapi, orderId: string): Promise<Decimal> {
  let sum = new Decimal(0);
  for (const flowEdge of edgesFrom(FLOW_UIDS.order)) {
    const ids = await idsReaching(strapi, flowEdge.to, [flowEdge.link], [orderId]);
    if (ids.length === 0) continue;
    const rows: any[] = await strapi.db.query(flowEdge.to as any).findMany({
      where: { id: { $in: ids }, state: { $in: flowEdge.takesIn } },
      // with the id: were the query ever to join (Strapi then selects DISTINCT), two deliveries
      // invoiced for the same amount would still be two rows
      select: ['id', 'invoicedAmountExclTax'],
    });
    for (const row of rows) sum = sum.add(dec(row.invoicedAmountExclTax));
  }
  return sum;
}

/** Whether a revision of the quotation exists (it then stops counting). */
async function isRevised(strapi: Core.Strapi, quotationId: string): Promise<boolean> {
  return (await strapi.db.query(FLOW_UIDS.quotation as any).count({ where: { revisionOf: { documentId: quotationId } } })) > 0;
}

/** The receipts' allocations to an invoice (tax included), and the date of the last one. */
async function paymentsOfInvoice(strapi: Core.Strapi, invoiceId: string): Promise<{ amount: Decimal; lastDate: string | null }> {
  const ids = await idsReaching(strapi, FLOW_UIDS.receipt, ['allocations', 'invoice'], [invoiceId]);
  if (ids.length === 0) return { amount: new Decimal(0), lastDate: null };
  const receipts: any[] = await strapi.db.query(FLOW_UIDS.receipt as any).findMany({
    where: { id: { $in: ids }, state: { $ne: 'cancelled' } },
    select: ['id', 'date'],
    populate: { allocations: { populate: { invoice: { select: ['documentId'] } } } },
  });
  let amount = new Decimal(0);
  let lastDate: string | null = null;
  for (const receipt of receipts) {
    for (const allocation of receipt.allocations ?? []) {
      if (allocation.invoice?.documentId !== invoiceId) continue;
      amount = amount.add(dec(allocation.amount));
      if (!lastDate || String(receipt.date) > lastDate) lastDate = String(receipt.date);
    }
  }
  return { amount, lastDate };
}

/**
 * A document's derived figures and state, computed from what was made from it. `created`: the
 * document is this write's own create, so nothing can have been made from it or paid on it yet, and
 * those reads are skipped (its figures then follow from its own fields).
 */
export async function derivedOf(strapi: Core.Strapi, uid: string, doc: StoredDocument, created = false): Promise<Record<string, unknown>> {
  const none = new Decimal(0);
  const taken = created ? async () => none : takenOf;
  const invoicedThrough = created ? async () => none : invoicedThroughOrder;
  const revised = created ? async () => false : isRevised;
  const paymentsOf = created ? async () => ({ amount: none, lastDate: null }) : paymentsOfInvoice;
  switch (uid) {
    case FLOW_UIDS.quotation:
      return quotationDerived(doc as any, await taken(strapi, doc, edge(uid, FLOW_UIDS.order)), await revised(strapi, doc.documentId));
    case FLOW_UIDS.order:
      return orderDerived(doc as any, {
        delivered: await taken(strapi, doc, edge(uid, FLOW_UIDS.delivery)),
        billingTables: await taken(strapi, doc, edge(uid, FLOW_UIDS.billingTable)),
        invoiced: await invoicedThrough(strapi, doc.documentId),
      });
    case FLOW_UIDS.delivery:
      return invoicedSourceDerived(doc as any, await taken(strapi, doc, edge(uid, FLOW_UIDS.invoice)), 'delivered');
    case FLOW_UIDS.billingTable:
      return invoicedSourceDerived(doc as any, await taken(strapi, doc, edge(uid, FLOW_UIDS.invoice)), 'validated');
    case FLOW_UIDS.invoice: {
      const credited = doc.kind === 'creditNote' ? new Decimal(0) : await taken(strapi, doc, edge(uid, FLOW_UIDS.invoice));
      return invoiceDerived(doc as any, await paymentsOf(strapi, doc.documentId), credited);
    }
    case FLOW_UIDS.receipt: {
      const allocated = ((doc.allocations ?? []) as any[]).reduce((sum, a) => sum.add(dec(a.amount)), new Decimal(0));
      return receiptDerived(doc as any, allocated);
    }
    case CONTRACT_UID:
      return derivedOfContract(strapi, doc.documentId);
    case EXPENSE_REPORT_UID:
      return { amountExclTax: linesTotal(doc.lines), ...(await itemSourceDerived(strapi, uid, doc)) };
    default:
      return specsFrom(uid).length > 0 ? itemSourceDerived(strapi, uid, doc) : {};
  }
}

/** A new document's derived figures, from its own data (nothing is made from it yet): no second write. */
export function derivedOnCreate(uid: string, data: Record<string, any>): Record<string, unknown> {
  const none = new Decimal(0);
  if (uid === FLOW_UIDS.order) {
    return orderDerived({ state: data.state ?? 'draft', amountExclTax: data.amountExclTax }, { delivered: none, billingTables: none, invoiced: none });
  }
  if (uid === FLOW_UIDS.receipt) return receiptDerived({ state: data.state ?? 'unallocated', amount: data.amount }, dec(data.allocatedAmount));
  if (uid === EXPENSE_REPORT_UID) return { amountExclTax: linesTotal(data.lines), rebilledAmountExclTax: '0.00' };
  return {};
}

const same = (stored: unknown, derived: unknown): boolean => {
  if (derived === null || derived === undefined) return stored === null || stored === undefined;
  if (typeof derived === 'string' && /^-?\d+\.\d{2}$/.test(derived)) return dec(stored).toFixed(2) === derived;
  return String(stored ?? '') === String(derived);
};

/**
 * Brings a document's derived figures and state up to date, through the document service (so the
 * credit engine sees the move, as part of the write that caused it). Writes nothing when they hold.
 * `read`: the document as this transaction last read it (with its lines), when nothing wrote it since;
 * `created`: it is this write's own create (see derivedOf).
 */
export async function refreshDerived(strapi: Core.Strapi, uid: string, documentId: string, read?: StoredDocument, created = false): Promise<boolean> {
  const doc = read ?? (await readDocument(strapi, uid, documentId, uid === FLOW_UIDS.receipt ? { allocations: true } : {}));
  if (!doc) return false;
  const derived = await derivedOf(strapi, uid, doc, created);
  const changed = Object.fromEntries(Object.entries(derived).filter(([field, value]) => !same(doc[field], value)));
  if (Object.keys(changed).length === 0) return false;
  await asFlowWrite(() => strapi.documents(uid as any).update({ documentId, data: changed as any }));
  return true;
}
