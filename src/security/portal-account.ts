import type { Core } from '@strapi/strapi';
import { isPortalState, portalCustomerId } from './portal-context';
import { scopeFilters } from './portal-filters';
import { scopeWhereByRelation, type OwnerWhere } from './portal-permissions';
import { scopePopulate } from './portal-populate';
import { checkPortalSort } from './portal-sort';

const USER = 'plugin::users-permissions.user';

type Action = (ctx: any, next?: unknown) => unknown;

/**
 * users-permissions reads its users through the query engine (`strapi.db.query`, services/user.js
 * fetch/fetchAll/count), which the document-service scoping never sees, so `/users/me?populate=
 * customer.contacts.site.customer` would walk into another customer's records. Every action of
 * its controllers is wrapped here, before the routes are composed: for a portal user, the query
 * gets the same rewrite as a document read (populate scoped, sort through relations refused,
 * filters scoped) and is limited to the user's own record; an unlinked portal user gets a 403.
 * The parsed `ctx.query` is changed in place: assigning it would re-serialise it through qs,
 * turning values into strings and cutting nesting at qs's depth. The sanitizer that runs after
 * this only drops what the role cannot read, and the owner conditions name scoped types only,
 * which the portal role reads (PORTAL_READ_ACTIONS), so it keeps them.
 */
export function guardPortalAccount(strapi: Core.Strapi): void {
  const plugin = strapi.plugin('users-permissions');
  if (!plugin) return;
  for (const name of Object.keys(plugin.controllers ?? {})) {
    const controller = plugin.controller(name) as unknown as Record<string, Action>;
    for (const [action, handler] of Object.entries(controller)) {
      if (typeof handler !== 'function') continue;
      controller[action] = async function portalScoped(this: unknown, ctx: any, next?: unknown) {
        if (isPortalState(ctx?.state)) await scopeAccountQuery(strapi, ctx);
        return handler.call(this ?? controller, ctx, next);
      };
    }
  }
}

async function scopeAccountQuery(strapi: Core.Strapi, ctx: any): Promise<void> {
  const customerId = await portalCustomerId(strapi);
  if (customerId === null) return;
  const query = ctx.query as Record<string, unknown>;
  // the users-permissions controller validates and sanitizes this query after us: plain wheres only
  const owner: OwnerWhere = (uid) => scopeWhereByRelation(uid, customerId);
  checkPortalSort(strapi, USER, query.sort);
  if (query.populate !== undefined) query.populate = scopePopulate(strapi, USER, query.populate, owner);
  const own = { id: ctx.state.user.id };
  query.filters = query.filters ? { $and: [scopeFilters(strapi, USER, query.filters, owner), own] } : own;
}
