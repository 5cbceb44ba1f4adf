import { Factories, dec, line, uniq } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

/** VAT equivalences of the functional area, holdback due dates, and closed sites and customers. */
const app = testApp();
let f: Factories;
let eur: string;
beforeAll(async () => {
  f = new Factories(app.api);
  eur = (await f.currency({ code: 'EUR', name: 'Euro' })).documentId;
});

const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * 86400000).toISOString().slice(0, 10);
const populated = async (plural: string, documentId: string) => (await app.api().get(`/api/${plural}/${documentId}?populate=*`)).body.data;

describe('VAT equivalence of the functional area', () => {
  it("replaces the sold article's VAT code by its equivalent for the billed customer, and the totals follow", async () => {
    const normal = await f.vatCode({ rate: '20.00', label: 'Normal' });
    const exempt = await f.vatCode({ rate: '0.00', label: 'Intra-EU exempt' });
    const reduced = await f.vatCode({ rate: '5.50', label: 'Reduced' });
    const area = await f.functionalArea({ equivalences: [{ sourceVatCode: normal.documentId, targetVatCode: exempt.documentId }] });
    const customer = await f.customer({ country: 'DE', siret: null, functionalArea: area.documentId });
    const article = await f.article({ vatCode: normal.documentId });
    const book = await f.article({ vatCode: reduced.documentId });
    const invoice = await f.invoice({
      customer: customer.documentId,
      currency: eur,
      lines: [
        { article: article.documentId, quantity: '1', unitPrice: '100.00', label: 'no code: the article gives it' },
        { ...line(article, normal, '1', '50.00'), label: 'the article own code' },
        { ...line(book, reduced, '1', '10.00'), label: 'no equivalence for this code' },
        { ...line(article, reduced, '1', '20.00'), label: 'a code chosen by hand is kept' },
      ],
    });
    const stored = await app.api().get(`/api/invoices/${invoice.documentId}?populate[lines][populate]=*`);
    const codes = stored.body.data.lines.map((l: any) => l.vatCode?.documentId);
    expect(codes).toEqual([exempt.documentId, exempt.documentId, reduced.documentId, reduced.documentId]);
    expect(dec(stored.body.data.amountExclTax)).toBe('180.00');
    expect(dec(stored.body.data.taxAmount)).toBe('1.65'); // 5.5 % of 30.00
  });

  it("uses the customer to bill's area, on updates too", async () => {
    const normal = await f.vatCode({ rate: '20.00' });
    const exempt = await f.vatCode({ rate: '0.00' });
    const area = await f.functionalArea({ equivalences: [{ sourceVatCode: normal.documentId, targetVatCode: exempt.documentId }] });
    const payer = await f.customer({ callName: uniq('Payer'), functionalArea: area.documentId });
    const customer = await f.customer({ callName: uniq('Sold-to') });
    const article = await f.article({ vatCode: normal.documentId });
    const order = await f.order({ customer: customer.documentId, customerToBill: payer.documentId, currency: eur, lines: [line(article, normal, '1', '10.00')] });
    expect(dec(order.taxAmount)).toBe('0.00');
    const res = await app.api().put(`/api/orders/${order.documentId}`).send({ data: { lines: [line(article, normal, '2', '10.00')] } });
    expect(res.status).toBe(200);
    expect(dec(res.body.data.amountExclTax)).toBe('20.00');
    expect(dec(res.body.data.taxAmount)).toBe('0.00');
  });
});

describe('holdback', () => {
  it("due date = invoice date + the customer's holdback days; the amount comes from the rate", async () => {
    const company = await f.company({ defaultHoldbackDays: 365 });
    const customer = await f.customer({ company: company.documentId, holdbackDays: 90 });
    const invoice = await f.invoice({ customer: customer.documentId, currency: eur, date: '2026-01-31', holdbackRate: '5.00', lines: [{ quantity: 1, unitPrice: '1000.00', vatRate: 20 }] });
    expect(dec(invoice.holdbackAmount)).toBe('60.00'); // 5 % of 1,200.00
    expect(invoice.holdbackDueDate).toBe('2026-05-01');
  });

  it("falls back to the company's days when the customer has none, and follows a change of date", async () => {
    const company = await f.company({ defaultHoldbackDays: 365 });
    const customer = await f.customer({ company: company.documentId });
    const invoice = await f.invoice({ customer: customer.documentId, currency: eur, date: '2026-03-01', holdbackAmount: '50.00', lines: [{ quantity: 1, unitPrice: '1000.00', vatRate: 20 }] });
    expect(invoice.holdbackDueDate).toBe('2027-03-01');
    const moved = await app.api().put(`/api/invoices/${invoice.documentId}`).send({ data: { date: '2026-04-15' } });
    expect(moved.status).toBe(200);
    expect(moved.body.data.holdbackDueDate).toBe('2027-04-15');
    const removed = await app.api().put(`/api/invoices/${invoice.documentId}`).send({ data: { holdbackAmount: null } });
    expect(removed.body.data.holdbackDueDate).toBeNull();
  });

  it('recomputes the amount when the lines change', async () => {
    const customer = await f.customer({ holdbackDays: 30 });
    const invoice = await f.invoice({ customer: customer.documentId, currency: eur, date: '2026-01-01', holdbackRate: '10.00', lines: [{ quantity: 1, unitPrice: '100.00', vatRate: 20 }] });
    const res = await app.api().put(`/api/invoices/${invoice.documentId}`).send({ data: { lines: [{ quantity: 3, unitPrice: '100.00', vatRate: 20 }] } });
    expect(dec(res.body.data.holdbackAmount)).toBe('36.00');
    expect(res.body.data.holdbackDueDate).toBe('2026-01-31');
  });

  it('refuses a due date that disagrees, an amount off its rate, and a holdback above the invoice', async () => {
    const customer = await f.customer({ holdbackDays: 30 });
    const base = { number: uniq('INV'), customer: customer.documentId, currency: eur, date: '2026-01-01', lines: [{ quantity: 1, unitPrice: '100.00', vatRate: 20 }] };
    const due = await app.api().post('/api/invoices').send({ data: { ...base, holdbackAmount: '10.00', holdbackDueDate: '2026-12-31' } });
    expect(due.status).toBe(400);
    expect(due.body.error.details.errors).toEqual([expect.objectContaining({ path: ['holdbackDueDate'], message: 'holdbackDueDate is computed: invoice date + 30 holdback days = 2026-01-31' })]);
    const off = await app.api().post('/api/invoices').send({ data: { ...base, holdbackRate: '5', holdbackAmount: '7.00' } });
    expect(off.status).toBe(400);
    expect(off.body.error.details.errors[0]).toMatchObject({ path: ['holdbackAmount'], message: 'holdbackAmount must be 5% of 120.00, that is 6.00' });
    const above = await app.api().post('/api/invoices').send({ data: { ...base, holdbackAmount: '120.01' } });
    expect(above.status).toBe(400);
    expect(above.body.error.details.errors[0].message).toMatch(/must not exceed the amount including tax \(120.00\)/);
    const rate = await app.api().post('/api/invoices').send({ data: { ...base, holdbackRate: '101' } });
    expect(rate.status).toBe(400);
    expect(rate.body.error.details.errors[0].path).toEqual(['holdbackRate']);
  });
});

