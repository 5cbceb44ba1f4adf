import { adminSession } from './../helpers/credit';
import { Factories, uniq } from '../helpers/factories';
import { startApp, type TestApp } from '../helpers/strapi';

/** The record-sheet operations over the admin API: an admin login and the "Customer records" RBAC actions. */
let app: TestApp;
let f: Factories;
let eur: string;
beforeAll(async () => {
  app = await startApp();
  f = new Factories(app.api);
  eur = (await f.currency({ code: 'EUR', name: 'Euro' })).documentId;
});
afterAll(async () => {
  await app?.stop();
});

/** An admin whose one role holds exactly `actions` (each `{ action, subject? }`). */
async function adminWith(permissions: { action: string; subject?: string }[]) {
  const roles = app.strapi.service('admin::role');
  const role = await roles.create({ name: uniq('Role'), description: 'test' });
  await roles.assignPermissions(role.id, permissions.map((p) => ({ ...p, properties: {}, conditions: [] })));
  return adminSession(app, [role.id]);
}

it('registers the actions under Settings > Customer records', async () => {
  const actions = app.strapi.service('admin::permission').actionProvider.values().filter((a: any) => a.category === 'Customer records');
  expect(actions.map((a: any) => a.actionId).sort()).toEqual(
    ['accounting', 'convert', 'create-objects', 'identify', 'linked-supplier', 'read', 'transfer'].map((a) => `api::customer-records.${a}`).sort()
  );
});

it('runs the operations for a super admin', async () => {
  const admin = await adminSession(app);
  const prospect = await f.customer({ kind: 'prospect', callName: uniq('Prospect') });
  const convert = await admin.post(`/customer-records/customers/${prospect.documentId}/convert`).send({});
  expect(convert.status).toBe(200);
  expect(convert.body.data.kind).toBe('customer');
  const resolve = await admin.get(`/customer-records/business-links/resolve?customer=${prospect.documentId}`);
  expect(resolve.status).toBe(200);
  expect(resolve.body.data.customerToBill.documentId).toBe(prospect.documentId);
  const created = await admin.post(`/customer-records/customers/${prospect.documentId}/management-objects/invoices`).send({
    data: { number: uniq('INV'), date: '2026-03-01', currency: eur, lines: [{ quantity: 1, unitPrice: '10.00', vatRate: 20 }] },
  });
  expect(created.status).toBe(201);
  const linked = await admin.get(`/customer-records/customers/${prospect.documentId}/management-objects?type=invoices`);
  expect(linked.status).toBe(200);
  expect(linked.body.data.map((d: any) => d.documentId)).toEqual([created.body.data.documentId]);
  const consistency = await admin.get(`/customer-records/customers/${prospect.documentId}/accounting/consistency`);
  expect(consistency.status).toBe(200);
  expect(consistency.body.data.consistent).toBe(false);
  const badSiret = await admin.get('/customer-records/sirene/siret/12345678901234');
  expect(badSiret.status).toBe(400);
});

it('refuses an admin without the action (403), and a clerk without the Content Manager right on the type', async () => {
  const customer = await f.customer({ callName: uniq('Customer') });
  const nobody = await adminWith([]);
  expect((await nobody.get(`/customer-records/business-links/resolve?customer=${customer.documentId}`)).status).toBe(403);
  expect((await nobody.post(`/customer-records/customers/${customer.documentId}/accounting`).send({})).status).toBe(403);
  expect((await app.http.get(`/customer-records/business-links/resolve?customer=${customer.documentId}`)).status).toBe(401);

  const reader = await adminWith([{ action: 'api::customer-records.read' }]);
  expect((await reader.get(`/customer-records/business-links/resolve?customer=${customer.documentId}`)).status).toBe(200);
  expect((await reader.post(`/customer-records/customers/${customer.documentId}/convert`).send({})).status).toBe(403);

  const data = { number: uniq('ORD'), date: '2026-03-01', currency: eur, lines: [{ quantity: 1, unitPrice: '10.00', vatRate: 20 }] };
  const creatorWithoutCm = await adminWith([{ action: 'api::customer-records.create-objects' }]);
  const denied = await creatorWithoutCm.post(`/customer-records/customers/${customer.documentId}/management-objects/orders`).send({ data });
  expect(denied.status).toBe(403);
  const creator = await adminWith([
    { action: 'api::customer-records.create-objects' },
    { action: 'plugin::content-manager.explorer.create', subject: 'api::order.order' },
  ]);
  const allowed = await creator.post(`/customer-records/customers/${customer.documentId}/management-objects/orders`).send({ data });
  expect(allowed.status).toBe(201);
});

it('shows the server refusal as it is (a prospect conversion with a missing code under manual numbering)', async () => {
  const admin = await adminSession(app);
  const company = await f.company({ customerNumbering: 'manual' });
  const prospect = await f.customer({ kind: 'prospect', company: company.documentId, code: uniq('P') });
  const res = await admin.post(`/customer-records/customers/${prospect.documentId}/convert`).send({});
  expect(res.status).toBe(400);
  expect(res.body.error.details.errors[0]).toMatchObject({ path: ['code'], message: expect.stringMatching(/numbers its customers manually/) });
});
