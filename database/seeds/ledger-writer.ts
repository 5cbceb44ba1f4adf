/**
 * Writes a derived ledger: every document with its derived figures and state, its lines (key and
 * sourceKey), and its links to what it was made from (order → quotation, delivery and billing
 * table → order, invoice ↔ deliveries and billing tables, credit note → invoice, receipt
 * allocations → invoices). Sources are written before what was made from them.
 */
import { money, writeLines } from './common';
import { isoDate } from './dates';
import { insertDocument, lastOnOrBefore, nextNumber, richLinks, type DocContext } from './doc-common';
import type { InvoiceDraft, Ledger, OrderDraft, QuotationDraft, ReceiptDraft, SourceDraft } from './ledger-types';
import type { Rng } from './prng';
import { amountsOf, type PartyDocs } from './sales-documents';
import type { PartyRef } from './types';

/** States in which a document counts in the credit exposure (config/plugins.ts, the credit-control mapping). */
const OPEN: Record<string, string[]> = {
  quotation: ['draft', 'sent', 'signed', 'partiallyOrdered'],
  order: ['confirmed', 'partiallyDelivered', 'delivered'],
  delivery: ['delivered'],
  billingTable: ['draft', 'validated'],
  invoice: ['draft', 'issued', 'partiallyPaid'],
};
const countOpen = (dc: DocContext, type: string, state: string | null) => {
  if (OPEN[type].includes(String(state))) dc.open += 1;
};
const lastDay = (day: number, later: { day: number }[]) => later.reduce((max, d) => Math.max(max, d.day), day);

function writeQuotations(dc: DocContext, rng: Rng, party: PartyRef, quotations: QuotationDraft[], docs: PartyDocs): void {
  const model = dc.models.quotation;
  for (const q of quotations) {
    q.number = q.revisionOf ? `${String(q.revisionOf.number).replace(/-R\d+$/, '')}-R${q.revision}` : nextNumber(dc, 'QUO', q.day);
    q.id = insertDocument(dc, rng, 'quotation', party, {
      prefix: 'QUO',
      day: q.day,
      updatedDay: lastDay(q.signedDay ?? q.day, q.orders),
      data: {
        number: q.number,
        date: isoDate(q.day),
        validUntil: isoDate(q.day + 30),
        state: q.derived.state,
        signedOn: q.signedDay === null ? null : isoDate(q.signedDay),
        origin: q.origin,
        revision: q.revision,
        ...amountsOf(q.totals),
        orderedAmountExclTax: q.derived.orderedAmountExclTax,
      },
    });
    writeLines(model, dc.line, q.id, q.totals.lines);
    if (q.revisionOf) model.link('revisionOf', q.id, q.revisionOf.id);
    if (q.subcontractedFromId) model.link('subcontractedFrom', q.id, q.subcontractedFromId);
    const before = lastOnOrBefore(docs.opportunities, q.day);
    if (before >= 0 && rng.chance(0.4)) model.link('opportunity', q.id, docs.opportunities[rng.int(0, before)].id);
    richLinks(dc, rng, 'quotation', q.id, party, ['salesman', 'paymentTerm', 'billingSite', 'customerToBill', ...(q.projectId ? [] : ['project'])]);
    if (q.projectId) {
      model.link('project', q.id, q.projectId);
      // a refused or expired quotation frees its items (QUOTATION_FREE of the sales flow's declarations)
      if (!['refused', 'expired', 'superseded'].includes(String(q.derived.state))) dc.projectQuoted.set(q.projectId, (dc.projectQuoted.get(q.projectId) ?? 0) + (q.quotedCents ?? 0));
    }
    countOpen(dc, 'quotation', q.derived.state);
  }
}

function writeOrders(dc: DocContext, rng: Rng, party: PartyRef, orders: OrderDraft[]): void {
  const model = dc.models.order;
  for (const order of orders) {
    const { state, ...figures } = order.derived;
    order.id = insertDocument(dc, rng, 'order', party, {
      prefix: 'ORD',
      day: order.day,
      updatedDay: lastDay(order.day, [...order.deliveries, ...order.billingTables]),
      data: {
        date: isoDate(order.day),
        customerReference: rng.chance(0.7) ? `BC-${rng.digits(6)}` : null,
        state,
        origin: order.origin,
        ...amountsOf(order.totals),
        ...figures,
      },
    });
    writeLines(model, dc.line, order.id, order.totals.lines);
    if (order.quotation) model.link('quotation', order.id, order.quotation.id);
    if (order.subcontractedFromId) model.link('subcontractedFrom', order.id, order.subcontractedFromId);
    richLinks(dc, rng, 'order', order.id, party, ['salesman', 'paymentTerm', 'billingSite', 'deliverySite', 'customerToBill', 'project']);
    countOpen(dc, 'order', state);
  }
}

