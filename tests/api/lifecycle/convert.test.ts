import { policyOnProspect } from '../../helpers/credit';
import { Factories, dec, uniq, type Doc } from '../../helpers/factories';
import { portalUser } from '../../helpers/portal-user';
import { testApp } from '../../helpers/strapi';

// Prospect → customer: manual conversion, opportunity → order (one transaction), the
// document-service hook on any opportunity write linking an order, GraphQL and permissions.
const app = testApp();
let f: Factories;
let eur: string;
let auto: Doc;
let manual: Doc;

beforeAll(async () => {
  f = new Factories(app.api);
  eur = (await f.currency({ code: 'EUR', name: 'Euro' })).documentId;
  auto = await f.company({ currency: eur });
  manual = await f.company({ currency: eur, name: 'Manuel SA', customerNumbering: 'manual' });
});

const today = () => new Date().toISOString().slice(0, 10);
const errorPaths = (body: any): string[] => (body?.error?.details?.errors ?? []).map((e: { path: string[] }) => e.path.join('.'));
const prospect = (company: Doc, o: Record<string, unknown> = {}) =>
  f.customer({ kind: 'prospect', callName: 'Prospect SARL', company: company.documentId, ...(company === manual && !('code' in o) ? { code: uniq('P') } : {}), ...o });
const convert = (documentId: string, body: Record<string, unknown> = {}) => app.api().post(`/api/customers/${documentId}/convert`).send(body);
const toOrder = (documentId: string, body: Record<string, unknown>) => app.api().post(`/api/opportunities/${documentId}/order`).send(body);
const record = (documentId: string) => app.strapi.documents('api::customer.customer').findOne({ documentId });
const orderCount = () => app.strapi.db.query('api::order.order').count();

/** Sites, contacts, events and sales documents pointing at a record. */
async function relationCounts(documentId: string) {
  const row = await app.strapi.db.query('api::customer.customer').findOne({ where: { documentId }, populate: ['sites', 'contacts', 'events'] });
  const where = { customer: { documentId } };
  return {
    sites: row.sites.length,
    contacts: row.contacts.length,
    events: row.events.length,
    quotations: await app.strapi.db.query('api::quotation.quotation').count({ where }),
    opportunities: await app.strapi.db.query('api::opportunity.opportunity').count({ where }),
  };
}

describe('POST /api/customers/:documentId/convert', () => {
  it('automatic numbering: converts in place, keeps the code and every relation', async () => {
    const p = await prospect(auto);
    await f.site({ customer: p.documentId });
    await f.site({ customer: p.documentId, name: 'Depot', isBillingSite: false });
    await f.contact({ customer: p.documentId });
    await f.event({ customer: p.documentId });
    await f.quotation({ customer: p.documentId, currency: eur });
    await f.opportunity({ customer: p.documentId, currency: eur });
    const before = await relationCounts(p.documentId);
    expect(before).toEqual({ sites: 2, contacts: 1, events: 1, quotations: 1, opportunities: 1 });

    const res = await convert(p.documentId);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ documentId: p.documentId, id: p.id, kind: 'customer', code: p.code, convertedOn: today() });
    expect(p.code).toMatch(/^C\d{6}$/);
    expect(await relationCounts(p.documentId)).toEqual(before);
  });

  it('automatic numbering refuses a code in the body', async () => {
    const p = await prospect(auto);
    const res = await convert(p.documentId, { code: 'NEW-1' });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['code']);
    expect(res.body.error.message).toBe(`customer codes are assigned automatically in Société Test: the customer keeps the prospect's code ${p.code}`);
    expect((await record(p.documentId)).kind).toBe('prospect');
  });

  it('404 for an unknown record, 400 for a customer', async () => {
    expect((await convert('nosuchdocumentid000000000')).status).toBe(404);
    const c = await f.customer({ company: auto.documentId });
    const res = await convert(c.documentId);
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['kind']);
    expect(res.body.error.message).toBe(`${c.code} Acme France is already a customer`);
  });

  it('manual numbering: a new, unique code is required', async () => {
    const p = await prospect(manual, { code: uniq('P') });
    const other = await f.customer({ company: manual.documentId, code: uniq('C'), callName: 'Holder SA' });

    const missing = await convert(p.documentId);
    expect(missing.status).toBe(400);
    expect(errorPaths(missing.body)).toEqual(['code']);
    expect(missing.body.error.message).toBe('a customer code is required: Manuel SA numbers its customers manually');

    const same = await convert(p.documentId, { code: p.code });
    expect(same.status).toBe(400);
    expect(same.body.error.message).toBe(`the customer code must differ from the prospect's code ${p.code}`);

    const taken = await convert(p.documentId, { code: other.code });
    expect(taken.status).toBe(400);
    expect(errorPaths(taken.body)).toEqual(['code']);
    expect(taken.body.error.message).toBe(`customer code ${other.code} is already taken in Manuel SA by customer ${other.code} Holder SA`);
    expect((await record(p.documentId)).kind).toBe('prospect');

    const code = uniq('C');
    const ok = await convert(p.documentId, { code });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ documentId: p.documentId, kind: 'customer', code, convertedOn: today() });
  });

  it('a code used in another company is free', async () => {
    const elsewhere = await f.customer({ company: auto.documentId });
    const p = await prospect(manual);
    const res = await convert(p.documentId, { code: elsewhere.code });
    expect(res.status).toBe(200);
    expect(res.body.data.code).toBe(elsewhere.code);
  });
});

