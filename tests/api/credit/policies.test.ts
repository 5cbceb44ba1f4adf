import { creditFixtures } from '../../helpers/credit';
import { startApp, type TestApp } from '../../helpers/strapi';

let app: TestApp;
let f: ReturnType<typeof creditFixtures>;
beforeAll(async () => {
  app = await startApp();
  f = creditFixtures(app);
});
afterAll(async () => {
  await app?.stop();
});

const paths = (body: any) => (body?.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));

describe('policies', () => {
  it('gives a new customer mode none, with every gate and bucket ticked', async () => {
    const customer = (await f.customer()).documentId;
    const summary = await f.summary(customer);
    expect(summary.policy).toMatchObject({ mode: 'none', threshold: '0.00', currency: 'EUR', blocked: false, callTaking: 'none' });
    expect(summary.policy.gates).toEqual(
      expect.arrayContaining(['opportunities', 'quotations', 'orders', 'deliveries', 'billingTables', 'invoices', 'trainingOpportunities', 'registrationFiles', 'maintenanceContracts'])
    );
    expect(summary.policy.gates).toHaveLength(9);
    expect(summary.status).toBe('unchecked');
  });

  it('reads and edits a policy over REST and GraphQL', async () => {
    const customer = (await f.customer()).documentId;
    const created = await f.policy(customer, { mode: 'alert', threshold: '1500.50', gates: ['invoices', 'orders'] });
    const updated = await app.api().put(`/api/credit-control/policies/${created.documentId}`).send({ data: { mode: 'block' } });
    expect(updated.status).toBe(200);
    expect(updated.body.data.mode).toBe('block');
    const gql = await app
      .api()
      .post('/graphql')
      .send({ query: `{ creditControlPolicies(filters: { party: { eq: "${customer}" } }) { party mode threshold gates } }` });
    expect(gql.body.errors).toBeUndefined();
    expect(gql.body.data.creditControlPolicies).toEqual([{ party: customer, mode: 'block', threshold: 1500.5, gates: ['invoices', 'orders'] }]);
    const audit = await app.api().get(`/api/credit-control/decisions?party=${customer}&kind=policy`);
    expect(audit.body.data).toHaveLength(2);
  });

  it.each([
    [{ gates: ['invoices', 'nonsense'] }, 'gates'],
    [{ buckets: ['receipts', 'nope'] }, 'buckets'],
    [{ threshold: '12,50' }, 'threshold'],
    [{ threshold: '0.005' }, 'threshold'],
  ])('refuses %p with the field path', async (data, field) => {
    const customer = (await f.customer()).documentId;
    const res = await app.api().post('/api/credit-control/policies').send({ data: { party: customer, ...data } });
    expect(res.status).toBe(400);
    expect(paths(res.body)).toEqual([field]);
  });

  it('refuses a policy for a party that does not exist, and a move to another party', async () => {
    const res = await app.api().post('/api/credit-control/policies').send({ data: { party: 'nope', mode: 'block' } });
    expect(res.status).toBe(400);
    expect(paths(res.body)).toEqual(['party']);
    const a = (await f.customer()).documentId;
    const b = (await f.customer()).documentId;
    const policy = await f.policy(a, { mode: 'alert' });
    const moved = await app.api().put(`/api/credit-control/policies/${policy.documentId}`).send({ data: { party: b } });
    expect(moved.status).toBe(400);
  });

  it('keeps override grants to admins holding the override permission', async () => {
    const customer = (await f.customer()).documentId;
    const res = await app
      .api()
      .post('/api/credit-control/policies')
      .send({ data: { party: customer, overrideUntil: '2099-01-01T00:00:00.000Z', overrideReason: 'trust me' } });
    expect(res.status).toBe(403);
  });

  it('exposes nothing publicly', async () => {
    expect((await app.http.get('/api/credit-control/policies')).status).toBe(403);
    expect((await app.http.get('/api/credit-control/decisions')).status).toBe(403);
    expect((await app.http.post('/graphql').send({ query: '{ creditControlPolicies { party } }' })).body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('reconcile', () => {
  it('reports drift in words and repairs it with fix', async () => {
    const eur = (await f.currency('XOF')).documentId;
    const customer = (await f.customer()).documentId;
    expect((await f.invoice(customer, eur, 100)).status).toBe(201);
    await app.strapi.db.connection('credit_control_exposures').where({ party: customer }).update({ amount_minor: 1 });
    const report = await app.api().post('/api/credit-control/reconcile').send({});
    expect(report.status).toBe(200);
    expect(report.body.data.drift).toEqual([{ party: customer, bucket: 'invoices', currency: 'XOF', maintained: '1', recomputed: '100' }]);
    const fixed = await app.api().post('/api/credit-control/reconcile').send({ fix: true });
    expect(fixed.body.data.fixed).toBe(true);
    expect((await app.api().post('/api/credit-control/reconcile').send({})).body.data.drift).toEqual([]);
  });
});

describe('a bad mapping', () => {
  it('fails the check that bootstrap runs, with a message naming the uid and field', async () => {
    const mapping = app.strapi.plugin('credit-control').service('mapping');
    const documents = app.strapi.config.get('plugin::credit-control.documents');
    app.strapi.config.set('plugin::credit-control.documents', {
      ...documents,
      'api::invoice.invoice': { gate: 'invoices', bucket: 'invoices', partyField: 'customer', amountField: 'number' },
      'api::order.order': { gate: 'orders', bucket: 'orders', partyField: 'currency', amountField: 'amountExclTax' },
      'api::nothing.nothing': { gate: 'x', partyField: 'customer' },
    });
    try {
      expect(() => mapping.load()).toThrow(/"api::invoice.invoice.number" is a string field, not a number/);
      expect(() => mapping.load()).toThrow(/"api::order.order.currency" points to "api::currency.currency", not to "api::customer.customer"/);
      expect(() => mapping.load()).toThrow(/"api::nothing.nothing" is not a content type/);
    } finally {
      app.strapi.config.set('plugin::credit-control.documents', documents);
      mapping.load();
    }
  });
});
