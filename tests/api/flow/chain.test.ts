import { dec, Factories, Probes, startingKit } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

// The whole chain of issue 16: quotation 10,000 → order → 40 % delivery → invoice of it → receipt allocated
// → the rest delivered and invoiced → paid. One euro counts once at every step, to the cent, with no drift.
const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;

beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
});

test('a quotation of 10,000 walks to paid, and the exposure moves between buckets without ever counting twice', async () => {
  const customer = (await f.bareCustomer()).documentId;
  await f.creditPolicy(customer, { mode: 'alert', threshold: '1000000.00', currency: 'EUR' });
  const step = async (exposure: string) => {
    expect(await probe.exposure(customer)).toBe(exposure);
    expect(await probe.drift()).toEqual([]);
  };

  const quotation = await f.quotationFor(customer, eur, [[1, 10000]]);
  await step('10000.00');

  const ordered = await probe.op(`/api/quotations/${quotation.documentId}/order`);
  expect(ordered.status).toBe(201);
  const order = ordered.body.data;
  const quotationLines = (await probe.read('quotations', quotation.documentId, 'lines')).lines;
  expect(order.lines[0].sourceKey).toBe(quotationLines[0].key);
  expect((await probe.read('quotations', quotation.documentId)).state).toBe('ordered');
  expect(await probe.byBucket(customer)).toEqual({ orders: '10000.00' });
  await step('10000.00');

  const first = await probe.op(`/api/orders/${order.documentId}/deliveries`, { by: 'percentage', percentage: 40 });
  expect(first.status).toBe(201);
  expect(dec(first.body.data.amountExclTax)).toBe('4000.00');
  let stored = await probe.read('orders', order.documentId);
  expect([stored.state, dec(stored.deliveredAmountExclTax), dec(stored.remainingAmountExclTax)]).toEqual(['partiallyDelivered', '4000.00', '6000.00']);
  expect(await probe.byBucket(customer)).toEqual({ orders: '6000.00', deliveries: '4000.00' });
  await step('10000.00');

  const invoiced = await probe.op('/api/invoices/from-sources', { deliveries: [first.body.data.documentId] });
  expect(invoiced.status).toBe(201);
  const invoice = invoiced.body.data[0];
  expect([dec(invoice.amountExclTax), dec(invoice.amountInclTax)]).toEqual(['4000.00', '4800.00']);
  expect((await probe.read('deliveries', first.body.data.documentId)).state).toBe('invoiced');
  expect(await probe.byBucket(customer)).toEqual({ orders: '6000.00', invoices: '4000.00' });
  await step('10000.00');

  const receipt = (await f.receiptResponse(customer, eur, 4800)).body.data;
  await step('5200.00'); // an unallocated receipt counts negative
  const allocated = await probe.op(`/api/receipts/${receipt.documentId}/allocations`, { invoice: invoice.documentId });
  expect([allocated.status, allocated.body.error?.details]).toEqual([200, undefined]);
  expect(allocated.body.data.state).toBe('allocated');
  const paid = await probe.read('invoices', invoice.documentId);
  expect([paid.state, dec(paid.amountPaid)]).toEqual(['paid', '4800.00']);
  await step('6000.00');

  const rest = await probe.op(`/api/orders/${order.documentId}/deliveries`);
  expect(rest.status).toBe(201);
  expect(dec(rest.body.data.amountExclTax)).toBe('6000.00');
  stored = await probe.read('orders', order.documentId);
  expect([stored.state, dec(stored.remainingAmountExclTax)]).toEqual(['delivered', '0.00']);
  await step('6000.00');

  const second = await probe.op('/api/invoices/from-sources', { deliveries: [rest.body.data.documentId] });
  expect(second.status).toBe(201);
  stored = await probe.read('orders', order.documentId);
  expect([stored.state, dec(stored.invoicedAmountExclTax)]).toEqual(['invoiced', '10000.00']);
  await step('6000.00');

  const last = (await f.receiptResponse(customer, eur, 7200)).body.data;
  expect((await probe.op(`/api/receipts/${last.documentId}/allocations`, { invoice: second.body.data[0].documentId })).status).toBe(200);
  await step('0.00');

  const chain = (await app.api().get(`/api/sales-flow/orders/${order.documentId}/chain`)).body.data;
  expect(chain.from.map((n: any) => n.documentId)).toEqual([quotation.documentId]);
  expect(chain.made.map((n: any) => n.type)).toEqual(['delivery', 'delivery']);
  expect(chain.made[0].made[0].made[0]).toMatchObject({ type: 'receipt', documentId: receipt.documentId });
});
