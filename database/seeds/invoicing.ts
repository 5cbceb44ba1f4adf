/**
 * Invoices (about 5 % credit notes on an earlier invoice) and receipts of one party. Receipts
 * settle the oldest unpaid invoices first (FIFO lettering), so an invoice's amountPaid is exactly
 * the sum of the receipt allocations that point at it: older invoices end up mostly paid, some
 * partially, bad payers leave overdue ones, and receipts beyond the invoices stay unallocated.
 */
import { money, priceLines, writeLines, type Totals } from './common';
import { dueDay, isoDate, type Day } from './dates';
import { insertDocument, lastOnOrBefore, makeLines, richLinks, scaleLines, sortedDays, windowOf, type DocContext } from './doc-common';
import type { Rng } from './prng';
import { amountsOf, orderBefore, type OrderRef, type PartyDocs } from './sales-documents';
import type { PartyRef } from './types';

interface InvoiceDraft {
  day: Day;
  due: Day;
  kind: 'invoice' | 'creditNote';
  totals: Totals;
  status: string;
  paid: number;
  paidDay: Day | null;
  credited: number | null;
  order: OrderRef | null;
  id: number;
}
interface ReceiptDraft {
  day: Day;
  amount: number;
  allocations: { invoice: number; amount: number }[];
  cancelled: boolean;
}

const PAYERS = {
  good: { skip: 0.03, delay: [10, 50] },
  late: { skip: 0.08, delay: [40, 120] },
  bad: { skip: 0.3, delay: [60, 200] },
} as const;

function draftInvoices(dc: DocContext, rng: Rng, party: PartyRef, count: number, open: boolean, docs: PartyDocs): InvoiceDraft[] {
  const [from, to] = windowOf(dc, party, open ? 730 : undefined);
  const invoices: InvoiceDraft[] = [];
  const creditable: number[] = [];
  for (const day of sortedDays(rng, count, from, to)) {
    const age = dc.asOf - day;
    const due = dueDay(day, party.paymentTerm.days, party.paymentTerm.endOfMonth);
    if (creditable.length && rng.chance(0.05)) {
      const credited = rng.pick(creditable);
      const line = invoices[credited].totals.lines[0];
      const totals = priceLines([{ ...line, label: `Avoir : ${line.label}`, quantity: Math.max(1, Math.floor(line.quantity * (0.2 + rng.next() * 0.8))) }]);
      const settled = !open && age > 45 && rng.chance(0.9);
      const paidDay = settled ? day + rng.int(0, Math.min(30, age)) : null;
      invoices.push({ day, due, kind: 'creditNote', totals, status: settled ? 'paid' : 'issued', paid: settled ? totals.inclCents : 0, paidDay, credited, order: null, id: 0 });
      continue;
    }
    const order = rng.chance(0.5) ? orderBefore(rng, docs.orders, day) : null;
    const totals = order ? scaleLines(order.totals, rng.chance(0.6) ? 1 : 0.3 + rng.next() * 0.7) : makeLines(dc, rng, party);
    const status = open ? 'issued' : age < 7 && rng.chance(0.3) ? 'draft' : rng.chance(0.01) ? 'cancelled' : 'issued';
    if (status === 'issued') creditable.push(invoices.length);
    invoices.push({ day, due, kind: 'invoice', totals, status, paid: 0, paidDay: null, credited: null, order, id: 0 });
  }
  return invoices;
}

function allocate(invoice: InvoiceDraft, amount: number, day: Day): void {
  invoice.paid += amount;
  if (invoice.paid === invoice.totals.inclCents) {
    invoice.status = 'paid';
    invoice.paidDay = day;
  } else invoice.status = 'partiallyPaid';
}

