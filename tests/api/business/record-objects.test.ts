import { Factories, uniq, type Doc } from '../../helpers/factories';
import { portalUser } from '../../helpers/portal-user';
import { testApp } from '../../helpers/strapi';

/** Management objects from the customer record: pre-filled creation and the linked-objects search. */
const app = testApp();
let f: Factories;
let eur: string;
let toBillType: string;
beforeAll(async () => {
  f = new Factories(app.api);
  eur = (await f.currency({ code: 'EUR', name: 'Euro' })).documentId;
  toBillType = (await app.api().get('/api/link-types').query({ 'filters[code]': 'TO_BILL' })).body.data[0].documentId;
});

async function customerWithEverything(o: Record<string, unknown> = {}) {
  const company = await f.company({ currency: eur, managementRules: { reliabilityColour: true } });
  const term = await f.paymentTerm();
  const main = await f.employee({ company: company.documentId, lastName: 'Main' });
  const other = await f.employee({ company: company.documentId, lastName: 'Other' });
  const customer = await f.customer({
    callName: uniq('Record'),
    company: company.documentId,
    currency: eur,
    paymentTerm: term.documentId,
    reliabilityColour: 'orange',
    salesmen: [
      { employee: other.documentId, isMain: false, role: 'backup' },
      { employee: main.documentId, isMain: true, role: 'main' },
    ],
    ...o,
  });
  const site = await f.site({ name: 'Billing', customer: customer.documentId, isBillingSite: true });
  return { company, term, main, other, customer, site };
}

describe('defaults', () => {
  it('pre-fill customer, billing site, payment terms, currency, salesman (the main assignment) and company', async () => {
    const r = await customerWithEverything();
    const res = await app.api().get(`/api/customers/${r.customer.documentId}/management-objects/invoices/defaults`);
    expect(res.status).toBe(200);
    expect(res.body.data.type).toBe('invoices');
    expect(res.body.data.data).toEqual({
      customer: r.customer.documentId,
      billingSite: r.site.documentId,
      paymentTerm: r.term.documentId,
      currency: eur,
      salesman: r.main.documentId,
      company: r.company.documentId,
    });
    // the reliability colour is shown with the customer, as the company's rule enables it
    expect(res.body.data.billing.customer).toMatchObject({ documentId: r.customer.documentId, reliabilityColour: 'orange' });
  });

  it('only keep the fields a type has (a receipt has no billing site, payment terms or salesman)', async () => {
    const r = await customerWithEverything();
    const res = await app.api().get(`/api/customers/${r.customer.documentId}/management-objects/receipts/defaults`);
    expect(res.body.data.data).toEqual({ customer: r.customer.documentId, currency: eur, company: r.company.documentId });
  });

  it('hide the colour when the company rule is off', async () => {
    const company = await f.company({ currency: eur });
    const customer = await f.customer({ company: company.documentId });
    const res = await app.api().get(`/api/customers/${customer.documentId}/management-objects/orders/defaults`);
    expect(res.body.data.billing.customer.reliabilityColour).toBeNull();
  });
});

