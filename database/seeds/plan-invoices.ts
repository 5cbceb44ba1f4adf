/**
 * A party's invoices. Delivered deliveries and validated billing tables are invoiced at the next
 * billing run (deliveries of one month sometimes on one invoice), every line pointing at the
 * line it invoices; the rest of the party's count is typed on its own (services, contracts);
 * about 5 % are credit notes on part of an earlier invoice. `open` parties invoice no source
 * (an invoiced delivery no longer counts).
 */
import { dueDay, isoDate } from './dates';
import { lastOnOrBefore, madeLines, makeLines, sortedDays, windowOf, type DocContext } from './doc-common';
import { withRecentInvoices } from './featured';
import type { InvoiceDraft, SourceDraft } from './ledger-types';
import type { Rng } from './prng';
import type { PartyRef } from './types';

const BILLABLE: Record<SourceDraft['type'], string> = { delivery: 'delivered', billingTable: 'validated' };

function draftInvoice(dc: DocContext, party: PartyRef, day: number, kind: InvoiceDraft['kind'], state: string, totals: InvoiceDraft['totals']): InvoiceDraft {
  const due = dueDay(day, party.paymentTerm.days, party.paymentTerm.endOfMonth);
  return { day, due, kind, state, totals, derived: {}, id: 0, sources: [], credited: null, creditNotes: [], payments: [] };
}

/** The sources to invoice, each with the day of its billing run, grouped into invoices. */
function invoiceGroups(dc: DocContext, rng: Rng, party: PartyRef, sources: SourceDraft[], budget: number): { day: number; sources: SourceDraft[] }[] {
  const last = Math.min(dc.asOf, party.activeUntil);
  const billed = sources
    .filter((s) => s.state === BILLABLE[s.type])
    .map((source) => ({ source, day: (source.doneDay ?? source.day) + rng.int(0, 20) }))
    .filter(({ day }) => day <= last && !(dc.asOf - day <= 15 && rng.chance(0.3)))
    .sort((a, b) => a.day - b.day);
  let groups: { day: number; sources: SourceDraft[] }[] = [];
  for (const { source, day } of billed) {
    const previous = groups[groups.length - 1];
    // a run puts deliveries of one month on one invoice; a contract's notes only with notes of that contract
    const sameRun =
      previous && source.type === 'delivery' && previous.sources[0].type === 'delivery' && previous.sources[0].contract === source.contract && isoDate(previous.day).slice(0, 7) === isoDate(day).slice(0, 7);
    if (sameRun && previous.sources.length < 3 && rng.chance(0.3)) previous.sources.push(source);
    else groups.push({ day, sources: [source] });
  }
  // fewer invoices than runs: neighbouring runs go on one invoice
  if (groups.length > budget && budget > 0) {
    const size = Math.ceil(groups.length / budget);
    const merged: typeof groups = [];
    for (let i = 0; i < groups.length; i += size) {
      const chunk = groups.slice(i, i + size);
      merged.push({ day: chunk[chunk.length - 1].day, sources: chunk.flatMap((g) => g.sources) });
    }
    groups = merged;
  }
  return budget > 0 ? groups : [];
}

const creditable = (i: InvoiceDraft) => i.kind === 'invoice' && i.state === 'issued' && i.creditNotes.length === 0;

/** An issued invoice of the last 90 days with no credit note yet, else any earlier one (a few tries). */
function toCredit(rng: Rng, invoices: InvoiceDraft[], day: number): InvoiceDraft | null {
  const last = lastOnOrBefore(invoices, day);
  const recent: InvoiceDraft[] = [];
  for (let i = last; i >= 0 && day - invoices[i].day <= 90; i -= 1) if (creditable(invoices[i])) recent.push(invoices[i]);
  if (recent.length) return rng.pick(recent);
  for (let attempt = 0; attempt < 8 && last >= 0; attempt += 1) {
    const invoice = invoices[rng.int(0, last)];
    if (creditable(invoice)) return invoice;
  }
  return null;
}

function creditNote(dc: DocContext, rng: Rng, party: PartyRef, day: number, invoices: InvoiceDraft[]): InvoiceDraft | null {
  const credited = toCredit(rng, invoices, day);
  if (!credited) return null;
  const line = rng.pick(credited.totals.lines);
  const quantity = Math.max(1, Math.floor(line.quantity * (0.2 + rng.next() * 0.8)));
  const totals = madeLines(dc, [{ line, quantity }]);
  totals.lines[0].label = `Avoir : ${line.label}`.slice(0, 255);
  const note = draftInvoice(dc, party, day, 'creditNote', 'issued', totals);
  note.credited = credited;
  credited.creditNotes.push(note);
  return note;
}

export function planInvoices(dc: DocContext, rng: Rng, party: PartyRef, count: number, open: boolean, sources: SourceDraft[]): InvoiceDraft[] {
  const notes = Math.round(count * 0.05);
  const groups = open ? [] : invoiceGroups(dc, rng, party, sources, count - notes);
  const invoices: InvoiceDraft[] = groups.map(({ day, sources: group }) => {
    const state = dc.asOf - day < 7 && rng.chance(0.3) ? 'draft' : 'issued';
    const invoice = draftInvoice(dc, party, day, 'invoice', state, madeLines(dc, group.flatMap((s) => s.totals.lines.map((line) => ({ line, quantity: line.quantity })))));
    invoice.sources = group;
    group.forEach((source) => source.invoices.push(invoice));
    return invoice;
  });
  const [from, to] = windowOf(dc, party, open ? 730 : undefined);
  const typed = sortedDays(rng, count - notes - groups.length, from, to);
  for (const { day, due, disputed } of party.featured ? withRecentInvoices(typed, Math.min(dc.asOf, to)) : typed.map((day) => ({ day, due: undefined, disputed: undefined }))) {
    const age = dc.asOf - day;
    const drawn = open ? 'issued' : age < 7 && rng.chance(0.3) ? 'draft' : rng.chance(0.01) ? 'cancelled' : 'issued';
    // an invoice billed ahead is issued (its due day is agreed, not its payment term's)
    const invoice = draftInvoice(dc, party, day, 'invoice', due === undefined ? drawn : 'issued', makeLines(dc, rng, party));
    if (due !== undefined) Object.assign(invoice, { due, billedAhead: true });
    if (disputed) invoice.disputed = true;
    invoices.push(invoice);
  }
  invoices.sort((a, b) => a.day - b.day);
  // credit notes on the invoices above (a plain invoice when there is none to credit), written after them
  const later = sortedDays(rng, notes, from, to).map((day) => creditNote(dc, rng, party, day, invoices) ?? draftInvoice(dc, party, day, 'invoice', 'issued', makeLines(dc, rng, party)));
  return [...invoices, ...later].sort((a, b) => a.day - b.day || (a.kind === b.kind ? 0 : a.kind === 'creditNote' ? 1 : -1));
}