function writeSources(dc: DocContext, rng: Rng, party: PartyRef, sources: SourceDraft[]): void {
  for (const source of sources) {
    const model = dc.models[source.type];
    const delivery = source.type === 'delivery';
    source.id = insertDocument(dc, rng, source.type, party, {
      prefix: delivery ? 'DEL' : 'BT',
      day: source.day,
      updatedDay: lastDay(source.doneDay ?? source.day, source.invoices),
      data: {
        date: isoDate(source.day),
        ...(delivery ? { deliveredOn: source.doneDay === null ? null : isoDate(source.doneDay), origin: source.origin } : {}),
        ...(source.period ? { periodStart: source.period.start, periodEnd: source.period.end } : {}),
        state: source.derived.state,
        ...amountsOf(source.totals),
        invoicedAmountExclTax: source.derived.invoicedAmountExclTax,
      },
    });
    writeLines(model, dc.line, source.id, source.totals.lines);
    if (source.order) model.link('order', source.id, source.order.id);
    if (source.contract) model.link('contract', source.id, source.contract.id);
    if (source.projectId) model.link('project', source.id, source.projectId);
    if (source.trainingOpportunityId) model.link('trainingOpportunities', source.id, source.trainingOpportunityId, 1);
    // the link to the expense reports is written with them (side-documents.ts), once they have ids
    for (const report of source.expenseReports ?? []) report.deliveryIds.push(source.id);
    // a contract's note has the contract's header (no site, no project), billed like the party's other documents; a schedule line's its project
    const links = source.contract ? ['customerToBill'] : source.projectId ? ['deliverySite', 'customerToBill'] : delivery ? ['deliverySite', 'customerToBill', 'project'] : ['customerToBill', 'project'];
    richLinks(dc, rng, source.type, source.id, party, links);
    countOpen(dc, source.type, source.derived.state);
  }
}

function writeInvoices(dc: DocContext, rng: Rng, party: PartyRef, invoices: InvoiceDraft[], docs: PartyDocs): void {
  const model = dc.models.invoice;
  for (const invoice of invoices) {
    const paidDay = invoice.derived.paidOn ? invoice.payments.reduce((max, p) => Math.max(max, p.receipt.day), invoice.day) : invoice.day;
    invoice.id = insertDocument(dc, rng, 'invoice', party, {
      prefix: invoice.kind === 'creditNote' ? 'CN' : 'INV',
      day: invoice.day,
      updatedDay: paidDay,
      data: { kind: invoice.kind, date: isoDate(invoice.day), dueDate: isoDate(invoice.due), ...amountsOf(invoice.totals), ...invoice.derived },
    });
    writeLines(model, dc.line, invoice.id, invoice.totals.lines);
    if (invoice.credited) model.link('creditedInvoice', invoice.id, invoice.credited.id);
    invoice.sources.forEach((source, position) => model.link(source.type === 'delivery' ? 'deliveries' : 'billingTables', invoice.id, source.id, position + 1));
    const orders = new Set(invoice.sources.map((s) => s.order));
    const order = orders.size === 1 ? [...orders][0] : null;
    if (order) model.link('order', invoice.id, order.id);
    // the invoice of one contract's notes names it (as the billing tool does); one typed on its own may
    const contracts = new Set(invoice.sources.map((s) => s.contract));
    const billed = contracts.size === 1 ? [...contracts][0] : null;
    const contract = docs.contracts[lastOnOrBefore(docs.contracts, invoice.day)];
    if (billed) model.link('contract', invoice.id, billed.id);
    else if (invoice.sources.length === 0 && contract && contract.endDay >= invoice.day && rng.chance(0.3)) model.link('contract', invoice.id, contract.id);
    // an invoice billed ahead names no payment term: its due day was agreed
    richLinks(dc, rng, 'invoice', invoice.id, party, ['salesman', ...(invoice.billedAhead ? [] : ['paymentTerm']), 'billingSite', 'customerToBill', 'project']);
    countOpen(dc, 'invoice', invoice.derived.state);
  }
}

function writeReceipts(dc: DocContext, rng: Rng, party: PartyRef, receipts: ReceiptDraft[]): void {
  const model = dc.models.receipt;
  for (const receipt of receipts) {
    const method = rng.weighted({ transfer: 60, cheque: 15, card: 5, directDebit: 15, cash: 2, other: 3 });
    receipt.id = insertDocument(dc, rng, 'receipt', party, {
      prefix: 'RCP',
      day: receipt.day,
      customerId: receipt.customerId,
      data: {
        date: isoDate(receipt.day),
        amount: money(receipt.cents),
        allocatedAmount: receipt.derived.allocatedAmount,
        method,
        reference: method === 'cheque' ? `CHQ ${rng.digits(7)}` : method === 'transfer' ? `VIR ${party.code} ${rng.digits(6)}` : null,
        state: receipt.derived.state,
      },
    });
    receipt.allocations.forEach((allocation, position) => {
      const cmp = model.component('allocations', receipt.id, { amount: money(allocation.cents) }, position + 1);
      dc.allocation.link('invoice', cmp, allocation.invoice.id);
    });
    const state = String(receipt.derived.state);
    if (state !== 'cancelled' && state !== 'allocated') dc.open += 1;
  }
}

/**
 * Writes the ledger, sources first, flushing between types (the biggest customers make hundreds
 * of thousands of rows); the party's orders are then known to its won opportunities.
 */
export async function writeLedger(dc: DocContext, rng: Rng, party: PartyRef, ledger: Ledger, docs: PartyDocs): Promise<void> {
  const steps = [
    () => writeQuotations(dc, rng, party, ledger.quotations, docs),
    () => writeOrders(dc, rng, party, ledger.orders),
    () => writeSources(dc, rng, party, ledger.deliveries),
    () => writeSources(dc, rng, party, ledger.billingTables),
    () => writeInvoices(dc, rng, party, ledger.invoices, docs),
    () => writeReceipts(dc, rng, party, ledger.receipts),
  ];
  for (const step of steps) {
    step();
    await dc.writer.maybeFlush();
  }
  docs.orders = ledger.orders.map((o) => ({ id: o.id, day: o.day }));
}
