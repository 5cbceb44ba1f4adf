/**
 * The demo's featured customer, whose dashboard has every chart filled: the ordinary customer with
 * the most documents (first in the plan's ranking) that is a good payer (its older invoices paid), and
 * is given 60 days to pay (its recent invoices fall due over the next two months), bills in euros from France, is open, external and a customer for
 * three years at least. It pays its own invoices (no default customer to bill, relations.ts seedLinks)
 * and is the customer of a project at least (seedProjects). Chosen from what was drawn, with no draw of
 * its own: every other row stays as it was.
 */
import type { PartyRef, Reference, SeedContext } from './types';

const TERM = '60J';

export function chooseFeatured(ctx: Pick<SeedContext, 'asOf'>, ref: Reference, ranked: readonly PartyRef[]): PartyRef | null {
  const featured =
    ranked.find(
      (p) =>
        p.kind === 'customer' &&
        p.payer === 'good' &&
        p.country === 'FR' &&
        p.currency.code === 'EUR' &&
        p.activeUntil === ctx.asOf &&
        p.representedCompanyId === null &&
        p.openedOn <= ctx.asOf - 3 * 365
    ) ?? null;
  if (featured) {
    featured.featured = true;
    featured.paymentTerm = ref.paymentTerms.find((t) => t.code === TERM) ?? featured.paymentTerm;
  }
  return featured;
}

/**
 * The featured customer's last typed invoices, by days before asOf: on 60 days, one overdue (70, disputed:
 * a good payer pays on time what it does not dispute), one due within a month (40), one within two (12);
 * and, before those, two billed ahead of the service they bill (a coming period, due at its start),
 * falling due in 61–90 days and after 90 days.
 */
const LAST: { back: number; dueIn?: number; disputed?: true }[] = [{ back: 10, dueIn: 75 }, { back: 8, dueIn: 120 }, { back: 70, disputed: true }, { back: 40 }, { back: 12 }];

/** A typed invoice's day, its due day when it is not its payment term's, and whether it is disputed (paid late). */
export interface InvoiceDay {
  day: number;
  due?: number;
  disputed?: true;
}

/**
 * The featured customer's typed invoice days (sorted) with the last ones brought to LAST's days before
 * asOf when they are older, those billed ahead due on their day after asOf: every band of its
 * payment-terms chart has an amount. No draw.
 */
export function withRecentInvoices(days: number[], asOf: number): InvoiceDay[] {
  const out: InvoiceDay[] = days.map((day) => ({ day }));
  LAST.forEach(({ back, dueIn, disputed }, k) => {
    const at = out.length - LAST.length + k;
    if (at < 0) return;
    if (out[at].day < asOf - back) out[at].day = asOf - back;
    if (dueIn !== undefined) out[at].due = asOf + dueIn;
    if (disputed) out[at].disputed = true;
  });
  return out.sort((a, b) => a.day - b.day);
}
