/** What the management-object generators share: their context, headers, numbers, dates and lines. */
import type { ModelWriter, Row } from './bulk-insert';
import { priceLines, stamp, quantityFor, type LineDraft, type PricedLine, type Totals } from './common';
import { yearOf, type Day } from './dates';
import { DOC_TYPES, DOC_UIDS, type DocType } from './plan';
import type { Rng } from './prng';
import type { ArticleRef, PartyRef, Reference, SeedContext, VatRef } from './types';

export interface DocContext extends SeedContext {
  ref: Reference;
  models: Record<DocType, ModelWriter>;
  line: ModelWriter;
  allocation: ModelWriter;
  trainingLine: ModelWriter;
  funders: PartyRef[];
  /** the keys of document lines come from their own stream */
  keys: Rng;
  /** the keys of training sessions (their own stream: the document lines' keys stay as they were) */
  sessionKeys: Rng;
  /** whether a training session was held (its own stream: the documents' draws stay as they were) */
  sessions: Rng;
  /** per project, what its schedule lines billed straight come to (cents; written once the rows are) */
  projectBilled: Map<number, number>;
  /** per project, what its tasks and schedule lines held by quotations come to (cents; written once the rows are) */
  projectQuoted: Map<number, number>;
  /** customers' orders bought for (resale, sub-contracting), sampled from their own stream (side-documents.ts) */
  purchasable: { rng: Rng; orders: SalesOrderRef[] };
  /** the ordinary customers' orders an internal customer's ledger may sub-contract (plan-subcontracting.ts) */
  subcontractable: SubcontractSource[];
  /** last number used per prefix */
  seq: Map<string, number>;
  /** open management objects of the party being generated */
  open: number;
}

/** A customer's order a supplier order may be made for: its lines, company and day. */
export interface SalesOrderRef {
  id: number;
  day: Day;
  companyId: number;
  lines: PricedLine[];
}
/** A customer's order a company of the group may do part of: what its lines still leave (thousandths, per line key). */
export interface SubcontractSource extends SalesOrderRef {
  taken: Map<string, number>;
}
/** At most this many orders are bought for (the million-object set stays as fast). */
export const PURCHASABLE_MAX = 2000;

export function docContext(ctx: SeedContext, ref: Reference, funders: PartyRef[], sessions: Rng): DocContext {
  const models = Object.fromEntries(DOC_TYPES.map((t) => [t, ctx.writer.model(DOC_UIDS[t])])) as Record<DocType, ModelWriter>;
  return {
    ...ctx,
    ref,
    models,
    line: ctx.writer.model('sales.document-line'),
    allocation: ctx.writer.model('sales.receipt-allocation'),
    trainingLine: ctx.writer.model('training.line'),
    funders,
    keys: ctx.ids.fork('line-keys'),
    sessionKeys: ctx.ids.fork('session-keys'),
    sessions,
    projectBilled: new Map(),
    projectQuoted: new Map(),
    purchasable: { rng: sessions.fork('purchasable'), orders: [] },
    subcontractable: [],
    seq: new Map(),
    open: 0,
  };
}

/** e.g. INV-2025-0000123: the sequence runs over all years, so numbers are unique per type. */
export function nextNumber(dc: DocContext, prefix: string, day: Day): string {
  const n = (dc.seq.get(prefix) ?? 0) + 1;
  dc.seq.set(prefix, n);
  return `${prefix}-${yearOf(day)}-${String(n).padStart(7, '0')}`;
}

/**
 * Inserts a management object with its number (the next of its prefix unless given), timestamps, and the company, customer and
 * currency relations; returns its id. `customerId` names another customer than the party (the
 * customer to bill who pays the party's invoices).
 */
export function insertDocument(
  dc: DocContext,
  rng: Rng,
  type: DocType,
  party: PartyRef,
  row: { prefix: string; day: Day; updatedDay?: Day; data: Row; customerId?: number }
): number {
  const model = dc.models[type];
  const createdDay = Math.min(row.day, dc.asOf);
  const number = row.data.number ?? nextNumber(dc, row.prefix, row.day);
  const id = model.insert({ ...row.data, number }, stamp(dc, rng, createdDay, row.updatedDay === undefined ? undefined : Math.min(row.updatedDay, dc.asOf)));
  model.link('company', id, party.company.id);
  model.link('customer', id, row.customerId ?? party.id);
  if (model.meta.attributes.currency) model.link('currency', id, party.currency.id);
  dc.progress.tick(type);
  dc.progress.tick('management objects');
  return id;
}

