import type { Core } from '@strapi/strapi';
import { refuse } from '../rules/validation-error';
import { say } from '../domain/messages';

/** The field paths a document-service `sort` names, in any of its forms ('a.b:desc', arrays, objects). */
export function sortPaths(sort: unknown, prefix: string[] = []): string[][] {
  if (sort === undefined || sort === null) return [];
  if (typeof sort === 'string') {
    if (prefix.length > 0) return [prefix]; // { field: 'asc' }
    return sort
      .split(',')
      .map((entry) => entry.trim().split(':')[0])
      .filter(Boolean)
      .map((path) => path.split('.'));
  }
  if (Array.isArray(sort)) return sort.flatMap((entry) => sortPaths(entry, prefix));
  if (typeof sort === 'object') return Object.entries(sort as Record<string, unknown>).flatMap(([key, value]) => sortPaths(value, [...prefix, key]));
  return [];
}

/**
 * A portal user sorts by the record's own fields only: a sort through a relation would order the
 * user's records by another customer's data (an invoice billed to the user but ordered by someone
 * else, sorted by that someone's name) and so tell something of it. Refused with a 400 on `sort`.
 */
export function checkPortalSort(strapi: Core.Strapi, uid: string, sort: unknown): void {
  for (const path of sortPaths(sort)) {
    let model = strapi.getModel(uid as any) as any;
    for (const [i, field] of path.entries()) {
      const attribute = model?.attributes?.[field];
      if (!attribute) break; // unknown fields are Strapi's to refuse
      if (attribute.type === 'relation' || attribute.type === 'media' || attribute.type === 'dynamiczone') {
        const named = path.slice(0, i + 2).join('.');
        refuse('sort', say('portalSortRelation', { field }), say('portalSortHeadline', { path: named }));
      }
      if (attribute.type !== 'component') break;
      model = strapi.getModel(attribute.component);
    }
  }
}
