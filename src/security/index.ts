import type { Core } from '@strapi/strapi';
import { seedAdminRoles } from './admin-roles';
import { seedPortalRoles } from './portal-role';
import { registerPortalScope } from './portal-scope';

export { registerPortalScope };

/** Roles seeded at every start (idempotent): the portal and public users-permissions roles, the admin roles. */
export async function seedSecurity(strapi: Core.Strapi): Promise<void> {
  await seedPortalRoles(strapi);
  await seedAdminRoles(strapi);
}
