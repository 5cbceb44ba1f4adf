/**
 * The demo set itself (`npm run demo` loads it), on a fixed date: what a new user opening the
 * admin sees. Every way the app makes a document is there (operations' origins and links), the
 * credit policies put a few customers over and most within, and the derived figures hold.
 */
import { seedDemo } from '../../database/seeds';
import { derivedDrift, FLOW_TYPES } from '../helpers/derived-drift';
import { testApp } from '../helpers/strapi';

const app = testApp();
beforeAll(async () => {
  expect(await seedDemo(app.strapi, { asOf: '2026-12-03' })).not.toBeNull();
});

const count = (uid: string, where: Record<string, unknown>) => app.strapi.db.query(uid as any).count({ where });

it('has documents made every way the operations make them', async () => {
  const made = {
    quotationsFromTasks: await count('api::quotation.quotation', { origin: 'task', project: { id: { $notNull: true } } }),
    quotationsFromSchedules: await count('api::quotation.quotation', { origin: 'schedule', project: { id: { $notNull: true } } }),
    scheduleLinesBilled: await count('api::delivery.delivery', { origin: 'schedule', project: { id: { $notNull: true } } }),
    contractNotes: await count('api::delivery.delivery', { origin: 'contract', contract: { id: { $notNull: true } } }),
    sessionNotes: await count('api::delivery.delivery', { origin: 'trainingSession' }),
    expenseNotes: await count('api::delivery.delivery', { origin: 'expensesRebilling', project: { id: { $notNull: true } } }),
    subcontractQuotations: await count('api::quotation.quotation', { origin: { $in: ['internalSubcontracting', 'groupSubcontracting'] }, subcontractedFrom: { id: { $notNull: true } } }),
    subcontractOrders: await count('api::order.order', { origin: { $in: ['internalSubcontracting', 'groupSubcontracting'] }, subcontractedFrom: { id: { $notNull: true } } }),
    purchasesForOrders: await count('api::supplier-order.supplier-order', { salesOrder: { id: { $notNull: true } } }),
    supplierInvoices: await count('api::supplier-invoice.supplier-invoice', {}),
    revisions: await count('api::quotation.quotation', { origin: 'review', revisionOf: { id: { $notNull: true } } }),
  };
  expect(Object.entries(made).filter(([, n]) => n === 0)).toEqual([]);
  // nothing claims an origin it was not made from (the filter form finds rows without the link: direct quotations have none)
  expect(await count('api::quotation.quotation', { origin: 'direct', project: { id: { $null: true } } })).toBeGreaterThan(0);
  expect(await count('api::quotation.quotation', { origin: { $in: ['task', 'schedule'] }, project: { id: { $null: true } } })).toBe(0);
  expect(await count('api::quotation.quotation', { origin: { $in: ['internalSubcontracting', 'groupSubcontracting'] }, subcontractedFrom: { id: { $null: true } } })).toBe(0);
  expect(await count('api::order.order', { origin: { $in: ['internalSubcontracting', 'groupSubcontracting'] }, subcontractedFrom: { id: { $null: true } } })).toBe(0);
});

it('puts a few customers over their credit threshold and most within', async () => {
  const statuses: Record<string, number> = {};
  for (const policy of await app.strapi.db.query('plugin::credit-control.policy').findMany({})) {
    const summary = await app.strapi.plugin('credit-control').service('credit').summary(policy.party);
    statuses[summary.status] = (statuses[summary.status] ?? 0) + 1;
  }
  expect(statuses.over).toBeGreaterThan(0);
  expect(statuses.within).toBeGreaterThan(2 * statuses.over);
});

it('derives every figure and state from the links', async () => {
  for (const uid of FLOW_TYPES) expect([uid, await derivedDrift(app.strapi, uid)]).toEqual([uid, []]);
});
