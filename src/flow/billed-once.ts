import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { billedAmount, billedOnceErrors, heldBy, itemSourceErrors, type Holder, type ItemSource } from '../domain/flow/billed-once';
import { BILLED_ONCE, type BilledOnce } from '../domain/management-types';
import type { RuleError } from '../domain/rule-error';
import { lockDocuments, type StoredDocument } from './documents';
import { idsReaching } from './link-tables';
import { say } from '../domain/messages';
import { documentWord, fieldWord, statesWord, stateWord, stepWord, type Article } from '../rules/words';

/**
 * Items billed once each, on every write path (src/domain/flow/billed-once.ts): a document that
 * bills items of its linked sources, checked with those sources locked, and a source that keeps
 * the items its documents hold. The declarations are the made types' `billedOnce`
 * (management-types.ts); one source's items may be held through several made types (a project's
 * schedule line by a quotation, a delivery or a billing table): held by one, held for all.
 */
export type ItemSpec = BilledOnce & { to: string };

export const specsInto = (uid: string): ItemSpec[] => BILLED_ONCE.filter((s) => s.to === uid);
export const specsFrom = (uid: string): ItemSpec[] => BILLED_ONCE.filter((s) => s.from === uid);
/** Every way the items of `spec`'s component are held. */
const groupOf = (spec: Pick<ItemSpec, 'from' | 'items'>): ItemSpec[] => BILLED_ONCE.filter((s) => s.from === spec.from && s.items === spec.items);

/** The relations to read on a made document: its item sources. */
export const itemLinksPopulate = (uid: string) => Object.fromEntries(specsInto(uid).map((s) => [s.link, { select: ['documentId'] }]));

const nested = (path: string[]): Record<string, unknown> => {
  const [head, ...rest] = path;
  return { [head]: { select: ['documentId'], ...(rest.length ? { populate: nested(rest) } : {}) } };
};
/** The customer a source's items are billed to, along `spec.party`. */
export const partyOf = (spec: ItemSpec, row: any): string | null => spec.party.reduce((value: any, field) => value?.[field], row)?.documentId ?? null;
/** An item source in messages: its number (a project: its code), "the" or "of" it in French. */
export const itemSourceWord = (uid: string, row: any, documentId: string, article: Article = 'the') => documentWord(uid, row?.number ?? row?.code ?? documentId, article);

/** A source as the checks and operations read it: its items, its party, currency and number. */
export async function readItemSource(strapi: Core.Strapi, spec: ItemSpec, documentId: string, populate: Record<string, unknown> = {}): Promise<(ItemSource & { row: any }) | null> {
  const row: any = await strapi.db.query(spec.from as any).findOne({
    where: { documentId },
    populate: { [spec.items]: true, currency: { select: ['documentId'] }, ...nested(spec.party), ...populate },
  });
  if (!row) return null;
  return { documentId, label: itemSourceWord(spec.from, row, documentId), state: row.state, items: row[spec.items] ?? [], row };
}

/** Every document made from the source through `spec` (any state), with the item keys its lines name. */
export async function holdersOf(strapi: Core.Strapi, spec: ItemSpec, sourceId: string): Promise<Holder[]> {
  const ids = await idsReaching(strapi, spec.to, [spec.link], [sourceId]);
  if (ids.length === 0) return [];
  const rows: any[] = await strapi.db.query(spec.to as any).findMany({
    where: { id: { $in: ids } },
    select: ['id', 'documentId', 'number', 'state'],
    populate: { lines: { select: ['id', 'sourceKey'] } },
  });
  return rows.map((r) => ({ documentId: r.documentId, number: r.number, state: r.state, sourceKeys: (r.lines ?? []).map((l: any) => l.sourceKey).filter(Boolean) }));
}

/** The items of the source that `spec`'s group holds (every made type, each with its freeing states). */
export async function heldItems(strapi: Core.Strapi, spec: ItemSpec, sourceId: string, except?: string): Promise<Map<string, Holder>> {
  const held = new Map<string, Holder>();
  for (const way of groupOf(spec)) for (const [key, holder] of heldBy(await holdersOf(strapi, way, sourceId), except, way.freeIn)) held.set(key, holder);
  return held;
}

export const linkedItemSources = (doc: StoredDocument | null, spec: ItemSpec): string[] => {
  const value = doc?.[spec.link];
  return (Array.isArray(value) ? value : value ? [value] : []).map((v: any) => v?.documentId).filter((id): id is string => typeof id === 'string');
};

const namedKeys = (docs: (StoredDocument | null)[]) => new Set(docs.flatMap((d) => (d?.lines ?? []).map((l) => l.sourceKey)).filter((k): k is string => Boolean(k)));

/**
 * The sources of `spec` whose items `before` or `after` bill: every linked one for a link made for
 * billing items (an expense report's), only those whose items the lines name for a link that says
 * more (a quotation's project): a project's every quotation is not a billing of its tasks.
 */
export async function itemSourcesBilled(strapi: Core.Strapi, spec: ItemSpec, before: StoredDocument | null, after: StoredDocument | null): Promise<string[]> {
  const ids = [...new Set([...linkedItemSources(before, spec), ...linkedItemSources(after, spec)])];
  if (!spec.single || ids.length === 0) return ids;
  const named = namedKeys([before, after]);
  if (named.size === 0) return [];
  const rows: any[] = await strapi.db.query(spec.from as any).findMany({ where: { documentId: { $in: ids } }, select: ['id', 'documentId'], populate: { [spec.items]: { select: ['id', 'key'] } } });
  return rows.filter((r) => (r[spec.items] ?? []).some((i: any) => i.key && named.has(i.key))).map((r) => r.documentId);
}

