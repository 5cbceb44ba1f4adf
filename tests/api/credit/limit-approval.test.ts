import { adminSession } from '../../helpers/credit';
import { Factories, Probes } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';
import { eventually, webhookReceiver, type ReceivedEvent } from '../../helpers/webhook-receiver';

// Limit history and four-eyes approval: a raise above the configured amount by someone who may not
// approve stays pending until another person holding policy.approve approves it; rejection keeps the old limit.
const app = testApp();
const f = new Factories(() => app.api());
const probe = new Probes(() => app.api());
let received: ReceivedEvent[] = [];
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
let eur: string;
let approver: Awaited<ReturnType<typeof adminSession>>;
let clerk: Awaited<ReturnType<typeof adminSession>>;
let clerkRole: number;
const T = 'credit_control_limit_changes';
const CLERK_ACTIONS = ['plugin::credit-control.read', 'plugin::credit-control.policy.edit'];

const assign = (role: number, actions: string[]) =>
  app.strapi.service('admin::role').assignPermissions(role, actions.map((action) => ({ action, properties: {}, conditions: [] })));

beforeAll(async () => {
  app.strapi.config.set('plugin::credit-control.limitChanges', { approval: { amount: '1000.00', factor: 3 }, reviewMonths: 12 });
  receiver = await webhookReceiver(app, 'limits', ['credit-control.limit-changed', 'credit-control.limit-requested', 'credit-control.limit-approved', 'credit-control.limit-rejected']);
  received = receiver.received;

  eur = (await f.isoCurrency('EUR')).documentId;
  approver = await adminSession(app);
  clerkRole = (await app.strapi.service('admin::role').create({ name: `Credit clerk ${Date.now()}`, description: 'edits policies, approves nothing' })).id;
  await assign(clerkRole, CLERK_ACTIONS);
  clerk = await adminSession(app, [clerkRole]);
});
afterAll(async () => {
  await receiver.close();
});

const eventOf = (name: string, party: string) => received.find((e) => e.event === name && e.party === party);

/** A customer owing 1,000.00 under a block policy of 1,200.00 (set by the API token: a new policy tightens, applied at once). */
async function limitedCustomer() {
  const customer = (await f.bareCustomer()).documentId;
  expect((await f.invoiceResponse(customer, eur, 1000)).status).toBe(201);
  await f.creditPolicy(customer, { mode: 'block', threshold: '1200.00', currency: 'EUR' });
  return customer;
}
const raise = (session: typeof clerk, party: string, threshold: string, reason?: string) =>
  session.put(`/credit-control/parties/${party}/policy`).send({ data: { threshold }, ...(reason ? { reason } : {}) });
const history = async (party: string) => (await app.api().get(`/api/credit-control/parties/${party}/limit-history`)).body;

