import type { Core } from '@strapi/strapi';

/**
 * The record-sheet operations for the admin panel: the same controllers as the content API,
 * under `/customer-records/...`, behind an admin login and RBAC actions of their own
 * (Settings > Roles > "Customer records"). App APIs can only declare content-API routes, so
 * they are added to the admin API here.
 */
const CATEGORY = 'Customer records';
export const ADMIN_ACTIONS = [
  { uid: 'customer-records.read', displayName: 'Read business links, accounting checks and linked objects' },
  { uid: 'customer-records.convert', displayName: 'Convert prospects, turn opportunities into orders' },
  { uid: 'customer-records.transfer', displayName: 'Transfer prospects' },
  { uid: 'customer-records.linked-supplier', displayName: 'Create linked suppliers' },
  { uid: 'customer-records.accounting', displayName: 'Manage customers in accounting' },
  { uid: 'customer-records.identify', displayName: 'SIRENE and VIES look-ups' },
  { uid: 'customer-records.create-objects', displayName: 'Create management objects from a record' },
] as const;

type ActionUid = (typeof ADMIN_ACTIONS)[number]['uid'];
type Route = { method: 'GET' | 'POST'; path: string; controller: string; action: string; permission: ActionUid };

export const ADMIN_ROUTES: Route[] = [
  { method: 'POST', path: '/customers/:documentId/convert', controller: 'api::customer.lifecycle', action: 'convert', permission: 'customer-records.convert' },
  { method: 'POST', path: '/opportunities/:documentId/order', controller: 'api::opportunity.to-order', action: 'toOrder', permission: 'customer-records.convert' },
  { method: 'POST', path: '/customers/:documentId/transfer', controller: 'api::customer.transfer', action: 'transfer', permission: 'customer-records.transfer' },
  { method: 'POST', path: '/customers/:documentId/linked-supplier', controller: 'api::customer.lifecycle', action: 'linkedSupplier', permission: 'customer-records.linked-supplier' },
  { method: 'POST', path: '/customers/:documentId/accounting', controller: 'api::customer.accounting', action: 'manage', permission: 'customer-records.accounting' },
  { method: 'GET', path: '/customers/:documentId/accounting/consistency', controller: 'api::customer.accounting', action: 'consistency', permission: 'customer-records.read' },
  { method: 'GET', path: '/accounting/consistency', controller: 'api::customer.accounting', action: 'companyConsistency', permission: 'customer-records.read' },
  { method: 'POST', path: '/customers/:documentId/identify', controller: 'api::customer.identify', action: 'identify', permission: 'customer-records.identify' },
  { method: 'GET', path: '/sirene/siret/:siret', controller: 'api::identification.sirene', action: 'bySiret', permission: 'customer-records.identify' },
  { method: 'GET', path: '/sirene/siren/:siren', controller: 'api::identification.sirene', action: 'bySiren', permission: 'customer-records.identify' },
  { method: 'GET', path: '/vies/:vatNumber', controller: 'api::identification.vies', action: 'check', permission: 'customer-records.identify' },
  { method: 'GET', path: '/business-links/resolve', controller: 'api::business-link.resolver', action: 'resolve', permission: 'customer-records.read' },
  { method: 'GET', path: '/customers/:documentId/management-objects', controller: 'api::customer.management-objects', action: 'linked', permission: 'customer-records.read' },
  { method: 'GET', path: '/customers/:documentId/management-objects/:type/defaults', controller: 'api::customer.management-objects', action: 'defaults', permission: 'customer-records.read' },
  { method: 'GET', path: '/customers/:documentId/overview', controller: 'api::customer.insights', action: 'overview', permission: 'customer-records.read' },
  { method: 'GET', path: '/customers/:documentId/dashboard', controller: 'api::customer.insights', action: 'dashboard', permission: 'customer-records.read' },
  { method: 'POST', path: '/customers/:documentId/management-objects/:type', controller: 'api::customer.management-objects', action: 'create', permission: 'customer-records.create-objects' },
];

export const adminActionId = (uid: ActionUid) => `api::${uid}`;

export function registerAdminRoutes(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'admin',
    prefix: '/customer-records',
    routes: ADMIN_ROUTES.map((route) => ({
      method: route.method,
      path: route.path,
      handler: (ctx: any) => (strapi.controller(route.controller as any) as any)[route.action](ctx),
      config: {
        policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [adminActionId(route.permission)] } }],
      },
    })),
  } as any);
}

export async function registerAdminActions(strapi: Core.Strapi): Promise<void> {
  await strapi
    .service('admin::permission')
    .actionProvider.registerMany(ADMIN_ACTIONS.map((a) => ({ section: 'settings', category: CATEGORY, subCategory: 'general', ...a })));
}