/**
 * A made document against the items it bills: for each linked source whose items its lines name,
 * the source's customer and currency, open to billing when newly linked, and every such line naming
 * an item that may be billed and that no other document holds. Sources are locked: two documents
 * billing one item take turns. A source linked for another reason (a quotation of a project, not
 * from its tasks) is not read past its items.
 */
export async function itemBillingErrors(strapi: Core.Strapi, uid: string, made: StoredDocument, before: StoredDocument | null): Promise<RuleError[]> {
  if (made.state === 'cancelled') return [];
  const errors: RuleError[] = [];
  const lines = made.lines ?? [];
  const named = new Set(lines.map((l) => l.sourceKey).filter((k): k is string => Boolean(k)));
  for (const spec of specsInto(uid)) {
    const ids = (await itemSourcesBilled(strapi, spec, before, made)).filter((id) => linkedItemSources(made, spec).includes(id));
    if (ids.length === 0) continue;
    await lockDocuments(strapi, spec.from, ids);
    const was = new Set(before?.state === 'cancelled' ? [] : linkedItemSources(before, spec));
    const sources: ItemSource[] = [];
    const held = new Map<string, Holder>();
    const itemKeys = new Set<string>();
    for (const id of ids) {
      const source = await readItemSource(strapi, spec, id);
      if (!source) continue;
      source.items.forEach((i) => i.key && itemKeys.add(i.key));
      if (!source.items.some((i) => i.key && named.has(i.key))) continue;
      sources.push(source);
      for (const [key, holder] of await heldItems(strapi, spec, id, made.documentId)) held.set(key, holder);
      if (source.row.currency?.documentId !== made.currency?.documentId) errors.push({ path: ['currency'], ...say('sourceOtherCurrency', { source: source.label }) });
      if (!was.has(id)) {
        if (partyOf(spec, source.row) !== made.customer?.documentId) errors.push({ path: ['customer'], ...say('sourceBilledOtherCustomer', { source: source.label }) });
        if (!spec.sourceStates.includes(source.state)) {
          errors.push({ path: [spec.link], ...say('sourceItemsStateBlocks', { source: source.label, state: stateWord(spec.from, source.state), step: stepWord(spec.verb, 'mp') }) });
        }
      }
    }
    errors.push(...billedOnceErrors(spec, sources, lines, held));
    // a document made from item sources only (no order, no project of its own) names nothing else
    if (!spec.single && !made.order) {
      lines.forEach((line, index) => {
        if (line.sourceKey && !itemKeys.has(line.sourceKey)) errors.push({ path: ['lines', index, 'sourceKey'], ...say('sourceKeyNoItem', { sourceKey: line.sourceKey, link: fieldWord(uid, spec.link) }) });
      });
    }
  }
  return errors;
}

/** A source after its own write (or before its deletion): what its documents hold stays there and billable. */
export async function itemSourceWriteErrors(strapi: Core.Strapi, uid: string, source: StoredDocument, deleting: boolean): Promise<RuleError[]> {
  const errors: RuleError[] = [];
  const seen = new Set<string>();
  for (const spec of specsFrom(uid)) {
    if (seen.has(spec.items)) continue;
    seen.add(spec.items);
    const held = await heldItems(strapi, spec, source.documentId);
    if (held.size === 0) continue;
    const numbers = [...new Set([...held.values()].map((h) => h.number))].join(', ');
    if (deleting) {
      errors.push({ path: ['state'], ...say('itemsHeldCancelFirst', { step: stepWord(spec.verb, 'mp'), numbers }) });
      continue;
    }
    if (spec.keepsSourceState && !spec.sourceStates.includes(source.state)) {
      errors.push({ path: ['state'], ...say('itemsHeldStateStays', { step: stepWord(spec.verb, 'mp'), numbers, states: statesWord(uid, spec.sourceStates) }) });
    }
    const label = itemSourceWord(uid, source, source.documentId);
    errors.push(...itemSourceErrors(spec, { documentId: source.documentId, label, state: source.state, items: source[spec.items] ?? [] }, held));
  }
  return errors;
}

/** A source's derived figures: per figure, what the items held through the ways that fill it come to. */
export async function itemSourceDerived(strapi: Core.Strapi, uid: string, source: StoredDocument): Promise<Record<string, unknown>> {
  const derived: Record<string, unknown> = {};
  for (const field of [...new Set(specsFrom(uid).map((s) => s.takenField))]) {
    let total = new Decimal(0);
    for (const items of [...new Set(specsFrom(uid).filter((s) => s.takenField === field).map((s) => s.items))]) {
      const ways = specsFrom(uid).filter((s) => s.takenField === field && s.items === items);
      const held = new Map<string, Holder>();
      for (const way of ways) for (const [key, holder] of heldBy(await holdersOf(strapi, way, source.documentId), undefined, way.freeIn)) held.set(key, holder);
      const list = source[items] ?? (await readItemSource(strapi, ways[0], source.documentId))?.items ?? [];
      total = total.add(billedAmount({ items: list }, held, ways[0].amountField));
    }
    derived[field] = total.toFixed(2);
  }
  return derived;
}
