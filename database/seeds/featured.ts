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

/** Days before asOf of the featured customer's last typed invoices: on 60 days, one overdue, one due within a month, one within two. */
const RECENT = [70, 40, 12];

/**
 * The featured customer's typed invoice days (sorted) with the last ones brought to RECENT days before
 * asOf when they are older: its payment-terms chart has amounts still to fall due. No draw.
 */
export function withRecentInvoices(days: number[], asOf: number): number[] {
  const out = [...days];
  RECENT.forEach((back, k) => {
    const at = out.length - RECENT.length + k;
    if (at >= 0 && out[at] < asOf - back) out[at] = asOf - back;
  });
  return out.sort((a, b) => a - b);
}
