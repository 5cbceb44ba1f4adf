import type { Core } from '@strapi/strapi';
import { seedAdminRoles } from './admin-roles';
import { seedPortalRoles } from './portal-role';
import { registerMissingDelete } from './missing-delete';
import { registerPortalScope } from './portal-scope';

/** Document-service middlewares: portal ownership first (it must wrap the rules' own calls), then a 404 for deleting nothing. */
export function registerSecurity(strapi: Core.Strapi): void {
  registerPortalScope(strapi);
  registerMissingDelete(strapi);
}

/** Roles seeded at every start (idempotent): the portal and public users-permissions roles, the admin roles. */
export async function seedSecurity(strapi: Core.Strapi): Promise<void> {
  await seedPortalRoles(strapi);
  await seedAdminRoles(strapi);
}
