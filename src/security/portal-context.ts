import type { Core } from '@strapi/strapi';
import { PORTAL_ROLE_TYPE } from './portal-permissions';
import { say } from '../domain/messages';
import { forbidden } from '../rules/said-errors';

const CACHE = Symbol('portalCustomerId');

/** True when the Koa context carries a users-permissions user of the portal role. */
export function isPortalState(state: any): boolean {
  return state?.user?.role?.type === PORTAL_ROLE_TYPE && state?.auth?.strategy?.name !== 'admin';
}

/**
 * The customer id of the portal user behind the current request, or null when the request is not
 * a portal user's (admin, API token, other roles, code outside a request). A portal user linked to
 * no customer gets a 403 on every data access.
 */
export async function portalCustomerId(strapi: Core.Strapi): Promise<number | null> {
  const ctx: any = strapi.requestContext.get();
  if (!ctx || !isPortalState(ctx.state)) return null;
  if (ctx.state[CACHE] !== undefined) return ctx.state[CACHE];
  const user = await strapi.db.query('plugin::users-permissions.user').findOne({
    where: { id: ctx.state.user.id },
    populate: { customer: { select: ['id'] } },
  });
  const id = user?.customer?.id;
  if (typeof id !== 'number') throw forbidden(say('portalNotLinked'));
  ctx.state[CACHE] = id;
  return id;
}
