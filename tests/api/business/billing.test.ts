import { Factories, Probes, startingKit, type Doc, uniq } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

/**
 * The spec's sold-to / to-bill scenario (Creating business links): the sold-to party's TO_BILL link
 * marked Default names the customer to bill; the invoice shows both; the credit check hits the
 * customer to bill.
 */
const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;
let toBillType: string;
beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
  const types = await app.api().get('/api/link-types').query({ 'filters[code][$in][0]': 'TO_BILL', 'filters[code][$in][1]': 'SOLDTOPARTY' });
  toBillType = types.body.data.find((t: Doc) => t.code === 'TO_BILL').documentId;
});

/** A sold-to party, a customer to bill with billing sites (one closed), and the Default TO_BILL link. */
async function scenario(linkData: Record<string, unknown> = { isDefault: true }) {
  const company = await f.company({ currency: eur });
  const soldTo = await f.customer({ callName: uniq('Sold-to'), company: company.documentId, currency: eur });
  const term = await f.paymentTerm();
  const toBill = await f.customer({ callName: uniq('To bill'), company: company.documentId, currency: eur, paymentTerm: term.documentId });
  const closedSite = await f.site({ name: 'Old billing office', customer: toBill.documentId, isBillingSite: true, closed: true });
  const deliveryOnly = await f.site({ name: 'Warehouse', customer: toBill.documentId, isBillingSite: false, isDeliverySite: true });
  const billingSite = await f.site({ name: 'Accounts payable', customer: toBill.documentId, isBillingSite: true });
  const link = await f.businessLink({ customer: soldTo.documentId, linkedCustomer: toBill.documentId, linkType: toBillType, ...linkData });
  return { company, soldTo, toBill, term, closedSite, deliveryOnly, billingSite, link };
}

describe('link types', () => {
  it('seeds SOLDTOPARTY (stakeholder) and TO_BILL (invoice) at boot', async () => {
    const res = await app.api().get('/api/link-types').query({ 'filters[code][$in][0]': 'TO_BILL', 'filters[code][$in][1]': 'SOLDTOPARTY' });
    const byCode = Object.fromEntries(res.body.data.map((t: Doc) => [t.code, t.kind]));
    expect(byCode).toEqual({ SOLDTOPARTY: 'stakeholder', TO_BILL: 'invoice' });
  });
});

describe('resolver', () => {
  it('answers the customer to bill and its open billing site for a sold-to party', async () => {
    const s = await scenario();
    const res = await app.api().get('/api/business-links/resolve').query({ customer: s.soldTo.documentId });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      customer: { documentId: s.soldTo.documentId, callName: s.soldTo.callName },
      customerToBill: { documentId: s.toBill.documentId, callName: s.toBill.callName },
      billingSite: { documentId: s.billingSite.documentId, name: 'Accounts payable' },
      source: 'link',
      link: s.link.documentId,
      candidates: [],
    });
  });

  it('prefers the default link of the project, then the project without link, else the sold-to party itself', async () => {
    const s = await scenario();
    const other = await f.customer({ callName: uniq('Project payer'), company: s.company.documentId });
    const otherSite = await f.site({ name: 'Project billing', customer: other.documentId, isBillingSite: true });
    const project = await f.project({ customer: other.documentId, endCustomer: s.soldTo.documentId, customers: [s.soldTo.documentId] });
    await f.businessLink({ customer: s.soldTo.documentId, linkedCustomer: other.documentId, linkType: toBillType, isDefault: true, project: project.documentId, billingSite: otherSite.documentId });
    const withProject = await app.api().get('/api/business-links/resolve').query({ customer: s.soldTo.documentId, project: project.documentId });
    expect(withProject.body.data).toMatchObject({ customerToBill: { documentId: other.documentId }, billingSite: { documentId: otherSite.documentId }, source: 'projectLink' });

    // no link at all: the project's customer (customer to bill) pays for its end customer
    const endCustomer = await f.customer({ callName: uniq('End customer'), company: s.company.documentId });
    const project2 = await f.project({ customer: s.toBill.documentId, endCustomer: endCustomer.documentId });
    const fromProject = await app.api().get('/api/business-links/resolve').query({ customer: endCustomer.documentId, project: project2.documentId });
    expect(fromProject.body.data).toMatchObject({ customerToBill: { documentId: s.toBill.documentId }, billingSite: { documentId: s.billingSite.documentId }, source: 'project' });

    const alone = await app.api().get('/api/business-links/resolve').query({ customer: endCustomer.documentId });
    expect(alone.body.data).toMatchObject({ customerToBill: { documentId: endCustomer.documentId }, source: 'self', billingSite: null });
    expect(alone.body.data.warnings.join(' ')).toMatch(/no open billing site/);
  });

  it('without the Default flag the link is only a candidate: the clerk changes the customer to bill by hand', async () => {
    const s = await scenario({ isDefault: false });
    const res = await app.api().get('/api/business-links/resolve').query({ customer: s.soldTo.documentId });
    expect(res.body.data.customerToBill.documentId).toBe(s.soldTo.documentId);
    expect(res.body.data.source).toBe('self');
    expect(res.body.data.candidates).toEqual([{ link: s.link.documentId, customerToBill: s.toBill.documentId }]);
  });

  it('refuses a missing customer (400), an unknown one (404) and an unknown project (400)', async () => {
    const missing = await app.api().get('/api/business-links/resolve');
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.errors[0].path).toEqual(['customer']);
    expect((await app.api().get('/api/business-links/resolve').query({ customer: 'nope0000000000000000000' })).status).toBe(404);
    const s = await scenario();
    const badProject = await app.api().get('/api/business-links/resolve').query({ customer: s.soldTo.documentId, project: 'nope0000000000000000000' });
    expect(badProject.status).toBe(400);
    expect(badProject.body.error.details.errors[0].path).toEqual(['project']);
  });

  it('is also a GraphQL query', async () => {
    const s = await scenario();
    const res = await app.api().post('/graphql').send({
      query: `query($c: ID!) { resolveBilling(customer: $c) { source customer { documentId } customerToBill { documentId callName } billingSite { name } } }`,
      variables: { c: s.soldTo.documentId },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.resolveBilling).toEqual({
      source: 'link',
      customer: { documentId: s.soldTo.documentId },
      customerToBill: { documentId: s.toBill.documentId, callName: s.toBill.callName },
      billingSite: { name: 'Accounts payable' },
    });
  });
});

