import type { Core } from '@strapi/strapi';
import { billedAmount, billedOnceErrors, heldBy, itemSourceErrors, type Holder, type ItemSource } from '../domain/flow/billed-once';
import { BILLED_ONCE, type BilledOnce } from '../domain/management-types';
import type { RuleError } from '../domain/rule-error';
import { lockDocuments, type StoredDocument } from './documents';
import { idsReaching } from './link-tables';

/**
 * Items billed once each, on every write path (src/domain/flow/billed-once.ts): a document that
 * bills items of its linked sources, checked with those sources locked, and a source that keeps
 * the items its documents hold. The declarations are the made type's `billedOnce` (management-types.ts).
 */
export type ItemSpec = BilledOnce & { to: string };

export const specsInto = (uid: string): ItemSpec[] => BILLED_ONCE.filter((s) => s.to === uid);
export const specsFrom = (uid: string): ItemSpec[] => BILLED_ONCE.filter((s) => s.from === uid);

/** The relations to read on a made document: its item sources. */
export const itemLinksPopulate = (uid: string) => Object.fromEntries(specsInto(uid).map((s) => [s.link, { select: ['documentId'] }]));

const nested = (path: string[]): Record<string, unknown> => {
  const [head, ...rest] = path;
  return { [head]: { select: ['documentId'], ...(rest.length ? { populate: nested(rest) } : {}) } };
};
/** The customer a source's items are billed to, along `spec.party`. */
export const partyOf = (spec: ItemSpec, row: any): string | null => spec.party.reduce((value: any, field) => value?.[field], row)?.documentId ?? null;

/** A source as the checks and operations read it: its items, its party, currency and number. */
export async function readItemSource(strapi: Core.Strapi, spec: ItemSpec, documentId: string, populate: Record<string, unknown> = {}): Promise<(ItemSource & { row: any }) | null> {
  const row: any = await strapi.db.query(spec.from as any).findOne({
    where: { documentId },
    populate: { [spec.items]: true, currency: { select: ['documentId'] }, ...nested(spec.party), ...populate },
  });
  if (!row) return null;
  return { documentId, label: `${spec.from.split('.').pop()} ${row.number ?? documentId}`, state: row.state, items: row[spec.items] ?? [], row };
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

export const linkedItemSources = (doc: StoredDocument | null, spec: ItemSpec): string[] =>
  ((doc?.[spec.link] ?? []) as any[]).map((v) => v?.documentId).filter((id): id is string => typeof id === 'string');

/**
 * A made document against the items it bills: each linked source for its customer and currency,
 * open to billing when newly linked, and every line naming an item that may be billed and that no
 * other document holds. Sources are locked: two documents billing one item take turns.
 */
export async function itemBillingErrors(strapi: Core.Strapi, uid: string, made: StoredDocument, before: StoredDocument | null): Promise<RuleError[]> {
  if (made.state === 'cancelled') return [];
  const errors: RuleError[] = [];
  const itemKeys = new Set<string>();
  let linksAny = false;
  for (const spec of specsInto(uid)) {
    const ids = linkedItemSources(made, spec);
    if (ids.length === 0) continue;
    linksAny = true;
    await lockDocuments(strapi, spec.from, ids);
    const was = new Set(before?.state === 'cancelled' ? [] : linkedItemSources(before, spec));
    const sources: ItemSource[] = [];
    const holders: Holder[] = [];
    for (const id of ids) {
      const source = await readItemSource(strapi, spec, id);
      if (!source) continue;
      sources.push(source);
      source.items.forEach((i) => i.key && itemKeys.add(i.key));
      holders.push(...(await holdersOf(strapi, spec, id)));
      if (source.row.currency?.documentId !== made.currency?.documentId) errors.push({ path: ['currency'], message: `${source.label} is in another currency` });
      if (!was.has(id)) {
        if (partyOf(spec, source.row) !== made.customer?.documentId) errors.push({ path: ['customer'], message: `${source.label} is billed to another customer` });
        if (!spec.sourceStates.includes(source.state)) errors.push({ path: [spec.link], message: `${source.label} is ${source.state}: its items cannot be ${spec.verb}` });
      }
    }
    errors.push(...billedOnceErrors(spec, sources, made.lines ?? [], heldBy(holders, made.documentId)));
  }
  if (linksAny && !made.order) {
    (made.lines ?? []).forEach((line, index) => {
      if (line.sourceKey && !itemKeys.has(line.sourceKey)) errors.push({ path: ['lines', index, 'sourceKey'], message: `sourceKey ${line.sourceKey} names no item of the linked documents` });
    });
  }
  return errors;
}
/** A source after its own write (or before its deletion): what its documents hold stays billable. */
export async function itemSourceWriteErrors(strapi: Core.Strapi, uid: string, source: StoredDocument, deleting: boolean): Promise<RuleError[]> {
  const errors: RuleError[] = [];
  for (const spec of specsFrom(uid)) {
    const held = heldBy(await holdersOf(strapi, spec, source.documentId));
    if (held.size === 0) continue;
    const numbers = [...new Set([...held.values()].map((h) => h.number))].join(', ');
    if (deleting) {
      errors.push({ path: ['state'], message: `its items are ${spec.verb} by ${numbers}: cancel them first` });
      continue;
    }
    if (!spec.sourceStates.includes(source.state)) errors.push({ path: ['state'], message: `its items are ${spec.verb} by ${numbers}: it stays ${spec.sourceStates.join(' or ')} until they are cancelled` });
    const label = `${uid.split('.').pop()} ${source.number ?? source.documentId}`;
    errors.push(...itemSourceErrors(spec, { documentId: source.documentId, label, state: source.state, items: source[spec.items] ?? [] }, held));
  }
  return errors;
}

/** A source's derived figure: what the items its documents hold come to. */
export async function itemSourceDerived(strapi: Core.Strapi, uid: string, source: StoredDocument): Promise<Record<string, unknown>> {
  const derived: Record<string, unknown> = {};
  for (const spec of specsFrom(uid)) {
    const items = source[spec.items] ?? (await readItemSource(strapi, spec, source.documentId))?.items ?? [];
    derived[spec.takenField] = billedAmount({ items }, heldBy(await holdersOf(strapi, spec, source.documentId)));
  }
  return derived;
}
