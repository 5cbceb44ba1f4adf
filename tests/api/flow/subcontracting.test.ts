import { dec, Factories, fieldErrors, Probes, startingKit } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

// "Creating an internal / a group sub-contracting quotation (order)": for the internal customer that stands for the ordering company.
const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;
let orderer: string;
let performer: string;

beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
  orderer = (await f.company({ name: 'Acme Conseil' })).documentId;
  performer = (await f.company({ name: 'Acme Industrie' })).documentId;
});

const internalCustomer = async (company: string, represented: string, policy: Record<string, unknown> = { mode: 'alert', threshold: '1000000.00' }) => {
  const customer = (await f.bareCustomer({ customerType: 'internal', company, representedCompany: represented })).documentId;
  await f.creditPolicy(customer, { currency: 'EUR', ...policy });
  return customer;
};
const keysOf = async (order: any) => (await probe.read('orders', order.documentId, 'lines')).lines.map((l: any) => l.key);

test('a group company gets a quotation, then an order, for the internal customer; never more than ordered; the exposure is the internal customer\'s', async () => {
  const customer = (await f.bareCustomer({ company: orderer })).documentId;
  await f.creditPolicy(customer, { mode: 'alert', threshold: '1000000.00', currency: 'EUR' });
  const internal = await internalCustomer(performer, orderer);
  const order = await f.orderFor(customer, eur, [[10, 100], [4, 250]], { company: orderer });
  const [k1, k2] = await keysOf(order);
  const before = await probe.byBucket(customer);

  const quote = await probe.op(`/api/orders/${order.documentId}/subcontracting`, { company: performer, lines: [{ sourceKey: k1, quantity: '6' }], pricePercent: 70 });
  expect(quote.status).toBe(201);
  const q = await probe.read('quotations', quote.body.data.documentId, 'customer,company,subcontractedFrom');
  expect([q.origin, q.state, q.customer.documentId, q.company.documentId, q.subcontractedFrom.documentId, dec(q.amountExclTax)])
    .toEqual(['groupSubcontracting', 'draft', internal, performer, order.documentId, '420.00']);
  expect(await probe.byBucket(internal)).toEqual({ quotations: '420.00' });
  expect(await probe.byBucket(customer)).toEqual(before);

  const over = await probe.op(`/api/orders/${order.documentId}/subcontracting`, { company: performer, make: 'order', lines: [{ sourceKey: k1, quantity: '5', unitPrice: '70' }] });
  expect([over.status, fieldErrors(over)]).toEqual([400, ['lines.0.quantity: 5 is more than the 4 left to be sub-contracted of line item 1']]);
  const rest = await probe.op(`/api/orders/${order.documentId}/subcontracting`, { company: performer, make: 'order', pricePercent: 80 });
  expect(rest.status).toBe(201);
  expect(rest.body.data.lines.map((l: any) => [l.sourceKey, dec(l.quantity, 3), dec(l.unitPrice)])).toEqual([[k1, '4.000', '80.00'], [k2, '4.000', '200.00']]);
  expect(await probe.byBucket(internal)).toEqual({ quotations: '420.00', orders: '1120.00' });
  expect(await probe.drift()).toEqual([]);
});

test('internal when one company does the work for itself; refused with the clerk message under the internal customer\'s own policy', async () => {
  const customer = (await f.bareCustomer({ company: orderer })).documentId;
  const self = await internalCustomer(orderer, orderer);
  const order = await f.orderFor(customer, eur, [[1, 1000]], { company: orderer });
  const res = await probe.op(`/api/orders/${order.documentId}/subcontracting`, { company: orderer, pricePercent: 50 });
  expect([res.status, res.body.data?.origin]).toEqual([201, 'internalSubcontracting']);
  expect((await probe.read('quotations', res.body.data.documentId, 'customer')).customer.documentId).toBe(self);

  const strict = (await f.company({ name: 'Acme Services' })).documentId;
  await internalCustomer(strict, orderer, { mode: 'block', threshold: '100.00' });
  const other = await f.orderFor(customer, eur, [[1, 1000]], { company: orderer });
  const refused = await probe.op(`/api/orders/${other.documentId}/subcontracting`, { company: strict, make: 'order', pricePercent: 50 });
  expect([refused.status, refused.body.error.message]).toEqual([400, expect.stringMatching(/^Credit blocked: outstanding [\d,.]+ EUR exceeds the 100.00 EUR threshold/)]);
});

test('refused: no internal customer for the ordering company, an unknown company, a draft order', async () => {
  const customer = (await f.bareCustomer({ company: orderer })).documentId;
  const order = await f.orderFor(customer, eur, [[1, 100]], { company: orderer });
  const lonely = (await f.company({ name: 'Acme Lonely' })).documentId;
  const none = await probe.op(`/api/orders/${order.documentId}/subcontracting`, { company: lonely, pricePercent: 50 });
  expect([none.status, fieldErrors(none)]).toEqual([400, [expect.stringMatching(/^company: Acme Lonely has no internal customer standing for the ordering company/)]]);
  const unknown = await probe.op(`/api/orders/${order.documentId}/subcontracting`, { company: 'nope', pricePercent: 50 });
  expect([unknown.status, fieldErrors(unknown)]).toEqual([400, ['company: no company nope']]);
  const draft = await f.orderFor(customer, eur, [[1, 100]], { company: orderer, state: 'draft' });
  const res = await probe.op(`/api/orders/${draft.documentId}/subcontracting`, { company: performer, pricePercent: 50 });
  expect([res.status, fieldErrors(res)]).toEqual([400, [expect.stringMatching(/^state: order .* is draft: only a confirmed order still to deliver is sub-contracted/)]]);
});
