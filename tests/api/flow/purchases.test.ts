import { dec, Factories, fieldErrors, Probes, startingKit, uniq } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

// The purchase side: supplier orders and invoices, by hand or for a customer's order; never in credit exposure.
const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;

beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
});


test('bought for an order, at a share of the sale price or a price per line; never more than sold; never in the exposure', async () => {
  const customer = (await f.bareCustomer()).documentId;
  await f.creditPolicy(customer, { mode: 'block', threshold: '100000.00', currency: 'EUR' });
  const supplier = (await f.supplier({ callName: 'Grossiste' })).documentId;
  const order = await f.orderFor(customer, eur, [[10, 100], [2, 500]]);
  const [k1, k2] = (await probe.read('orders', order.documentId, 'lines')).lines.map((l: any) => l.key);
  const before = await probe.byBucket(customer);

  const preview = await probe.op(`/api/orders/${order.documentId}/supplier-orders`, { supplier, pricePercent: 60, preview: true });
  expect([preview.status, preview.body.data.amountExclTax]).toEqual([200, '1200.00']);
  const res = await probe.op(`/api/orders/${order.documentId}/supplier-orders`, { supplier, purpose: 'resale', lines: [{ sourceKey: k1, quantity: '4', unitPrice: '55.00' }] });
  expect(res.status).toBe(201);
  const po = res.body.data;
  expect([po.state, po.purpose, dec(po.amountExclTax), dec(po.amountInclTax)]).toEqual(['draft', 'resale', '220.00', '264.00']);
  expect(po.lines.map((l: any) => [l.sourceKey, dec(l.quantity, 3), dec(l.unitPrice)])).toEqual([[k1, '4.000', '55.00']]);
  const stored = await probe.read('supplier-orders', po.documentId, 'salesOrder');
  expect(stored.salesOrder.documentId).toBe(order.documentId);

  const over = await probe.op(`/api/orders/${order.documentId}/supplier-orders`, { supplier, lines: [{ sourceKey: k1, quantity: '7', unitPrice: '55' }] });
  expect([over.status, fieldErrors(over)]).toEqual([400, ['lines.0.quantity: 7 is more than the 6 left to be bought of line item 1']]);
  const noPrice = await probe.op(`/api/orders/${order.documentId}/supplier-orders`, { supplier, lines: [{ sourceKey: k2 }] });
  expect([noPrice.status, fieldErrors(noPrice)]).toEqual([400, ['lines.0.unitPrice: give the price: unitPrice on the line, or pricePercent of the sale price']]);
  const rest = await probe.op(`/api/orders/${order.documentId}/supplier-orders`, { supplier, purpose: 'subcontracting', pricePercent: 80 });
  expect(rest.body.data.lines.map((l: any) => [l.sourceKey, dec(l.quantity, 3), dec(l.unitPrice)])).toEqual([[k1, '6.000', '80.00'], [k2, '2.000', '400.00']]);
  // purchases never count in the customer's credit exposure
  expect(await probe.byBucket(customer)).toEqual(before);

  // by hand, with its supplier invoice: lines priced by the same rules
  const invoice = await f.post('supplier-invoices', {
    number: uniq('SINV'), supplier, currency: eur, date: '2026-02-01', dueDate: '2026-03-03', supplierOrder: po.documentId, salesOrder: order.documentId,
    lines: [{ label: 'goods', quantity: 4, unitPrice: 55, vatRate: 20 }],
  });
  expect([dec(invoice.amountExclTax), dec(invoice.taxAmount), invoice.state]).toEqual(['220.00', '44.00', 'received']);
  const backwards = await app.api().post('/api/supplier-invoices').send({ data: { number: uniq('SINV'), supplier, currency: eur, date: '2026-02-01', dueDate: '2026-01-01' } });
  expect([backwards.status, fieldErrors(backwards)]).toEqual([400, ['dueDate: dueDate (2026-01-01) must not be before date (2026-02-01)']]);
  expect(await probe.byBucket(customer)).toEqual(before);
});

test('refused: a draft order, an unknown supplier, a line of another order', async () => {
  const customer = (await f.bareCustomer()).documentId;
  const supplier = (await f.supplier()).documentId;
  const draft = await f.orderFor(customer, eur, [[1, 100]], { state: 'draft' });
  const res = await probe.op(`/api/orders/${draft.documentId}/supplier-orders`, { supplier, pricePercent: 50 });
  expect([res.status, fieldErrors(res)]).toEqual([400, [expect.stringMatching(/^state: order .* is draft: purchases are made for a confirmed order/)]]);
  const order = await f.orderFor(customer, eur, [[1, 100]]);
  const nobody = await probe.op(`/api/orders/${order.documentId}/supplier-orders`, { supplier: 'nope', pricePercent: 50 });
  expect([nobody.status, fieldErrors(nobody)]).toEqual([400, ['supplier: no supplier nope']]);
  const wrong = await probe.op(`/api/orders/${order.documentId}/supplier-orders`, { supplier, lines: [{ sourceKey: (await probe.read('orders', draft.documentId, 'lines')).lines[0].key, unitPrice: '1' }] });
  expect([wrong.status, fieldErrors(wrong)[0]]).toEqual([400, expect.stringMatching(/^lines.0.sourceKey: sourceKey .* names no line of order/)]);
});
