import { dec, Factories, IDS, uniq, type Doc } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

// Input shapes a REST or GraphQL client trips over: each is a 400 naming its field, and nothing
// is written; an update derives what a create derives.
const app = testApp();
let f: Factories;
let eur: Doc;
let company: Doc;
let alpha: Doc;
let beta: Doc;

beforeAll(async () => {
  f = new Factories(app.api);
  eur = await f.currency({ code: 'EUR', name: 'Euro' });
  company = await f.company({ currency: eur.documentId });
  alpha = await f.customer({ callName: 'Alpha', company: company.documentId, siret: IDS.siret });
  beta = await f.customer({ callName: 'Beta', company: company.documentId, siret: IDS.siret2 });
});

const INVOICES = 'api::invoice.invoice';
const count = () => app.strapi.db.query(INVOICES).count();
const invoiceData = (o: Record<string, unknown> = {}) => ({
  number: uniq('INV'),
  date: '2025-01-15',
  customer: alpha.documentId,
  currency: eur.documentId,
  company: company.documentId,
  lines: [],
  amountExclTax: '100.00',
  ...o,
});
const paths = (res: any) => (res.body.error?.details?.errors ?? []).map((e: { path: string[] }) => e.path.join('.'));

/** A refused create: 400, the field named in details and in the message, nothing written. */
async function refusedCreate(data: Record<string, unknown>, field: string, message: RegExp) {
  const before = await count();
  const res = await app.api().post('/api/invoices').send({ data });
  expect(res.status).toBe(400);
  expect(paths(res)).toContain(field);
  expect(res.body.error.message).toMatch(message);
  expect(res.body.error.message).not.toMatch(/NaN|locale "null"/);
  expect(await count()).toBe(before);
}

describe('an update of a document without lines derives its totals as a create does', () => {
  it('a create fills the tax and the total in', async () => {
    const inv = await f.invoice(invoiceData({ amountExclTax: '100.00', taxAmount: '20.00' }));
    expect([dec(inv.amountExclTax), dec(inv.taxAmount), dec(inv.amountInclTax)]).toEqual(['100.00', '20.00', '120.00']);
  });

  it('changing only the pre-tax amount keeps the VAT ratio and recomputes the total', async () => {
    const inv = await f.invoice(invoiceData({ amountExclTax: '100.00', taxAmount: '20.00' }));
    const res = await app.api().put(`/api/invoices/${inv.documentId}`).send({ data: { amountExclTax: '250.00' } }).expect(200);
    expect([dec(res.body.data.amountExclTax), dec(res.body.data.taxAmount), dec(res.body.data.amountInclTax)]).toEqual(['250.00', '50.00', '300.00']);
  });

  it('changing the tax recomputes the total; changing the total recomputes the tax', async () => {
    const inv = await f.invoice(invoiceData({ amountExclTax: '100.00', taxAmount: '20.00' }));
    const byTax = await app.api().put(`/api/invoices/${inv.documentId}`).send({ data: { taxAmount: '5.50' } }).expect(200);
    expect(dec(byTax.body.data.amountInclTax)).toBe('105.50');
    const byTotal = await app.api().put(`/api/invoices/${inv.documentId}`).send({ data: { amountInclTax: '110.00' } }).expect(200);
    expect([dec(byTotal.body.data.taxAmount), dec(byTotal.body.data.amountInclTax)]).toEqual(['10.00', '110.00']);
  });

  it('amounts that disagree are still refused on the field', async () => {
    const inv = await f.invoice(invoiceData());
    const res = await app.api().put(`/api/invoices/${inv.documentId}`).send({ data: { amountExclTax: '100.00', taxAmount: '20.00', amountInclTax: '999.00' } });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['amountInclTax']);
  });

  it('the same over GraphQL', async () => {
    const inv = await f.invoice(invoiceData({ amountExclTax: '100.00', taxAmount: '20.00' }));
    const res = await app.api().post('/graphql').send({
      query: 'mutation($id: ID!) { updateInvoice(documentId: $id, data: { amountExclTax: 300 }) { amountExclTax taxAmount amountInclTax } }',
      variables: { id: inv.documentId },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.updateInvoice).toEqual({ amountExclTax: 300, taxAmount: 60, amountInclTax: 360 });
  });
});

