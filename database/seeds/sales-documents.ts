import type { LineDraft } from './common';
/**
 * The start of one party's sales pipeline: its opportunities (the ledger that follows is in
 * ledger.ts), and the shapes the phases share. Statuses follow the documents' age; `open` forces
 * the states that count in the credit exposure (the benchmark's big and small customers).
 */
import type { Period } from '../../src/domain/flow/contract-periods';
import { money, type Totals } from './common';
import { isoDate, type Day } from './dates';
import { insertDocument, richLinks, sortedDays, windowOf, type DocContext } from './doc-common';
import { OPPORTUNITY_TITLES } from './french-data';
import type { Rng } from './prng';
import type { ArticleRef, PartyRef } from './types';

/** What later phases of one party link to. */
export interface PartyDocs {
  opportunities: { id: number; day: Day; won: boolean }[];
  orders: { id: number; day: Day }[];
  contracts: ContractRef[];
  /** held sessions of won training opportunities delivered once (service-documents.ts, plan-fulfilment.ts) */
  trainingNotes: { opportunityId: number; day: Day; lines: LineDraft[] }[];
}

/** A written maintenance contract and the billing periods its delivery notes bill (see maintenanceContracts). */
export interface ContractRef {
  id: number;
  day: Day;
  endDay: Day;
  title: string;
  article: ArticleRef;
  periods: Period[];
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
