import { adminSession, decisionCount } from '../../helpers/credit';
import { Factories, Probes } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

const app = testApp();
let f: Factories;
let probe: Probes;
beforeAll(async () => {
  f = new Factories(app.api);
  probe = new Probes(app.api);
});

const paths = (body: any) => (body?.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));

describe('policies', () => {
  it('gives a new customer mode none, with every gate and bucket ticked', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const summary = await probe.summary(customer);
    expect(summary.policy).toMatchObject({ mode: 'none', threshold: '0.00', currency: 'EUR', blocked: false, callTaking: 'none' });
    expect(summary.policy.gates).toEqual(
      expect.arrayContaining(['opportunities', 'quotations', 'orders', 'deliveries', 'billingTables', 'invoices', 'trainingOpportunities', 'registrationFiles', 'maintenanceContracts'])
    );
    expect(summary.policy.gates).toHaveLength(9);
    expect(summary.status).toBe('unchecked');
  });

  it('reads and edits a policy over REST and GraphQL', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const created = await f.creditPolicy(customer, { mode: 'alert', threshold: '1500.50', gates: ['invoices', 'orders'] });
    // money is a decimal string with its currency, on SQLite (float column) and Postgres alike
    expect(created).toMatchObject({ party: customer, mode: 'alert', threshold: '1500.50', currency: 'EUR', gates: ['invoices', 'orders'] });
    const updated = await app.api().put(`/api/credit-control/parties/${customer}/policy`).send({ data: { mode: 'block' } });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ documentId: created.documentId, party: customer, mode: 'block', threshold: '1500.50', currency: 'EUR' });
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
    const customer = (await f.bareCustomer()).documentId;
    const res = await app.api().post('/api/credit-control/policies').send({ data: { party: customer, ...data } });
    expect(res.status).toBe(400);
    expect(paths(res.body)).toEqual([field]);
  });

  it('refuses a policy for a party that does not exist, and a move to another party', async () => {
    const res = await app.api().post('/api/credit-control/policies').send({ data: { party: 'nope', mode: 'block' } });
    expect(res.status).toBe(400);
    expect(paths(res.body)).toEqual(['party']);
    const a = (await f.bareCustomer()).documentId;
    const b = (await f.bareCustomer()).documentId;
    await f.creditPolicy(a, { mode: 'alert' });
    const moved = await app.api().put(`/api/credit-control/parties/${a}/policy`).send({ data: { party: b } });
    expect(moved.status).toBe(400);
    expect(paths(moved.body)).toEqual(['party']);
  });

  it('answers a second POST for the same party with a 400 on party that points to PUT /parties/:party/policy', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'alert' });
    const again = await app.api().post('/api/credit-control/policies').send({ data: { party: customer, mode: 'block' } });
    expect(again.status).toBe(400);
    expect(paths(again.body)).toEqual(['party']);
    expect(again.body.error.message).toContain(`PUT /parties/${customer}/policy`);
  });
});

