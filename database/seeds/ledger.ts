/**
 * One party's sales ledger along the sales flow: quotations → orders → deliveries (with the
 * contracts' delivery notes) and billing tables → invoices (and credit notes) → receipts
 * allocated to them. Drafted in memory, derived by the app's rules, then written, so every
 * derived figure and state is what the links give.
 */
import { lastOnOrBefore, PURCHASABLE_MAX, type DocContext } from './doc-common';
import { SUBCONTRACTABLE_MAX } from './plan-subcontracting';
import { deriveLedger } from './ledger-derived';
import type { Ledger } from './ledger-types';
import { writeLedger } from './ledger-writer';
import { contractNotes, planFulfilment } from './plan-fulfilment';
import { planInvoices } from './plan-invoices';
import { planOrders } from './plan-orders';
import { planQuotations } from './plan-quotations';
import { planReceipts } from './plan-receipts';
import type { DocType } from './plan';
import type { Rng } from './prng';
import type { PartyDocs } from './sales-documents';
import type { PartyRef } from './types';

export async function salesLedger(dc: DocContext, rng: Rng, party: PartyRef, count: (type: DocType) => number, open: boolean, docs: PartyDocs): Promise<void> {
  const quotations = planQuotations(dc, rng, party, count('quotation'), open);
  const orders = planOrders(dc, rng, party, count('order'), open, quotations);
  const notes = contractNotes(dc, party, docs.contracts);
  const made = planFulfilment(dc, rng, party, { delivery: count('delivery'), billingTable: count('billingTable') }, open, orders, notes, docs.trainingNotes);
  const invoices = planInvoices(dc, rng, party, count('invoice'), open, [...made.delivery, ...made.billingTable]);
  // a customer to bill pays the party's invoices (small runs link it: see richLinks)
  const payerId = dc.rich && party.toBillId !== null ? party.toBillId : party.id;
  const receipts = planReceipts(dc, rng, party, count('receipt'), open, invoices, payerId);
  const ledger: Ledger = { quotations, orders, deliveries: made.delivery, billingTables: made.billingTable, invoices, receipts };
  deriveLedger(ledger);
  await writeLedger(dc, rng, party, ledger, docs);

  // a few confirmed or fulfilled orders of ordinary customers are bought for (side-documents.ts), and
  // internal customers sub-contract them (plan-subcontracting.ts)
  const { purchasable } = dc;
  if (party.role === 'normal' && party.representedCompanyId === null) {
    for (const order of orders) {
      const confirmed = !['draft', 'cancelled'].includes(String(order.derived.state ?? order.state));
      if (confirmed && dc.subcontractable.length < SUBCONTRACTABLE_MAX) dc.subcontractable.push({ id: order.id, day: order.day, companyId: party.company.id, lines: order.totals.lines, taken: new Map() });
    }
    for (const order of orders) {
      if (purchasable.orders.length >= PURCHASABLE_MAX) break;
      const state = String(order.derived.state ?? order.state);
      if (state === 'draft' || state === 'cancelled' || !purchasable.rng.chance(0.1)) continue;
      purchasable.orders.push({ id: order.id, day: order.day, companyId: party.company.id, lines: order.totals.lines });
    }
  }

  // won opportunities lead to an order placed after them
  for (const opportunity of docs.opportunities) {
    if (!opportunity.won || !rng.chance(0.7)) continue;
    const order = docs.orders[lastOnOrBefore(docs.orders, opportunity.day - 1) + 1];
    if (order) dc.models.opportunity.link('order', opportunity.id, order.id);
  }
}
