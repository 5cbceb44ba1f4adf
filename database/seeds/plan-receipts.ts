/**
 * A party's receipts, allocated to its invoices (lettrage): each issued invoice is paid some time
 * after its due date (net of its credit notes), depending on the payer, and months later when it
 * was disputed: what is not paid by asOf (or by the day a customer closed) stays open; a receipt pays one or more invoices paid around the same day,
 * a few only in part, a few with more than they owe. The rest of the party's receipts are
 * payments on account, unallocated (a few cancelled). `open` parties' receipts are unallocated
 * or allocated to part of an invoice, so both stay open.
 */
import { lastOnOrBefore, sortedDays, windowOf, type DocContext } from './doc-common';
import type { InvoiceDraft, ReceiptDraft } from './ledger-types';
import type { Rng } from './prng';
import type { PartyRef } from './types';

/** days after the due date a payer pays; how often an invoice is disputed, and then paid (after dunning) that much later */
const PAYERS = {
  good: { delay: [-5, 15], disputed: 0.02, dunned: [60, 200] },
  late: { delay: [15, 75], disputed: 0.06, dunned: [90, 300] },
  bad: { delay: [40, 150], disputed: 0.2, dunned: [150, 500] },
} as const;

/** What an invoice still owes (tax included): its total, less its credit notes and what was allocated to it. */
export const owedBy = (invoice: InvoiceDraft): number =>
  invoice.totals.inclCents -
  invoice.creditNotes.filter((n) => n.state !== 'cancelled').reduce((sum, n) => sum + n.totals.inclCents, 0) -
  invoice.payments.reduce((sum, p) => sum + p.cents, 0);

const receipt = (day: number, cents: number, customerId: number, state = 'unallocated'): ReceiptDraft => ({ day, cents, allocations: [], state, derived: {}, customerId, id: 0 });

function allocate(receiptDraft: ReceiptDraft, invoice: InvoiceDraft, cents: number): void {
  receiptDraft.allocations.push({ invoice, cents });
  invoice.payments.push({ receipt: receiptDraft, cents });
}

/** `total` items in `count` consecutive groups of at least one, sizes drawn at random. */
function groupSizes(rng: Rng, total: number, count: number): number[] {
  const sizes = new Array<number>(count).fill(1);
  for (let extra = total - count; extra > 0; extra -= 1) sizes[rng.int(0, count - 1)] += 1;
  return sizes;
}

function openReceipts(dc: DocContext, rng: Rng, party: PartyRef, count: number, invoices: InvoiceDraft[], payerId: number): ReceiptDraft[] {
  const [from, to] = windowOf(dc, party, 180);
  return sortedDays(rng, count, from, to).map((day) => {
    const cents = rng.int(100, 5000) * 100;
    const last = lastOnOrBefore(invoices, day);
    if (last < 0 || !rng.chance(0.5)) return receipt(day, cents, party.id);
    // an invoice issued by then (a credit note or a paid one leaves the receipt unallocated)
    const invoice = invoices[rng.int(0, last)];
    const room = Math.min(cents, owedBy(invoice)) - 1;
    if (invoice.kind !== 'invoice' || invoice.state !== 'issued' || room < 1) return receipt(day, cents, party.id);
    const paid = receipt(day, cents, payerId);
    allocate(paid, invoice, Math.max(1, Math.floor(room * rng.next())));
    return paid;
  });
}

export function planReceipts(dc: DocContext, rng: Rng, party: PartyRef, count: number, open: boolean, invoices: InvoiceDraft[], payerId: number): ReceiptDraft[] {
  if (open) return openReceipts(dc, rng, party, count, invoices, payerId);
  const last = Math.min(dc.asOf, party.activeUntil);
  const profile = PAYERS[party.payer];
  const toPay = invoices
    .filter((i) => i.kind === 'invoice' && i.state === 'issued')
    .map((invoice) => {
      const credited = Math.max(0, ...invoice.creditNotes.map((n) => n.day));
      // the draw comes first, so an invoice disputed by the plan leaves the other draws as they were
      const late = rng.int(profile.delay[0], profile.delay[1]) + (rng.chance(profile.disputed) || invoice.disputed ? rng.int(profile.dunned[0], profile.dunned[1]) : 0);
      return { invoice, day: Math.max(invoice.day, credited, invoice.due + late) };
    })
    .filter((p) => p.day <= last && owedBy(p.invoice) > 0)
    .sort((a, b) => a.day - b.day);
  const paying = Math.min(toPay.length, count - Math.round(count * 0.07));
  const receipts: ReceiptDraft[] = [];
  let next = 0;
  for (const size of paying > 0 ? groupSizes(rng, toPay.length, paying) : []) {
    const group = toPay.slice(next, next + size);
    next += size;
    const paid = receipt(group[group.length - 1].day, 0, payerId);
    group.forEach(({ invoice }, index) => {
      const owed = owedBy(invoice);
      const partial = index === group.length - 1 && owed > 1000 && rng.chance(0.06);
      allocate(paid, invoice, partial ? Math.floor(owed * (0.3 + rng.next() * 0.5)) : owed);
    });
    paid.cents = paid.allocations.reduce((sum, a) => sum + a.cents, 0) + (rng.chance(0.04) ? rng.int(1000, 50000) : 0);
    receipts.push(paid);
  }
  const [from, to] = windowOf(dc, party);
  for (const day of sortedDays(rng, count - receipts.length, from, to)) {
    receipts.push(receipt(day, rng.int(100, 5000) * 100, party.id, rng.chance(0.05) ? 'cancelled' : 'unallocated'));
  }
  return receipts.sort((a, b) => a.day - b.day);
}