describe('relation inputs', () => {
  it('a documentId that names no record is a 400 on the field', async () => {
    await refusedCreate(invoiceData({ customer: 'no-such-customer' }), 'customer', /customer: no customer "no-such-customer"/);
    await refusedCreate(invoiceData({ currency: { connect: ['no-such-currency'] } }), 'currency', /currency: no currency/);
    await refusedCreate(invoiceData({ customer: 999999 }), 'customer', /customer: no customer with id 999999/);
  });

  it('a value that is not a reference is a 400 on the field', async () => {
    await refusedCreate(invoiceData({ customer: true }), 'customer', /customer must name a customer by its documentId \(got boolean true\)/);
    // an object of unknown keys is refused by Strapi's own input validation, which names the field in details.path
    const res = await app.api().post('/api/invoices').send({ data: invoiceData({ customer: { name: 'x' } }) });
    expect([res.status, res.body.error.details.path]).toEqual([400, 'customer']);
    await refusedCreate(invoiceData({ customer: 1.5 }), 'customer', /customer must name a customer/);
    await refusedCreate(invoiceData({ customer: '' }), 'customer', /customer must name a customer/);
  });

  it('a list for a to-one relation is refused instead of keeping its last element', async () => {
    await refusedCreate(invoiceData({ customer: [alpha.documentId, beta.documentId] }), 'customer', /customer takes one customer, not a list of 2/);
    await refusedCreate(invoiceData({ customer: { connect: [alpha.documentId, beta.documentId] } }), 'customer', /customer takes one record/);
    // a list of one, and the Content Manager's { connect, disconnect } deltas, are still taken
    const one = await f.invoice(invoiceData({ customer: [beta.documentId] }));
    const read = await app.api().get(`/api/invoices/${one.documentId}?populate=customer`).expect(200);
    expect(read.body.data.customer.documentId).toBe(beta.documentId);
    const moved = await app.api().put(`/api/invoices/${one.documentId}`).send({ data: { customer: { connect: [{ documentId: alpha.documentId }], disconnect: [{ documentId: beta.documentId }] } } });
    expect(moved.status).toBe(200);
  });

  it('relations inside components are checked too (a document line article)', async () => {
    const res = await app.api().post('/api/invoices').send({ data: invoiceData({ lines: [{ label: 'x', quantity: '1', unitPrice: '1.00', article: 'no-such-article' }] }) });
    expect(res.status).toBe(400);
    expect(paths(res)).toContain('lines.0.article');
  });

  it('a required relation or amount cannot be set to null (no NaN in the answer)', async () => {
    const inv = await f.invoice(invoiceData());
    for (const [field, expected] of [['amountExclTax', /amountExclTax is required/], ['customer', /customer is required/]] as const) {
      const res = await app.api().put(`/api/invoices/${inv.documentId}`).send({ data: { [field]: null } });
      expect(res.status).toBe(400);
      expect(paths(res)).toEqual([field]);
      expect(res.body.error.message).toMatch(expected);
    }
    const stored = await app.api().get(`/api/invoices/${inv.documentId}`).expect(200);
    expect(dec(stored.body.data.amountExclTax)).toBe('100.00');
  });

  it('over GraphQL the refusal is BAD_USER_INPUT naming the field', async () => {
    const before = await count();
    const res = await app.api().post('/graphql').send({
      query: 'mutation($d: InvoiceInput!) { createInvoice(data: $d) { documentId } }',
      variables: { d: invoiceData({ customer: 'no-such-customer', amountExclTax: 100 }) },
    });
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors[0].extensions.error.details.errors[0].path).toEqual(['customer']);
    expect(await count()).toBe(before);
  });
});

describe('relation inputs that name records to disconnect or to place against', () => {
  it('a missing record in disconnect or in a position is a 400 on the field', async () => {
    const inv = await f.invoice(invoiceData());
    const cases: Record<string, unknown>[] = [
      { customer: { disconnect: ['no-such-customer'] } },
      { customer: { connect: [alpha.documentId], disconnect: [{ documentId: 'no-such-customer' }] } },
      { customer: { connect: [{ documentId: alpha.documentId, position: { before: 'no-such-customer' } }] } },
    ];
    for (const data of cases) {
      const res = await app.api().put(`/api/invoices/${inv.documentId}`).send({ data });
      expect([JSON.stringify(data), res.status]).toEqual([JSON.stringify(data), 400]);
      expect(paths(res)).toEqual(['customer']);
      expect(res.body.error.message).not.toMatch(/locale "null"/);
    }
  });
});

describe('filter operators a query engine cannot take', () => {
  it('two operators on one relation, or an object as an operand, are 400s naming the filter (any client)', async () => {
    for (const [query, path] of [
      [`filters[customer][$lt]=${alpha.id + 10}&filters[customer][$gt]=0`, 'filters.customer'],
      ['filters[customer][$eq][callName]=Beta', 'filters.customer.$eq'],
      ['filters[number][$eq][x]=1', 'filters.number.$eq'],
      ['filters[number][$in][0][x]=1', 'filters.number.$in'],
    ]) {
      const res = await app.api().get(`/api/invoices?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(paths(res)).toContain(path);
    }
    // one operator on a relation, and several on its id, still work
    await app.api().get(`/api/invoices?filters[customer][$eq]=${alpha.id}`).expect(200);
    await app.api().get(`/api/invoices?filters[customer][id][$lt]=${alpha.id + 10}&filters[customer][id][$gt]=0`).expect(200);
  });
});
