/**
 * A party's quotations: most older ones become orders, others are refused, expire or are revised
 * (the revision is the party's next quotation and supersedes it); recent ones are still open.
 * `open` parties (the benchmark's) only have draft and sent ones.
 */
import { priceLines } from './common';
import { keyed, makeLines, sortedDays, windowOf, type DocContext } from './doc-common';
import type { QuotationDraft } from './ledger-types';
import type { Rng } from './prng';
import type { PartyRef } from './types';

const ORIGINS = { direct: 70, schedule: 5, task: 5, internalSubcontracting: 10, groupSubcontracting: 5 };

/** A revision: the same lines at a negotiated price (new keys: a revision is a new document). */
function revisionOf(dc: DocContext, rng: Rng, previous: QuotationDraft, day: number): QuotationDraft {
  const discount = rng.int(3, 10);
  const totals = keyed(dc, priceLines(previous.totals.lines.map((line) => ({ ...line, priceCents: Math.max(1, Math.round((line.priceCents * (100 - discount)) / 100)) }))));
  previous.fate = 'revise';
  const revision: QuotationDraft = {
    day, totals, state: 'sent', derived: {}, id: 0, fate: 'none', signedDay: null,
    revision: previous.revision + 1, revisionOf: previous, revisedBy: null, origin: 'review', orders: [], number: null,
  };
  previous.revisedBy = revision;
  return revision;
}

export function planQuotations(dc: DocContext, rng: Rng, party: PartyRef, count: number, open: boolean): QuotationDraft[] {
  const [from, to] = windowOf(dc, party, open ? 60 : undefined);
  const days = sortedDays(rng, count, from, to);
  const quotations: QuotationDraft[] = [];
  for (let i = 0; i < days.length; i += 1) {
    const day = days[i];
    const age = dc.asOf - day;
    const previous = quotations[i - 1];
    // the revision of the previous quotation takes this slot
    const quotation = previous?.fate === 'revise' && !previous.revisedBy
      ? revisionOf(dc, rng, previous, day)
      : { day, totals: makeLines(dc, rng, party), state: 'draft', derived: {}, id: 0, fate: 'none' as const, signedDay: null, revision: 1, revisionOf: null, revisedBy: null, origin: rng.weighted(ORIGINS), orders: [], number: null };
    const canRevise = !open && i + 1 < days.length;
    const pick = open
      ? rng.weighted({ draft: 30, sent: 70 })
      : age > 30
        ? rng.weighted({ order: 55, refused: 17, expired: 17, revise: canRevise ? 11 : 0 })
        : rng.weighted({ draft: 22, sent: 45, signed: 12, order: 8, refused: 8, revise: canRevise ? 5 : 0 });
    if (pick === 'order' || pick === 'revise') {
      quotation.fate = pick;
      quotation.state = pick === 'order' ? 'signed' : 'sent';
    } else quotation.state = pick;
    if (quotation.state === 'signed') quotation.signedDay = day + rng.int(0, Math.min(30, age));
    quotations.push(quotation);
  }
  return quotations;
}
