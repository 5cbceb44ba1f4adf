/**
 * The derived figures and states of a drafted ledger, by the app's own rules
 * (src/domain/flow/derived.ts) on what the drafts were made from, so that the written rows are
 * what `derivedOf` (src/flow/derive.ts) computes from the links: receipts first, then invoices
 * (paid by them), deliveries and billing tables (invoiced), orders (passed on) and quotations.
 */
import Decimal from 'decimal.js';
import { invoiceDerived, invoicedSourceDerived, orderDerived, quotationDerived, receiptDerived } from '../../src/domain/flow/derived';
import { FLOW_EDGES, FLOW_UIDS } from '../../src/domain/flow/edges';
import { money, type Totals } from './common';
import { isoDate } from './dates';
import type { Derived, Ledger } from './ledger-types';

const takesIn = (from: string, to: string) => FLOW_EDGES.find((e) => e.from === from && e.to === to)?.takesIn as string[];
const ORDERED_IN = takesIn(FLOW_UIDS.quotation, FLOW_UIDS.order);
const DELIVERED_IN = takesIn(FLOW_UIDS.order, FLOW_UIDS.delivery);
const TABLED_IN = takesIn(FLOW_UIDS.order, FLOW_UIDS.billingTable);
const INVOICED_IN = takesIn(FLOW_UIDS.delivery, FLOW_UIDS.invoice);
const CREDITED_IN = takesIn(FLOW_UIDS.invoice, FLOW_UIDS.invoice);

const ZERO = new Decimal(0);
const dec = (cents: number) => (cents === 0 ? ZERO : new Decimal(cents).div(100));
/** Pre-tax cents the made documents in `states` take from a source, line by line (by sourceKey). */
function takenCents(source: Totals, made: { state: string; derived: Derived; totals: Totals }[], states: string[]): number {
  if (made.length === 0) return 0;
  // a source has 1–4 lines: a list is cheaper than a set
  const keys = source.lines.map((l) => l.key);
  let cents = 0;
  for (const doc of made) {
    if (!states.includes(String(doc.derived.state ?? doc.state))) continue;
    for (const line of doc.totals.lines) if (line.sourceKey && keys.includes(line.sourceKey)) cents += line.amountCents;
  }
  return cents;
}

/** The rules return money as strings, states as strings and paidOn as a string or null: what a row stores. */
const asDerived = (values: object): Derived => values as Derived;

export function deriveLedger(ledger: Ledger): void {
  for (const receipt of ledger.receipts) {
    const allocated = receipt.allocations.reduce((sum, a) => sum + a.cents, 0);
    receipt.derived = asDerived(receiptDerived({ state: receipt.state, amount: money(receipt.cents) }, dec(allocated)));
  }
  // credit notes first: an invoice's credited amount counts them by state
  const invoices = [...ledger.invoices.filter((i) => i.kind === 'creditNote'), ...ledger.invoices.filter((i) => i.kind !== 'creditNote')];
  for (const invoice of invoices) {
    let paid = 0;
    let lastDay: number | null = null;
    for (const { receipt, cents } of invoice.payments) {
      if (receipt.derived.state === 'cancelled') continue;
      paid += cents;
      lastDay = lastDay === null || receipt.day > lastDay ? receipt.day : lastDay;
    }
    const credited = invoice.kind === 'creditNote' ? 0 : takenCents(invoice.totals, invoice.creditNotes, CREDITED_IN);
    const current = { state: invoice.state, amountInclTax: money(invoice.totals.inclCents), date: isoDate(invoice.day) };
    invoice.derived = asDerived(invoiceDerived(current, { amount: dec(paid), lastDate: lastDay === null ? null : isoDate(lastDay) }, dec(credited)));
  }
  for (const source of [...ledger.deliveries, ...ledger.billingTables]) {
    const invoiced = takenCents(source.totals, source.invoices.filter((i) => i.kind === 'invoice'), INVOICED_IN);
    const openState = source.type === 'delivery' ? 'delivered' : 'validated';
    source.derived = asDerived(invoicedSourceDerived({ state: source.state, amountExclTax: money(source.totals.exclCents) }, dec(invoiced), openState));
  }
  for (const order of ledger.orders) {
    const through = [...order.deliveries.filter((d) => DELIVERED_IN.includes(String(d.derived.state))), ...order.billingTables.filter((b) => TABLED_IN.includes(String(b.derived.state)))];
    const invoiced = through.reduce((sum, s) => sum.add(String(s.derived.invoicedAmountExclTax)), ZERO);
    order.derived = asDerived(
      orderDerived(
        { state: order.state, amountExclTax: money(order.totals.exclCents) },
        { delivered: dec(takenCents(order.totals, order.deliveries, DELIVERED_IN)), billingTables: dec(takenCents(order.totals, order.billingTables, TABLED_IN)), invoiced }
      )
    );
  }
  for (const quotation of ledger.quotations) {
    const ordered = takenCents(quotation.totals, quotation.orders, ORDERED_IN);
    quotation.derived = asDerived(quotationDerived({ state: quotation.state, amountExclTax: money(quotation.totals.exclCents) }, dec(ordered), quotation.revisedBy !== null));
  }
}