describe('a policy addressed by its party', () => {
  const url = (party: string) => `/api/credit-control/parties/${party}/policy`;

  it('PUT creates the policy, then changes only the fields sent; GET reads it; DELETE removes it', async () => {
    const customer = (await f.bareCustomer()).documentId;
    expect((await app.api().get(url(customer))).status).toBe(404);
    const created = await app.api().put(url(customer)).send({ data: { mode: 'alert', threshold: '250.5', currency: 'EUR' } });
    expect(created.status).toBe(200);
    expect(created.body.data).toMatchObject({ party: customer, mode: 'alert', threshold: '250.50', currency: 'EUR', blocked: false, blockedAt: null });
    expect(created.body.data.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const changed = await app.api().put(url(customer)).send({ data: { threshold: '300.00', gates: ['invoices'] } });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ documentId: created.body.data.documentId, mode: 'alert', threshold: '300.00', gates: ['invoices'] });
    const read = await app.api().get(url(customer));
    expect(read.status).toBe(200);
    expect(read.body.data).toEqual(changed.body.data);
    expect(await decisionCount(app, customer, 'recorded', 'policy')).toBe(2);
    const removed = await app.api().delete(url(customer));
    expect(removed.status).toBe(200);
    expect(removed.body.data.documentId).toBe(created.body.data.documentId);
    expect((await app.api().get(url(customer))).status).toBe(404);
    expect((await probe.summary(customer)).policy.mode).toBe('none');
  });

  it('is a 404 for a party that does not exist', async () => {
    expect((await app.api().get(url('nope'))).status).toBe(404);
    expect((await app.api().put(url('nope')).send({ data: { mode: 'alert' } })).status).toBe(404);
    expect((await app.api().delete(url('nope'))).status).toBe(404);
  });

  it.each([
    [undefined, 'data'],
    [[], 'data'],
    [{ colour: 'red' }, 'colour'],
    [{ blockedAt: '2026-01-01T00:00:00.000Z' }, 'blockedAt'],
    [{ blockedBy: 'me' }, 'blockedBy'],
    [{ documentId: 'x' }, 'documentId'],
    [{ mode: 'panic' }, 'mode'],
    [{ threshold: '-1' }, 'threshold'],
    [{ threshold: 'lots' }, 'threshold'],
    [{ currency: 'euro' }, 'currency'],
    [{ gates: 'invoices' }, 'gates'],
    [{ buckets: ['nope'] }, 'buckets'],
    [{ callTaking: 'sometimes' }, 'callTaking'],
    [{ blocked: true }, 'blockedReason'],
  ])('PUT refuses %p with a 400 naming %s', async (data, field) => {
    const customer = (await f.bareCustomer()).documentId;
    const res = await app.api().put(url(customer)).send(data === undefined ? {} : { data });
    expect(res.status).toBe(400);
    expect([...new Set(paths(res.body))]).toEqual([field]);
    expect((await app.api().get(url(customer))).status).toBe(404);
  });

  it('follows the RBAC actions on the admin API', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const admin = await adminSession(app);
    const put = await admin.put(`/credit-control/parties/${customer}/policy`).send({ data: { mode: 'block', threshold: '10.00' } });
    expect(put.status).toBe(200);
    expect(put.body.data).toMatchObject({ mode: 'block', threshold: '10.00' });
    expect((await admin.get(`/credit-control/parties/${customer}/policy`)).body.data.mode).toBe('block');
    expect((await app.http.get(url(customer))).status).toBe(403);
  });
});

describe('block and unblock', () => {
  it('block sets blockedAt and blockedBy; unblock clears them, and the log keeps both reasons', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const before = Date.now();
    const blocked = await app.api().post(`/api/credit-control/parties/${customer}/block`).send({ reason: 'cheque bounced' });
    expect(blocked.status).toBe(200);
    const blockedAt = Date.parse(blocked.body.data.policy.blockedAt);
    expect(blockedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(blockedAt).toBeLessThanOrEqual(Date.now() + 1000);
    const policy = (await app.api().get(`/api/credit-control/parties/${customer}/policy`)).body.data;
    expect(policy).toMatchObject({ blocked: true, blockedReason: 'cheque bounced', blockedBy: expect.stringMatching(/^test-/) });

    const unblocked = await app.api().post(`/api/credit-control/parties/${customer}/unblock`).send({ reason: 'paid in full' });
    expect(unblocked.status).toBe(200);
    expect(unblocked.body.data.policy).toMatchObject({ blocked: false, blockedReason: null, blockedAt: null });
    expect((await app.api().get(`/api/credit-control/parties/${customer}/policy`)).body.data).toMatchObject({
      blocked: false,
      blockedReason: null,
      blockedAt: null,
      blockedBy: null,
    });
    const log = (await app.api().get(`/api/credit-control/decisions?party=${customer}&outcome=recorded`)).body.data;
    expect(log.map((d: any) => [d.kind, d.message, d.details.reason])).toEqual([
      ['unblock', 'unblocked: paid in full', 'paid in full'],
      ['block', 'blocked: cheque bounced', 'cheque bounced'],
    ]);
    expect(log[1].details.after).toMatchObject({ blocked: true, threshold: '0.00', blockedAt: policy.blockedAt });
  });
});

