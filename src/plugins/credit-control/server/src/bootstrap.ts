import type { Core } from '@strapi/strapi';
import { ensureRunsTable } from './services/report-runs';
import { ensureLimitTables } from './services/limit-tables';
import { ensureTables } from './services/tables';
import { getService } from './utils/get-service';
import { ensureLimitChangesTable } from './services/limit-changes-table';
import { LIMIT_EVENTS } from './services/limit-history';
import { RELEASED_EVENT } from './services/write-events';
import { COLOUR_ACCEPTED_EVENT } from './services/behaviour-view';

const ACTIONS = [
  { uid: 'read', displayName: 'Read credit panels, policies and the decision log' },
  { uid: 'policy.edit', displayName: 'Edit policies and rates, block and unblock' },
  { uid: 'policy.approve', displayName: 'Approve limit changes (raises held for a second person)' },
  { uid: 'behaviour.accept', displayName: 'Accept the suggested reliability colour into a party\'s record' },
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
  // an overdue rule no longer blocks the party (checked-write.ts)
  CREDIT_RELEASED: RELEASED_EVENT,
  // a clerk accepted the suggested reliability colour (behaviour-view.ts)
  CREDIT_CONTROL_COLOUR_ACCEPTED: COLOUR_ACCEPTED_EVENT,
  ...LIMIT_EVENTS,
};

const registerActions = (strapi: Core.Strapi) =>
  strapi.service('admin::permission').actionProvider.registerMany(ACTIONS.map((a) => ({ section: 'plugins', pluginName: 'credit-control', ...a })));

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const mapping = getService(strapi, 'mapping');
  if (!mapping.configured()) {
    // installed, not configured: the app boots, the plugin watches nothing, its settings page says why
    strapi.log.warn(`credit-control is installed but not configured: it checks no write until its mapping is in ${mapping.file()} (see the plugin README, "Install")`);
    await registerActions(strapi);
    return;
  }
  // A bad mapping stops the boot here, with a message naming the uid and field.
  mapping.load();
  await ensureTables(strapi);
  await ensureLimitTables(strapi);
  await ensureRunsTable(strapi);
  await getService(strapi, 'reconcile').afterCountingChange();
  if (getService(strapi, 'mapping').get().reports) await getService(strapi, 'dunning').seedLevels();
  await ensureLimitChangesTable(strapi);
  await registerActions(strapi);
  const webhooks: any = strapi.get('webhookStore');
  for (const [key, value] of Object.entries(WEBHOOK_EVENTS)) webhooks.addAllowedEvent(key, value);
};