describe('a new management object', () => {
  it('shows both customers: the sold-to party and the customer to bill with its billing site and payment terms', async () => {
    const s = await scenario();
    const res = await app.api().post('/api/invoices?populate=*').send({
      data: { number: uniq('INV'), customer: s.soldTo.documentId, date: '2026-02-01', lines: [{ quantity: 1, unitPrice: '100.00', vatRate: 20 }] },
    });
    expect(res.status).toBe(201);
    expect(res.body.data.customer.documentId).toBe(s.soldTo.documentId);
    expect(res.body.data.customerToBill.documentId).toBe(s.toBill.documentId);
    expect(res.body.data.billingSite.documentId).toBe(s.billingSite.documentId);
    expect(res.body.data.paymentTerm.documentId).toBe(s.term.documentId);
    expect(res.body.data.currency.documentId).toBe(eur);
    expect(res.body.data.company.documentId).toBe(s.company.documentId);
  });

  it('keeps what the caller gives, even a customer to bill of its own', async () => {
    const s = await scenario();
    const res = await app.api().post('/api/orders?populate=*').send({
      data: { number: uniq('ORD'), customer: s.soldTo.documentId, customerToBill: s.soldTo.documentId, currency: eur, date: '2026-02-01', billingSite: null, lines: [{ quantity: 1, unitPrice: '10.00', vatRate: 20 }] },
    });
    expect(res.status).toBe(201);
    expect(res.body.data.customerToBill.documentId).toBe(s.soldTo.documentId);
    expect(res.body.data.billingSite).toBeNull();
  });

  it('credit-checks the customer to bill, not the sold-to party', async () => {
    const s = await scenario();
    await f.creditPolicy(s.toBill.documentId, { mode: 'block', threshold: '1000.00', currency: 'EUR' });
    await f.creditPolicy(s.soldTo.documentId, { mode: 'block', threshold: '1000000.00', currency: 'EUR' });
    const first = await f.invoiceResponse(s.soldTo.documentId, eur, 900, { customerToBill: undefined });
    expect(first.status).toBe(201);
    const refused = await f.invoiceResponse(s.soldTo.documentId, eur, 200);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/Credit blocked/);
    expect(refused.body.error.details).toMatchObject({ errors: [expect.objectContaining({ path: ['customerToBill'] })] });
    const toBill = await probe.summary(s.toBill.documentId);
    const soldTo = await probe.summary(s.soldTo.documentId);
    expect(toBill.exposure).toBe('900.00');
    expect(soldTo.exposure).toBe('0.00');
  });

  it('needs the sold-to party on a multi-customer project, and one of its customers', async () => {
    const s = await scenario();
    const stranger = await f.customer({ callName: uniq('Stranger'), company: s.company.documentId });
    const project = await f.project({ customer: s.toBill.documentId, multiCustomer: true, customers: [s.soldTo.documentId] });
    const base = { number: uniq('QUO'), currency: eur, date: '2026-02-01', project: project.documentId, lines: [{ quantity: 1, unitPrice: '10.00', vatRate: 20 }] };
    const none = await app.api().post('/api/quotations').send({ data: base });
    expect(none.status).toBe(400);
    expect(none.body.error.details.errors).toEqual([expect.objectContaining({ path: ['customer'], message: expect.stringMatching(/several customers: give the customer \(the sold-to party\)/) })]);
    const wrong = await app.api().post('/api/quotations').send({ data: { ...base, customer: stranger.documentId } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.errors[0].message).toMatch(/not one of the customers of project/);
    const ok = await app.api().post('/api/quotations?populate=*').send({ data: { ...base, number: uniq('QUO'), customer: s.soldTo.documentId } });
    expect(ok.status).toBe(201);
    expect(ok.body.data.customerToBill.documentId).toBe(s.toBill.documentId);
  });

  it('takes the end customer of a single-customer project when the customer is left out', async () => {
    const s = await scenario();
    const project = await f.project({ customer: s.toBill.documentId, endCustomer: s.soldTo.documentId });
    const res = await app.api().post('/api/orders?populate=*').send({
      data: { number: uniq('ORD'), currency: eur, date: '2026-02-01', project: project.documentId, lines: [{ quantity: 1, unitPrice: '10.00', vatRate: 20 }] },
    });
    expect(res.status).toBe(201);
    expect(res.body.data.customer.documentId).toBe(s.soldTo.documentId);
    expect(res.body.data.customerToBill.documentId).toBe(s.toBill.documentId);
  });
});
