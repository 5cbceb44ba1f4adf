import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { appliesTo, edgesFrom, FLOW_UIDS, type FlowEdge } from '../domain/flow/edges';
import { overTaken } from '../domain/flow/over-take';
import { takenFrom } from '../domain/flow/taken';
import type { RuleError } from '../domain/rule-error';
import { linkedIds, madeFrom, readDocument, type StoredDocument } from './documents';
import { say } from '../domain/messages';
import { documentNoun, documentWord, fieldWord, stateWord, stepWord } from '../rules/words';

/** States in which a document may not be the source of made documents that still hold it. */
const CLOSED: Record<string, string[]> = {
  [FLOW_UIDS.quotation]: ['refused', 'expired'],
  [FLOW_UIDS.order]: ['draft', 'cancelled'],
  [FLOW_UIDS.delivery]: ['draft', 'cancelled'],
  [FLOW_UIDS.billingTable]: ['cancelled'],
  [FLOW_UIDS.invoice]: ['draft', 'cancelled'],
};

export const tolerance = (strapi: Core.Strapi): number => Number(strapi.config.get('sales-flow.overDeliveryTolerancePercent', 0)) || 0;
const keysOf = (doc: StoredDocument) => (doc.lines ?? []).map((l) => l.key).filter((k): k is string => Boolean(k));
const labelOf = (uid: string, doc: StoredDocument) => documentWord(uid, doc.number ?? doc.documentId);
const partyOf = (doc: StoredDocument) => doc.customer?.documentId ?? null;
const currencyOf = (doc: StoredDocument) => doc.currency?.documentId ?? null;

const asSource = (uid: string, doc: StoredDocument) => ({ label: labelOf(uid, doc), amountExclTax: String(doc.amountExclTax ?? 0), lines: (doc.lines ?? []).map((l) => ({ key: l.key, quantity: String(l.quantity ?? 0), label: l.label })) });

/** What the documents made from `source` through `edge` hold, in every state but cancelled. */
async function heldFrom(strapi: Core.Strapi, edge: FlowEdge, source: StoredDocument, previousKeys: string[] = []) {
  return takenFrom([...keysOf(source), ...previousKeys], await madeFrom(strapi, edge, source.documentId), edge.holdsIn);
}

/**
 * A made document against each of its sources: the same customer and currency, a source open to
 * it (when it is newly linked), lines that name lines of its sources, and no more taken than the
 * source holds, counting every other document made from it.
 */
export async function madeDocumentErrors(strapi: Core.Strapi, edge: FlowEdge, made: StoredDocument, newlyLinked: Set<string>): Promise<RuleError[]> {
  if (!appliesTo(edge, made) || made.state === 'cancelled') return [];
  const errors: RuleError[] = [];
  const sourceKeys = new Set<string>();
  for (const sourceId of linkedIds(made, edge)) {
    const source = await readDocument(strapi, edge.from, sourceId, { customer: { select: ['documentId'] }, currency: { select: ['documentId'] } });
    if (!source) continue;
    keysOf(source).forEach((k) => sourceKeys.add(k));
    const label = labelOf(edge.from, source);
    // amounts taken from a source add up in its currency, always; the customer and the state are checked
    // when the link is made (a transfer moves a chain's documents one at a time)
    if (currencyOf(source) && currencyOf(made) && currencyOf(source) !== currencyOf(made)) errors.push({ path: ['currency'], ...say('sourceOtherCurrency', { source: label }) });
    if (newlyLinked.has(sourceId)) {
      if (partyOf(source) !== partyOf(made)) errors.push({ path: ['customer'], ...say('sourceOtherCustomer', { source: label }) });
      if (!edge.sourceStates.includes(source.state)) {
        errors.push({ path: [edge.link], ...say('sourceStateBlocks', { source: label, state: stateWord(edge.from, source.state), step: stepWord(edge.verb, 'noun') }) });
      }
    }
    errors.push(...overTaken(asSource(edge.from, source), await heldFrom(strapi, edge, source), edge.verb, tolerance(strapi)));
  }
  const several = linkedIds(made, edge).length > 1;
  (made.lines ?? []).forEach((line, index) => {
    if (line.sourceKey && !sourceKeys.has(line.sourceKey)) {
      errors.push({ path: ['lines', index, 'sourceKey'], ...say('sourceKeyNoLine', { sourceKey: line.sourceKey, link: fieldWord(edge.to, edge.link) }) });
    } else if (!line.sourceKey && several) {
      // a line of a document made from several sources takes from none unless it says which: it would count twice
      errors.push({ path: ['lines', index, 'sourceKey'], ...say('severalSourcesNeedSourceKey', { link: fieldWord(edge.to, edge.link) }) });
    }
  });
  return errors;
}

/**
 * A source after its own write: it still holds what was made from it (no line removed or cut below
 * what was taken, no amount below it), and it is not closed while made documents hold it.
 */
export async function sourceErrors(strapi: Core.Strapi, uid: string, source: StoredDocument, before: StoredDocument | null = null): Promise<RuleError[]> {
  const errors: RuleError[] = [];
  // the lines it had before the write: a made line may name one that the write removed
  const previousKeys = before ? keysOf(before) : [];
  for (const edge of edgesFrom(uid)) {
    const held = await heldFrom(strapi, edge, source, previousKeys);
    const holds = held.amount.gt(0) || held.byLine.size > 0;
    if (!holds) continue;
    if (CLOSED[uid]?.includes(source.state)) {
      errors.push({ path: ['state'], ...say('madeFromThis', { type: documentNoun(uid, 'this'), step: stepWord(edge.verb, 'noun') }) });
      continue;
    }
    const keys = new Set(keysOf(source));
    for (const key of held.byLine.keys()) {
      if (!keys.has(key)) errors.push({ path: ['lines'], ...say('takenLineRemoved', { step: stepWord(edge.verb, 'fs') }) });
    }
    errors.push(...overTaken(asSource(uid, source), held, edge.verb, tolerance(strapi)));
  }
  if (uid === FLOW_UIDS.invoice && CLOSED[uid].includes(source.state) && new Decimal(String(source.amountPaid ?? 0)).gt(0)) {
    errors.push({ path: ['state'], ...say('invoiceHasPayments') });
  }
  return errors;
}
