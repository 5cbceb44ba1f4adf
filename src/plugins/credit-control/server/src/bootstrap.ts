import type { Core } from '@strapi/strapi';
import { ensureRunsTable } from './services/report-runs';
import { ensureTables } from './services/tables';

const ACTIONS = [
  { uid: 'read', displayName: 'Read credit panels, policies and the decision log' },
  { uid: 'policy.edit', displayName: 'Edit policies and rates, block and unblock' },
  { uid: 'override', displayName: 'Push a refused write through, with a reason' },
  { uid: 'reconcile', displayName: 'Reconcile maintained exposure' },
  { uid: 'reports.read', displayName: 'Print statements and preview dunning letters' },
  { uid: 'reports.dun', displayName: 'Dun customers (record letters, send dunning emails, batch runs)' },
];

const WEBHOOK_EVENTS: Record<string, string> = {
  CREDIT_CONTROL_EXCEEDED: 'credit-control.exceeded',
  CREDIT_CONTROL_CUSTOMER_BLOCKED: 'credit-control.customer-blocked',
  CREDIT_CONTROL_CUSTOMER_UNBLOCKED: 'credit-control.customer-unblocked',
  CREDIT_CONTROL_OVERRIDDEN: 'credit-control.overridden',
};

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // A bad mapping stops the boot here, with a message naming the uid and field.
  strapi.plugin('credit-control').service('mapping').load();
  await ensureTables(strapi);
  await ensureRunsTable(strapi);
  await strapi.plugin('credit-control').service('reconcile').afterCountingChange();
  if (strapi.plugin('credit-control').service('mapping').get().reports) await strapi.plugin('credit-control').service('dunning').seedLevels();
  await strapi
    .service('admin::permission')
    .actionProvider.registerMany(ACTIONS.map((a) => ({ section: 'plugins', pluginName: 'credit-control', ...a })));
  const webhooks: any = strapi.get('webhookStore');
  for (const [key, value] of Object.entries(WEBHOOK_EVENTS)) webhooks.addAllowedEvent(key, value);
};
