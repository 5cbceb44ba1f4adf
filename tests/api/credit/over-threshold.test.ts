import { adminSession } from '../../helpers/credit';
import { Factories, Probes, startingKit, uniq } from '../../helpers/factories';
import { customerPortalUser } from '../../helpers/portal-user';
import { testApp, waitForIdlePool } from '../../helpers/strapi';

/** GET /credit-control/parties/over-threshold: one query for the admin's over-threshold page and widget. */
const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;
let jpy: string;
const P: Record<string, { documentId: string; callName: string }> = {};

const ROUTE = '/api/credit-control/parties/over-threshold';
const list = (query = '') => app.api().get(`${ROUTE}${query}`);
const paths = (body: any) => (body?.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));

beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
  jpy = (await f.post('currencies', { code: 'JPY', name: 'Yen', minorUnits: 0 })).documentId;
  for (const name of ['over', 'near', 'under', 'noPolicy', 'blocked', 'yen']) P[name] = await f.bareCustomer();
  const invoice = async (party: string, currency: string, amount: number) => expect((await f.invoiceResponse(party, currency, amount)).status).toBe(201);
  // the documents first, then the limits: nothing is refused on the way
  await invoice(P.over.documentId, eur, 1500); // 150 %
  await invoice(P.near.documentId, eur, 950); // 95 %: near
  await invoice(P.under.documentId, eur, 500); // 50 %: not listed
  await invoice(P.noPolicy.documentId, eur, 5000); // no policy (mode none): not listed
  await invoice(P.yen.documentId, jpy, 120000); // 120 %, in yen
  await f.creditPolicy(P.over.documentId, { mode: 'alert', threshold: '1000.00', currency: 'EUR' });
  await f.creditPolicy(P.near.documentId, { mode: 'block', threshold: '1000.00', currency: 'EUR' });
  await f.creditPolicy(P.under.documentId, { mode: 'alert', threshold: '1000.00', currency: 'EUR' });
  await f.creditPolicy(P.yen.documentId, { mode: 'alert', threshold: '100000', currency: 'JPY' });
  // blocked by hand, with no policy before: mode none, threshold 0
  const blocked = await app.api().post(`/api/credit-control/parties/${P.blocked.documentId}/block`).send({ reason: 'test: disputed account' });
  expect(blocked.status).toBe(200);
});

it('lists the blocked, over and near parties, most over first, with labels and amounts in the policy currency', async () => {
  const res = await list();
  expect(res.status).toBe(200);
  // each row has its payment behaviour (its figures: payment-behaviour.test.ts); a party with no invoice has none
  expect(res.body.data.map((r: any) => Object.keys(r.behaviour).sort())).toEqual(Array(4).fill(['averageDaysLate', 'dso', 'lateSharePercent', 'suggested', 'trend']));
  expect(res.body.data[0].behaviour).toEqual({ suggested: null, lateSharePercent: null, averageDaysLate: null, dso: null, trend: 'unknown' });
  expect(res.body.data.map(({ behaviour: _behaviour, ...row }: any) => row)).toEqual([
    // no threshold: nothing is allowed, first
    { party: P.blocked.documentId, label: P.blocked.callName, status: 'blocked', mode: 'none', blocked: true, percent: null, exposure: '0.00', threshold: '0.00', currency: 'EUR', missingRates: [] },
    { party: P.over.documentId, label: P.over.callName, status: 'over', mode: 'alert', blocked: false, percent: 150, exposure: '1500.00', threshold: '1000.00', currency: 'EUR', missingRates: [] },
    // JPY has no minor unit: whole yen, no decimals
    { party: P.yen.documentId, label: P.yen.callName, status: 'over', mode: 'alert', blocked: false, percent: 120, exposure: '120000', threshold: '100000', currency: 'JPY', missingRates: [] },
    { party: P.near.documentId, label: P.near.callName, status: 'within', mode: 'block', blocked: false, percent: 95, exposure: '950.00', threshold: '1000.00', currency: 'EUR', missingRates: [] },
  ]);
  expect(res.body.meta).toEqual({ nearPercent: 90, pagination: { page: 1, pageSize: 25, pageCount: 1, total: 4 } });
  // the figures agree with each party's credit summary
  for (const row of res.body.data) {
    const summary = await probe.summary(row.party);
    expect([summary.exposure, summary.policy.threshold, summary.policy.currency, summary.status]).toEqual([row.exposure, row.threshold, row.currency, row.status]);
  }
});

