import { dec, Factories, fieldErrors, Probes, startingKit, uniq } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

// Each operation of the sales flow: the documents made, the derived figures, the exposure after the step.
const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;

beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
});

async function customerWithPolicy() {
  const customer = (await f.bareCustomer()).documentId;
  await f.creditPolicy(customer, { mode: 'alert', threshold: '1000000.00', currency: 'EUR' });
  return customer;
}
const keysOf = async (plural: string, documentId: string) => (await probe.read(plural, documentId, 'lines')).lines.map((l: any) => l.key);

describe('quotation → order', () => {
  test('selected lines and quantities: the quotation is partly ordered and counts the rest', async () => {
    const customer = await customerWithPolicy();
    const quotation = await f.quotationFor(customer, eur, [[10, 100], [5, 200]]);
    const [k1, k2] = await keysOf('quotations', quotation.documentId);
    const res = await probe.op(`/api/quotations/${quotation.documentId}/order`, { lines: [{ sourceKey: k1, quantity: '4' }] });
    expect(res.status).toBe(201);
    expect(res.body.data.lines.map((l: any) => [l.sourceKey, dec(l.quantity, 3)])).toEqual([[k1, '4.000']]);
    const stored = await probe.read('quotations', quotation.documentId);
    expect([stored.state, dec(stored.orderedAmountExclTax)]).toEqual(['partiallyOrdered', '400.00']);
    expect(await probe.byBucket(customer)).toEqual({ quotations: '1600.00', orders: '400.00' });
    const rest = await probe.op(`/api/quotations/${quotation.documentId}/order`);
    expect(rest.body.data.lines.map((l: any) => [l.sourceKey, dec(l.quantity, 3)])).toEqual([[k1, '6.000'], [k2, '5.000']]);
    expect((await probe.read('quotations', quotation.documentId)).state).toBe('ordered');
    expect(await probe.byBucket(customer)).toEqual({ orders: '2000.00' });
    expect(await probe.drift()).toEqual([]);
  });

  test('ordering more than quoted, or from a refused quotation, is refused and writes nothing', async () => {
    const customer = await customerWithPolicy();
    const quotation = await f.quotationFor(customer, eur, [[2, 100]]);
    const [key] = await keysOf('quotations', quotation.documentId);
    const over = await probe.op(`/api/quotations/${quotation.documentId}/order`, { lines: [{ sourceKey: key, quantity: '3' }] });
    expect(over.status).toBe(400);
    expect(fieldErrors(over).join()).toMatch(/3 ordered, more than its quantity 2/);
    const refused = await f.quotationFor(customer, eur, [[1, 100]], { state: 'refused' });
    const res = await probe.op(`/api/quotations/${refused.documentId}/order`);
    expect([res.status, fieldErrors(res)]).toEqual([400, [expect.stringMatching(/^state: quotation .* is refused: it cannot be ordered/)]]);
    expect((await app.api().get(`/api/orders?filters[customer][documentId][$eq]=${customer}`)).body.data).toHaveLength(0);
  });

  test('a revision supersedes the quotation, which stops counting; only the latest version can be revised', async () => {
    const customer = await customerWithPolicy();
    const quotation = await f.quotationFor(customer, eur, [[1, 1000]]);
    const res = await probe.op(`/api/quotations/${quotation.documentId}/revision`, { lines: [{ label: 'new', quantity: 1, unitPrice: 1200, vatRate: 20 }] });
    expect(res.status).toBe(201);
    expect([res.body.data.revision, res.body.data.origin, res.body.data.revisionOf.documentId]).toEqual([2, 'review', quotation.documentId]);
    expect((await probe.read('quotations', quotation.documentId)).state).toBe('superseded');
    expect(await probe.byBucket(customer)).toEqual({ quotations: '1200.00' });
    const again = await probe.op(`/api/quotations/${quotation.documentId}/revision`);
    expect(again.status).toBe(400);
    // deleting the revision gives the quotation back
    expect((await app.api().delete(`/api/quotations/${res.body.data.documentId}`)).status).toBe(204);
    expect((await probe.read('quotations', quotation.documentId)).state).toBe('sent');
    expect(await probe.byBucket(customer)).toEqual({ quotations: '1000.00' });
    expect(await probe.drift()).toEqual([]);
  });
});

