import type { Core } from '@strapi/strapi';
import { portalCustomerId } from '../security/portal-context';
import { isPortalScoped, scopeWhere } from '../security/portal-permissions';
import { scopeGraphQLFilters } from '../security/portal-graphql-filters';
import { say } from '../domain/messages';
import { forbidden } from '../rules/said-errors';

const UPLOAD_FILE = 'plugin::upload.file';

type Entity = { id?: number } | null | undefined;

const refuse = () => {
  throw forbidden(say('relationOtherCustomer'));
};

/**
 * The same result shape with only the entities `keep` accepts. A to-one relation to a record the
 * user may not see is refused (a ForbiddenError at that path) rather than nulled: some of them
 * (an invoice's customer) are non-nullable in the schema.
 */
function filterResult(result: any, keep: (entity: Entity) => boolean): any {
  if (Array.isArray(result)) return result.filter(keep);
  if (result && typeof result === 'object') {
    if (Array.isArray(result.nodes)) return { ...result, nodes: result.nodes.filter(keep) };
    if ('value' in result) {
      if (Array.isArray(result.value)) return { ...result, value: result.value.filter(keep) };
      return result.value === null || result.value === undefined || keep(result.value) ? result : refuse();
    }
    return keep(result) ? result : refuse();
  }
  return result;
}

function entitiesOf(result: any): Entity[] {
  const list = Array.isArray(result) ? result : result?.nodes ?? (result && 'value' in result ? result.value : result);
  return (Array.isArray(list) ? list : [list]).filter((e: Entity) => e && typeof e.id === 'number');
}

/**
 * GraphQL relation fields (`invoice { customerToBill }`, `customer { sites }`) load through
 * db.query, below the document-service middleware that scopes portal users' root queries. For a
 * portal user each relation field keeps only the user's own records of a scoped type, and returns
 * nothing for any other type (except media), however deep the nesting. (Strapi already refuses
 * relation fields to types the role cannot `find`; this also covers the types it can.) A to-many
 * field's `filters` argument gets the owner condition at every scoped relation it crosses, as the
 * root queries' filters do (portal-graphql-filters.ts).
 */
export default (strapi: Core.Strapi) => () => {
  const naming = strapi.plugin('graphql').service('utils').naming;
  const scopeRelation = (target: string, toMany: boolean) => async (resolve: any, parent: unknown, args: any, context: unknown, info: unknown) => {
    const customerId = await portalCustomerId(strapi);
    if (customerId === null || target === UPLOAD_FILE) return resolve(parent, args, context, info);
    if (!isPortalScoped(target)) return filterResult(await resolve(parent, args, context, info), () => false);
    // the filter argument may only constrain through the user's own records: a filter through another
    // customer's record would answer differently for its real values than for values matching nothing
    const scopedArgs = toMany ? { ...args, filters: scopeGraphQLFilters(strapi, target, args?.filters, customerId) } : args;
    const result = await resolve(parent, scopedArgs, context, info);
    const ids = entitiesOf(result).map((e) => e!.id as number);
    if (ids.length === 0) return result;
    const owned = await strapi.db.query(target as any).findMany({ where: { $and: [{ id: { $in: ids } }, scopeWhere(strapi, target, customerId)] }, select: ['id'] });
    const ownedIds = new Set(owned.map((row: { id: number }) => row.id));
    return filterResult(result, (e) => Boolean(e && ownedIds.has(e.id as number)));
  };

  const resolversConfig: Record<string, unknown> = {};
  const models = [
    ...Object.values(strapi.contentTypes).filter((ct: any) => ct.uid.startsWith('api::')).map((ct: any) => ({ model: ct, type: naming.getTypeName(ct) })),
    ...Object.values(strapi.components).map((c: any) => ({ model: c, type: naming.getComponentName(c) })),
  ];
  for (const { model, type } of models) {
    for (const [name, attribute] of Object.entries<any>(model.attributes)) {
      if (attribute.type !== 'relation' || !attribute.target) continue;
      const config = { middlewares: [scopeRelation(attribute.target, Boolean(attribute.relation?.endsWith('Many')))] };
      resolversConfig[`${type}.${name}`] = config;
      if (attribute.relation?.endsWith('Many')) resolversConfig[`${type}.${name}_connection`] = config;
    }
  }
  return { resolversConfig };
};