it('pages the list, with its total', async () => {
  const first = await list('?page=1&pageSize=2');
  const second = await list('?page=2&pageSize=2');
  const third = await list('?page=3&pageSize=2');
  expect(first.body.data.map((r: any) => r.party)).toEqual([P.blocked.documentId, P.over.documentId]);
  expect(second.body.data.map((r: any) => r.party)).toEqual([P.yen.documentId, P.near.documentId]);
  expect(third.body.data).toEqual([]);
  expect(first.body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 4 });
  expect(third.body.meta.pagination).toEqual({ page: 3, pageSize: 2, pageCount: 2, total: 4 });
});

it.each([
  ['?pageSize=0', 'pageSize'],
  ['?pageSize=101', 'pageSize'],
  ['?pageSize=ten', 'pageSize'],
  ['?pageSize=2.5', 'pageSize'],
  ['?page=0', 'page'],
  ['?page=-1', 'page'],
])('answers %s with a 400 naming %s', async (query, field) => {
  const res = await list(query);
  expect(res.status).toBe(400);
  expect(res.body.error.name).toBe('ValidationError');
  expect(paths(res.body)).toEqual([field]);
});

it('answers on the admin API with the read action, and 403 without it', async () => {
  const roles = app.strapi.service('admin::role');
  const role = async (actions: string[]) => {
    const created = await roles.create({ name: uniq('Role'), description: 'test' });
    await roles.assignPermissions(created.id, actions.map((action) => ({ action, properties: {}, conditions: [] })));
    return created.id;
  };
  const reader = await adminSession(app, [await role(['plugin::credit-control.read'])]);
  const nobody = await adminSession(app, [await role(['plugin::credit-control.reports.read'])]);
  const read = await reader.get('/credit-control/parties/over-threshold?pageSize=2');
  expect(read.status).toBe(200);
  expect(read.body.data.map((r: any) => r.party)).toEqual([P.blocked.documentId, P.over.documentId]);
  expect((await nobody.get('/credit-control/parties/over-threshold')).status).toBe(403);
  expect((await app.http.get(ROUTE)).status).toBe(403); // no token: the public role has no credit-control action
});

it("keeps to the app's hooks: a portal user granted the route reads no figure (403 figuresHidden)", async () => {
  const portal = await customerPortalUser(app, P.over.documentId);
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'portal' } });
  const grant = await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { action: 'plugin::credit-control.over-threshold.list', role: role.id } });
  try {
    const res = await portal.agent().get(ROUTE);
    expect(res.status).toBe(403);
    expect(res.body.error.details).toEqual({ reason: 'figuresHidden' });
  } finally {
    await app.strapi.db.query('plugin::users-permissions.permission').delete({ where: { id: grant.id } });
  }
});

/** The token check of the content API (the same four statements on every request). */
const TOKEN_CHECK = /strapi_api_token|admin_permissions|admin_users/;

/** The SQL statements one request sends, beside the token check. */
async function queriesOf(query: string): Promise<{ count: number; total: number }> {
  // Strapi reloads a created record without awaiting it: no query running
  await waitForIdlePool(app.strapi);
  let count = 0;
  const onQuery = (q: { sql: string }) => {
    if (!TOKEN_CHECK.test(q.sql)) count += 1;
  };
  const knex = app.strapi.db.connection;
  knex.on('query', onQuery);
  try {
    const res = await list(query);
    expect(res.status).toBe(200);
    return { count, total: res.body.meta.pagination.total };
  } finally {
    knex.removeListener('query', onQuery);
  }
}

it('sends the same few queries whatever the number of parties', async () => {
  await list(); // warm-up (token checks, caches)
  const before = await queriesOf('?pageSize=100');
  expect((await queriesOf('?pageSize=100')).count).toBe(before.count);
  // watched policies with their exposure rows (one join), the rates, the page's labels, the page's payment behaviour (one grouped read)
  expect(before.count).toBe(4);
  for (let i = 0; i < 12; i += 1) {
    const party = (await f.bareCustomer()).documentId;
    expect((await f.invoiceResponse(party, eur, 100 + i)).status).toBe(201);
    await f.creditPolicy(party, { mode: 'alert', threshold: '100.00', currency: 'EUR' });
  }
  const after = await queriesOf('?pageSize=100');
  expect(after.total).toBe(before.total + 12);
  expect(after.count).toBe(before.count);
});