function draftReceipts(dc: DocContext, rng: Rng, party: PartyRef, count: number, open: boolean, invoices: InvoiceDraft[]): ReceiptDraft[] {
  const payable = invoices.map((inv, i) => (inv.kind === 'invoice' && inv.status === 'issued' ? i : -1)).filter((i) => i >= 0);
  const profile = PAYERS[party.payer];
  const [from, to] = windowOf(dc, party, open ? 180 : undefined);
  const receipts: ReceiptDraft[] = [];
  let p = 0;
  for (let r = 0; r < count; r += 1) {
    if (!open && p < payable.length && rng.chance(0.88)) {
      while (p < payable.length && rng.chance(profile.skip)) p += 1;
      const take = payable.slice(p, p + rng.int(1, 3));
      const day = take.length ? invoices[take[take.length - 1]].day + rng.int(profile.delay[0], profile.delay[1]) : Infinity;
      if (day <= party.activeUntil) {
        const allocations = take.map((index, t) => {
          const invoice = invoices[index];
          const remaining = invoice.totals.inclCents - invoice.paid;
          const partial = t === take.length - 1 && remaining > 1000 && rng.chance(0.08);
          const amount = partial ? Math.floor(remaining * (0.3 + rng.next() * 0.5)) : remaining;
          allocate(invoice, amount, day);
          return { invoice: index, amount };
        });
        p += allocations.filter((a) => invoices[a.invoice].status === 'paid').length;
        const allocated = allocations.reduce((sum, a) => sum + a.amount, 0);
        receipts.push({ day, amount: allocated + (rng.chance(0.05) ? rng.int(1000, 50000) : 0), allocations, cancelled: false });
        continue;
      }
      p = payable.length; // the rest is too recent to be paid yet
    }
    // a payment on account: unallocated, or (open parties) partly allocated to an open invoice
    const day = from + rng.int(0, Math.max(0, to - from));
    const amount = rng.int(100, 5000) * 100;
    const allocations: ReceiptDraft['allocations'] = [];
    const last = lastOnOrBefore(invoices, day);
    if (open && last >= 0 && rng.chance(0.5)) {
      const index = rng.int(0, last);
      const invoice = invoices[index];
      const room = Math.min(amount, invoice.totals.inclCents - invoice.paid) - 1;
      if (invoice.kind === 'invoice' && room >= 1) {
        const share = Math.max(1, Math.floor(room * rng.next()));
        allocate(invoice, share, day);
        allocations.push({ invoice: index, amount: share });
      }
    }
    receipts.push({ day, amount, allocations, cancelled: !open && allocations.length === 0 && rng.chance(0.04) });
  }
  return receipts;
}

export function invoicesAndReceipts(dc: DocContext, rng: Rng, party: PartyRef, invoiceCount: number, receiptCount: number, open: boolean, docs: PartyDocs): void {
  const invoices = draftInvoices(dc, rng, party, invoiceCount, open, docs);
  const receipts = draftReceipts(dc, rng, party, receiptCount, open, invoices);
  const invoiceModel = dc.models.invoice;
  for (const invoice of invoices) {
    invoice.id = insertDocument(dc, rng, 'invoice', party, {
      prefix: invoice.kind === 'creditNote' ? 'CN' : 'INV',
      day: invoice.day,
      updatedDay: invoice.paidDay ?? invoice.day,
      data: {
        kind: invoice.kind,
        date: isoDate(invoice.day),
        dueDate: isoDate(invoice.due),
        state: invoice.status,
        ...amountsOf(invoice.totals),
        amountPaid: money(invoice.paid),
        paidOn: invoice.paidDay === null ? null : isoDate(invoice.paidDay),
      },
    });
    writeLines(invoiceModel, dc.line, invoice.id, invoice.totals.lines);
    if (invoice.credited !== null) invoiceModel.link('creditedInvoice', invoice.id, invoices[invoice.credited].id);
    if (invoice.order) invoiceModel.link('order', invoice.id, invoice.order.id);
    const contract = docs.contracts[lastOnOrBefore(docs.contracts, invoice.day)];
    if (contract && contract.endDay >= invoice.day && rng.chance(0.3)) invoiceModel.link('contract', invoice.id, contract.id);
    richLinks(dc, rng, 'invoice', invoice.id, party, ['salesman', 'paymentTerm', 'billingSite', 'customerToBill', 'project']);
    if ((invoice.status === 'issued' || invoice.status === 'partiallyPaid') && invoice.paid < invoice.totals.inclCents) dc.open += 1;
  }

  const receiptModel = dc.models.receipt;
  for (const receipt of receipts) {
    const allocated = receipt.allocations.reduce((sum, a) => sum + a.amount, 0);
    const status = receipt.cancelled ? 'cancelled' : allocated === 0 ? 'unallocated' : allocated < receipt.amount ? 'partiallyAllocated' : 'allocated';
    const method = rng.weighted({ transfer: 60, cheque: 15, card: 5, directDebit: 15, cash: 2, other: 3 });
    const id = insertDocument(dc, rng, 'receipt', party, {
      prefix: 'RCP',
      day: receipt.day,
      data: {
        date: isoDate(receipt.day),
        amount: money(receipt.amount),
        allocatedAmount: money(allocated),
        method,
        reference: method === 'cheque' ? `CHQ ${rng.digits(7)}` : method === 'transfer' ? `VIR ${party.code} ${rng.digits(6)}` : null,
        state: status,
      },
    });
    receipt.allocations.forEach((allocation, position) => {
      const cmp = receiptModel.component('allocations', id, { amount: money(allocation.amount) }, position + 1);
      dc.allocation.link('invoice', cmp, invoices[allocation.invoice].id);
    });
    if (status === 'unallocated' || status === 'partiallyAllocated') dc.open += 1;
  }
}
