/**
 * Planning of a prospect transfer (spec: "Transfer a prospect to a prospect or a customer"):
 * which relations point at a party, how the source's content merges into the target, how
 * salesman assignments combine, and which links would become self-links or duplicates.
 * Pure: no Strapi import; the service feeds it Strapi's metadata and rows.
 */

/** The slice of a Strapi model (content type or component) that the planning reads. */
export interface ModelShape {
  modelType?: 'contentType' | 'component';
  attributes: Record<string, { type: string; relation?: string; target?: string; mappedBy?: string; component?: string; repeatable?: boolean }>;
}

/** Attributes that are not "content": identity, bookkeeping and the inverse side of relations. */
const SYSTEM_FIELDS = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);

/** A relation attribute, on its owning side, whose target is the party type. */
export interface PartyReference {
  uid: string;
  field: string;
  /** true for manyToMany / oneToMany on the owning side: the field holds a list */
  many: boolean;
  /** component relations cannot be re-pointed through the document service of their own */
  component: boolean;
}

/** Every owning-side relation to `partyUid` in `models` (content types and components), sorted by uid then field. */
export function findPartyReferences(models: Record<string, ModelShape>, partyUid: string, components: Set<string> = new Set()): PartyReference[] {
  const found: PartyReference[] = [];
  for (const [uid, model] of Object.entries(models)) {
    for (const [field, attribute] of Object.entries(model.attributes ?? {})) {
      if (attribute.type !== 'relation' || attribute.target !== partyUid || attribute.mappedBy || SYSTEM_FIELDS.has(field)) continue;
      const many = attribute.relation === 'manyToMany' || attribute.relation === 'oneToMany';
      found.push({ uid, field, many, component: components.has(uid) || model.modelType === 'component' });
    }
  }
  return found.sort((a, b) => (a.uid === b.uid ? a.field.localeCompare(b.field) : a.uid.localeCompare(b.uid)));
}

/** The target keeps these: external references (accounting, invoices) name them. */
export const TARGET_KEEPS = ['code', 'kind', 'company', 'callName'];

/** A value the source "has": not null, not blank, not an empty list or an all-empty component. */
export function hasValue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.entries(value as object).some(([key, v]) => key !== 'id' && hasValue(v));
  return true;
}

/** Attributes of the party that carry content: every attribute but system fields, kept fields, inverse relations and `special`. */
export function contentFields(model: ModelShape, special: string[] = []): string[] {
  return Object.entries(model.attributes)
    .filter(([name, a]) => !SYSTEM_FIELDS.has(name) && !TARGET_KEEPS.includes(name) && !special.includes(name) && !(a.type === 'relation' && a.mappedBy))
    .map(([name]) => name);
}

/**
 * Fields that only make sense together (the VAT number embeds the SIREN, the SIREN is the head of
 * the SIRET): when the source has any of them, all come from the source, so no mixed identity.
 */
export const IDENTITY_GROUP = ['siret', 'siren', 'vatNumber'];

const withoutId = (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'id'));

/**
 * The target's content after the transfer: for each field the source's value when it has one,
 * else the target's. A single component merges field by field (the source's filled fields win).
 * Only fields whose value changes are returned, so the write touches nothing else.
 */
export function mergeContent(
  model: ModelShape,
  source: Record<string, unknown>,
  target: Record<string, unknown>,
  special: string[] = []
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const fields = contentFields(model, special);
  const identity = IDENTITY_GROUP.filter((field) => fields.includes(field));
  const sourceIdentity = identity.some((field) => hasValue(source[field]));
  for (const field of fields) {
    const attribute = model.attributes[field];
    const [from, to] = [source[field], target[field]];
    if (sourceIdentity && identity.includes(field)) {
      if ((from ?? null) !== (to ?? null)) patch[field] = from ?? null;
      continue;
    }
    if (!hasValue(from)) continue;
    if (attribute.type === 'component' && !attribute.repeatable && to && typeof to === 'object' && typeof from === 'object') {
      const merged = { ...withoutId(to as Record<string, unknown>) };
      for (const [key, value] of Object.entries(withoutId(from as Record<string, unknown>))) if (hasValue(value)) merged[key] = value;
      patch[field] = merged;
    } else if (attribute.type === 'component') {
      patch[field] = Array.isArray(from) ? from.map((item) => withoutId(item as Record<string, unknown>)) : withoutId(from as Record<string, unknown>);
    } else if (JSON.stringify(from) !== JSON.stringify(to)) {
      patch[field] = from;
    }
  }
  return patch;
}