describe('POST /api/opportunities/:documentId/order', () => {
  it('converts the prospect, creates the order from the opportunity and wins the opportunity', async () => {
    const p = await prospect(auto);
    const salesman = await f.employee({ company: auto.documentId });
    const project = await f.project({ customer: p.documentId });
    const opp = await f.opportunity({ customer: p.documentId, company: auto.documentId, currency: eur, salesman: salesman.documentId, project: project.documentId });
    const number = uniq('ORD');
    const res = await toOrder(opp.documentId, { number });
    expect(res.status).toBe(201);
    expect(res.body.data.customer).toMatchObject({ documentId: p.documentId, kind: 'customer', code: p.code, convertedOn: today() });
    expect(res.body.data.opportunity).toMatchObject({ state: 'won', closedOn: today() });
    expect(res.body.data.opportunity.order.documentId).toBe(res.body.data.order.documentId);

    const order = await app.strapi.documents('api::order.order').findOne({
      documentId: res.body.data.order.documentId,
      populate: ['customer', 'company', 'project', 'salesman', 'currency'],
    });
    expect(order).toMatchObject({ number, state: 'confirmed', date: today() });
    expect(dec(order.amountExclTax)).toBe('12000.00');
    expect([order.customer.documentId, order.company.documentId, order.project.documentId, order.salesman.documentId, order.currency.documentId]).toEqual([
      p.documentId,
      auto.documentId,
      project.documentId,
      salesman.documentId,
      eur,
    ]);
  });

  it('takes the given lines, date and state', async () => {
    const c = await f.customer({ company: auto.documentId });
    const opp = await f.opportunity({ customer: c.documentId, currency: eur });
    const res = await toOrder(opp.documentId, { number: uniq('ORD'), date: '2026-02-01', state: 'draft', lines: [{ quantity: 2, unitPrice: '10.00', vatRate: 20 }] });
    expect(res.status).toBe(201);
    expect(res.body.data.order).toMatchObject({ date: '2026-02-01', state: 'draft' });
    expect(dec(res.body.data.order.amountExclTax)).toBe('20.00');
    expect(res.body.data.customer.kind).toBe('customer');
  });

  it('refuses a closed opportunity, one that already has an order, a missing number and unknown fields', async () => {
    const c = await f.customer({ company: auto.documentId });
    const lost = await f.opportunity({ customer: c.documentId, currency: eur, state: 'lost' });
    const res = await toOrder(lost.documentId, { number: uniq('ORD') });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['state']);
    expect(res.body.error.message).toBe(`opportunity ${lost.number} is lost: only an open opportunity can be turned into an order`);

    const existing = await f.order({ customer: c.documentId, currency: eur });
    const linked = await f.opportunity({ customer: c.documentId, currency: eur, order: existing.documentId });
    const again = await toOrder(linked.documentId, { number: uniq('ORD') });
    expect(again.status).toBe(400);
    expect(errorPaths(again.body)).toEqual(['order']);
    expect(again.body.error.message).toBe(`opportunity ${linked.number} already has order ${existing.number}`);

    const open = await f.opportunity({ customer: c.documentId, currency: eur });
    const noNumber = await toOrder(open.documentId, {});
    expect(noNumber.status).toBe(400);
    expect(errorPaths(noNumber.body)).toEqual(['number']);
    const unknown = await toOrder(open.documentId, { number: uniq('ORD'), colour: 'blue' });
    expect(errorPaths(unknown.body)).toEqual(['colour']);
    const other = await toOrder(open.documentId, { number: uniq('ORD'), customer: c.documentId });
    expect(errorPaths(other.body)).toEqual(['customer']);
    expect((await toOrder('nosuchdocumentid000000000', { number: uniq('ORD') })).status).toBe(404);
  });

  it('manual numbering: a missing customer code refuses everything, a given one converts', async () => {
    const p = await prospect(manual);
    const opp = await f.opportunity({ customer: p.documentId, currency: eur });
    const orders = await orderCount();
    const missing = await toOrder(opp.documentId, { number: uniq('ORD') });
    expect(missing.status).toBe(400);
    expect(errorPaths(missing.body)).toEqual(['customerCode']);
    expect(missing.body.error.message).toBe('a customer code is required: Manuel SA numbers its customers manually');
    expect(await orderCount()).toBe(orders);
    expect((await record(p.documentId)).kind).toBe('prospect');
    expect((await app.strapi.documents('api::opportunity.opportunity').findOne({ documentId: opp.documentId })).state).toBe('open');

    const code = uniq('C');
    const ok = await toOrder(opp.documentId, { number: uniq('ORD'), customerCode: code });
    expect(ok.status).toBe(201);
    expect(ok.body.data.customer).toMatchObject({ kind: 'customer', code });
  });

  it('a credit refusal of the order rolls back the conversion and the opportunity', async () => {
    const p = await prospect(auto);
    const opp = await f.opportunity({ customer: p.documentId, currency: eur });
    await policyOnProspect(app, p.documentId, { mode: 'blockAll', threshold: '1000000.00', currency: 'EUR' });
    const orders = await orderCount();
    const res = await toOrder(opp.documentId, { number: uniq('ORD') });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Credit blocked: every orders write is blocked/);
    expect(await orderCount()).toBe(orders);
    const after = await record(p.documentId);
    expect(after.kind).toBe('prospect');
    expect(after.convertedOn).toBeNull();
    const stored = await app.strapi.documents('api::opportunity.opportunity').findOne({ documentId: opp.documentId, populate: ['order'] });
    expect(stored).toMatchObject({ state: 'open', closedOn: null, order: null });
  });
});

