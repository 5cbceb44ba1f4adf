import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { FLOW_UIDS, type FlowEdge } from '../../domain/flow/edges';
import { splitLines, type Portion } from '../../domain/flow/split';
import { takenFrom } from '../../domain/flow/taken';
import { refuse, throwIfErrors } from '../../rules/validation-error';
import { madeFrom, type StoredDocument } from '../documents';
import { callerFields, copyHeader, copyLine, edgeOf, freeQuantities, numberFor, onlyKnown, priced, readSource, sourceLines, today } from './make';
import { say } from '../../domain/messages';
import { documentWord, stateWord, stepWord } from '../../rules/words';

/** One "make a document from a source" operation: its edge, defaults and the fields a caller may add. */
interface PassOn {
  edge: FlowEdge;
  sourceLabel: string;
  prefix: string;
  /** fields of the made document the caller may give */
  fields: string[];
  /** what the made document says of itself besides its links and lines */
  defaults: (source: StoredDocument, body: Record<string, unknown>) => Record<string, unknown>;
  /** portions offered: quantity only, or also percentage and amount */
  portions: Portion['by'][];
}

export const PASS_ON: Record<string, PassOn> = {
  orderFromQuotation: {
    edge: edgeOf(FLOW_UIDS.quotation, FLOW_UIDS.order), sourceLabel: 'quotation', prefix: 'ORD', portions: ['quantity'],
    fields: ['number', 'date', 'customerReference', 'state', 'deliveryDate'],
    // the quoted delivery date carries over (a credit policy's horizon reads it)
    defaults: (source) => ({ origin: 'quotation', state: 'confirmed', date: today(), ...(source.deliveryDate ? { deliveryDate: source.deliveryDate } : {}) }),
  },
  deliveryFromOrder: {
    edge: edgeOf(FLOW_UIDS.order, FLOW_UIDS.delivery), sourceLabel: 'order', prefix: 'DEL', portions: ['quantity', 'percentage', 'amount'],
    fields: ['number', 'date', 'deliveredOn', 'state'],
    defaults: (_source, body) => ({ origin: 'order', state: 'delivered', date: today(), deliveredOn: (body.date as string) ?? today() }),
  },
  billingTableFromOrder: {
    edge: edgeOf(FLOW_UIDS.order, FLOW_UIDS.billingTable), sourceLabel: 'order', prefix: 'BT', portions: ['quantity', 'percentage', 'amount'],
    fields: ['number', 'date', 'state'],
    defaults: () => ({ state: 'validated', date: today() }),
  },
  creditNoteFromInvoice: {
    edge: edgeOf(FLOW_UIDS.invoice, FLOW_UIDS.invoice, 'creditNote'), sourceLabel: 'invoice', prefix: 'CN', portions: ['quantity', 'percentage', 'amount'],
    fields: ['number', 'date', 'dueDate', 'state'],
    defaults: () => ({ kind: 'creditNote', state: 'issued', date: today() }),
  },
};

const PORTION_KEYS = ['by', 'lines', 'percentage', 'amount'];

/** A source with no lines passes on an amount: all that is left, a share of it, or the amount asked. */
function headerPortion(source: StoredDocument, taken: Decimal, portion: Portion): string {
  const left = new Decimal(String(source.amountExclTax ?? 0)).sub(taken);
  let amount = left;
  if (portion.by === 'percentage') amount = new Decimal(String(source.amountExclTax ?? 0)).mul(String(portion.percentage)).div(100).toDecimalPlaces(2);
  if (portion.by === 'amount') amount = new Decimal(String(portion.amount));
  if (amount.lte(0)) refuse('amount', say('nothingLeftToPassOn'));
  return amount.toFixed(2);
}

/**
 * Makes a document from a source, in one transaction with the source locked: the lines (the
 * chosen quantities, a percentage, or an amount of what is still free), the shared header, a link
 * to the source. The flow middleware checks it and moves the source's figures; the credit check
 * judges the whole step under the made document's gate. `preview` returns what would be made.
 */
export async function passOn(strapi: Core.Strapi, operation: keyof typeof PASS_ON, sourceId: string, body: Record<string, unknown>) {
  const op = PASS_ON[operation];
  onlyKnown(body, [...op.fields, ...PORTION_KEYS, 'preview']);
  const by = (body.by ?? 'quantity') as Portion['by'];
  if (!op.portions.includes(by)) refuse('by', say('byValues', { values: op.portions.join(', ') }));
  const portion = { ...body, by } as Portion;
  return strapi.db.transaction(async () => {
    const source = await readSource(strapi, op.edge.from, sourceId, op.sourceLabel, op.edge.to);
    if (!op.edge.sourceStates.includes(source.state)) {
      const label = documentWord(op.edge.from, source.number, 'the', op.sourceLabel);
      refuse('state', say('sourceStateBlocks', { source: label, state: stateWord(op.edge.from, source.state), step: stepWord(op.edge.verb, 'noun') }));
    }
    const data: Record<string, unknown> = {
      ...copyHeader(strapi, source, op.edge.to, [op.edge.link, 'creditedInvoice', 'revisionOf', 'quotation', 'order', 'contract']),
      ...op.defaults(source, body),
      ...callerFields(body, op.fields),
      [op.edge.link]: op.edge.many ? [source.documentId] : source.documentId,
    };
    if (sourceLines(source).length > 0) {
      const split = splitLines(sourceLines(source), await freeQuantities(strapi, op.edge, source), portion, copyLine);
      throwIfErrors(split.errors);
      data.lines = split.lines;
    } else {
      const taken = takenFrom([], await madeFrom(strapi, op.edge, source.documentId), op.edge.holdsIn).amount;
      data.lines = [];
      data.amountExclTax = headerPortion(source, taken, portion);
      // the part keeps the source's VAT ratio
      const whole = new Decimal(String(source.amountExclTax ?? 0));
      const tax = whole.gt(0) ? new Decimal(String(source.taxAmount ?? 0)).mul(String(data.amountExclTax)).div(whole).toDecimalPlaces(2) : new Decimal(0);
      data.taxAmount = tax.toFixed(2);
      data.amountInclTax = tax.add(String(data.amountExclTax)).toFixed(2);
    }
    if (body.preview === true || body.preview === 'true') return { preview: true, data: priced(data) };
    if (!data.number) data.number = await numberFor(strapi, op.edge.to, op.prefix, String(data.date));
    const made = await strapi.documents(op.edge.to as any).create({ data: data as any, populate: ['lines'] as any });
    return { preview: false, data: made };
  });
}