it('a raise above the amount by a clerk stays pending: writes over the old limit are refused until another person approves', async () => {
  const party = await limitedCustomer();
  const put = await raise(clerk, party, '5000.00', 'Big order expected in March');
  expect(put.status).toBe(200);
  expect(put.body.data.threshold).toBe('1200.00');
  expect(put.body.meta.pendingLimitChange).toMatchObject({ status: 'pending', reason: 'Big order expected in March', changes: [{ field: 'threshold', from: '1200.00 EUR', to: '5000.00 EUR' }] });
  expect(put.body.meta.pendingLimitChange.raise).toEqual({ unbounded: false, amount: '3800.00', factor: '4.1667', currency: 'EUR' });
  const request = put.body.meta.pendingLimitChange.id;

  // still the old limit: 1,000 + 500 is over 1,200
  expect((await f.invoiceResponse(party, eur, 500)).status).toBe(400);
  expect((await probe.summary(party)).policy.threshold).toBe('1200.00');
  const pending = await clerk.get('/credit-control/limit-requests');
  expect(pending.body.data.map((r: any) => r.id)).toContain(request);

  // the requester may not approve: without the permission first, then holding it (four eyes)
  const refused = await clerk.post(`/credit-control/limit-requests/${request}/approve`).send({});
  expect(refused.status).toBe(403);
  await assign(clerkRole, [...CLERK_ACTIONS, 'plugin::credit-control.policy.approve']);
  const self = await clerk.post(`/credit-control/limit-requests/${request}/approve`).send({});
  expect([self.status, self.body.error.details]).toEqual([403, { reason: 'limitSelfApproval' }]);
  expect(self.body.error.message).toBe('A limit change is approved or rejected by someone other than its requester (four eyes)');
  await assign(clerkRole, CLERK_ACTIONS);
  // an API token never holds approve
  const token = await app.api().post(`/api/credit-control/limit-requests/${request}/approve`).send({});
  expect([token.status, token.body.error.details]).toEqual([403, { reason: 'limitApproveForbidden' }]);
  expect((await probe.summary(party)).policy.threshold).toBe('1200.00');

  const approved = await approver.post(`/credit-control/limit-requests/${request}/approve`).send({ reason: 'Checked the balance sheet' });
  expect(approved.status).toBe(200);
  expect(approved.body.data).toMatchObject({ id: request, status: 'approved', decidedBy: { type: 'admin', label: approver.user.email }, decisionReason: 'Checked the balance sheet' });
  expect((await probe.summary(party)).policy.threshold).toBe('5000.00');
  expect((await f.invoiceResponse(party, eur, 500)).status).toBe(201);

  // decided once: a second approval is a 400 on id
  const again = await approver.post(`/credit-control/limit-requests/${request}/approve`).send({});
  expect([again.status, again.body.error.details.errors[0].path, again.body.error.details.reason]).toEqual([400, ['id'], 'limitRequestNotPending']);

  const rows = (await history(party)).data;
  expect(rows[0]).toMatchObject({ status: 'approved', requestedBy: { type: 'admin', label: clerk.user.email }, reason: 'Big order expected in March' });
  expect(rows[1]).toMatchObject({ status: 'applied', requestedBy: { type: 'api-token' }, changes: expect.arrayContaining([{ field: 'mode', from: 'none', to: 'block' }]) });
  expect(Date.parse(rows[0].requestedAt)).toBeLessThanOrEqual(Date.parse(rows[0].decidedAt));

  expect(await eventually(() => Boolean(eventOf('credit-control.limit-requested', party) && eventOf('credit-control.limit-approved', party)))).toBe(true);
  expect(eventOf('credit-control.limit-requested', party)).toMatchObject({ request, by: clerk.user.email, reason: 'Big order expected in March' });
  expect(eventOf('credit-control.limit-approved', party)).toMatchObject({ request, by: approver.user.email, requestedBy: clerk.user.email, changes: [{ field: 'threshold', from: '1200.00 EUR', to: '5000.00 EUR' }] });
});

it('rejection keeps the old limit, needs a reason, and is audited and announced', async () => {
  const party = await limitedCustomer();
  // the API token cannot approve either: its raise is held too (3x factor: 1,200 → 4,000)
  const put = await app.api().put(`/api/credit-control/parties/${party}/policy`).send({ data: { threshold: '4000.00', callTaking: 'alertAlways' }, reason: 'ERP sync' });
  expect(put.status).toBe(200);
  // the rest of the write applies; the limit part is held
  expect(put.body.data).toMatchObject({ threshold: '1200.00', callTaking: 'alertAlways' });
  const request = put.body.meta.pendingLimitChange.id;

  const bare = await approver.post(`/credit-control/limit-requests/${request}/reject`).send({});
  expect([bare.status, bare.body.error.details.errors[0].path]).toEqual([400, ['reason']]);
  const rejected = await approver.post(`/credit-control/limit-requests/${request}/reject`).set('accept-language', 'fr').send({ reason: 'Retards de paiement' });
  expect(rejected.status).toBe(200);
  expect(rejected.body.data).toMatchObject({ status: 'rejected', decisionReason: 'Retards de paiement' });
  expect((await probe.summary(party)).policy.threshold).toBe('1200.00');
  expect((await f.invoiceResponse(party, eur, 500)).status).toBe(400);
  expect(await eventually(() => Boolean(eventOf('credit-control.limit-rejected', party)))).toBe(true);
  expect(eventOf('credit-control.limit-rejected', party)).toMatchObject({ request, reason: 'Retards de paiement', by: approver.user.email });

  // in the requester's language (the admin's RBAC refuses a clerk without the action before the plugin speaks)
  const fr = await app.api().post(`/api/credit-control/limit-requests/${request}/approve`).set('accept-language', 'fr').send({});
  expect(fr.body.error.message).toMatch(/^Approuver ou refuser un changement de limite demande la permission/);
});

