/**
 * "Creating an internal / a group sub-contracting quotation (order)" in an internal customer's
 * ledger, as the operation makes it: the latest order (of the last 90 days) of the company the
 * internal customer stands for that still has something left, each line with what is left of it at
 * 70 % of the sale price, linked to that order; internal when the internal customer's company is the
 * ordering one, group otherwise. The ledgers are written party by party: an internal customer
 * sub-contracts the orders of the customers written before it.
 */
import { priceLines } from './common';
import { keyed, vatFor, type DocContext } from './doc-common';
import type { Totals } from './common';
import type { PartyRef } from './types';

export const SUBCONTRACT_ORIGINS = ['internalSubcontracting', 'groupSubcontracting'];
const PRICE_PERCENT = 70;
/** At most this many orders are kept to sub-contract (the million-object set stays as fast). */
export const SUBCONTRACTABLE_MAX = 5000;

export function subcontract(dc: DocContext, party: PartyRef, day: number): { origin: string; subcontractedFromId: number; totals: Totals } | null {
  if (party.representedCompanyId === null) return null;
  for (let i = dc.subcontractable.length - 1; i >= 0; i -= 1) {
    const source = dc.subcontractable[i];
    if (source.companyId !== party.representedCompanyId || source.day > day || source.day < day - 90) continue;
    const left = source.lines.map((line) => ({ line, quantity: line.quantity - (source.taken.get(String(line.key)) ?? 0) })).filter((l) => l.quantity > 0);
    if (!left.length) continue;
    for (const { line, quantity } of left) source.taken.set(String(line.key), (source.taken.get(String(line.key)) ?? 0) + quantity);
    const drafts = left.map(({ line, quantity }) => ({
      article: line.article, label: line.label, quantity, priceCents: Math.max(1, Math.round((line.priceCents * PRICE_PERCENT) / 100)),
      vat: vatFor(dc, party, line.article), sourceKey: line.key ?? null,
    }));
    return { origin: party.company.id === source.companyId ? 'internalSubcontracting' : 'groupSubcontracting', subcontractedFromId: source.id, totals: keyed(dc, priceLines(drafts)) };
  }
  return null;
}