describe('order → deliveries and billing tables', () => {
  test('by quantity, by amount and by percentage, in several partial deliveries, never past the order', async () => {
    const customer = await customerWithPolicy();
    const order = await f.orderFor(customer, eur, [[10, 100], [4, 250]]);
    const [k1] = await keysOf('orders', order.documentId);
    const byQuantity = await probe.op(`/api/orders/${order.documentId}/deliveries`, { by: 'quantity', lines: [{ sourceKey: k1, quantity: '2' }] });
    expect(dec(byQuantity.body.data.amountExclTax)).toBe('200.00');
    const byAmount = await probe.op(`/api/orders/${order.documentId}/deliveries`, { by: 'amount', amount: '900.00' });
    expect([byAmount.status, dec(byAmount.body.data.amountExclTax)]).toEqual([201, '900.00']);
    const byShare = await probe.op(`/api/orders/${order.documentId}/deliveries`, { by: 'percentage', percentage: '25' });
    expect(byShare.status).toBe(201);
    const stored = await probe.read('orders', order.documentId);
    const delivered = ['200.00', '900.00', dec(byShare.body.data.amountExclTax)!].reduce((s, a) => s + Number(a), 0).toFixed(2);
    expect([stored.state, dec(stored.deliveredAmountExclTax)]).toEqual(['partiallyDelivered', delivered]);
    expect(dec(stored.remainingAmountExclTax)).toBe((2000 - Number(delivered)).toFixed(2));
    const preview = await probe.op(`/api/orders/${order.documentId}/deliveries`, { preview: true });
    expect([preview.status, preview.body.meta.preview, preview.body.data.amountExclTax]).toEqual([200, true, dec(stored.remainingAmountExclTax)]);
    const tooMuch = await probe.op(`/api/orders/${order.documentId}/deliveries`, { by: 'amount', amount: '5000.00' });
    expect([tooMuch.status, fieldErrors(tooMuch)]).toEqual([400, [expect.stringMatching(/^amount: amount 5000.00 is more than the .* left/)]]);
    expect((await probe.op(`/api/orders/${order.documentId}/deliveries`)).status).toBe(201);
    expect((await probe.read('orders', order.documentId)).state).toBe('delivered');
    const nothing = await probe.op(`/api/orders/${order.documentId}/deliveries`);
    expect(nothing.status).toBe(400);
    expect(await probe.byBucket(customer)).toEqual({ deliveries: '2000.00' });
    expect(await probe.drift()).toEqual([]);
  });

  test('a delivery typed by hand against an order moves the order too, and cannot over-deliver it', async () => {
    const customer = await customerWithPolicy();
    const order = await f.orderFor(customer, eur, [[5, 100]]);
    const [key] = await keysOf('orders', order.documentId);
    const hand = (quantity: string) =>
      app.api().post('/api/deliveries').send({
        data: { number: uniq('DEL'), customer, currency: eur, date: '2026-02-01', state: 'delivered', order: order.documentId, lines: [{ sourceKey: key, quantity, unitPrice: 100, vatRate: 20 }] },
      });
    expect((await hand('3')).status).toBe(201);
    expect(dec((await probe.read('orders', order.documentId)).deliveredAmountExclTax)).toBe('300.00');
    const over = await hand('3');
    expect([over.status, fieldErrors(over)]).toEqual([400, [expect.stringMatching(/^lines: line 1 \(item 1\) of order .*: 6 delivered, more than its quantity 5$/)]]);
    const strange = await app.api().post('/api/deliveries').send({
      data: { number: uniq('DEL'), customer, currency: eur, date: '2026-02-01', state: 'delivered', order: order.documentId, lines: [{ sourceKey: 'not-a-line', quantity: 1, unitPrice: 1 }] },
    });
    expect([strange.status, fieldErrors(strange)]).toEqual([400, ['lines.0.sourceKey: sourceKey not-a-line names no line of the linked order']]);
    expect(await probe.byBucket(customer)).toEqual({ orders: '200.00', deliveries: '300.00' });
  });

  test('a configured tolerance lets a small overrun through', async () => {
    const customer = await customerWithPolicy();
    const order = await f.orderFor(customer, eur, [[10, 10]]);
    const [key] = await keysOf('orders', order.documentId);
    app.strapi.config.set('sales-flow.overDeliveryTolerancePercent', 2);
    try {
      const ok = await probe.op(`/api/orders/${order.documentId}/deliveries`, { lines: [{ sourceKey: key, quantity: '10.2' }] });
      expect(ok.status).toBe(201);
      const stored = await probe.read('orders', order.documentId);
      expect([stored.state, dec(stored.remainingAmountExclTax)]).toEqual(['delivered', '0.00']);
    } finally {
      app.strapi.config.set('sales-flow.overDeliveryTolerancePercent', 0);
    }
  });

  test('a billing table takes its part of the order, and an order cannot be cancelled while documents hold it', async () => {
    const customer = await customerWithPolicy();
    const order = await f.orderFor(customer, eur, [[1, 1000]]);
    const table = await probe.op(`/api/orders/${order.documentId}/billing-tables`, { by: 'percentage', percentage: 30 });
    expect([table.status, dec(table.body.data.amountExclTax)]).toEqual([201, '300.00']);
    const stored = await probe.read('orders', order.documentId);
    expect([dec(stored.billingTablesAmountExclTax), dec(stored.remainingAmountExclTax)]).toEqual(['300.00', '700.00']);
    expect(await probe.byBucket(customer)).toEqual({ orders: '700.00', billingTables: '300.00' });
    const cancel = await app.api().put(`/api/orders/${order.documentId}`).send({ data: { state: 'cancelled' } });
    expect([cancel.status, fieldErrors(cancel)]).toEqual([400, [expect.stringMatching(/^state: documents were made from this order/)]]);
    expect((await app.api().delete(`/api/orders/${order.documentId}`)).status).toBe(400);
    expect(await probe.drift()).toEqual([]);
  });
});