describe('the decision log', () => {
  it('gives camelCase rows, decimal money with its currency, ISO dates, the party label and Strapi pagination', async () => {
    const eur = (await app.strapi.db.query('api::currency.currency').findOne({ where: { code: 'EUR' } }))?.documentId ?? (await f.isoCurrency('EUR')).documentId;
    const customer = await f.bareCustomer();
    await f.creditPolicy(customer.documentId, { mode: 'alert', threshold: '100.00', currency: 'EUR' });
    expect((await f.invoiceResponse(customer.documentId, eur, 80)).status).toBe(201);
    expect((await f.invoiceResponse(customer.documentId, eur, 50)).status).toBe(201);
    const res = await app.api().get(`/api/credit-control/decisions?party=${customer.documentId}&kind=write&pageSize=1`);
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 1, pageCount: 2, total: 2 });
    const [row] = res.body.data;
    expect(row).toMatchObject({
      kind: 'write',
      outcome: 'warned',
      reason: 'overThreshold',
      party: customer.documentId,
      partyLabel: customer.callName,
      documentUid: 'api::invoice.invoice',
      action: 'create',
      gate: 'invoices',
      mode: 'alert',
      currency: 'EUR',
      delta: '50.00',
      exposureBefore: '80.00',
      exposureAfter: '130.00',
      threshold: '100.00',
      actorType: 'api-token',
      details: { exposureByBucket: [{ bucket: 'invoices', amount: '80.00', currency: 'EUR' }] },
    });
    expect(typeof row.documentId).toBe('string');
    expect(row.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(row.createdAt) - Date.now())).toBeLessThan(60_000);
    expect(Object.keys(row).filter((k) => k.includes('_'))).toEqual([]);

    const page2 = await app.api().get(`/api/credit-control/decisions?party=${customer.documentId}&kind=write&pageSize=1&page=2`);
    expect(page2.body.data[0]).toMatchObject({ delta: '80.00', exposureBefore: '0.00', outcome: 'allowed' });
    // a date filter in ISO 8601 finds the rows on either database
    const since = new Date(Date.parse(row.createdAt) - 60_000).toISOString();
    expect((await app.api().get(`/api/credit-control/decisions?party=${customer.documentId}&kind=write&from=${since}`)).body.meta.pagination.total).toBe(2);
    expect((await app.api().get(`/api/credit-control/decisions?party=${customer.documentId}&kind=write&to=${since}`)).body.meta.pagination.total).toBe(0);
  });

  it.each([
    ['page=0', 'page'],
    ['page=x', 'page'],
    ['pageSize=101', 'pageSize'],
    ['pageSize=-5', 'pageSize'],
    ['outcome=maybe', 'outcome'],
    ['kind=everything', 'kind'],
    ['from=yesterday', 'from'],
    ['to=2026-13-45', 'to'],
    ['from=2026-02-01&to=2026-01-01', 'to'],
    ['party[$ne]=x', 'party'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    const res = await app.api().get(`/api/credit-control/decisions?${query}`);
    expect(res.status).toBe(400);
    expect(paths(res.body)).toEqual([field]);
  });
});

describe('policy access', () => {
  it('keeps override grants to admins holding the override permission', async () => {
    const customer = (await f.bareCustomer()).documentId;
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
    const eur = (await f.isoCurrency('XOF')).documentId;
    const customer = (await f.bareCustomer()).documentId;
    expect((await f.invoiceResponse(customer, eur, 100)).status).toBe(201);
    await app.strapi.db.connection('credit_control_exposures').where({ party: customer }).update({ amount_minor: 1 });
    const report = await app.api().post('/api/credit-control/reconcile').send({});
    expect(report.status).toBe(200);
    expect(report.body.data.drift).toEqual([{ party: customer, bucket: 'invoices', currency: 'XOF', maintained: '1', recomputed: '100' }]);
    const fixed = await app.api().post('/api/credit-control/reconcile').send({ fix: true });
    expect(fixed.body.data.fixed).toBe(true);
    expect((await app.api().post('/api/credit-control/reconcile').send({})).body.data.drift).toEqual([]);
  });
});

