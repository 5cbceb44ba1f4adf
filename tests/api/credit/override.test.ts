import { adminSession, decisionCount } from '../../helpers/credit';
import { Factories, Probes, startingKit } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

// A refused write goes through only for an admin holding plugin::credit-control.override, with a reason.
const INV = 'api::invoice.invoice';
const HEADER = 'x-credit-override-reason';
const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;
let superAdmin: Awaited<ReturnType<typeof adminSession>>;
let clerk: Awaited<ReturnType<typeof adminSession>>;
let seq = 0;

beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
  superAdmin = await adminSession(app);
  // a Content Manager role on invoices, without the override permission
  const roles = app.strapi.service('admin::role');
  const role = await roles.create({ name: `Invoice clerk ${Date.now()}`, description: 'invoices only' });
  const cm = (action: string, subject: string) => ({ action: `plugin::content-manager.explorer.${action}`, subject, properties: {}, conditions: [] });
  await roles.assignPermissions(role.id, [
    cm('create', INV),
    cm('read', INV),
    cm('update', INV),
    cm('read', 'api::customer.customer'),
    cm('read', 'api::currency.currency'),
  ]);
  clerk = await adminSession(app, [role.id]);
});

/** Content Manager body: relations as connect, and the document's `state` (a `status` field would clash with draft/published). */
const cmInvoice = (customer: string, amount: number) => ({
  number: `O-${++seq}`,
  state: 'issued',
  customer: { connect: [{ documentId: customer }] },
  currency: { connect: [{ documentId: eur }] },
  date: '2026-01-10',
  lines: [{ quantity: 1, unitPrice: amount, vatRate: 20 }],
});

async function overCustomer() {
  const customer = (await f.bareCustomer()).documentId;
  expect((await f.invoiceResponse(customer, eur, 1000)).status).toBe(201);
  await f.creditPolicy(customer, { mode: 'block', threshold: '500.00', currency: 'EUR' });
  return customer;
}

it('an admin with the override permission pushes a refused write through with a reason, and it is audited', async () => {
  const customer = await overCustomer();
  const refused = await superAdmin.cmCreate(INV, cmInvoice(customer, 100));
  expect(refused.status).toBe(400);
  expect(refused.body.error.message).toBe('Credit blocked: outstanding 1,100.00 EUR exceeds the 500.00 EUR threshold');
  expect((await probe.summary(customer)).exposure).toBe('1000.00');

  const reason = 'Director approved – order #42';
  const res = await superAdmin.cmCreate(INV, cmInvoice(customer, 100)).set(HEADER, encodeURIComponent(reason));
  expect(res.status).toBe(201);
  expect((await probe.summary(customer)).exposure).toBe('1100.00');
  const audit = await app.api().get(`/api/credit-control/decisions?party=${customer}&outcome=overridden`);
  expect(audit.body.data).toHaveLength(1);
  expect(audit.body.data[0]).toMatchObject({ actorType: 'admin', documentUid: INV, documentId: res.body.data.documentId });
  expect(audit.body.data[0].details).toMatchObject({ overrideReason: reason, refusal: 'Credit blocked: outstanding 1,100.00 EUR exceeds the 500.00 EUR threshold' });

  // an update through the Content Manager too
  const updated = await superAdmin.cmUpdate(INV, res.body.data.documentId, { lines: [{ quantity: 1, unitPrice: 300, vatRate: 20 }] }).set(HEADER, 'raise approved');
  expect(updated.status).toBe(200);
  expect((await probe.summary(customer)).exposure).toBe('1300.00');
  expect(await decisionCount(app, customer, 'overridden')).toBe(2);
  expect((await app.api().post('/api/credit-control/reconcile').send({ fix: false })).body.data.drift).toEqual([]);
});

it('an empty reason is no override', async () => {
  const customer = await overCustomer();
  const res = await superAdmin.cmCreate(INV, cmInvoice(customer, 100)).set(HEADER, '   ');
  expect(res.status).toBe(400);
  expect(await decisionCount(app, customer, 'overridden')).toBe(0);
});

it('an admin without the override permission who asks for one gets a 403, and nothing is written or logged', async () => {
  const customer = await overCustomer();
  const within = (await f.bareCustomer()).documentId;
  const allowed = await clerk.cmCreate(INV, cmInvoice(within, 10));
  expect([allowed.status, allowed.body.error]).toEqual([201, undefined]);
  const invoices = () => app.strapi.db.query(INV).count({ where: { customer: { documentId: customer } } });
  const before = await invoices();

  // a create the credit check refuses: "Save anyway" with the reason, from a user who may not
  const res = await clerk.cmCreate(INV, cmInvoice(customer, 100)).set(HEADER, 'I say so');
  expect(res.status).toBe(403);
  expect(res.body.error).toMatchObject({ status: 403, message: 'Overriding a credit refusal needs the credit-control override permission', details: { reason: 'overrideForbidden' } });
  expect(await invoices()).toBe(before);
  expect((await probe.summary(customer)).exposure).toBe('1000.00');
  expect(await decisionCount(app, customer, 'overridden')).toBe(0);

  // an edit asking for it, even one the check would allow, is refused the same way
  const mine = allowed.body.data.documentId;
  const edit = await clerk.cmUpdate(INV, mine, { lines: [{ quantity: 1, unitPrice: 11, vatRate: 20 }] }).set(HEADER, 'I say so');
  expect(edit.status).toBe(403);
  // without the header the clerk's refused save is a 400, logged as refused
  const plain = await clerk.cmCreate(INV, cmInvoice(customer, 100));
  expect(plain.status).toBe(400);
  expect(plain.body.error.message).toMatch(/^Credit blocked: outstanding 1,100.00 EUR/);
  const audit = await app.api().get(`/api/credit-control/decisions?party=${customer}&outcome=refused`);
  expect(audit.body.data[0]).toMatchObject({ actorType: 'admin', actorLabel: clerk.user.email });
});