describe('the billing tool, credit notes', () => {
  test('two deliveries and a billing table of one customer: one grouped invoice, or one per source', async () => {
    const customer = await customerWithPolicy();
    const order = await f.orderFor(customer, eur, [[4, 100]]);
    const d1 = (await probe.op(`/api/orders/${order.documentId}/deliveries`, { by: 'percentage', percentage: 25 })).body.data;
    const d2 = (await probe.op(`/api/orders/${order.documentId}/deliveries`, { by: 'percentage', percentage: 25 })).body.data;
    const bt = (await probe.op(`/api/orders/${order.documentId}/billing-tables`, { by: 'percentage', percentage: 50 })).body.data;
    const preview = await probe.op('/api/invoices/from-sources', { deliveries: [d1.documentId, d2.documentId], billingTables: [bt.documentId], preview: true });
    expect([preview.status, preview.body.data.length, preview.body.data[0].amountExclTax]).toEqual([200, 1, '400.00']);
    const perSource = await probe.op('/api/invoices/from-sources', { deliveries: [d1.documentId], billingTables: [bt.documentId], grouping: 'perSource' });
    expect([perSource.status, perSource.body.data.map((i: any) => dec(i.amountExclTax))]).toEqual([201, ['100.00', '200.00']]);
    const again = await probe.op('/api/invoices/from-sources', { deliveries: [d1.documentId] });
    expect([again.status, fieldErrors(again)]).toEqual([400, [expect.stringMatching(/^deliveries: delivery .* is invoiced: it cannot be invoiced/)]]);
    const last = await probe.op('/api/invoices/from-sources', { deliveries: [d2.documentId] });
    expect(last.status).toBe(201);
    const stored = await probe.read('orders', order.documentId);
    expect([stored.state, dec(stored.invoicedAmountExclTax)]).toEqual(['invoiced', '400.00']);
    expect(await probe.byBucket(customer)).toEqual({ invoices: '400.00' });
    expect(await probe.drift()).toEqual([]);
  });

  test('sources of two customers to bill are not grouped', async () => {
    const [a, b] = [await customerWithPolicy(), await customerWithPolicy()];
    const da = (await probe.op(`/api/orders/${(await f.orderFor(a, eur, [[1, 10]])).documentId}/deliveries`)).body.data;
    const db = (await probe.op(`/api/orders/${(await f.orderFor(b, eur, [[1, 10]])).documentId}/deliveries`)).body.data;
    const res = await probe.op('/api/invoices/from-sources', { deliveries: [da.documentId, db.documentId] });
    expect([res.status, fieldErrors(res)]).toEqual([400, [expect.stringMatching(/^deliveries: .* is billed to another customer/)]]);
  });

  test('a credit note, whole or partial, is linked to its invoice and never credits more than invoiced', async () => {
    const customer = await customerWithPolicy();
    const invoice = (await f.invoiceResponse(customer, eur, 1000)).body.data;
    const partial = await probe.op(`/api/invoices/${invoice.documentId}/credit-notes`, { by: 'amount', amount: '250.00' });
    expect([partial.status, partial.body.data.kind, dec(partial.body.data.amountExclTax)]).toEqual([201, 'creditNote', '250.00']);
    expect(dec((await probe.read('invoices', invoice.documentId)).creditedAmountExclTax)).toBe('250.00');
    expect(await probe.byBucket(customer)).toEqual({ invoices: '750.00' });
    const over = await probe.op(`/api/invoices/${invoice.documentId}/credit-notes`, { by: 'amount', amount: '800.00' });
    expect(over.status).toBe(400);
    expect((await probe.op(`/api/invoices/${invoice.documentId}/credit-notes`)).status).toBe(201);
    expect(await probe.byBucket(customer)).toEqual({});
    expect(await probe.drift()).toEqual([]);
  });
});