describe('any write linking an order to an opportunity', () => {
  it('PUT of an order on an opportunity converts its prospect (automatic numbering)', async () => {
    const p = await prospect(auto);
    const opp = await f.opportunity({ customer: p.documentId, currency: eur });
    const order = await f.order({ customer: p.documentId, currency: eur });
    const res = await app.api().put(`/api/opportunities/${opp.documentId}`).send({ data: { order: order.documentId } });
    expect(res.status).toBe(200);
    expect(await record(p.documentId)).toMatchObject({ kind: 'customer', code: p.code, convertedOn: today() });
  });

  it('under manual numbering the write is refused and nothing changes', async () => {
    const p = await prospect(manual);
    const opp = await f.opportunity({ customer: p.documentId, currency: eur });
    const order = await f.order({ customer: p.documentId, currency: eur });
    const res = await app.api().put(`/api/opportunities/${opp.documentId}`).send({ data: { order: order.documentId, title: 'Renamed' } });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['order']);
    expect(res.body.error.message).toMatch(/^Prospect SARL is a prospect and Manuel SA numbers its customers manually: turn the opportunity into an order with a customerCode/);
    const stored = await app.strapi.documents('api::opportunity.opportunity').findOne({ documentId: opp.documentId, populate: ['order'] });
    expect(stored).toMatchObject({ title: 'ERP deal', order: null });
    expect((await record(p.documentId)).kind).toBe('prospect');
  });

  it('creating an opportunity with an order of a prospect converts it too', async () => {
    const p = await prospect(auto);
    const order = await f.order({ customer: p.documentId, currency: eur });
    await f.opportunity({ customer: p.documentId, currency: eur, order: order.documentId });
    expect((await record(p.documentId)).kind).toBe('customer');
  });
});

