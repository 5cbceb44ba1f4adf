import type { Core } from '@strapi/strapi';
import { PORTAL_ACTIONS, PORTAL_ROLE_NAME, PORTAL_ROLE_TYPE } from './portal-permissions';

const ROLE = 'plugin::users-permissions.role';
const PERMISSION = 'plugin::users-permissions.permission';

/**
 * Logging in and recovering a password stay public; nothing else is, not even registration
 * (portal accounts are opened by the back office, which links them to their customer).
 */
export const PUBLIC_ACTIONS = [
  'plugin::users-permissions.auth.callback',
  'plugin::users-permissions.auth.connect',
  'plugin::users-permissions.auth.refresh',
  'plugin::users-permissions.auth.forgotPassword',
  'plugin::users-permissions.auth.resetPassword',
  'plugin::users-permissions.auth.emailConfirmation',
  'plugin::users-permissions.auth.sendEmailConfirmation',
];

/** What a signed-in portal user also needs from users-permissions itself (own profile, sessions). */
const PORTAL_ACCOUNT_ACTIONS = [
  'plugin::users-permissions.user.me',
  'plugin::users-permissions.auth.changePassword',
  'plugin::users-permissions.auth.logout',
];

/** Makes the role hold exactly `actions` (idempotent: run at every bootstrap). */
async function syncRole(strapi: Core.Strapi, roleId: number, actions: string[]) {
  const current: { id: number; action: string }[] = await strapi.db.query(PERMISSION).findMany({ where: { role: { id: roleId } }, select: ['id', 'action'] });
  const extra = current.filter((p) => !actions.includes(p.action)).map((p) => p.id);
  if (extra.length) await strapi.db.query(PERMISSION).deleteMany({ where: { id: { $in: extra } } });
  const held = new Set(current.map((p) => p.action));
  for (const action of actions) if (!held.has(action)) await strapi.db.query(PERMISSION).create({ data: { action, role: roleId } });
}

/** The `portal` users-permissions role and a locked-down public role, seeded at every start. */
export async function seedPortalRoles(strapi: Core.Strapi): Promise<void> {
  let portal = await strapi.db.query(ROLE).findOne({ where: { type: PORTAL_ROLE_TYPE } });
  if (!portal) {
    portal = await strapi.db.query(ROLE).create({
      data: { name: PORTAL_ROLE_NAME, type: PORTAL_ROLE_TYPE, description: 'Customer portal: reads its own customer records and files help-desk issues' },
    });
  }
  await syncRole(strapi, portal.id, [...PORTAL_ACTIONS, ...PORTAL_ACCOUNT_ACTIONS]);
  const publicRole = await strapi.db.query(ROLE).findOne({ where: { type: 'public' } });
  if (publicRole) await syncRole(strapi, publicRole.id, PUBLIC_ACTIONS);
}
