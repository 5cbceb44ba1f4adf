import { adminSession } from './../helpers/credit';
import { dec, Factories, uniq } from '../helpers/factories';
import { testApp } from '../helpers/strapi';

/** The record-sheet operations over the admin API: an admin login and the "Customer records" RBAC actions. */
const app = testApp();
let f: Factories;
let eur: string;
beforeAll(async () => {
  f = new Factories(app.api);
  eur = (await f.currency({ code: 'EUR', name: 'Euro' })).documentId;
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
    ['accounting', 'convert', 'create-objects', 'identify', 'linked-supplier', 'read', 'sales-flow', 'transfer'].map((a) => `api::customer-records.${a}`).sort()
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

describe('the sales flow under /customer-records (the content API\'s routes and controller)', () => {
  const quotation = async () => {
    const customer = (await f.customer({ callName: uniq('Flow') })).documentId;
    return { customer, quotation: await f.quotationFor(customer, eur, [[10, 100], [5, 200]]) };
  };

  it('previews and makes documents, allocates and un-allocates, and reads the chain, for a super admin', async () => {
    const admin = await adminSession(app);
    const { customer, quotation: q } = await quotation();
    const preview = await admin.post(`/customer-records/quotations/${q.documentId}/order`).send({ data: { preview: true } });
    expect([preview.status, preview.body.meta, preview.body.data.amountExclTax]).toEqual([200, { preview: true }, '2000.00']);
    const order = await admin.post(`/customer-records/quotations/${q.documentId}/order`).send({ data: {} });
    expect(order.status).toBe(201);
    const delivery = await admin.post(`/customer-records/orders/${order.body.data.documentId}/deliveries`).send({ data: { by: 'percentage', percentage: 50 } });
    expect([delivery.status, dec(delivery.body.data.amountExclTax)]).toEqual([201, '1000.00']);
    const invoice = await admin.post('/customer-records/invoices/from-sources').send({ data: { deliveries: [delivery.body.data.documentId] } });
    expect(invoice.status).toBe(201);
    const invoiceId = invoice.body.data[0].documentId;
    const receipt = (await f.receiptResponse(customer, eur, 1200)).body.data;
    const allocated = await admin.post(`/customer-records/receipts/${receipt.documentId}/allocations`).send({ data: { invoice: invoiceId } });
    expect([allocated.status, allocated.body.data.state]).toEqual([200, 'allocated']);
    const removed = await admin.delete(`/customer-records/receipts/${receipt.documentId}/allocations/${invoiceId}`);
    expect([removed.status, removed.body.data.state]).toEqual([200, 'unallocated']);
    const chain = await admin.get(`/customer-records/sales-flow/orders/${order.body.data.documentId}/chain`);
    expect(chain.status).toBe(200);
    expect(chain.body.data.from.map((n: any) => n.documentId)).toEqual([q.documentId]);
    expect(chain.body.data.made[0]).toMatchObject({ type: 'delivery', made: [expect.objectContaining({ type: 'invoice', documentId: invoiceId })] });
  });

  it('needs the sales-flow action and the Content Manager right to write what is made; the chain needs read', async () => {
    const { quotation: q } = await quotation();
    const path = `/customer-records/quotations/${q.documentId}/order`;
    const reader = await adminWith([{ action: 'api::customer-records.read' }]);
    expect((await reader.get(`/customer-records/sales-flow/quotations/${q.documentId}/chain`)).status).toBe(200);
    expect((await reader.post(path).send({ data: { preview: true } })).status).toBe(403);
    const nobody = await adminWith([]);
    expect((await nobody.get(`/customer-records/sales-flow/quotations/${q.documentId}/chain`)).status).toBe(403);

    const withoutCm = await adminWith([{ action: 'api::customer-records.sales-flow' }]);
    expect((await withoutCm.post(path).send({ data: {} })).status).toBe(403);
    const deliverer = await adminWith([
      { action: 'api::customer-records.sales-flow' },
      { action: 'plugin::content-manager.explorer.create', subject: 'api::delivery.delivery' },
    ]);
    expect((await deliverer.post(path).send({ data: {} })).status).toBe(403);
    const orderer = await adminWith([
      { action: 'api::customer-records.sales-flow' },
      { action: 'plugin::content-manager.explorer.create', subject: 'api::order.order' },
    ]);
    const made = await orderer.post(path).send({ data: {} });
    expect(made.status).toBe(201);
    const chain = await orderer.get(`/customer-records/sales-flow/quotations/${q.documentId}/chain`);
    expect([chain.status, chain.body.data?.made?.[0]?.documentId]).toEqual([403, undefined]); // read is its own action
    const receipt = (await f.receiptResponse((await f.customer({ callName: uniq('Payer') })).documentId, eur, 10)).body.data;
    expect((await orderer.delete(`/customer-records/receipts/${receipt.documentId}/allocations/x`)).status).toBe(403);
  });

  it('answers a refusal with the server text: the credit check, and the rule errors with their fields', async () => {
    const admin = await adminSession(app);
    const { customer, quotation: q } = await quotation();
    await f.creditPolicy(customer, { mode: 'block', threshold: '500.00', currency: 'EUR' });
    const refused = await admin.post(`/customer-records/quotations/${q.documentId}/order`).send({ data: {} });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/^Credit blocked.*outstanding .* exceeds the .* threshold/);
    const rule = await admin.post(`/customer-records/quotations/${q.documentId}/order`).send({ data: { lines: [{ sourceKey: 'nope', quantity: 1 }], preview: true } });
    expect(rule.status).toBe(400);
    expect(rule.body.error.details.errors[0]).toMatchObject({ path: ['lines', '0', 'sourceKey'], message: expect.stringMatching(/no line of the source/) });
  });

  // a source saved by an admin names its creator (createdBy/updatedBy, admin::user): the made document
  // copies the source's shared relations only, never those
  it('makes an order from a quotation saved in the Content Manager (createdBy set)', async () => {
    const admin = await adminSession(app);
    const customer = (await f.customer({ callName: uniq('Admin made') })).documentId;
    const saved = await admin.cmCreate('api::quotation.quotation', {
      number: uniq('QUO'), customer: { connect: [{ documentId: customer }] }, currency: { connect: [{ documentId: eur }] },
      date: '2026-03-01', state: 'sent', lines: [{ label: 'x', quantity: 1, unitPrice: '100.00', vatRate: 20 }],
    });
    expect(saved.status).toBe(201);
    const order = await admin.post(`/customer-records/quotations/${saved.body.data.documentId}/order`).send({ data: {} });
    expect([order.status, order.body.error?.message]).toEqual([201, undefined]);
  });
});