describe('GraphQL', () => {
  const gql = (query: string) => app.api().post('/graphql').send({ query });

  it('convertProspect converts, and reports a refusal as BAD_USER_INPUT with the path', async () => {
    const p = await prospect(manual);
    const refused = await gql(`mutation { convertProspect(documentId: "${p.documentId}") { kind } }`);
    expect(refused.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.body.errors[0].extensions.error.details.errors[0].path).toEqual(['code']);
    const code = uniq('C');
    const res = await gql(`mutation { convertProspect(documentId: "${p.documentId}", code: "${code}") { documentId kind code } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.convertProspect).toEqual({ documentId: p.documentId, kind: 'customer', code });
  });

  it('opportunityToOrder turns the opportunity into an order', async () => {
    const p = await prospect(auto);
    const opp = await f.opportunity({ customer: p.documentId, currency: eur });
    const number = uniq('ORD');
    const res = await gql(
      `mutation { opportunityToOrder(documentId: "${opp.documentId}", data: { number: "${number}" }) { order { number state } opportunity { state } customer { kind } } }`
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.opportunityToOrder).toEqual({ order: { number, state: 'confirmed' }, opportunity: { state: 'won' }, customer: { kind: 'customer' } });
  });
});

describe('users-permissions roles', () => {
  /** A users-permissions user whose role holds exactly `actions`; returns its JWT. */
  const userWith = async (actions: string[]): Promise<string> => (await portalUser(app, actions)).jwt;

  // Every custom route of the customer lifecycle, with its permission action.
  const routes = (ids: { prospect: string; opportunity: string; company: string }) => [
    ['api::customer.lifecycle.convert', 'post', `/api/customers/${ids.prospect}/convert`, {}, 200],
    ['api::customer.lifecycle.linkedSupplier', 'post', `/api/customers/${ids.prospect}/linked-supplier`, {}, 201],
    ['api::opportunity.to-order.toOrder', 'post', `/api/opportunities/${ids.opportunity}/order`, { number: uniq('ORD') }, 201],
    ['api::customer.accounting.manage', 'post', `/api/customers/${ids.prospect}/accounting`, {}, 200],
    ['api::customer.accounting.consistency', 'get', `/api/customers/${ids.prospect}/accounting/consistency`, undefined, 200],
    ['api::customer.accounting.companyConsistency', 'get', `/api/accounting/consistency?company=${ids.company}`, undefined, 200],
  ] as const;

  it('a role without the permission gets 403 on every route; the role that has it succeeds', async () => {
    const p = await prospect(auto);
    const other = await prospect(auto);
    const opp = await f.opportunity({ customer: other.documentId, currency: eur });
    const table = routes({ prospect: p.documentId, opportunity: opp.documentId, company: auto.documentId });
    const none = await userWith(['api::customer.customer.find']);
    for (const [, method, path, body] of table) {
      const res = await app.http[method](path).set('Authorization', `Bearer ${none}`).send(body);
      expect([path, res.status]).toEqual([path, 403]);
    }
    const all = await userWith(table.map(([action]) => action));
    // in order: convert before managing accounting
    for (const [, method, path, body, status] of table) {
      const res = await app.http[method](path).set('Authorization', `Bearer ${all}`).send(body);
      expect([path, res.status]).toEqual([path, status]);
    }
  });

  it('GraphQL uses the same permission', async () => {
    const p = await prospect(auto);
    const query = `mutation { convertProspect(documentId: "${p.documentId}") { kind } }`;
    const none = await userWith(['api::customer.customer.find']);
    const refused = await app.http.post('/graphql').set('Authorization', `Bearer ${none}`).send({ query });
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await record(p.documentId)).kind).toBe('prospect');
    const allowed = await userWith(['api::customer.lifecycle.convert', 'api::customer.customer.find']);
    const res = await app.http.post('/graphql').set('Authorization', `Bearer ${allowed}`).send({ query });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.convertProspect.kind).toBe('customer');
  });
});
