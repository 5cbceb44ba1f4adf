import type { Core } from '@strapi/strapi';
import { isPortalScoped, type OwnerWhere } from './portal-permissions';

type Where = Record<string, unknown>;

const LOGICAL = ['$and', '$or'];
/** Operators that only ask whether a relation is set. */
const PRESENCE = ['$null', '$notNull'];

const isRecord = (value: unknown): value is Where => !!value && typeof value === 'object' && !Array.isArray(value);
const onlyOperators = (value: Where) => Object.keys(value).every((key) => key.startsWith('$') && !LOGICAL.includes(key) && key !== '$not');

/**
 * `{ a, b }` as `{ $and: [{ a }, { b }] }`: Strapi's query engine merges the wheres that two
 * relation keys of one object yield with Object.assign (@strapi/database processWhere), so when
 * both yield `$and` (or `$or`) the second silently replaces the first. One key per object cannot
 * collide; AND-ing the keys is what the object meant anyway.
 */
export function splitKeys(entries: Where[]): Where {
  return entries.length === 1 ? entries[0] : entries.length === 0 ? {} : { $and: entries };
}

/** The owner condition on a scoped target, joined to what the filter asks of it. */
function scopedRelation(strapi: Core.Strapi, target: string, value: unknown, owner: OwnerWhere, depth: number): unknown {
  if (isRecord(value) && onlyOperators(value)) {
    if (Object.keys(value).every((key) => PRESENCE.includes(key))) return value; // says nothing about the other record
    // `$eq`, `$in`, `$lt`, `$between`...: they compare the other record's id, so only owned records may answer
    return { $and: [{ id: value }, owner(target)] };
  }
  const asked = isRecord(value) ? scopeFilters(strapi, target, value, owner, depth + 1) : { id: value }; // `filters[customer]=12` is an id
  return { $and: [asked, owner(target)] };
}

/**
 * A portal user's filters, with the owner condition added at every relation they cross into a
 * scoped type, so that a filter cannot probe another customer's records through one of the
 * user's own (`invoices?filters[customer][contacts][email][$startsWith]=a` on an invoice billed
 * to the user but ordered by someone else). Each object of the result holds one key (splitKeys).
 * Filters on other types are left to Strapi's sanitizer, which drops those the role cannot read.
 */
export function scopeFilters(strapi: Core.Strapi, uid: string, filters: unknown, owner: OwnerWhere, depth = 0): unknown {
  if (!filters || typeof filters !== 'object' || depth > 20) return filters;
  if (Array.isArray(filters)) return filters.map((item) => scopeFilters(strapi, uid, item, owner, depth + 1));
  const model = strapi.getModel(uid as any) as any;
  const entries: Where[] = [];
  for (const [key, value] of Object.entries(filters as Where)) {
    const attribute = model?.attributes?.[key];
    if (LOGICAL.includes(key) || key === '$not') entries.push({ [key]: scopeFilters(strapi, uid, value, owner, depth + 1) });
    else if (attribute?.type === 'relation' && isPortalScoped(attribute.target) && value !== undefined && value !== null) {
      entries.push({ [key]: scopedRelation(strapi, attribute.target, value, owner, depth) });
    } else if (attribute?.type === 'component' && isRecord(value)) entries.push({ [key]: scopeFilters(strapi, attribute.component, value, owner, depth + 1) });
    else entries.push({ [key]: value });
  }
  return splitKeys(entries);
}
