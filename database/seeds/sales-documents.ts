/**
 * The sales pipeline of one party: opportunities → quotations → orders → deliveries and
 * billing tables. Statuses follow the documents' age; `open` forces the states that count in
 * the credit exposure (the benchmark's big and small customers).
 */
import { money, writeLines, type Totals } from './common';
import { isoDate, type Day } from './dates';
import { insertDocument, lastOnOrBefore, makeLines, richLinks, scaleLines, sortedDays, windowOf, type DocContext } from './doc-common';
import { OPPORTUNITY_TITLES } from './french-data';
import type { Rng } from './prng';
import type { PartyRef } from './types';

export interface OrderRef {
  id: number;
  day: Day;
  totals: Totals;
  status: string;
}
export interface PartyDocs {
  opportunities: { id: number; day: Day; won: boolean }[];
  quotations: { id: number; day: Day; signedDay: Day | null; totals: Totals }[];
  orders: OrderRef[];
  contracts: { id: number; day: Day; endDay: Day }[];
}

export const amountsOf = (totals: Totals) => ({
  amountExclTax: money(totals.exclCents),
  taxAmount: money(totals.taxCents),
  amountInclTax: money(totals.inclCents),
});

export function opportunities(dc: DocContext, rng: Rng, party: PartyRef, count: number, open: boolean, docs: PartyDocs): void {
  const [from, to] = windowOf(dc, party, open ? 180 : undefined);
  for (const day of sortedDays(rng, count, from, to)) {
    const age = dc.asOf - day;
    const status = open ? 'open' : age > 180 ? rng.weighted({ won: 40, lost: 45, cancelled: 15 }) : rng.weighted({ open: 70, won: 12, lost: 13, cancelled: 5 });
    const closedDay = status === 'open' ? null : day + rng.int(0, Math.min(150, age));
    const amount = Math.round(rng.int(10, 2000) * 5000 * (party.currency.code === 'EUR' ? 1 : 1.05));
    const id = insertDocument(dc, rng, 'opportunity', party, {
      prefix: 'OPP',
      day,
      updatedDay: closedDay ?? day,
      data: {
        title: rng.pick(OPPORTUNITY_TITLES),
        expectedAmountExclTax: money(amount),
        probability: status === 'open' ? rng.pick([10, 25, 50, 75, 90]) : status === 'won' ? 100 : 0,
        state: status,
        date: isoDate(day),
        expectedCloseDate: isoDate(day + rng.int(20, 150)),
        closedOn: closedDay === null ? null : isoDate(closedDay),
      },
    });
    richLinks(dc, rng, 'opportunity', id, party, ['salesman', 'project']);
    if (status === 'open') dc.open += 1;
    docs.opportunities.push({ id, day, won: status === 'won' });
  }
}

export function quotations(dc: DocContext, rng: Rng, party: PartyRef, count: number, open: boolean, docs: PartyDocs): void {
  const [from, to] = windowOf(dc, party, open ? 60 : undefined);
  const model = dc.models.quotation;
  for (const day of sortedDays(rng, count, from, to)) {
    const age = dc.asOf - day;
    const status = open
      ? rng.weighted({ draft: 30, sent: 70 })
      : age > 30
        ? rng.weighted({ signed: 45, refused: 25, expired: 30 })
        : rng.weighted({ draft: 25, sent: 55, signed: 12, refused: 8 });
    const signedDay = status === 'signed' ? day + rng.int(0, Math.min(30, age)) : null;
    const totals = makeLines(dc, rng, party);
    const id = insertDocument(dc, rng, 'quotation', party, {
      prefix: 'QUO',
      day,
      updatedDay: signedDay ?? day,
      data: {
        date: isoDate(day),
        validUntil: isoDate(day + 30),
        state: status,
        signedOn: signedDay === null ? null : isoDate(signedDay),
        origin: rng.weighted({ direct: 70, schedule: 5, task: 5, review: 5, internalSubcontracting: 10, groupSubcontracting: 5 }),
        ...amountsOf(totals),
      },
    });
    writeLines(model, dc.line, id, totals.lines);
    const before = lastOnOrBefore(docs.opportunities, day);
    if (before >= 0 && rng.chance(0.4)) model.link('opportunity', id, docs.opportunities[rng.int(0, before)].id);
    richLinks(dc, rng, 'quotation', id, party, ['salesman', 'paymentTerm', 'billingSite', 'customerToBill', 'project']);
    if (status === 'draft' || status === 'sent') dc.open += 1;
    docs.quotations.push({ id, day, signedDay, totals });
  }
}

