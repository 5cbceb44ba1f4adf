import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { FLOW_UIDS } from '../../domain/flow/edges';
import { splitLines } from '../../domain/flow/split';
import { refuse, throwIfErrors } from '../../rules/validation-error';
import { lockDocuments, type StoredDocument } from '../documents';
import { callerFields, copyHeader, copyLine, edgeOf, freeQuantities, numberFor, onlyKnown, priced, readSource, sourceLines, today } from './make';
import { say } from '../../domain/messages';
import { shown } from '../../rules/said';
import { documentWord, stateWord, stepWord } from '../../rules/words';

const FIELDS = ['number', 'date', 'dueDate', 'state'];
const SOURCES = [
  { field: 'deliveries', uid: FLOW_UIDS.delivery, label: 'delivery' },
  { field: 'billingTables', uid: FLOW_UIDS.billingTable, label: 'billing table' },
] as const;

const idsOf = (value: unknown, field: string): string[] => {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === '')) refuse(field, say('listOfDocumentIds', { field }));
  return [...new Set(value as string[])];
};
/** One line for a source with no lines: its amount, at the VAT rate its totals imply. */
function wholeLine(label: string, doc: StoredDocument) {
  const amount = new Decimal(String(doc.amountExclTax ?? 0));
  const tax = new Decimal(String(doc.taxAmount ?? 0));
  return { label: `${label} ${doc.number}`, quantity: '1', unitPrice: amount.toFixed(2), vatRate: amount.gt(0) ? tax.div(amount).mul(100).toFixed(2) : '0.00' };
}

const billedOf = (doc: StoredDocument) => doc.customerToBill?.documentId ?? doc.customer?.documentId;

/**
 * The billing tool: deliveries and billing tables of one customer to bill become one invoice
 * (`grouping: 'single'`, the default) or one invoice per source (`perSource`), each line pointing
 * at the line it invoices. One transaction, every source locked.
 */
export async function invoiceSources(strapi: Core.Strapi, body: Record<string, unknown>) {
  onlyKnown(body, [...FIELDS, 'deliveries', 'billingTables', 'grouping', 'preview']);
  const grouping = body.grouping ?? 'single';
  if (grouping !== 'single' && grouping !== 'perSource') refuse('grouping', say('groupingValues'));
  const picked = SOURCES.flatMap((s) => idsOf(body[s.field], s.field).map((id) => ({ ...s, id })));
  if (picked.length === 0) refuse('deliveries', say('nothingToInvoice'));

  return strapi.db.transaction(async () => {
    // every source locked first, in a stable order (deliveries, then billing tables, each sorted):
    // locked one by one as named, [A, B] and [B, A] at once would each hold one and wait for the other
    for (const s of SOURCES) await lockDocuments(strapi, s.uid, picked.filter((p) => p.uid === s.uid).map((p) => p.id));
    const sources: { field: string; doc: StoredDocument; edgeLines: any[] }[] = [];
    for (const pick of picked) {
      const doc = await readSource(strapi, pick.uid, pick.id, pick.label, FLOW_UIDS.invoice);
      const edge = edgeOf(pick.uid, FLOW_UIDS.invoice, 'invoice');
      const source = documentWord(pick.uid, doc.number, 'the', pick.label);
      if (!edge.sourceStates.includes(doc.state)) refuse(pick.field, say('sourceStateBlocks', { source, state: stateWord(pick.uid, doc.state), step: stepWord('invoiced', 'noun') }));
      if (sourceLines(doc).length === 0) {
        // a source typed without lines is invoiced whole, on one line that names no source line
        if (picked.length > 1 && grouping === 'single') refuse(pick.field, say('sourceNoLinesAlone', { source }));
        sources.push({ field: pick.field, doc, edgeLines: [wholeLine(pick.label, doc)] });
        continue;
      }
      const split = splitLines(sourceLines(doc), await freeQuantities(strapi, edge, doc), { by: 'quantity' }, copyLine);
      throwIfErrors(split.errors.map((e) => ({ path: [pick.field], ...say('sourceProblem', { source, problem: shown(e) }) })));
      sources.push({ field: pick.field, doc, edgeLines: split.lines });
    }
    const first = sources[0].doc;
    for (const { field, doc } of sources) {
      if (billedOf(doc) !== billedOf(first)) refuse(field, say('billedOtherCustomerThan', { document: doc.number, first: first.number }));
      if (doc.currency?.documentId !== first.currency?.documentId) refuse(field, say('otherCurrencyThan', { document: doc.number, first: first.number }));
    }
    const groups = grouping === 'single' ? [sources] : sources.map((s) => [s]);
    const invoices = groups.map((group) => {
      const orders = [...new Set(group.map((s) => s.doc.order?.documentId).filter(Boolean))];
      // an invoice of one contract's notes names it: its call-taking rule reads the contract's invoices
      const contracts = [...new Set(group.map((s) => s.doc.contract?.documentId ?? null))];
      return {
        ...copyHeader(strapi, group[0].doc, FLOW_UIDS.invoice, ['order', 'creditedInvoice', 'contract']),
        kind: 'invoice',
        state: 'issued',
        date: today(),
        ...callerFields(body, FIELDS),
        ...(orders.length === 1 ? { order: orders[0] } : {}),
        ...(contracts.length === 1 && contracts[0] ? { contract: contracts[0] } : {}),
        deliveries: group.filter((s) => s.field === 'deliveries').map((s) => s.doc.documentId),
        billingTables: group.filter((s) => s.field === 'billingTables').map((s) => s.doc.documentId),
        lines: group.flatMap((s) => s.edgeLines),
      } as Record<string, unknown>;
    });
    if (body.preview === true || body.preview === 'true') return { preview: true, data: invoices.map(priced) };
    if (invoices.length > 1 && body.number) refuse('number', say('numberSeveralInvoices'));
    const made = [];
    for (const data of invoices) {
      if (!data.number) data.number = await numberFor(strapi, FLOW_UIDS.invoice, 'INV', String(data.date));
      made.push(await strapi.documents(FLOW_UIDS.invoice as any).create({ data: data as any, populate: ['lines', 'deliveries', 'billingTables'] as any }));
    }
    return { preview: false, data: made };
  });
}