describe('closing', () => {
  it('refuses a closed site on a new management object, and a site closed since a past date', async () => {
    const customer = await f.customer();
    const closed = await f.site({ customer: customer.documentId, name: 'Closed office', closed: true });
    const past = await f.site({ customer: customer.documentId, name: 'Moved out', closedOn: iso(-1) });
    const today = await f.site({ customer: customer.documentId, name: 'Last day', closedOn: iso(0) });
    const data = (site: string) => ({ number: uniq('ORD'), customer: customer.documentId, currency: eur, date: '2026-01-01', deliverySite: site, lines: [{ quantity: 1, unitPrice: '10.00', vatRate: 20 }] });
    const r1 = await app.api().post('/api/orders').send({ data: data(closed.documentId) });
    expect(r1.status).toBe(400);
    expect(r1.body.error.details.errors).toEqual([expect.objectContaining({ path: ['deliverySite'], message: 'site Closed office is closed: it cannot be used on new management objects' })]);
    const r2 = await app.api().post('/api/orders').send({ data: data(past.documentId) });
    expect(r2.status).toBe(400);
    expect(r2.body.error.details.errors[0].message).toMatch(/site Moved out is closed since/);
    expect((await app.api().post('/api/orders').send({ data: data(today.documentId) })).status).toBe(201);
  });

  it('refuses new objects for a customer past its closure date, as customer or customer to bill; its old ones stay editable', async () => {
    const closedCustomer = await f.customer({ callName: uniq('Closed') });
    const invoice = await f.invoice({ customer: closedCustomer.documentId, currency: eur, state: 'issued' });
    await app.api().put(`/api/customers/${closedCustomer.documentId}`).send({ data: { closedOn: iso(-10) } });
    const other = await f.customer();
    const base = { currency: eur, date: '2026-01-01', lines: [{ quantity: 1, unitPrice: '10.00', vatRate: 20 }] };
    const asCustomer = await app.api().post('/api/invoices').send({ data: { ...base, number: uniq('INV'), customer: closedCustomer.documentId } });
    expect(asCustomer.status).toBe(400);
    expect(asCustomer.body.error.details.errors[0]).toMatchObject({ path: ['customer'], message: expect.stringMatching(/was closed on .*: it cannot get new management objects/) });
    const asPayer = await app.api().post('/api/invoices').send({ data: { ...base, number: uniq('INV'), customer: other.documentId, customerToBill: closedCustomer.documentId } });
    expect(asPayer.status).toBe(400);
    expect(asPayer.body.error.details.errors[0].path).toEqual(['customerToBill']);
    // moving an existing object onto the closed customer is using it too
    const mine = await f.invoice({ customer: other.documentId, currency: eur });
    const moved = await app.api().put(`/api/invoices/${mine.documentId}`).send({ data: { customer: closedCustomer.documentId } });
    expect(moved.status).toBe(400);
    // its existing invoice is still paid (a receipt allocated to it) and edited, even when the caller repeats the customer
    const receipt = await app.api().post('/api/receipts').send({
      data: { number: uniq('REC'), customer: closedCustomer.documentId, currency: eur, date: '2026-01-02', amount: invoice.amountInclTax, allocations: [{ invoice: invoice.documentId, amount: invoice.amountInclTax }] },
    });
    expect(receipt.status).toBe(201);
    const edited = await app.api().put(`/api/invoices/${invoice.documentId}`).send({ data: { customer: closedCustomer.documentId, dueDate: '2026-12-31' } });
    expect([edited.status, edited.body.data?.state]).toEqual([200, 'paid']);
    const helpdesk = await app.api().post('/api/helpdesk-issues').send({ data: { number: uniq('HD'), title: 'Printer', customer: closedCustomer.documentId } });
    expect(helpdesk.status).toBe(400);
  });

  it('never picks a closed billing site when pre-filling', async () => {
    const customer = await f.customer();
    await f.site({ customer: customer.documentId, name: 'Closed billing', isBillingSite: true, closed: true });
    const invoice = await f.invoice({ customer: customer.documentId, currency: eur });
    expect((await populated('invoices', invoice.documentId)).billingSite).toBeNull();
  });
});
