/**
 * A party's quotations: most older ones become orders, others are refused, expire or are revised
 * (the revision is the party's next quotation and supersedes it); recent ones are still open.
 * `open` parties (the benchmark's) only have draft and sent ones.
 */
import { priceLines } from './common';
import { keyed, makeLines, sortedDays, vatFor, windowOf, type DocContext } from './doc-common';
import type { QuotationDraft } from './ledger-types';
import type { Rng } from './prng';
import { subcontract, SUBCONTRACT_ORIGINS } from './plan-subcontracting';
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

/**
 * A quotation "from a task" or "from a schedule", as the operation makes it: the items of that kind of
 * the party's first project it may quote, a line each pointing at its item. A project is sold around
 * its start: a quotation from 90 days before to 90 days after it (from 180 days before for a draft
 * project) quotes it; until it ends, a quotation whose drawn origin is a task or a schedule does. It
 * is sold one way: `take()`, once the quotation is known to hold its items (not refused), takes the
 * project's items out of the party's lists (and its schedule lines are not billed straight).
 */
export function fromProject(dc: DocContext, party: PartyRef, drawn: string, day: number): { origin: 'task' | 'schedule'; projectId: number; totals: QuotationDraft['totals']; quotedCents: number; take: () => void } | null {
  const chosen = drawn === 'task' || drawn === 'schedule';
  const first = party.quotable.find((item) => item.startDay - (item.draft ? 180 : 90) <= day && day <= (chosen ? item.endDay : item.startDay + 90));
  if (!first) return null;
  const origin = drawn === 'schedule' ? 'schedule' : 'task';
  const items = party.quotable.filter((item) => item.from === origin && item.projectId === first.projectId);
  const drafts = items.flatMap((item) => {
    const article = dc.ref.articles.find((a) => a.id === item.articleId);
    return article ? [{ article, label: item.label, quantity: item.quantity, priceCents: item.priceCents, vat: vatFor(dc, party, article), sourceKey: item.key }] : [];
  });
  if (!items.length || drafts.length !== items.length) return null;
  const take = () => {
    party.quotable = party.quotable.filter((item) => item.projectId !== first.projectId);
    party.dueSchedule = party.dueSchedule.filter((line) => line.projectId !== first.projectId);
  };
  return { origin, projectId: first.projectId, totals: keyed(dc, priceLines(drafts)), quotedCents: items.reduce((sum, item) => sum + item.amountCents, 0), take };
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
    // from a project's tasks or schedule (not on the benchmark's open parties); a revision would copy its items' keys, so none
    const project = !open && !quotation.revisionOf ? fromProject(dc, party, quotation.origin, day) : null;
    if (project) Object.assign(quotation, { origin: project.origin, projectId: project.projectId, totals: project.totals, quotedCents: project.quotedCents });
    else if (quotation.origin === 'task' || quotation.origin === 'schedule') quotation.origin = 'direct';
    // an internal customer's quotations sub-contract its company's orders; nobody else's is a sub-contract
    const subcontracted = !open && !quotation.revisionOf && !project ? subcontract(dc, party, day) : null;
    if (subcontracted) Object.assign(quotation, subcontracted);
    else if (SUBCONTRACT_ORIGINS.includes(quotation.origin)) quotation.origin = 'direct';
    const canRevise = !open && !project && !subcontracted && i + 1 < days.length;
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
    // a refused or expired quotation frees its items: the project may be quoted again, or billed on its schedule
    if (project && quotation.state !== 'refused' && quotation.state !== 'expired') project.take();
    quotations.push(quotation);
  }
  return quotations;
}