it('small raises and lowerings apply at once; a new request supersedes the pending one; removing a limiting policy needs an approver', async () => {
  const party = await limitedCustomer();
  expect((await raise(clerk, party, '2000.00')).body.data.threshold).toBe('2000.00'); // +800, ×1.67: within both
  expect((await raise(clerk, party, '100.00')).body.data.threshold).toBe('100.00');
  // the policy's creation and the two changes
  const changed = () => received.filter((e) => e.event === 'credit-control.limit-changed' && e.party === party);
  expect(await eventually(() => changed().length === 3)).toBe(true);
  expect(changed()[2]).toMatchObject({ changes: [{ field: 'threshold', from: '2000.00 EUR', to: '100.00 EUR' }], by: clerk.user.email });

  const first = (await raise(clerk, party, '9000.00')).body.meta.pendingLimitChange;
  const second = (await raise(clerk, party, '8000.00')).body.meta.pendingLimitChange;
  expect(second.id).not.toBe(first.id);
  // loosening the mode is an unbounded raise: held too, and it supersedes the threshold request
  const modeOff = await clerk.put(`/credit-control/parties/${party}/policy`).send({ data: { mode: 'none' } });
  expect(modeOff.body.data.mode).toBe('block');
  expect(modeOff.body.meta.pendingLimitChange).toMatchObject({ changes: [{ field: 'mode', from: 'block', to: 'none' }], raise: { unbounded: true } });
  const statuses = (await history(party)).data.map((r: any) => r.status);
  expect(statuses.slice(0, 5)).toEqual(['pending', 'superseded', 'superseded', 'applied', 'applied']);

  const superseded = await approver.post(`/credit-control/limit-requests/${first.id}/approve`).send({});
  expect(superseded.body.error.details.reason).toBe('limitRequestNotPending');

  const removed = await clerk.delete(`/credit-control/parties/${party}/policy`);
  expect([removed.status, removed.body.error.details]).toEqual([403, { reason: 'limitDeleteNeedsApproval' }]);
  expect((await probe.summary(party)).policy.mode).toBe('block');
  // the requester withdraws: cancelled, nothing applied
  const cancelled = await clerk.post(`/credit-control/limit-requests/${modeOff.body.meta.pendingLimitChange.id}/cancel`).send({});
  expect([cancelled.status, cancelled.body.data.status]).toEqual([200, 'cancelled']);
  expect((await history(party)).meta.pending).toBeNull();
});

it('overdue rules are kept in the history, applied at once alone, and held with a raise until it is approved', async () => {
  const party = await limitedCustomer();
  const ruled = await clerk.put(`/credit-control/parties/${party}/policy`).send({ data: { overdueRules: { oldestDays: { days: 30, action: 'block' } } }, reason: 'Relances sans effet' });
  expect(ruled.status).toBe(200);
  expect(ruled.body.data.overdueRules).toEqual({ oldestDays: { days: 30, action: 'block' } });
  expect((await history(party)).data[0]).toMatchObject({ status: 'applied', reason: 'Relances sans effet', changes: [{ field: 'overdueRules', from: null, to: ['oldestDays 30 block'] }] });
  await eventually(() => expect(received.filter((e) => e.event === 'credit-control.limit-changed' && e.party === party).map((e) => e.changes)).toContainEqual([{ field: 'overdueRules', from: null, to: ['oldestDays 30 block'] }]));

  // loosened with a raise beyond the approval amount: both wait for the approver
  const held = await clerk.put(`/credit-control/parties/${party}/policy`).send({ data: { threshold: '9000.00', overdueRules: { oldestDays: { days: 60, action: 'alert' }, amount: { amount: '2500.00', action: 'block' } } } });
  expect(held.status).toBe(200);
  expect(held.body.data).toMatchObject({ threshold: '1200.00', overdueRules: { oldestDays: { days: 30, action: 'block' } } });
  expect(held.body.meta.pendingLimitChange.changes).toEqual([
    { field: 'threshold', from: '1200.00 EUR', to: '9000.00 EUR' },
    { field: 'overdueRules', from: ['oldestDays 30 block'], to: ['oldestDays 60 alert', 'amount 2500.00 EUR block'] },
  ]);
  const approved = await approver.post(`/credit-control/limit-requests/${held.body.meta.pendingLimitChange.id}/approve`).send({});
  expect(approved.status).toBe(200);
  expect((await probe.summary(party)).policy).toMatchObject({ threshold: '9000.00', overdueRules: { oldestDays: { days: 60, action: 'alert' }, amount: { amount: '2500.00', action: 'block' } } });

  // every rule off: recorded as none
  await clerk.put(`/credit-control/parties/${party}/policy`).send({ data: { overdueRules: null } }).expect(200);
  expect((await history(party)).data[0].changes).toEqual([{ field: 'overdueRules', from: ['oldestDays 60 alert', 'amount 2500.00 EUR block'], to: null }]);
});

