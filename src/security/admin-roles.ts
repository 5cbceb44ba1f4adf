import type { Core } from '@strapi/strapi';
import { adminActionId } from '../admin-routes';

const CONTENT_MANAGER = 'plugin::content-manager.explorer';
const CREDIT = 'plugin::credit-control';

interface AdminRoleSpec {
  code: string;
  name: string;
  description: string;
  /** Content Manager actions on every app type (api::*) */
  contentManager: string[];
  /** credit-control plugin actions */
  credit: string[];
  /** the app's record-sheet actions (src/admin-routes: Settings > Roles > Customer records) */
  records: string[];
}

export const ADMIN_ROLES: AdminRoleSpec[] = [
  {
    code: 'credit-records-back-office',
    name: 'Back office',
    description: 'Creates and edits customer records and management objects; reads credit panels',
    contentManager: ['create', 'read', 'update', 'delete'],
    credit: ['read', 'reports.read'],
    records: ['read', 'convert', 'transfer', 'linked-supplier', 'identify', 'create-objects'],
  },
  {
    code: 'credit-records-credit-controller',
    name: 'Credit controller',
    description: 'Reads the records; edits credit policies, blocks and unblocks, overrides refusals, reconciles',
    contentManager: ['read'],
    credit: ['read', 'override', 'policy.edit', 'reconcile', 'reports.read', 'reports.dun'],
    records: ['read', 'accounting'],
  },
  {
    code: 'credit-records-read-only',
    name: 'Read-only',
    description: 'Reads the records and the credit panels',
    contentManager: ['read'],
    credit: ['read', 'reports.read'],
    records: ['read'],
  },
];

/** The admin roles of the back office, created or brought back to their permissions at every start. */
export async function seedAdminRoles(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role') as any;
  const actionProvider = (strapi.service('admin::permission') as any).actionProvider;
  const contentTypes = strapi.service('admin::content-type') as any;
  for (const spec of ADMIN_ROLES) {
    const existing = await strapi.db.query('admin::role').findOne({ where: { code: spec.code } });
    const role = existing ?? (await roles.create({ name: spec.name, code: spec.code, description: spec.description }));
    const cmActions = actionProvider.values().filter((a: any) => spec.contentManager.some((name) => a.actionId === `${CONTENT_MANAGER}.${name}`));
    const cmPermissions = contentTypes
      .getPermissionsWithNestedFields(cmActions)
      .filter((p: any) => typeof p.subject === 'string' && p.subject.startsWith('api::'));
    const creditPermissions = spec.credit.map((name) => ({ action: `${CREDIT}.${name}`, subject: null, properties: {}, conditions: [] }));
    const recordPermissions = spec.records.map((name) => ({ action: adminActionId(`customer-records.${name}` as any), subject: null, properties: {}, conditions: [] }));
    await roles.assignPermissions(role.id, [...cmPermissions, ...creditPermissions, ...recordPermissions]);
  }
}