describe('derived figures are derived, lines keep their identity', () => {
  test('a direct write of a derived figure or state is a 400 naming the field; sent back unchanged it passes', async () => {
    const customer = await customerWithPolicy();
    const order = await f.orderFor(customer, eur, [[1, 100]]);
    const put = (uid: string, documentId: string, data: Record<string, unknown>) => app.api().put(`/api/${uid}/${documentId}`).send({ data });
    for (const [field, value] of [['deliveredAmountExclTax', 10], ['remainingAmountExclTax', 0], ['state', 'delivered']] as const) {
      const res = await put('orders', order.documentId, { [field]: value });
      expect([field, res.status, fieldErrors(res)]).toEqual([field, 400, [expect.stringMatching(new RegExp(`^${field}: `))]]);
    }
    const invoice = (await f.invoiceResponse(customer, eur, 100)).body.data;
    expect(fieldErrors(await put('invoices', invoice.documentId, { amountPaid: '120.00', state: 'paid' }))).toEqual([
      'amountPaid: amountPaid is derived from the linked documents and cannot be set',
      'state: state paid follows from the linked documents and cannot be set',
    ]);
    const created = await app.api().post('/api/receipts').send({ data: { number: uniq('REC'), customer, currency: eur, date: '2026-01-01', amount: 10, state: 'allocated' } });
    expect(fieldErrors(created)).toEqual(['state: state allocated follows from the linked documents and cannot be set']);
    const stored = await probe.read('orders', order.documentId);
    const unchanged = await put('orders', order.documentId, { deliveredAmountExclTax: stored.deliveredAmountExclTax, remainingAmountExclTax: stored.remainingAmountExclTax, customerReference: 'PO-1' });
    expect([unchanged.status, unchanged.body.data.customerReference]).toEqual([200, 'PO-1']);
  });

  test('an edited line keeps its key (by key or row id); a delivered line cannot be removed or cut below what was delivered', async () => {
    const customer = await customerWithPolicy();
    const order = await f.orderFor(customer, eur, [[10, 10], [5, 20]]);
    const before = (await probe.read('orders', order.documentId, 'lines')).lines;
    await probe.op(`/api/orders/${order.documentId}/deliveries`, { lines: [{ sourceKey: before[0].key, quantity: '6' }] });
    const edit = (lines: Record<string, unknown>[]) => app.api().put(`/api/orders/${order.documentId}`).send({ data: { lines } });
    const res = await edit([
      { id: before[0].id, quantity: 8, unitPrice: 10, vatRate: 20, label: 'renamed' },
      { key: before[1].key, quantity: 5, unitPrice: 20, vatRate: 20 },
      { quantity: 1, unitPrice: 1, vatRate: 20 },
    ]);
    expect(res.status).toBe(200);
    const after = (await probe.read('orders', order.documentId, 'lines')).lines;
    expect(after.slice(0, 2).map((l: any) => l.key)).toEqual([before[0].key, before[1].key]);
    expect(after[2].key).toMatch(/^[0-9a-f-]{36}$/);
    expect(dec((await probe.read('orders', order.documentId)).remainingAmountExclTax)).toBe('121.00');
    const cut = await edit([{ key: before[0].key, quantity: 5, unitPrice: 10, vatRate: 20 }, { key: before[1].key, quantity: 5, unitPrice: 20, vatRate: 20 }]);
    expect(fieldErrors(cut)).toEqual([expect.stringMatching(/^lines: line 1 .*: 6 delivered, more than its quantity 5$/)]);
    const removed = await edit([{ key: before[1].key, quantity: 5, unitPrice: 20, vatRate: 20 }]);
    expect(fieldErrors(removed)).toContain('lines: a line that was delivered cannot be removed');
    const foreign = await edit([{ key: 'b4c1d2e3-0000-4000-8000-000000000000', quantity: 1, unitPrice: 1 }]);
    expect(fieldErrors(foreign)).toEqual(['lines.0.key: key b4c1d2e3-0000-4000-8000-000000000000 names no line of this document: leave it out for a new line']);
  });
});

