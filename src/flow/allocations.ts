import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { FLOW_UIDS } from '../domain/flow/edges';
import type { RuleError } from '../domain/rule-error';
import { lockDocuments, type StoredDocument } from './documents';
import { idsReaching } from './link-tables';
import { amount, say } from '../domain/messages';
import { stateWord } from '../rules/words';

const PAYABLE = ['issued', 'partiallyPaid', 'paid'];
const dec = (value: unknown) => new Decimal(value === null || value === undefined || value === '' ? 0 : String(value));

/** The invoices a receipt's allocations name. */
export const allocatedInvoices = (receipt: StoredDocument | null): string[] =>
  ((receipt?.allocations ?? []) as any[]).map((a) => a.invoice?.documentId).filter((id): id is string => typeof id === 'string');

export const ALLOCATIONS_POPULATE = {
  allocations: { populate: { invoice: { select: ['documentId'] } } },
  customer: { select: ['documentId'] },
  currency: { select: ['documentId'] },
};

/**
 * Lettrage: a receipt pays invoices of its own customer, in its currency, that are issued, and no
 * invoice is paid beyond its total (tax included), counting every receipt allocated to it. The
 * invoices are locked first, so two allocations at once cannot both pass.
 */
export async function allocationErrors(strapi: Core.Strapi, receipt: StoredDocument): Promise<RuleError[]> {
  if (receipt.state === 'cancelled') return [];
  const invoiceIds = allocatedInvoices(receipt);
  if (invoiceIds.length === 0) return [];
  await lockDocuments(strapi, FLOW_UIDS.invoice, invoiceIds);
  const errors: RuleError[] = [];
  const invoices: any[] = await strapi.db.query(FLOW_UIDS.invoice as any).findMany({
    where: { documentId: { $in: invoiceIds } },
    select: ['documentId', 'number', 'kind', 'state', 'amountInclTax'],
    populate: { customer: { select: ['documentId'] }, customerToBill: { select: ['documentId'] }, currency: { select: ['documentId'] } },
  });
  const receiptIds = await idsReaching(strapi, FLOW_UIDS.receipt, ['allocations', 'invoice'], invoiceIds);
  const receipts: any[] = await strapi.db.query(FLOW_UIDS.receipt as any).findMany({
    where: { id: { $in: receiptIds }, state: { $ne: 'cancelled' } },
    select: ['documentId'],
    populate: { allocations: { populate: { invoice: { select: ['documentId'] } } } },
  });
  const allocatedTo = new Map<string, Decimal>();
  for (const r of receipts) {
    for (const a of r.allocations ?? []) {
      const id = a.invoice?.documentId;
      if (id) allocatedTo.set(id, (allocatedTo.get(id) ?? new Decimal(0)).add(dec(a.amount)));
    }
  }
  const seen = new Set<string>();
  ((receipt.allocations ?? []) as any[]).forEach((allocation, index) => {
    const invoice = invoices.find((i) => i.documentId === allocation.invoice?.documentId);
    const path = ['allocations', index, 'invoice'];
    if (!invoice || seen.has(invoice.documentId)) {
      if (invoice) errors.push({ path, ...say('invoiceAllocatedTwice', { invoice: invoice.number }) });
      return;
    }
    seen.add(invoice.documentId);
    const billed = invoice.customerToBill?.documentId ?? invoice.customer?.documentId;
    if (invoice.kind !== 'invoice') errors.push({ path, ...say('allocatedCreditNote', { invoice: invoice.number }) });
    else if (!PAYABLE.includes(invoice.state)) errors.push({ path, ...say('invoiceNotPayable', { invoice: invoice.number, state: stateWord(FLOW_UIDS.invoice, invoice.state) }) });
    if (billed !== receipt.customer?.documentId) errors.push({ path, ...say('invoiceOtherCustomer', { invoice: invoice.number }) });
    if (invoice.currency?.documentId && receipt.currency?.documentId && invoice.currency.documentId !== receipt.currency.documentId) {
      errors.push({ path, ...say('invoiceOtherCurrency', { invoice: invoice.number }) });
    }
    const total = dec(invoice.amountInclTax);
    const allocated = allocatedTo.get(invoice.documentId) ?? new Decimal(0);
    if (allocated.gt(total)) {
      errors.push({
        path: ['allocations', index, 'amount'],
        ...say('invoiceOverpaid', { invoice: invoice.number, allocated: amount(allocated), total: amount(total) }),
      });
    }
  });
  return errors;
}
