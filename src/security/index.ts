import type { Core } from '@strapi/strapi';
import { seedAdminRoles } from './admin-roles';
import { seedPortalRoles } from './portal-role';
import { closeRegistration } from './registration';
import { registerMissingDocument } from './missing-document';
import { guardPluginInputs } from './plugin-input';
import { guardPortalAccount } from './portal-account';
import { registerPortalScope } from './portal-scope';

/**
 * Document-service middlewares: portal ownership first (it must wrap the rules' own calls), then a
 * 404 for writing to a missing document. (What a portal user may see of credit control and on
 * which party it may act: the plugin's hooks, config/plugins.ts and credit-hooks.ts.)
 */
export function registerSecurity(strapi: Core.Strapi): void {
  registerPortalScope(strapi);
  registerMissingDocument(strapi);
  guardPortalAccount(strapi);
}

/** Roles seeded at every start (idempotent): the portal and public users-permissions roles, closed registration, the admin roles. */
export async function seedSecurity(strapi: Core.Strapi): Promise<void> {
  await seedPortalRoles(strapi);
  await closeRegistration(strapi);
  await seedAdminRoles(strapi);
}

/** At bootstrap: the seeded roles, and the guards on plugin inputs. */
export async function bootstrapSecurity(strapi: Core.Strapi): Promise<void> {
  await seedSecurity(strapi);
  guardPluginInputs(strapi);
}