it('bad input is a 400 naming the field; an unknown request a 404', async () => {
  expect((await approver.post('/credit-control/limit-requests/abc/approve').send({})).body.error.details.errors[0].path).toEqual(['id']);
  const missing = await approver.post('/credit-control/limit-requests/999999/approve').send({});
  expect([missing.status, missing.body.error.details]).toEqual([404, { code: 'limitRequestNotFound' }]);
  const party = await limitedCustomer();
  const long = await raise(clerk, party, '1300.00', 'x'.repeat(2001));
  expect([long.status, long.body.error.details.errors[0].path]).toEqual([400, ['reason']]);
  expect((await app.api().get('/api/credit-control/limit-requests?pageSize=0')).body.error.details.errors[0].path).toEqual(['pageSize']);
});

it('lists the limits not reviewed for 12 months, oldest first, until someone reviews them', async () => {
  const party = await limitedCustomer();
  const quiet = await limitedCustomer();
  const longAgo = new Date(Date.now() - 400 * 24 * 3600 * 1000);
  const older = new Date(Date.now() - 500 * 24 * 3600 * 1000);
  await app.strapi.db.connection(T).where({ party }).update({ decided_at: longAgo, requested_at: longAgo });
  // a policy from before the history: it counts from its creation
  await app.strapi.db.connection(T).where({ party: quiet }).delete();
  await app.strapi.db.query('plugin::credit-control.policy').update({ where: { party: quiet }, data: { createdAt: older } });

  const list = await clerk.get('/credit-control/parties/limits-unreviewed?pageSize=100');
  expect(list.status).toBe(200);
  expect(list.body.meta.reviewMonths).toBe(12);
  const parties = list.body.data.map((r: any) => r.party);
  expect(parties.indexOf(quiet)).toBeGreaterThanOrEqual(0);
  expect(parties.indexOf(quiet)).toBeLessThan(parties.indexOf(party));
  expect(list.body.data.find((r: any) => r.party === party)).toMatchObject({ mode: 'block', threshold: '1200.00', currency: 'EUR', lastReviewedAt: longAgo.toISOString() });
  expect(list.body.data.find((r: any) => r.party === quiet)).toMatchObject({ lastReviewedAt: null, since: older.toISOString() });

  const reviewed = await clerk.post(`/credit-control/parties/${party}/limit-review`).send({ reason: 'Annual review: unchanged' });
  expect([reviewed.status, reviewed.body.data.status]).toEqual([201, 'reviewed']);
  const after = (await clerk.get('/credit-control/parties/limits-unreviewed?pageSize=100')).body.data.map((r: any) => r.party);
  expect(after).not.toContain(party);
  expect(after).toContain(quiet);
  // a party without a policy has no limit to review
  const bare = (await f.bareCustomer()).documentId;
  const none = await clerk.post(`/credit-control/parties/${bare}/limit-review`).send({});
  expect([none.status, none.body.error.details]).toEqual([404, { code: 'policyNotFound' }]);
});

it('GraphQL goes through the same rule: a raise by an API token is held, and the policy reads the old limit', async () => {
  const party = await limitedCustomer();
  const policy = await app.strapi.db.query('plugin::credit-control.policy').findOne({ where: { party } });
  const gql = await app
    .api()
    .post('/graphql')
    .send({ query: `mutation { updateCreditControlPolicy(documentId: "${policy.documentId}", data: { threshold: 50000 }) { threshold } }` });
  expect(gql.body.errors).toBeUndefined();
  expect(gql.body.data.updateCreditControlPolicy.threshold).toBe(1200);
  const { meta } = await history(party);
  expect(meta.pending).toMatchObject({ status: 'pending', requestedBy: { type: 'api-token' }, changes: [{ field: 'threshold', from: '1200.00 EUR', to: '50000.00 EUR' }] });
});
