import type { Core } from '@strapi/strapi';
import { isPortalScoped, scopeWhere } from './portal-permissions';

const LOGICAL = ['$and', '$or'];

const onlyOperators = (value: Record<string, unknown>) => Object.keys(value).every((key) => key.startsWith('$') && !LOGICAL.includes(key) && key !== '$not');

/**
 * A portal user's filters, with the owner condition added at every relation they cross into a
 * scoped type, so that a filter cannot probe another customer's records through one of the
 * user's own (`invoices?filters[customer][contacts][email][$startsWith]=a` on an invoice billed
 * to the user but ordered by someone else). Filters on other types are left to Strapi's
 * sanitizer, which drops those the role cannot read.
 */
export function scopeFilters(strapi: Core.Strapi, uid: string, filters: unknown, customerId: number, depth = 0): unknown {
  if (!filters || typeof filters !== 'object' || depth > 20) return filters;
  if (Array.isArray(filters)) return filters.map((item) => scopeFilters(strapi, uid, item, customerId, depth + 1));
  const model = strapi.getModel(uid as any) as any;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters as Record<string, unknown>)) {
    if (LOGICAL.includes(key) || key === '$not') {
      out[key] = scopeFilters(strapi, uid, value, customerId, depth + 1);
      continue;
    }
    const attribute = model?.attributes?.[key];
    if (attribute?.type === 'relation' && isPortalScoped(attribute.target) && value && typeof value === 'object' && !Array.isArray(value)) {
      const inner = value as Record<string, unknown>;
      out[key] = onlyOperators(inner)
        ? inner // `$null`, `$notNull`: says nothing about the other record
        : { $and: [scopeFilters(strapi, attribute.target, inner, customerId, depth + 1), scopeWhere(attribute.target, customerId)] };
    } else if (attribute?.type === 'component' && value && typeof value === 'object') {
      out[key] = scopeFilters(strapi, attribute.component, value, customerId, depth + 1);
    } else out[key] = value;
  }
  return out;
}
