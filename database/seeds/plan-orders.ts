/**
 * A party's orders: its quotations marked for ordering become orders a few days after they were
 * signed (a few recent ones only in part), the rest are typed directly. Orders beyond the party's
 * count leave their quotation signed (recent) or expired (old).
 */
import { madeLines, makeLines, sortedDays, windowOf, type DocContext } from './doc-common';
import type { OrderDraft, QuotationDraft } from './ledger-types';
import type { Rng } from './prng';
import { subcontract, SUBCONTRACT_ORIGINS } from './plan-subcontracting';
import type { PartyRef } from './types';

const DIRECT_ORIGINS = { direct: 85, internalSubcontracting: 10, groupSubcontracting: 5 };

/** The quotation's lines, all of them, or (a partial order) some lines or a share of their quantities. */
function orderedLines(dc: DocContext, rng: Rng, quotation: QuotationDraft, partial: boolean) {
  const lines = quotation.totals.lines;
  if (!partial) return madeLines(dc, lines.map((line) => ({ line, quantity: line.quantity })));
  if (lines.length > 1) return madeLines(dc, lines.slice(0, -1).map((line) => ({ line, quantity: line.quantity })));
  const line = lines[0];
  const share = Math.floor((line.quantity * rng.int(40, 80)) / 100000) * 1000; // whole units
  return madeLines(dc, [{ line, quantity: share > 0 && share < line.quantity ? share : line.quantity }]);
}

const draftOrder = (day: number, quotation: QuotationDraft | null, origin: string, state: string, totals: OrderDraft['totals']): OrderDraft => ({
  day, totals, state, derived: {}, id: 0, quotation, origin, deliveries: [], billingTables: [],
});

export function planOrders(dc: DocContext, rng: Rng, party: PartyRef, count: number, open: boolean, quotations: QuotationDraft[]): OrderDraft[] {
  const last = Math.min(dc.asOf, party.activeUntil);
  const signed = quotations.filter((q) => q.fate === 'order').sort((a, b) => (a.signedDay as number) - (b.signedDay as number));
  // the oldest ones are ordered; the party's order count is the limit
  const ordered = signed.slice(0, count);
  for (const quotation of signed.slice(count)) {
    quotation.fate = 'none';
    if (dc.asOf - quotation.day > 60) quotation.state = 'expired';
  }
  const orders: OrderDraft[] = [];
  for (const quotation of ordered) {
    const day = Math.max(quotation.day, Math.min(last, (quotation.signedDay as number) + rng.int(0, 10)));
    const partial = dc.asOf - day <= 180 && rng.chance(0.15);
    const order = draftOrder(day, quotation, 'quotation', 'confirmed', orderedLines(dc, rng, quotation, partial));
    quotation.orders.push(order);
    orders.push(order);
  }
  const [from, to] = windowOf(dc, party, open ? 365 : undefined);
  for (const day of sortedDays(rng, count - ordered.length, from, to)) {
    const age = dc.asOf - day;
    const state = open ? 'confirmed' : age <= 15 && rng.chance(0.25) ? 'draft' : age > 30 && rng.chance(0.03) ? 'cancelled' : 'confirmed';
    const order = draftOrder(day, null, rng.weighted(DIRECT_ORIGINS), state, makeLines(dc, rng, party));
    // an internal customer's orders sub-contract its company's orders; nobody else's is a sub-contract
    const subcontracted = open ? null : subcontract(dc, party, day);
    if (subcontracted) Object.assign(order, subcontracted);
    else if (SUBCONTRACT_ORIGINS.includes(order.origin)) order.origin = 'direct';
    orders.push(order);
  }
  // written (and numbered) by date; a quotation is always written before its order
  return orders.sort((a, b) => a.day - b.day);
}