export function orders(dc: DocContext, rng: Rng, party: PartyRef, count: number, open: boolean, docs: PartyDocs): void {
  const [from, to] = windowOf(dc, party, open ? 365 : undefined);
  const model = dc.models.order;
  const signed = docs.quotations.filter((q) => q.signedDay !== null).map((q) => ({ ...q, day: q.signedDay as Day }));
  signed.sort((a, b) => a.day - b.day);
  let nextQuote = 0;
  for (const day of sortedDays(rng, count, from, to)) {
    const age = dc.asOf - day;
    const quote = nextQuote < signed.length && signed[nextQuote].day <= day && rng.chance(0.8) ? signed[nextQuote++] : null;
    const totals = quote ? quote.totals : makeLines(dc, rng, party);
    const status = open
      ? rng.weighted({ confirmed: 60, partiallyDelivered: 40 })
      : age > 120
        ? rng.weighted({ invoiced: 78, delivered: 8, cancelled: 6, partiallyDelivered: 5, confirmed: 3 })
        : rng.weighted({ draft: 10, confirmed: 35, partiallyDelivered: 20, delivered: 15, invoiced: 20 });
    const excl = totals.exclCents;
    const part = (share: number) => Math.floor(excl * share);
    const delivered = status === 'invoiced' || status === 'delivered' ? excl : status === 'partiallyDelivered' ? part(0.2 + rng.next() * 0.6) : 0;
    const invoiced = status === 'invoiced' ? excl : status === 'delivered' && rng.chance(0.3) ? part(rng.next()) : status === 'partiallyDelivered' && rng.chance(0.5) ? Math.floor(delivered * rng.next()) : 0;
    const id = insertDocument(dc, rng, 'order', party, {
      prefix: 'ORD',
      day,
      updatedDay: day + rng.int(0, Math.min(age, 90)),
      data: {
        date: isoDate(day),
        customerReference: rng.chance(0.7) ? `BC-${rng.digits(6)}` : null,
        state: status,
        origin: quote ? 'quotation' : rng.weighted({ direct: 85, internalSubcontracting: 10, groupSubcontracting: 5 }),
        ...amountsOf(totals),
        deliveredAmountExclTax: money(delivered),
        invoicedAmountExclTax: money(invoiced),
      },
    });
    writeLines(model, dc.line, id, totals.lines);
    if (quote) model.link('quotation', id, quote.id);
    richLinks(dc, rng, 'order', id, party, ['salesman', 'paymentTerm', 'billingSite', 'deliverySite', 'customerToBill', 'project']);
    if ((status === 'confirmed' || status === 'partiallyDelivered' || status === 'delivered') && invoiced < excl) dc.open += 1;
    docs.orders.push({ id, day, totals, status });
  }
  // won opportunities lead to an order placed after them
  for (const opportunity of docs.opportunities) {
    if (!opportunity.won || !rng.chance(0.7)) continue;
    const order = docs.orders[lastOnOrBefore(docs.orders, opportunity.day - 1) + 1];
    if (order) dc.models.opportunity.link('order', opportunity.id, order.id);
  }
}

/** An order placed on or before `day` (not cancelled), or null. */
export function orderBefore(rng: Rng, orders: OrderRef[], day: Day): OrderRef | null {
  const last = lastOnOrBefore(orders, day);
  if (last < 0) return null;
  const order = orders[rng.int(0, last)];
  return order.status === 'cancelled' || order.status === 'draft' ? null : order;
}

export function deliveries(dc: DocContext, rng: Rng, party: PartyRef, count: number, open: boolean, docs: PartyDocs): void {
  const [from, to] = windowOf(dc, party, open ? 120 : undefined);
  const model = dc.models.delivery;
  for (const day of sortedDays(rng, count, from, to)) {
    const age = dc.asOf - day;
    const order = rng.chance(0.7) ? orderBefore(rng, docs.orders, day) : null;
    const totals = order ? scaleLines(order.totals, rng.chance(0.5) ? 1 : 0.3 + rng.next() * 0.7) : makeLines(dc, rng, party);
    const status = open ? 'delivered' : age > 60 ? rng.weighted({ invoiced: 85, delivered: 8, cancelled: 7 }) : rng.weighted({ draft: 20, delivered: 50, invoiced: 30 });
    const deliveredDay = status === 'delivered' || status === 'invoiced' ? day + rng.int(0, Math.min(5, age)) : null;
    const id = insertDocument(dc, rng, 'delivery', party, {
      prefix: 'DEL',
      day,
      updatedDay: deliveredDay ?? day,
      data: {
        date: isoDate(day),
        deliveredOn: deliveredDay === null ? null : isoDate(deliveredDay),
        state: status,
        origin: order ? 'order' : rng.weighted({ contract: 30, trainingSession: 20, expensesRebilling: 30, billingTool: 20 }),
        ...amountsOf(totals),
      },
    });
    writeLines(model, dc.line, id, totals.lines);
    if (order) model.link('order', id, order.id);
    richLinks(dc, rng, 'delivery', id, party, ['deliverySite', 'customerToBill', 'project']);
    if (status === 'delivered') dc.open += 1;
  }
}

export function billingTables(dc: DocContext, rng: Rng, party: PartyRef, count: number, open: boolean, docs: PartyDocs): void {
  const [from, to] = windowOf(dc, party, open ? 120 : undefined);
  const model = dc.models.billingTable;
  for (const day of sortedDays(rng, count, from, to)) {
    const age = dc.asOf - day;
    const order = rng.chance(0.5) ? orderBefore(rng, docs.orders, day) : null;
    const totals = makeLines(dc, rng, party);
    const status = open ? rng.weighted({ draft: 40, validated: 60 }) : age > 60 ? rng.weighted({ invoiced: 85, validated: 5, cancelled: 10 }) : rng.weighted({ draft: 40, validated: 40, invoiced: 20 });
    const id = insertDocument(dc, rng, 'billingTable', party, {
      prefix: 'BT',
      day,
      updatedDay: day + rng.int(0, Math.min(age, 45)),
      data: { date: isoDate(day), state: status, ...amountsOf(totals) },
    });
    writeLines(model, dc.line, id, totals.lines);
    if (order) model.link('order', id, order.id);
    richLinks(dc, rng, 'billingTable', id, party, ['customerToBill', 'project']);
    if (status === 'draft' || status === 'validated') dc.open += 1;
  }
}
