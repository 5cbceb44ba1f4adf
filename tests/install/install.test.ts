/**
 * The packed plugin on a foreign Strapi app (tests/install/foreign-app.ts): clients, bills (no
 * draft & publish) and order forms (draft & publish), none of which this repository knows.
 */
import fs from 'fs';
import path from 'path';
import vm from 'vm';
import { bootForeignApp, createForeignApp, MAPPING, PLUGIN, type ForeignApp, type RunningApp } from './foreign-app';

let app: ForeignApp;
let running: RunningApp;
let adminToken: string;
const started = Date.now();

type Reply = { status: number; body: any; headers: Headers };
const call = async (method: string, url: string, body?: unknown, token = running.token): Promise<Reply> => {
  const res = await fetch(`${running.url}${url}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
};
const admin = (method: string, url: string, body?: unknown) => call(method, url, body, adminToken);
const graphql = (query: string, variables: Record<string, unknown>) => call('POST', '/graphql', { query, variables });

const client = async (name: string, policy?: Record<string, unknown>): Promise<string> => {
  const created = await call('POST', '/api/clients', { data: { name } });
  expect(created.status).toBe(201);
  const party = created.body.data.documentId;
  if (policy) expect((await call('POST', '/api/credit-control/policies', { data: { party, currency: 'EUR', ...policy } })).status).toBe(201);
  return party;
};
const exposure = async (party: string) => (await call('GET', `/api/credit-control/parties/${party}/credit`)).body.data;
const decisionsOf = async (party: string) => (await call('GET', `/api/credit-control/decisions?party=${party}&kind=write&pageSize=100`)).body.data as any[];
const noDrift = async () => {
  const reconciled = await call('POST', '/api/credit-control/reconcile', {});
  expect(reconciled.status).toBe(200);
  expect(reconciled.body.data.drift).toEqual([]);
  return reconciled.body.data;
};
const CM = '/content-manager/collection-types/api::order-form.order-form';

beforeAll(async () => {
  app = createForeignApp();
  running = await bootForeignApp(app.appDir);
  const registered = await call('POST', '/admin/register-admin', {
    firstname: 'Ada', lastname: 'Install', email: 'ada@install.test', password: 'Install-test-1',
  }, '');
  expect(registered.status).toBe(200);
  adminToken = registered.body.data.token;
});

afterAll(async () => {
  await running?.stop();
  app?.cleanup();
  // the report quotes this: generate + pack + link + boot + every test below
  console.log(`install test: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

describe('the package', () => {
  it('carries only what an installer needs: the built code and its config types, README, CHANGELOG, LICENSE and package.json', () => {
    expect(app.packed).toEqual(expect.arrayContaining(['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist/server/index.js', 'dist/admin/index.mjs', 'dist/config/index.js', 'dist/config/index.d.ts']));
    for (const file of app.packed) expect(file).toMatch(/^(package\.json|README\.md|CHANGELOG\.md|LICENSE|dist\/(server|admin|config)\/[\w.-]+\.m?js|dist\/config\/index\.d\.ts)$/);
  });

  it('resolves its peers from the app and its own dependencies, from the unpacked tarball', () => {
    const pluginDir = path.join(app.appDir, 'node_modules', PLUGIN);
    const fromPlugin = (id: string) => require.resolve(id, { paths: [pluginDir] });
    const fromApp = (id: string) => require.resolve(id, { paths: [app.appDir] });
    for (const peer of ['@strapi/strapi', '@strapi/utils', 'react']) expect(fromPlugin(peer)).toBe(fromApp(peer));
    expect(fromPlugin('decimal.js')).toMatch(/decimal\.js/);
    expect(fromPlugin('pdfkit')).toMatch(/pdfkit/);
    expect(require.resolve(`${PLUGIN}/strapi-server`, { paths: [app.appDir] })).toBe(path.join(pluginDir, 'dist', 'server', 'index.js'));
  });

  it("ships a README whose minimal example is the mapping this app starts from (it adds its dates and reports)", () => {
    const readme = fs.readFileSync(path.join(app.appDir, 'node_modules', PLUGIN, 'README.md'), 'utf8');
    const example = readme.split('## Example 1')[1].split('```js')[1].split('```')[0];
    const module = { exports: {} as any };
    vm.runInNewContext(example, { module });
    expect(JSON.parse(JSON.stringify(module.exports()['credit-control'].config))).toEqual(MAPPING);
  });
});

describe('the veto on a type without draft & publish (api::bill.bill)', () => {
  let blocked: string;
  beforeAll(async () => {
    blocked = await client('Blocked SARL', { mode: 'block', threshold: 1000 });
    expect((await call('POST', '/api/bills', { data: { number: 'B-1', total: 800, payer: blocked } })).status).toBe(201);
  });

  it('refuses over REST a bill that takes the client over its threshold, naming the relation field', async () => {
    const refused = await call('POST', '/api/bills', { data: { number: 'B-2', total: 300, payer: blocked } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('Credit blocked: outstanding 1,100.00 EUR exceeds the 1,000.00 EUR threshold');
    expect(refused.body.error.details.errors).toEqual([expect.objectContaining({ path: ['payer'] })]);
    expect(refused.body.error.details.creditControl).toMatchObject({ threshold: '1000.00', exposureBefore: '800.00', exposureAfter: '1100.00' });
    expect(refused.body.error.details.creditControl.exposureByBucket).toEqual([{ bucket: 'bills', amount: '800.00', currency: 'EUR' }]);
    expect((await call('GET', '/api/bills?filters[number][$eq]=B-2')).body.data).toEqual([]);
  });

  it('refuses over GraphQL with BAD_USER_INPUT and writes nothing', async () => {
    const mutation = 'mutation($data: BillInput!) { createBill(data: $data) { documentId } }';
    const refused = await graphql(mutation, { data: { number: 'B-3', total: 500, payer: blocked } });
    expect(refused.body.errors[0].message).toBe('Credit blocked: outstanding 1,300.00 EUR exceeds the 1,000.00 EUR threshold');
    expect(refused.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await call('GET', '/api/bills?filters[number][$eq]=B-3')).body.data).toEqual([]);
    const allowed = await graphql(mutation, { data: { number: 'B-4', total: 150, payer: blocked } });
    expect(allowed.body.errors).toBeUndefined();
    expect((await exposure(blocked)).exposure).toBe('950.00');
  });

  it('addresses the policy by the party: a second POST points to PUT /parties/:party/policy', async () => {
    const again = await call('POST', '/api/credit-control/policies', { data: { party: blocked, mode: 'alert' } });
    expect(again.status).toBe(400);
    expect(again.body.error.details.errors[0].path).toEqual(['party']);
    const read = await call('GET', `/api/credit-control/parties/${blocked}/policy`);
    expect(read.body.data).toMatchObject({ party: blocked, mode: 'block', threshold: '1000.00', currency: 'EUR' });
  });

  it('logs each refusal and each allowed write in the decision log', async () => {
    const rows = await decisionsOf(blocked);
    expect(rows.filter((r) => r.outcome === 'refused').map((r) => r.message)).toEqual([
      'Credit blocked: outstanding 1,300.00 EUR exceeds the 1,000.00 EUR threshold',
      'Credit blocked: outstanding 1,100.00 EUR exceeds the 1,000.00 EUR threshold',
    ]);
    expect(rows.filter((r) => r.outcome === 'allowed')).toHaveLength(2);
    expect(rows[0]).toMatchObject({ documentUid: 'api::bill.bill', gate: 'bills', mode: 'block', actorType: 'api-token', actorLabel: 'install-test', partyLabel: 'Blocked SARL' });
    expect(rows[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('warns in alert mode: the write stays, the header and GraphQL extensions say why, the log keeps it', async () => {
    const alerted = await client('Alert SAS', { mode: 'alert', threshold: 100 });
    const warned = await call('POST', '/api/bills', { data: { number: 'B-5', total: 150, payer: alerted } });
    expect(warned.status).toBe(201);
    expect(decodeURIComponent(warned.headers.get('x-credit-control-warning')!)).toBe('Credit alert: outstanding 150.00 EUR exceeds the 100.00 EUR threshold');
    const viaGraphql = await graphql('mutation($data: BillInput!) { createBill(data: $data) { documentId } }', { data: { number: 'B-6', total: 10, payer: alerted } });
    expect(viaGraphql.body.extensions.creditControl.warnings).toEqual(['Credit alert: outstanding 160.00 EUR exceeds the 100.00 EUR threshold']);
    const rows = await decisionsOf(alerted);
    expect(rows.map((r) => r.outcome)).toEqual(['warned', 'warned']);
  });

  it('reconciles without drift', async () => {
    const report = await noDrift();
    expect(report.checkedRows).toBeGreaterThanOrEqual(2);
  });
});

describe('draft & publish (api::order-form.order-form)', () => {
  let party: string;
  const decisionsFor = async (documentId: string) => (await decisionsOf(party)).filter((r) => r.documentId === documentId);

  beforeAll(async () => {
    party = await client('Publishing SA', { mode: 'block', threshold: 1000 });
    expect((await call('POST', '/api/bills', { data: { number: 'B-10', total: 600, payer: party } })).status).toBe(201);
  });

  it('does not check or count a draft: the check happens on publish, once', async () => {
    const draft = await call('POST', '/api/order-forms?status=draft', { data: { reference: 'OF-1', amount: 250, buyer: party } });
    expect(draft.status).toBe(201);
    const id = draft.body.data.documentId;
    expect((await exposure(party)).exposure).toBe('600.00');
    expect(await decisionsFor(id)).toEqual([]);

    // the Content Manager saves the draft, then publishes it (Strapi deletes and recreates the published row)
    const published = await admin('POST', `${CM}/${id}/actions/publish`, { reference: 'OF-1', amount: 300, buyer: party });
    expect(published.status).toBe(200);
    expect((await exposure(party)).exposureByBucket).toEqual([
      { bucket: 'bills', amount: '600.00', currency: 'EUR' },
      { bucket: 'orderForms', amount: '300.00', currency: 'EUR' },
    ]);
    const rows = await decisionsFor(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'publish', outcome: 'allowed', delta: '300.00', currency: 'EUR', actorType: 'admin' });
    await noDrift();

    // REST update (published by default): one more check, counting the difference only
    const republished = await call('PUT', `/api/order-forms/${id}`, { data: { amount: 350 } });
    expect(republished.status).toBe(200);
    expect((await exposure(party)).exposure).toBe('950.00');
    expect(await decisionsFor(id)).toHaveLength(2);
    await noDrift();

    // the Content Manager on a published document: draft save + publish, one decision
    expect((await admin('POST', `${CM}/${id}/actions/publish`, { amount: 340 })).status).toBe(200);
    expect((await exposure(party)).exposure).toBe('940.00');
    const [last] = await decisionsFor(id);
    expect(await decisionsFor(id)).toHaveLength(3);
    expect(last).toMatchObject({ action: 'publish', delta: '-10.00', exposureBefore: '950.00', exposureAfter: '940.00' });
    await noDrift();
  });

  it('refuses the publish that takes the client over its threshold, after allowing its draft', async () => {
    const draft = await call('POST', '/api/order-forms?status=draft', { data: { reference: 'OF-2', amount: 100, buyer: party } });
    expect(draft.status).toBe(201);
    const id = draft.body.data.documentId;
    const refused = await admin('POST', `${CM}/${id}/actions/publish`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('Credit blocked: outstanding 1,040.00 EUR exceeds the 1,000.00 EUR threshold');
    expect(refused.body.error.details.errors).toEqual([expect.objectContaining({ path: ['buyer'] })]);
    // the refused publish left no published version and the draft as it was
    expect((await call('GET', `/api/order-forms/${id}`)).status).toBe(404);
    expect((await call('GET', `/api/order-forms/${id}?status=draft`)).body.data.amount).toBe(100);
    expect((await decisionsFor(id)).map((r) => r.outcome)).toEqual(['refused']);
    // REST create published directly: checked on create, once
    const direct = await call('POST', '/api/order-forms', { data: { reference: 'OF-3', amount: 100, buyer: party } });
    expect(direct.status).toBe(400);
    expect((await exposure(party)).exposure).toBe('940.00');
    await noDrift();
  });

  it('bulk publish and bulk unpublish (concurrent calls in one transaction): one check each, a refusal fails the whole action', async () => {
    const buyer = await client('Bulk SA', { mode: 'block', threshold: 1000 });
    const draft = async (reference: string, amount: number) => {
      const created = await call('POST', '/api/order-forms?status=draft', { data: { reference, amount, buyer } });
      expect(created.status).toBe(201);
      return created.body.data.documentId as string;
    };
    const forms = [await draft('OF-B1', 100), await draft('OF-B2', 200), await draft('OF-B3', 300)];
    const published = await admin('POST', `${CM}/actions/bulkPublish`, { documentIds: forms });
    expect([published.status, published.body]).toEqual([200, { count: 3 }]);
    expect((await exposure(buyer)).exposure).toBe('600.00');
    expect((await decisionsOf(buyer)).map((r) => r.action)).toEqual(['publish', 'publish', 'publish']);
    await noDrift();

    const unpublished = await admin('POST', `${CM}/actions/bulkUnpublish`, { documentIds: forms.slice(0, 2) });
    expect([unpublished.status, unpublished.body]).toEqual([200, { count: 2 }]);
    expect((await exposure(buyer)).exposure).toBe('300.00');
    await noDrift();

    // 300 published + 100 + 800 goes over 1,000: the second publish is refused, and the first undone with it
    const more = [await draft('OF-B4', 100), await draft('OF-B5', 800)];
    const refused = await admin('POST', `${CM}/actions/bulkPublish`, { documentIds: more });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('Credit blocked: outstanding 1,200.00 EUR exceeds the 1,000.00 EUR threshold');
    for (const id of more) expect((await call('GET', `/api/order-forms/${id}`)).status).toBe(404);
    expect((await exposure(buyer)).exposure).toBe('300.00');
    expect((await decisionsOf(buyer)).filter((r) => r.outcome === 'refused')).toHaveLength(1);
    await noDrift();
  });

  it('lowers exposure on unpublish, and discarding a draft changes nothing', async () => {
    const [form] = (await call('GET', '/api/order-forms?filters[reference][$eq]=OF-1')).body.data;
    expect((await call('PUT', `/api/order-forms/${form.documentId}?status=draft`, { data: { amount: 900 } })).status).toBe(200);
    expect((await exposure(party)).exposure).toBe('940.00');
    expect((await admin('POST', `${CM}/${form.documentId}/actions/discard`, {})).status).toBe(200);
    expect((await call('GET', `/api/order-forms/${form.documentId}?status=draft`)).body.data.amount).toBe(340);
    expect(await decisionsFor(form.documentId)).toHaveLength(3);

    expect((await admin('POST', `${CM}/${form.documentId}/actions/unpublish`, {})).status).toBe(200);
    expect((await exposure(party)).exposure).toBe('600.00');
    const [last] = await decisionsFor(form.documentId);
    expect(last).toMatchObject({ action: 'unpublish', outcome: 'allowed', reason: 'lowersExposure', delta: '-340.00' });
    await noDrift();
  });
});

describe("the reports over the app's own types", () => {
  it('lists the dunning letters from its bills and payments: what is due, less what the payments up to the run day leave unmatched', async () => {
    const party = await client('Relance SARL');
    const bill = (number: string, total: number, issuedOn: string, dueOn: string) => call('POST', '/api/bills', { data: { number, total, payer: party, issuedOn, dueOn } });
    expect((await bill('R-1', 500, '2025-01-01', '2025-01-31')).status).toBe(201);
    expect((await bill('R-2', 300, '2025-06-20', '2025-07-20')).status).toBe(201); // not due on the run day
    const payment = (number: string, paidAt: string, amount: number, matched?: number) => call('POST', '/api/payments', { data: { number, paidAt, amount, matched, payer: party } });
    expect((await payment('P-1', '2025-03-01T10:00:00.000Z', 100)).status).toBe(201);
    expect((await payment('P-2', '2025-07-05T10:00:00.000Z', 50)).status).toBe(201); // after the run day
    expect((await payment('P-3', '2025-04-01T10:00:00.000Z', 80, 80)).status).toBe(201); // wholly matched to a bill: nothing to deduct
    expect((await payment('P-4', '2025-05-01T10:00:00.000Z', 70, 30)).status).toBe(201); // 40 left unmatched
    const res = await call('GET', `/api/credit-control/reports/dunning/letters?asOf=2025-06-30&dueBefore=2025-06-30&party=${party}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    const [letter] = res.body.data;
    expect(letter.invoices.map((i: any) => [i.number, i.balance, i.currency])).toEqual([['R-1', '500.00', 'EUR']]);
    expect(letter.totals).toEqual([expect.objectContaining({ currency: 'EUR', balance: '500.00', creditNotes: '0.00', unallocatedPayments: '140.00' })]);
  });
});
