import type { Core } from '@strapi/strapi';
import { refuse } from '../rules/validation-error';
import { scopeFilters } from './portal-filters';
import { isPortalScoped, scopeWhereByRelation, type OwnerWhere } from './portal-permissions';
import { say } from '../domain/messages';

/** GraphQL filter field name of each Strapi operator (`$eq` → `eq`), from the plugin's own table. */
function operatorNames(strapi: Core.Strapi): Map<string, string> {
  const operators = strapi.plugin('graphql').service('builders').filters.operators as Record<string, { fieldName: string; strapiOperator: string }>;
  return new Map(Object.values(operators).map((op) => [op.strapiOperator, op.fieldName]));
}

const isPlain = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;

/** A Strapi-syntax filter back in GraphQL syntax; an operator GraphQL has no name for is refused, not dropped. */
function toGraphQL(filters: unknown, names: Map<string, string>): unknown {
  if (Array.isArray(filters)) return filters.map((item) => toGraphQL(item, names));
  if (!isPlain(filters)) return filters; // scalars, and the Dates GraphQL parsed
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    const name = key.startsWith('$') ? names.get(key) : key;
    if (name === undefined) refuse('filters', say('unsupportedOperator', { operator: key }), say('filtersUnsupportedOperator', { operator: key }));
    out[name] = toGraphQL(value, names);
  }
  return out;
}

/**
 * The `filters` argument of a GraphQL relation field (`customer { contacts(filters: …) }`) for a
 * portal user: the owner condition at the field's own type and at every scoped relation the
 * filter crosses, exactly as REST root filters get it (scopeFilters). The association resolver
 * reads its args in GraphQL syntax, so the filter is converted with the plugin's own mapper,
 * scoped, and written back in GraphQL syntax before the resolver runs.
 */
export function scopeGraphQLFilters(strapi: Core.Strapi, targetUid: string, filters: unknown, customerId: number): unknown {
  const mappers = strapi.plugin('graphql').service('utils').mappers;
  const model = strapi.getModel(targetUid as any);
  // written back in GraphQL syntax: the owner conditions go through the relations (scopeWhereByRelation)
  const owner: OwnerWhere = (uid) => scopeWhereByRelation(uid, customerId);
  const given = filters ? scopeFilters(strapi, targetUid, mappers.graphQLFiltersToStrapiQuery(filters, model), owner) : undefined;
  const own = isPortalScoped(targetUid) ? owner(targetUid) : undefined;
  const all = [given, own].filter((part) => part && Object.keys(part as object).length > 0);
  if (all.length === 0) return filters;
  return toGraphQL(all.length === 1 ? all[0] : { $and: all }, operatorNames(strapi));
}
