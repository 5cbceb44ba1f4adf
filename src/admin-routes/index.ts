import type { Core } from '@strapi/strapi';
import salesFlowRoutes from '../api/sales-flow/routes/sales-flow';
import { FLOW_UIDS } from '../domain/flow/edges';

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
  { uid: 'customer-records.sales-flow', displayName: 'Make documents from documents and allocate receipts' },
] as const;

type ActionUid = (typeof ADMIN_ACTIONS)[number]['uid'];
type Route = {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  controller: string;
  action: string;
  permission: ActionUid;
  /** further [action, subject] pairs the admin must hold (the Content Manager's right on what is written) */
  also?: [string, string][];
};

export const ADMIN_ROUTES: Route[] = [
  { method: 'POST', path: '/customers/:documentId/convert', controller: 'api::customer.lifecycle', action: 'convert', permission: 'customer-records.convert' },
  { method: 'POST', path: '/opportunities/:documentId/order', controller: 'api::opportunity.to-order', action: 'toOrder', permission: 'customer-records.convert' },
  { method: 'POST', path: '/customers/:documentId/transfer', controller: 'api::customer.transfer', action: 'transfer', permission: 'customer-records.transfer' },
  { method: 'POST', path: '/customers/:documentId/linked-supplier', controller: 'api::customer.lifecycle', action: 'linkedSupplier', permission: 'customer-records.linked-supplier' },
  { method: 'POST', path: '/customers/:documentId/accounting', controller: 'api::customer.accounting', action: 'manage', permission: 'customer-records.accounting' },
  { method: 'GET', path: '/customers/:documentId/accounting/preview', controller: 'api::customer.accounting', action: 'preview', permission: 'customer-records.read' },
  { method: 'GET', path: '/customers/:documentId/accounting/consistency', controller: 'api::customer.accounting', action: 'consistency', permission: 'customer-records.read' },
  { method: 'GET', path: '/accounting/consistency', controller: 'api::customer.accounting', action: 'companyConsistency', permission: 'customer-records.read' },
  { method: 'POST', path: '/customers/:documentId/identify', controller: 'api::customer.identify', action: 'identify', permission: 'customer-records.identify' },
  { method: 'GET', path: '/sirene/siret/:siret', controller: 'api::identification.sirene', action: 'bySiret', permission: 'customer-records.identify' },
  { method: 'GET', path: '/sirene/siren/:siren', controller: 'api::identification.sirene', action: 'bySiren', permission: 'customer-records.identify' },
  { method: 'GET', path: '/vies/:vatNumber', controller: 'api::identification.vies', action: 'check', permission: 'customer-records.identify' },
  { method: 'GET', path: '/business-links/resolve', controller: 'api::business-link.resolver', action: 'resolve', permission: 'customer-records.read' },
  { method: 'GET', path: '/customers/:documentId/management-objects', controller: 'api::customer.management-objects', action: 'linked', permission: 'customer-records.read' },
  { method: 'GET', path: '/customers/:documentId/management-objects/:type/defaults', controller: 'api::customer.management-objects', action: 'defaults', permission: 'customer-records.read' },
  { method: 'GET', path: '/customers/:documentId/links', controller: 'api::customer.links', action: 'links', permission: 'customer-records.read' },
  { method: 'GET', path: '/customers/:documentId/overview', controller: 'api::customer.insights', action: 'overview', permission: 'customer-records.read' },
  { method: 'GET', path: '/customers/:documentId/overview/:section', controller: 'api::customer.insights', action: 'overviewSection', permission: 'customer-records.read' },
  { method: 'GET', path: '/customers/:documentId/dashboard', controller: 'api::customer.insights', action: 'dashboard', permission: 'customer-records.read' },
  { method: 'POST', path: '/customers/:documentId/management-objects/:type', controller: 'api::customer.management-objects', action: 'create', permission: 'customer-records.create-objects' },
  ...salesFlowAdminRoutes(),
];

/**
 * The sales flow's content-API routes, served to the admin as they are (one list: its routes file).
 * An operation also needs the Content Manager's right to write what it makes, as creating from the
 * record does: the route's own action does not widen what a role may touch. The chain is a read.
 */
function salesFlowAdminRoutes(): Route[] {
  const cm = (action: 'create' | 'update', uid: string): [string, string] => [`plugin::content-manager.explorer.${action}`, uid];
  const writes: Record<string, [string, string] | [string, string][]> = {
    orderFromQuotation: cm('create', FLOW_UIDS.order),
    reviseQuotation: cm('create', FLOW_UIDS.quotation),
    deliveryFromOrder: cm('create', FLOW_UIDS.delivery),
    billingTableFromOrder: cm('create', FLOW_UIDS.billingTable),
    invoiceSources: cm('create', FLOW_UIDS.invoice),
    creditNoteFromInvoice: cm('create', FLOW_UIDS.invoice),
    deliveryFromContract: cm('create', FLOW_UIDS.delivery),
    startContractBilling: cm('create', FLOW_UIDS.delivery),
    rebillExpenses: cm('create', FLOW_UIDS.delivery),
    quoteProject: cm('create', FLOW_UIDS.quotation),
    billSchedule: [cm('create', FLOW_UIDS.delivery), cm('create', FLOW_UIDS.billingTable)],
    deliverSessions: cm('create', FLOW_UIDS.delivery),
    purchaseForOrder: cm('create', 'api::supplier-order.supplier-order'),
    // a quotation or an order, as asked: the right to create both
    subcontractOrder: [cm('create', FLOW_UIDS.quotation), cm('create', FLOW_UIDS.order)],
    allocate: cm('update', FLOW_UIDS.receipt),
    unallocate: cm('update', FLOW_UIDS.receipt),
  };
  return salesFlowRoutes.routes.map((route) => {
    const action = route.handler.split('.').pop() as string;
    const base = { method: route.method as Route['method'], path: route.path, controller: 'api::sales-flow.sales-flow', action };
    if (route.method === 'GET') return { ...base, permission: 'customer-records.read' };
    // a new operation must say what it writes before the admin serves it
    if (!writes[action]) throw new Error(`admin routes: sales-flow.${action} writes what? (add it to salesFlowAdminRoutes)`);
    const needs = writes[action];
    return { ...base, permission: 'customer-records.sales-flow', also: Array.isArray(needs[0]) ? (needs as [string, string][]) : [needs as [string, string]] };
  });
}

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
        policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [adminActionId(route.permission), ...(route.also ?? [])] } }],
      },
    })),
  } as any);
}

export async function registerAdminActions(strapi: Core.Strapi): Promise<void> {
  await strapi
    .service('admin::permission')
    .actionProvider.registerMany(ADMIN_ACTIONS.map((a) => ({ section: 'settings', category: CATEGORY, subCategory: 'general', ...a })));
}