/** A salesman assignment as read from the database; `employee` is the related employee's id. */
export interface Assignment {
  employee: number | null;
  isMain?: boolean | null;
  role?: string | null;
}

/**
 * Union of both records' assignments, one per employee (the target's entry wins), and at most
 * one main salesman: the target's main when it has one, else the source's.
 */
export function mergeSalesmen(target: Assignment[], source: Assignment[]): Assignment[] {
  const seen = new Set<number>();
  const result: Assignment[] = [];
  for (const entry of [...target, ...source]) {
    if (entry.employee !== null && seen.has(entry.employee)) continue;
    if (entry.employee !== null) seen.add(entry.employee);
    result.push({ employee: entry.employee, isMain: Boolean(entry.isMain), role: entry.role ?? null });
  }
  const main = result.findIndex((entry) => entry.isMain);
  return result.map((entry, index) => ({ ...entry, isMain: index === main }));
}

/** A link between two parties, with the values that make two links "the same" (type/role, other party, project/site). */
export interface LinkRow {
  id: number;
  /** party fields (e.g. customer, linkedCustomer) → party id */
  parties: Record<string, number | null>;
  /** other key fields (type/role, project, site) → value or related id */
  key: Record<string, unknown>;
}

export interface LinkPlan {
  /** links that would join the target to itself */
  selfLinks: number[];
  /** links that would repeat a link the target already has (or another moved link) */
  duplicates: number[];
}

const signature = (parties: Record<string, number | null>, key: Record<string, unknown>) =>
  JSON.stringify([Object.entries(parties).sort(), Object.entries(key).sort()]);

/**
 * Which links of the source to delete rather than move: `links` are all links touching source
 * or target; a source link is re-pointed (source → target) and then compared with the target's
 * links and the links already kept.
 */
export function planLinks(links: LinkRow[], sourceId: number, targetId: number): LinkPlan {
  const plan: LinkPlan = { selfLinks: [], duplicates: [] };
  const touchesSource = (link: LinkRow) => Object.values(link.parties).includes(sourceId);
  const kept = new Set(links.filter((link) => !touchesSource(link)).map((link) => signature(link.parties, link.key)));
  for (const link of [...links].filter(touchesSource).sort((a, b) => a.id - b.id)) {
    const parties = Object.fromEntries(Object.entries(link.parties).map(([field, id]) => [field, id === sourceId ? targetId : id]));
    const ids = Object.values(parties).filter((id) => id !== null);
    if (ids.length > 1 && ids.every((id) => id === targetId)) {
      plan.selfLinks.push(link.id);
      continue;
    }
    const sig = signature(parties, link.key);
    if (kept.has(sig)) plan.duplicates.push(link.id);
    else kept.add(sig);
  }
  return plan;
}

/** Key fields of a link type: its to-one relations and enumerations, apart from the party fields. */
export function linkKeyFields(model: ModelShape, partyFields: string[]): string[] {
  return Object.entries(model.attributes)
    .filter(([name, a]) => !partyFields.includes(name) && !SYSTEM_FIELDS.has(name) && ((a.type === 'relation' && !a.mappedBy && /^(manyToOne|oneToOne)$/.test(a.relation ?? '')) || a.type === 'enumeration'))
    .map(([name]) => name);
}
