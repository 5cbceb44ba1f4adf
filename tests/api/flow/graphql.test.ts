import { Factories, Probes, startingKit } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

// The sales flow over GraphQL: the same service, figures and refusals as REST.
const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;

beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
});

const gql = async (query: string, variables: Record<string, unknown> = {}) => (await app.api().post('/graphql').send({ query, variables })).body;

test('order, delivery by percentage, invoice, allocation and the chain, with a preview and a refusal', async () => {
  const customer = (await f.bareCustomer()).documentId;
  await f.creditPolicy(customer, { mode: 'alert', threshold: '1000000.00', currency: 'EUR' });
  const quotation = await f.quotationFor(customer, eur, [[2, 500]]);

  const ordered = await gql('mutation($id: ID!) { orderFromQuotation(documentId: $id) { documentId state amountExclTax lines { key sourceKey quantity } } }', { id: quotation.documentId });
  expect(ordered.errors).toBeUndefined();
  const order = ordered.data.orderFromQuotation;
  expect([order.state, order.amountExclTax]).toEqual(['confirmed', 1000]);

  const preview = await gql('query($id: ID) { salesFlowPreview(operation: "deliveryFromOrder", documentId: $id, data: { by: "percentage", percentage: "50" }) }', { id: order.documentId });
  expect(preview.data.salesFlowPreview).toMatchObject({ amountExclTax: '500.00', lines: [expect.objectContaining({ quantity: '1.000', sourceKey: order.lines[0].key })] });

  const delivered = await gql('mutation($id: ID!) { deliveryFromOrder(documentId: $id, data: { by: "percentage", percentage: "50" }) { documentId amountExclTax state } }', { id: order.documentId });
  expect(delivered.data.deliveryFromOrder).toMatchObject({ amountExclTax: 500, state: 'delivered' });

  const over = await gql('mutation($id: ID!) { deliveryFromOrder(documentId: $id, data: { by: "amount", amount: "600.00" }) { documentId } }', { id: order.documentId });
  expect(over.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(over.errors[0].message).toMatch(/amount 600.00 is more than the 500.00 left/);

  const invoiced = await gql('mutation($d: [ID!]) { invoiceSources(data: { deliveries: $d }) { documentId amountInclTax state } }', { d: [delivered.data.deliveryFromOrder.documentId] });
  const invoice = invoiced.data.invoiceSources[0];
  expect([invoice.amountInclTax, invoice.state]).toEqual([600, 'issued']);

  const receipt = (await f.receiptResponse(customer, eur, 600)).body.data;
  const allocated = await gql('mutation($r: ID!, $i: ID!) { allocateReceipt(documentId: $r, invoice: $i) { state allocatedAmount } }', { r: receipt.documentId, i: invoice.documentId });
  expect(allocated.data.allocateReceipt).toEqual({ state: 'allocated', allocatedAmount: 600 });

  const chain = await gql('query($id: ID!) { salesFlowChain(type: "orders", documentId: $id) }', { id: order.documentId });
  expect(chain.data.salesFlowChain.from[0]).toMatchObject({ type: 'quotation', documentId: quotation.documentId });
  expect(chain.data.salesFlowChain.made[0].made[0]).toMatchObject({ type: 'invoice', state: 'paid' });

  const typed = await gql('mutation($id: ID!) { updateOrder(documentId: $id, data: { deliveredAmountExclTax: 1 }) { documentId } }', { id: order.documentId });
  expect(typed.errors[0].message).toBe('deliveredAmountExclTax is derived from the linked documents and cannot be set');
  expect(await probe.drift()).toEqual([]);
});