/** Optional relations, written on small (rich) runs only. */
export function richLinks(dc: DocContext, rng: Rng, type: DocType, id: number, party: PartyRef, fields: string[]): void {
  if (!dc.rich) return;
  const model = dc.models[type];
  for (const field of fields) {
    const target =
      field === 'salesman' ? party.salesmanId
      : field === 'paymentTerm' ? party.paymentTerm.id
      : field === 'billingSite' ? party.billingSiteId
      : field === 'deliverySite' ? party.deliverySiteId
      : field === 'customerToBill' ? party.toBillId
      : field === 'contact' ? party.mainContactId
      : field === 'project' ? (party.projectIds.length && rng.chance(0.3) ? rng.pick(party.projectIds) : null)
      : null;
    if (target !== null) model.link(field, id, target);
  }
}

/** The days a party's documents of one type fall on, sorted, within [from, to]. */
export function sortedDays(rng: Rng, count: number, from: Day, to: Day): Day[] {
  const days: Day[] = new Array(count);
  const span = Math.max(0, to - from);
  for (let i = 0; i < count; i += 1) days[i] = from + Math.floor(rng.next() * (span + 1));
  return days.sort((a, b) => a - b);
}

/** The window of a party's documents: from its opening (at most 4 years back) to asOf or its closing. */
export function windowOf(dc: DocContext, party: PartyRef, recentDays?: number): [Day, Day] {
  const to = party.activeUntil;
  const from = Math.max(dc.start, party.openedOn, recentDays === undefined ? -Infinity : to - recentDays);
  return [Math.min(from, to - 1), to];
}

const FX: Record<string, number> = { EUR: 1, CHF: 0.95, USD: 1.08, GBP: 0.86 };

/** The VAT of an article's line for this party: the article's rate in France, the zero rate for EU and export customers. */
export const vatFor = (dc: DocContext, party: PartyRef, article: ArticleRef): VatRef => (party.vatMode === 'FR' ? article.vat : dc.ref.vatZero);

/** 1–4 lines (1 on big runs) priced in the party's currency with the party's VAT treatment. */
export function makeLines(dc: DocContext, rng: Rng, party: PartyRef, articles: ArticleRef[] = dc.ref.articles): Totals {
  const count = dc.rich ? rng.weighted({ 1: 35, 2: 30, 3: 20, 4: 15 } as Record<string, number>) : '1';
  const fx = FX[party.currency.code] ?? 1;
  const drafts: LineDraft[] = [];
  for (let i = 0; i < Number(count); i += 1) {
    const article = rng.pick(articles);
    const discount = rng.chance(0.3) ? rng.int(2, 15) : 0;
    const priceCents = Math.max(1, Math.round((article.priceCents * fx * (100 - discount)) / 100));
    drafts.push({
      article,
      label: discount ? `${article.label} (remise ${discount} %)` : article.label,
      quantity: quantityFor(rng, article.unit),
      priceCents,
      vat: vatFor(dc, party, article),
    });
  }
  return keyed(dc, priceLines(drafts));
}

/** Gives every line of a new document its own key (made lines keep their sourceKey). */
export function keyed(dc: DocContext, totals: Totals): Totals {
  for (const line of totals.lines) line.key = dc.keys.uuid();
  return totals;
}

/** Lines made from source lines: the same article, label, price and VAT, the given quantity, pointing at the source line. */
export function madeLines(dc: DocContext, picks: { line: PricedLine; quantity: number }[]): Totals {
  return keyed(dc, priceLines(picks.map(({ line, quantity }) => ({ ...line, quantity, sourceKey: line.key ?? null }))));
}

/** Index of the last item whose day is ≤ `day` in a list sorted by day (−1 when none). */
export function lastOnOrBefore<T extends { day: Day }>(items: T[], day: Day): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].day <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