describe('every write path', () => {
  test('a Content Manager clone of a delivery is checked as a new one: it cannot deliver the order twice', async () => {
    const { adminSession } = await import('../../helpers/credit');
    const admin = await adminSession(app);
    const customer = await customerWithPolicy();
    const order = await f.orderFor(customer, eur, [[2, 100]]);
    const delivery = (await probe.op(`/api/orders/${order.documentId}/deliveries`)).body.data;
    const cloned = await admin.cmClone('api::delivery.delivery', delivery.documentId, { number: uniq('DEL') });
    expect(cloned.status).toBe(400);
    expect(cloned.body.error.details.errors.map((e: any) => e.message)).toEqual([
      expect.stringMatching(/^order .* is delivered: it cannot be delivered$/),
      expect.stringMatching(/4 delivered, more than its quantity 2$/),
    ]);
    expect(await probe.byBucket(customer)).toEqual({ deliveries: '200.00' });
  });

  test('the Content Manager sends the whole record back: derived figures unchanged pass, allocations edited there pay the invoice', async () => {
    const { adminSession } = await import('../../helpers/credit');
    const admin = await adminSession(app);
    const customer = await customerWithPolicy();
    const invoice = (await f.invoiceResponse(customer, eur, 100)).body.data;
    const receipt = (await f.receiptResponse(customer, eur, 120)).body.data;
    const stored = await probe.read('receipts', receipt.documentId);
    const res = await admin.cmUpdate('api::receipt.receipt', receipt.documentId, {
      ...stored, allocations: [{ invoice: { connect: [{ documentId: invoice.documentId }] }, amount: '120.00' }],
    });
    expect(res.status).toBe(200);
    expect((await probe.read('invoices', invoice.documentId)).state).toBe('paid');
    expect((await probe.read('receipts', receipt.documentId)).state).toBe('allocated');
    expect(await probe.drift()).toEqual([]);
  });
});
