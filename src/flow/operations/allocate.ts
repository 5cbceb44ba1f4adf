import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { FLOW_UIDS } from '../../domain/flow/edges';
import { parseMoney } from '../../domain/money';
import { refuse } from '../../rules/validation-error';
import { allocatedInvoices } from '../allocations';
import { lockDocuments, readDocument } from '../documents';
import { onlyKnown } from './make';
import { amount, say } from '../../domain/messages';
import { notFound } from '../../rules/said-errors';
import { documentWord } from '../../rules/words';

const dec = (value: unknown) => new Decimal(value === null || value === undefined || value === '' ? 0 : String(value));

/**
 * The receipt, locked, then every invoice the write will name (its allocations' and `target`), in
 * one sorted lock, all before the write: its credit check locks the party, and rewriting the
 * allocations re-links (key-share locks) each invoice the flow then locks and refreshes. Locked
 * only there, an allocation holding the party would wait for an invoice that another allocation
 * holds while it waits for the party (Postgres: a deadlock, a 500).
 */
async function lockedReceipt(strapi: Core.Strapi, receiptId: string, target?: string) {
  await lockDocuments(strapi, FLOW_UIDS.receipt, [receiptId]);
  const receipt = await readDocument(strapi, FLOW_UIDS.receipt, receiptId, { allocations: { populate: { invoice: { select: ['documentId'] } } } });
  if (!receipt) throw notFound(say('documentNotFound', { document: documentWord(FLOW_UIDS.receipt, receiptId) }));
  await lockDocuments(strapi, FLOW_UIDS.invoice, [...allocatedInvoices(receipt), ...(target ? [target] : [])]);
  return receipt;
}

const allocationsData = (list: { invoice: string; amount: Decimal }[]) => list.map((a) => ({ invoice: a.invoice, amount: a.amount.toFixed(2) }));

const saveAllocations = (strapi: Core.Strapi, receiptId: string, list: { invoice: string; amount: Decimal }[]) =>
  strapi.documents(FLOW_UIDS.receipt as any).update({
    documentId: receiptId,
    data: { allocations: allocationsData(list) } as any,
    populate: { allocations: { populate: { invoice: { fields: ['number', 'state', 'amountInclTax', 'amountPaid'] } } } } as any,
  });

/**
 * Lettrage: allocates (part of) a receipt to an invoice, adding to what the receipt already
 * allocates to it. Without an amount: what is left of the receipt, at most what the invoice still owes.
 * The receipt is locked; the flow locks the invoice and refuses an over-allocation of either.
 */
export async function allocate(strapi: Core.Strapi, receiptId: string, body: Record<string, unknown>) {
  onlyKnown(body, ['invoice', 'amount']);
  if (typeof body.invoice !== 'string' || body.invoice === '') refuse('invoice', say('allocateInvoiceNeeded'));
  let asked: Decimal | undefined;
  if (body.amount !== undefined && body.amount !== null) {
    const parsed = parseMoney(body.amount, { label: 'amount' });
    if (!parsed.ok) refuse('amount', parsed.said);
    else if (parsed.value.lte(0)) refuse('amount', say('amountAboveZero'));
    else asked = parsed.value;
  }
  return strapi.db.transaction(async () => {
    const invoiceId = body.invoice as string;
    const receipt = await lockedReceipt(strapi, receiptId, invoiceId);
    const invoice: any = await strapi.db.query(FLOW_UIDS.invoice as any).findOne({ where: { documentId: invoiceId }, select: ['amountInclTax', 'amountPaid'] });
    if (!invoice) refuse('invoice', say('documentNotFound', { document: documentWord(FLOW_UIDS.invoice, invoiceId) }));
    const list = ((receipt.allocations ?? []) as any[]).map((a) => ({ invoice: a.invoice?.documentId as string, amount: dec(a.amount) })).filter((a) => a.invoice);
    const free = dec(receipt.amount).sub(list.reduce((sum, a) => sum.add(a.amount), new Decimal(0)));
    const owed = dec(invoice.amountInclTax).sub(dec(invoice.amountPaid));
    const amount = asked ?? Decimal.min(free, owed);
    if (amount.lte(0)) refuse('amount', say(free.lte(0) ? 'receiptFullyAllocated' : 'invoiceFullyPaid'));
    const existing = list.find((a) => a.invoice === invoiceId);
    if (existing) existing.amount = existing.amount.add(amount);
    else list.push({ invoice: invoiceId, amount });
    return saveAllocations(strapi, receiptId, list);
  });
}

/** Un-allocates a receipt from an invoice (all of it, or `amount` of it). */
export async function unallocate(strapi: Core.Strapi, receiptId: string, invoiceId: string, body: Record<string, unknown> = {}) {
  onlyKnown(body, ['amount']);
  return strapi.db.transaction(async () => {
    const receipt = await lockedReceipt(strapi, receiptId);
    const list = ((receipt.allocations ?? []) as any[]).map((a) => ({ invoice: a.invoice?.documentId as string, amount: dec(a.amount) })).filter((a) => a.invoice);
    const existing = list.find((a) => a.invoice === invoiceId);
    if (!existing) refuse('invoice', say('receiptNotAllocatedTo', { receipt: receipt.number, invoice: invoiceId }));
    if (body.amount !== undefined) {
      const parsed = parseMoney(body.amount, { label: 'amount' });
      if (!parsed.ok) refuse('amount', parsed.said);
      else if (parsed.value.lte(0) || parsed.value.gt(existing!.amount)) refuse('amount', say('amountAboveZeroAtMost', { max: amount(existing!.amount) }));
      else existing!.amount = existing!.amount.sub(parsed.value);
    } else existing!.amount = new Decimal(0);
    return saveAllocations(strapi, receiptId, list.filter((a) => a.amount.gt(0)));
  });
}