describe('what a policy counts by default, and where it is offered', () => {
  it('counts commitments, not leads: opportunities count only when the clerk ticks them', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.opportunity({ customer, state: 'open', expectedAmountExclTax: '900.00' });
    expect((await f.invoiceResponse(customer, (await f.isoCurrency('EUR')).documentId, 100)).status).toBe(201);
    await f.creditPolicy(customer, { mode: 'block', threshold: '500.00', currency: 'EUR' });
    const byDefault = await probe.summary(customer);
    expect(byDefault.policy.buckets).not.toContain('opportunities');
    expect(byDefault.policy.buckets).not.toContain('trainingOpportunities');
    expect(byDefault.policy.buckets).toEqual(expect.arrayContaining(['quotations', 'orders', 'deliveries', 'billingTables', 'invoices', 'receipts', 'registrationFiles']));
    // held and shown by bucket, but not in the outstanding amount
    expect(byDefault.exposureByBucket).toEqual(expect.arrayContaining([{ bucket: 'opportunities', amount: '900.00', currency: 'EUR' }]));
    expect(byDefault.exposure).toBe('100.00');
    expect(byDefault.status).not.toBe('over');

    const ticked = await app.api().put(`/api/credit-control/parties/${customer}/policy`).send({ data: { buckets: [...byDefault.policy.buckets, 'opportunities'] } });
    expect(ticked.status).toBe(200);
    const chosen = await probe.summary(customer);
    expect(chosen.exposure).toBe('1000.00');
    expect(chosen.status).toBe('over');
    const status = await app.api().get('/api/credit-control/status');
    expect(status.body.data?.mapping?.defaultBuckets ?? status.body.mapping?.defaultBuckets).toEqual(byDefault.policy.buckets);
  });

  it('offers blocking rules on customers, not prospects, through every API; a block can still be lifted', async () => {
    const prospect = (await f.bareCustomer({ kind: 'prospect' })).documentId;
    expect((await probe.summary(prospect)).policyOffered).toBe(false);
    const put = await app.api().put(`/api/credit-control/parties/${prospect}/policy`).send({ data: { mode: 'block', threshold: '100.00' } });
    expect(put.status).toBe(400);
    expect(put.body.error.details).toMatchObject({ reason: 'policyNotOffered', errors: [{ path: ['party'] }] });
    expect(put.body.error.message).toBe('blocking rules are not offered on this party: its kind must be customer');
    const post = await app.api().post('/api/credit-control/policies').send({ data: { party: prospect, mode: 'alert' } });
    expect(post.status).toBe(400);
    expect(post.body.error.details.reason).toBe('policyNotOffered');

    // a customer blocked, then turned back into a prospect: its block can be lifted, nothing else changed
    const customer = (await f.bareCustomer()).documentId;
    expect((await probe.summary(customer)).policyOffered).toBe(true);
    await f.creditPolicy(customer, { mode: 'alert', threshold: '100.00', blocked: true, blockedReason: 'cheque bounced' });
    expect((await app.api().put(`/api/customers/${customer}`).send({ data: { kind: 'prospect' } })).status).toBe(200);
    expect((await app.api().put(`/api/credit-control/parties/${customer}/policy`).send({ data: { threshold: '900.00' } })).status).toBe(400);
    const lifted = await app.api().put(`/api/credit-control/parties/${customer}/policy`).send({ data: { blocked: false, blockedReason: 'paid' } });
    expect(lifted.status).toBe(200);
    expect(lifted.body.data.blocked).toBe(false);
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
