import { Factories, Probes, startingKit } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

// The anchors' worst credit bugs live in the document flow (issue 16). Each test would fail on a naive
// implementation: one that counts every open document whole, or judges a flow step as a lone create.
const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;

beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
});

async function customer(policy: Record<string, unknown> = { mode: 'alert', threshold: '1000000.00' }) {
  const id = (await f.bareCustomer()).documentId;
  await f.creditPolicy(id, { currency: 'EUR', ...policy });
  return id;
}
const deliver = async (order: string, body: Record<string, unknown> = {}) => (await probe.op(`/api/orders/${order}/deliveries`, body)).body.data;

test('ERPNext #47279: a delivery is not counted again once it is invoiced', async () => {
  const c = await customer();
  const order = await f.orderFor(c, eur, [[1, 5000]]);
  const delivery = await deliver(order.documentId);
  expect(await probe.exposure(c)).toBe('5000.00');
  expect((await probe.op('/api/invoices/from-sources', { deliveries: [delivery.documentId] })).status).toBe(201);
  expect(await probe.byBucket(c)).toEqual({ invoices: '5000.00' });
  expect(await probe.exposure(c)).toBe('5000.00');
});

test('OCA credit-control #60: an order and its draft invoice are not both counted', async () => {
  const c = await customer();
  const order = await f.orderFor(c, eur, [[2, 1500]]);
  const delivery = await deliver(order.documentId);
  const draft = await probe.op('/api/invoices/from-sources', { deliveries: [delivery.documentId], state: 'draft' });
  expect([draft.status, draft.body.data[0].state]).toEqual([201, 'draft']);
  expect(await probe.byBucket(c)).toEqual({ invoices: '3000.00' });
  expect((await probe.read('orders', order.documentId)).state).toBe('invoiced');
});

test('Odoo #285578: an order invoiced on delivery keeps counting until it is delivered', async () => {
  const c = await customer();
  const order = await f.orderFor(c, eur, [[10, 100]]);
  expect(await probe.byBucket(c)).toEqual({ orders: '1000.00' });
  await deliver(order.documentId, { by: 'percentage', percentage: 30 });
  expect(await probe.byBucket(c)).toEqual({ orders: '700.00', deliveries: '300.00' });
});

test('ERPNext #42126: reopening a cancelled order is a rise, refused over the limit', async () => {
  const c = await customer({ mode: 'block', threshold: '1000.00' });
  const order = await f.orderFor(c, eur, [[1, 800]]);
  expect((await app.api().put(`/api/orders/${order.documentId}`).send({ data: { state: 'cancelled' } })).status).toBe(200);
  expect((await f.invoiceResponse(c, eur, 900)).status).toBe(201);
  const reopen = await app.api().put(`/api/orders/${order.documentId}`).send({ data: { state: 'confirmed' } });
  expect(reopen.status).toBe(400);
  expect(reopen.body.error.message).toMatch(/^Credit blocked: outstanding 1,700.00 EUR exceeds the 1,000.00 EUR threshold/);
  expect((await probe.read('orders', order.documentId)).state).toBe('cancelled');
});

test('ERPNext #43709: payments above what an invoice or a receipt holds are refused', async () => {
  const c = await customer();
  const invoice = (await f.invoiceResponse(c, eur, 1000)).body.data; // 1,200.00 tax included
  const big = (await f.receiptResponse(c, eur, 2000)).body.data;
  const over = await probe.op(`/api/receipts/${big.documentId}/allocations`, { invoice: invoice.documentId, amount: '1500.00' });
  expect(over.status).toBe(400);
  expect(over.body.error.details.errors[0].message).toMatch(/would be paid 1500.00, more than its total 1200.00/);
  const second = (await f.receiptResponse(c, eur, 300)).body.data;
  expect((await probe.op(`/api/receipts/${big.documentId}/allocations`, { invoice: invoice.documentId, amount: '1000.00' })).status).toBe(200);
  const tooMuch = await probe.op(`/api/receipts/${second.documentId}/allocations`, { invoice: invoice.documentId, amount: '300.00' });
  expect(tooMuch.status).toBe(400);
  const other = (await f.invoiceResponse(c, eur, 1000)).body.data;
  const receiptOver = await app.api().put(`/api/receipts/${second.documentId}`).send({ data: { allocations: [{ invoice: other.documentId, amount: '301.00' }] } });
  expect(receiptOver.status).toBe(400);
  expect(await probe.drift()).toEqual([]);
});

test('Odoo #262720: an order refunded in full no longer counts', async () => {
  const c = await customer();
  const order = await f.orderFor(c, eur, [[1, 2500]]);
  const delivery = await deliver(order.documentId);
  const invoice = (await probe.op('/api/invoices/from-sources', { deliveries: [delivery.documentId] })).body.data[0];
  expect((await probe.op(`/api/invoices/${invoice.documentId}/credit-notes`)).status).toBe(201);
  expect(await probe.exposure(c)).toBe('0.00');
  expect((await probe.read('orders', order.documentId)).state).toBe('invoiced');
  expect(await probe.drift()).toEqual([]);
});
