import { Factories, Probes, startingKit } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

// A flow step is one write, judged under the gate of the document it makes with the exposure it really
// moves; payments are never refused; a refused step writes nothing.
const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;

beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
});

const count = async (plural: string, customer: string) =>
  (await app.api().get(`/api/${plural}?filters[customer][documentId][$eq]=${customer}&pagination[pageSize]=1`)).body.meta.pagination.total;
const snapshot = async (customer: string) => ({
  orders: await count('orders', customer),
  deliveries: await count('deliveries', customer),
  invoices: await count('invoices', customer),
  byBucket: await probe.byBucket(customer),
});

test('delivering an order nets to zero: allowed within the limit even when the delivery alone would pass it', async () => {
  const c = (await f.bareCustomer()).documentId;
  await f.creditPolicy(c, { mode: 'block', threshold: '10000.00', currency: 'EUR' });
  const order = await f.orderFor(c, eur, [[1, 9000]]);
  const res = await probe.op(`/api/orders/${order.documentId}/deliveries`);
  expect(res.status).toBe(201);
  expect(await probe.byBucket(c)).toEqual({ deliveries: '9000.00' });
  const decisions = (await app.api().get(`/api/credit-control/decisions?party=${c}`)).body.data;
  expect(decisions.find((d: any) => d.documentUid === 'api::delivery.delivery')).toMatchObject({ outcome: 'allowed', gate: 'deliveries', delta: '0.00' });
});

describe('a customer over its limit, or blocked: each operation is refused with the clerk message, nothing written', () => {
  let c: string;
  let quotation: any;
  let order: any;
  let delivery: any;
  let invoice: any;
  beforeAll(async () => {
    c = (await f.bareCustomer()).documentId;
    quotation = await f.quotationFor(c, eur, [[1, 500]]);
    order = await f.orderFor(c, eur, [[4, 500]]);
    delivery = (await probe.op(`/api/orders/${order.documentId}/deliveries`, { by: 'percentage', percentage: 50 })).body.data;
    invoice = (await f.invoiceResponse(c, eur, 3000)).body.data;
    await f.creditPolicy(c, { mode: 'block', threshold: '1000.00', currency: 'EUR' });
  });

  const operations = () => [
    ['quotation → order', `/api/quotations/${quotation.documentId}/order`, {}],
    ['quotation revision', `/api/quotations/${quotation.documentId}/revision`, {}],
    ['order → delivery', `/api/orders/${order.documentId}/deliveries`, {}],
    ['order → billing table', `/api/orders/${order.documentId}/billing-tables`, {}],
    ['billing tool', '/api/invoices/from-sources', { deliveries: [delivery.documentId] }],
  ] as [string, string, Record<string, unknown>][];

  test.each([0, 1, 2, 3, 4])('operation %#: over the limit in block mode', async (index) => {
    const [, path, body] = operations()[index];
    const before = await snapshot(c);
    const res = await probe.op(path, body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Credit blocked: outstanding [\d,.]+ EUR exceeds the 1,000.00 EUR threshold/);
    expect(await snapshot(c)).toEqual(before);
  });

  test('blocked by hand: every operation refused, a payment recorded and allocated all the same', async () => {
    const block = await app.api().post(`/api/credit-control/parties/${c}/block`).send({ reason: 'litigation' });
    expect(block.status).toBe(200);
    // a credit note lowers the outstanding amount, but a manual block refuses every invoices write
    for (const [, path, body] of [...operations(), ['credit note', `/api/invoices/${invoice.documentId}/credit-notes`, {}] as const]) {
      const res = await probe.op(path, body);
      expect([path, res.status, res.body.error?.message]).toEqual([path, 400, expect.stringMatching(/^Credit blocked: the customer is blocked/)]);
    }
    const receipt = await f.receiptResponse(c, eur, 600);
    expect(receipt.status).toBe(201);
    const allocated = await probe.op(`/api/receipts/${receipt.body.data.documentId}/allocations`, { invoice: invoice.documentId });
    expect([allocated.status, allocated.body.data?.state]).toEqual([200, 'allocated']);
    const unallocated = await app.api().delete(`/api/receipts/${receipt.body.data.documentId}/allocations/${invoice.documentId}`);
    expect([unallocated.status, unallocated.body.data?.state]).toEqual([200, 'unallocated']);
    expect(await probe.drift()).toEqual([]);
  });
});