describe('create from the record', () => {
  it('creates a pre-filled invoice (201), with the customer to bill of a default link', async () => {
    const r = await customerWithEverything();
    const payer = await f.customer({ callName: uniq('Payer'), company: r.company.documentId });
    const payerSite = await f.site({ name: 'Payer billing', customer: payer.documentId, isBillingSite: true });
    await f.businessLink({ customer: r.customer.documentId, linkedCustomer: payer.documentId, linkType: toBillType, isDefault: true });
    const res = await app.api().post(`/api/customers/${r.customer.documentId}/management-objects/invoices`).send({
      data: { number: uniq('INV'), date: '2026-03-01', lines: [{ quantity: 2, unitPrice: '50.00', vatRate: 20 }] },
    });
    expect(res.status).toBe(201);
    const stored = await app.api().get(`/api/invoices/${res.body.data.documentId}?populate=*`);
    expect(stored.body.data).toMatchObject({
      customer: { documentId: r.customer.documentId },
      customerToBill: { documentId: payer.documentId },
      billingSite: { documentId: payerSite.documentId },
      salesman: { documentId: r.main.documentId },
      currency: { documentId: eur },
      amountExclTax: 100,
    });
  });

  it('refuses another customer in the data, an unknown type and an unknown record', async () => {
    const r = await customerWithEverything();
    const other = await f.customer();
    const wrong = await app.api().post(`/api/customers/${r.customer.documentId}/management-objects/orders`).send({ data: { customer: other.documentId } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.errors[0].path).toEqual(['customer']);
    const badType = await app.api().post(`/api/customers/${r.customer.documentId}/management-objects/widgets`).send({ data: {} });
    expect(badType.status).toBe(400);
    expect(badType.body.error.details.errors[0].path).toEqual(['type']);
    expect(badType.body.error.message).toMatch(/unknown management object type widgets: use one of .*invoices/);
    const unknown = await app.api().post('/api/customers/nope0000000000000000000/management-objects/orders').send({ data: {} });
    expect(unknown.status).toBe(404);
  });

  it('a prospect gets opportunities only', async () => {
    const prospect = await f.customer({ kind: 'prospect', callName: uniq('Prospect'), currency: eur });
    const invoice = await app.api().post(`/api/customers/${prospect.documentId}/management-objects/invoices`).send({ data: { number: uniq('INV'), date: '2026-03-01' } });
    expect(invoice.status).toBe(400);
    expect(invoice.body.error.message).toMatch(/is a prospect: only opportunities .* convert it into a customer first/);
    const opp = await app.api().post(`/api/customers/${prospect.documentId}/management-objects/opportunities`).send({
      data: { number: uniq('OPP'), title: 'First deal', date: '2026-03-01', expectedAmountExclTax: '5000.00' },
    });
    expect(opp.status).toBe(201);
    expect(opp.body.data.title).toBe('First deal');
  });

  it('reports the rules of the type (a missing number is a 400 on its field, nothing written)', async () => {
    const r = await customerWithEverything();
    const before = await app.api().get(`/api/customers/${r.customer.documentId}/management-objects`);
    const res = await app.api().post(`/api/customers/${r.customer.documentId}/management-objects/quotations`).send({ data: { date: '2026-03-01' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain('number');
    const after = await app.api().get(`/api/customers/${r.customer.documentId}/management-objects`);
    expect(after.body.data).toEqual(before.body.data);
  });

  it('needs the permission to create that type too (users-permissions role)', async () => {
    const r = await customerWithEverything();
    const portal = await portalUser(app, ['api::customer.management-objects.create']);
    const data = { number: uniq('ORD'), date: '2026-03-01', lines: [{ quantity: 1, unitPrice: '10.00', vatRate: 20 }] };
    const denied = await portal.agent().post(`/api/customers/${r.customer.documentId}/management-objects/orders`).send({ data });
    expect(denied.status).toBe(403);
    await portal.grant('api::order.order.create');
    const allowed = await portal.agent().post(`/api/customers/${r.customer.documentId}/management-objects/orders`).send({ data });
    expect(allowed.status).toBe(201);
    const noRoute = await portalUser(app, ['api::order.order.create']);
    expect((await noRoute.agent().post(`/api/customers/${r.customer.documentId}/management-objects/orders`).send({ data: { ...data, number: uniq('ORD') } })).status).toBe(403);
  });
});

describe('linked management objects', () => {
  it('counts every type, and lists one type where the record is customer or customer to bill, by state, paged', async () => {
    const r = await customerWithEverything();
    const payer = (await customerWithEverything()).customer;
    const mk = (customer: string, state: string, extra: Record<string, unknown> = {}) =>
      f.invoice({ customer, currency: eur, state, lines: [{ quantity: 1, unitPrice: '10.00', vatRate: 20 }], ...extra });
    const mine = [await mk(r.customer.documentId, 'issued', { date: '2026-01-01' }), await mk(r.customer.documentId, 'issued', { date: '2026-01-02' })];
    // the second is paid by a receipt allocated to it
    await f.receipt({ customer: r.customer.documentId, currency: eur, amount: '12.00', allocations: [{ invoice: mine[1].documentId, amount: '12.00' }] });
    const billedToPayer = await mk(r.customer.documentId, 'issued', { date: '2026-01-03', customerToBill: payer.documentId });
    await mk(payer.documentId, 'issued');
    await f.opportunity({ customer: r.customer.documentId });
    await f.event({ customer: r.customer.documentId });

    const counts = await app.api().get(`/api/customers/${r.customer.documentId}/management-objects`);
    const byType = Object.fromEntries(counts.body.data.map((c: any) => [c.type, c.count]));
    expect(byType).toMatchObject({ invoices: 3, opportunities: 1, events: 1, orders: 0 });
    const payerCounts = await app.api().get(`/api/customers/${payer.documentId}/management-objects`);
    expect(payerCounts.body.data.find((c: any) => c.type === 'invoices').count).toBe(2);

    const issued = await app.api().get(`/api/customers/${r.customer.documentId}/management-objects`).query({ type: 'invoices', state: 'issued' });
    expect(issued.body.data.map((d: Doc) => d.documentId)).toEqual([billedToPayer.documentId, mine[0].documentId]);
    const page2 = await app.api().get(`/api/customers/${r.customer.documentId}/management-objects`).query({ type: 'invoices', page: 2, pageSize: 2 });
    expect(page2.body.data.map((d: Doc) => d.documentId)).toEqual([mine[0].documentId]);
    expect(page2.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });
  });

  it('refuses an unknown type, a state on a type without one and a bad page', async () => {
    const r = await customerWithEverything();
    const url = `/api/customers/${r.customer.documentId}/management-objects`;
    expect((await app.api().get(url).query({ type: 'widgets' })).status).toBe(400);
    const state = await app.api().get(url).query({ type: 'events', state: 'open' });
    expect(state.status).toBe(400);
    expect(state.body.error.details.errors[0].path).toEqual(['state']);
    const page = await app.api().get(url).query({ type: 'invoices', page: 0 });
    expect(page.status).toBe(400);
    expect(page.body.error.details.errors[0].path).toEqual(['page']);
  });

  it('is a GraphQL query too', async () => {
    const r = await customerWithEverything();
    await f.opportunity({ customer: r.customer.documentId });
    const res = await app.api().post('/graphql').send({ query: `query($c: ID!) { linkedManagementObjectCounts(customer: $c) { type count } }`, variables: { c: r.customer.documentId } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.linkedManagementObjectCounts).toContainEqual({ type: 'opportunities', count: 1 });
  });
});