it('override on create: the draft is created, counted and logged as overridden in one write, or not at all', async () => {
  const customer = await overCustomer();
  const draft = cmInvoice(customer, 250);
  const res = await superAdmin.cmCreate(INV, draft).set(HEADER, encodeURIComponent('Créé quand même'));
  expect(res.status).toBe(201);
  const created = res.body.data;
  expect(created).toMatchObject({ number: draft.number, state: 'issued' });
  expect((await probe.summary(customer)).exposure).toBe('1250.00');
  const log = await superAdmin.get(`/credit-control/decisions?party=${customer}&outcome=overridden`);
  expect(log.body.data).toHaveLength(1);
  expect(log.body.data[0]).toMatchObject({ action: 'create', documentId: created.documentId, actorLabel: superAdmin.user.email, details: { overrideReason: 'Créé quand même' } });

  // a draft the Content Manager refuses on its own (the number is taken): nothing is created or logged
  const again = await superAdmin.cmCreate(INV, { ...cmInvoice(customer, 250), number: draft.number }).set(HEADER, 'again');
  expect(again.status).toBe(400);
  expect((await probe.summary(customer)).exposure).toBe('1250.00');
  expect(await decisionCount(app, customer, 'overridden')).toBe(1);
  // a reason that is not URI-encoded text is a 400 naming the header, not a 500
  const garbled = await superAdmin.cmCreate(INV, cmInvoice(customer, 1)).set(HEADER, '%E0%A4%A');
  expect([garbled.status, garbled.body.error?.details?.errors?.[0]?.path]).toEqual([400, [HEADER]]);
});

it('a full-access API token with the header is refused', async () => {
  const customer = await overCustomer();
  const res = await app
    .api()
    .set(HEADER, 'token says so')
    .post('/api/invoices')
    .send({ data: { number: `O-${++seq}`, customer, currency: eur, date: '2026-01-10', state: 'issued', lines: [{ quantity: 1, unitPrice: 100, vatRate: 20 }] } });
  expect(res.status).toBe(400);
  expect((await probe.summary(customer)).exposure).toBe('1000.00');
  expect(await decisionCount(app, customer, 'overridden')).toBe(0);
  expect(await decisionCount(app, customer, 'refused')).toBe(1);
});

it('a time-limited override on the policy is granted only by an admin with the permission', async () => {
  const customer = await overCustomer();
  const policy = `parties/${customer}/policy`;
  const until = new Date(Date.now() + 3600_000).toISOString();

  // not through a content-API token, nor by an admin without the permission
  const byToken = await app.api().put(`/api/credit-control/${policy}`).send({ data: { overrideUntil: until, overrideReason: 'token' } });
  expect(byToken.status).toBe(403);
  const byClerk = await clerk.put(`/credit-control/${policy}`).send({ data: { overrideUntil: until, overrideReason: 'clerk' } });
  expect(byClerk.status).toBe(403);
  expect((await f.invoiceResponse(customer, eur, 100)).status).toBe(400);

  const granted = await superAdmin.put(`/credit-control/${policy}`).send({ data: { overrideUntil: until, overrideReason: 'year-end deal' } });
  expect(granted.status).toBe(200);
  expect(granted.body.data).toMatchObject({ party: customer, overrideUntil: until, overrideReason: 'year-end deal' });
  const res = await f.invoiceResponse(customer, eur, 100);
  expect(res.status).toBe(201);
  expect((await probe.summary(customer)).exposure).toBe('1100.00');
  const audit = await app.api().get(`/api/credit-control/decisions?party=${customer}&outcome=overridden`);
  expect(audit.body.data[0].details.overrideReason).toBe('year-end deal');

  // once expired it no longer applies
  expect((await superAdmin.put(`/credit-control/${policy}`).send({ data: { overrideUntil: new Date(Date.now() - 1000).toISOString() } })).status).toBe(200);
  expect((await f.invoiceResponse(customer, eur, 100)).status).toBe(400);
});

it('the admin API follows the plugin RBAC actions: the super admin reads and blocks, a clerk cannot', async () => {
  const customer = (await f.bareCustomer()).documentId;
  expect((await superAdmin.get(`/credit-control/parties/${customer}/credit`)).status).toBe(200);
  expect((await clerk.get(`/credit-control/parties/${customer}/credit`)).status).toBe(403);
  expect((await clerk.get('/credit-control/decisions')).status).toBe(403);
  expect((await clerk.post(`/credit-control/parties/${customer}/block`).send({ reason: 'clerk' })).status).toBe(403);
  const blocked = await superAdmin.post(`/credit-control/parties/${customer}/block`).send({ reason: 'disputed invoices' });
  expect(blocked.status).toBe(200);
  expect(blocked.body.data.policy).toMatchObject({ blocked: true, blockedReason: 'disputed invoices' });
  const audit = await superAdmin.get(`/credit-control/decisions?party=${customer}&kind=block`);
  expect(audit.status).toBe(200);
  expect(audit.body.data[0]).toMatchObject({ actorType: 'admin', actorLabel: superAdmin.user.email });
});
