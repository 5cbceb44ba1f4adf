import request from 'supertest';
import { adminSession } from '../../helpers/credit';
import { Factories, IDS, type Doc } from '../../helpers/factories';
import { customerPortalUser } from '../../helpers/portal-user';
import { testApp } from '../../helpers/strapi';

// Role × route matrix: who may call what, and what a customer-portal user can reach of another
// customer's records through ids, filters, populate and GraphQL nesting.
const SCOPED = ['customers', 'sites', 'contacts', 'invoices', 'helpdesk-issues', 'maintenance-contracts'];

const app = testApp();
let f: Factories;
type Portal = Awaited<ReturnType<typeof customerPortalUser>>;
let portalA: Portal;
let portalB: Portal;
let unlinked: Portal;
let backOffice: Awaited<ReturnType<typeof adminSession>>;
let controller: Awaited<ReturnType<typeof adminSession>>;
let readOnly: Awaited<ReturnType<typeof adminSession>>;
const A: Record<string, Doc> = {};
const B: Record<string, Doc> = {};
/** an invoice ordered by B and billed to A: A's (its party), its `customer` is B */
let billedToA: Doc;
let policyA: Doc;

const adminRole = async (code: string) => (await app.strapi.db.query('admin::role').findOne({ where: { code } })).id;

beforeAll(async () => {
  f = new Factories(app.api);
  const eur = await f.currency({ code: 'EUR', name: 'Euro' });
  const company = await f.company({ currency: eur.documentId });
  for (const [records, name, siret] of [[A, 'Alpha', IDS.siret], [B, 'Beta', IDS.siret2]] as const) {
    records.customer = await f.customer({ callName: name, company: company.documentId, siret });
    records.site = await f.site({ customer: records.customer.documentId, name: `${name} HQ` });
    records.contact = await f.contact({ customer: records.customer.documentId, lastName: name });
    records.invoice = await f.invoice({ customer: records.customer.documentId, currency: eur.documentId, company: company.documentId });
    records.issue = await f.helpdeskIssue({ customer: records.customer.documentId, title: `${name} issue` });
    records.contract = await f.maintenanceContract({ customer: records.customer.documentId, currency: eur.documentId });
    records.order = await f.order({ customer: records.customer.documentId, currency: eur.documentId, company: company.documentId });
  }
  billedToA = await f.invoice({ customer: B.customer.documentId, customerToBill: A.customer.documentId, currency: eur.documentId, company: company.documentId });
  policyA = (await app.api().post('/api/credit-control/policies').send({ data: { party: A.customer.documentId, mode: 'alert', threshold: '1.00', currency: 'EUR' } }).expect(201)).body.data;
  portalA = await customerPortalUser(app, A.customer.documentId);
  portalB = await customerPortalUser(app, B.customer.documentId);
  unlinked = await customerPortalUser(app, null);
  backOffice = await adminSession(app, [await adminRole('credit-records-back-office')]);
  controller = await adminSession(app, [await adminRole('credit-records-credit-controller')]);
  readOnly = await adminSession(app, [await adminRole('credit-records-read-only')]);
});

const ids = (body: any) => (body?.data ?? []).map((d: Doc) => d.documentId).sort();
const anonymous = () => request(app.strapi.server.httpServer);

/** Every content-API route Strapi serves, with its path parameters filled with `documentId`. */
function contentApiRoutes(documentId: string): { method: string; path: string; template: string }[] {
  const out: { method: string; path: string; template: string }[] = [];
  for (const layer of app.strapi.server.listRoutes() as { path: string; methods: string[] }[]) {
    if (!layer.path.startsWith('/api/') || layer.path.startsWith('/api/auth') || layer.path.startsWith('/api/connect')) continue;
    for (const method of layer.methods.filter((m) => m !== 'HEAD')) {
      out.push({ method, template: layer.path, path: layer.path.replace(/:type\b/, 'orders').replace(/:[A-Za-z]+/g, documentId) });
    }
  }
  return out;
}

const send = (agent: request.Agent | request.SuperTest<request.Test>, method: string, path: string) =>
  (agent as any)[method.toLowerCase()](path).send(method === 'GET' || method === 'DELETE' ? undefined : { data: { title: 'x' } });

/** Routes a portal user may call: read its scoped types, file help-desk issues, its own profile. */
function portalMayCall(method: string, template: string): boolean {
  const [, , plural, param, ...rest] = template.split('/');
  if (rest.length > 0) return false;
  if (method === 'GET' && SCOPED.includes(plural)) return true;
  if (method === 'POST' && plural === 'helpdesk-issues' && param === undefined) return true;
  if (method === 'GET' && plural === 'users' && param === 'me') return true;
  return false;
}

describe('roles and permissions seeded at bootstrap', () => {
  it('the public role holds no permission beyond logging in and recovering a password', async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' }, populate: ['permissions'] });
    const actions = role.permissions.map((p: { action: string }) => p.action).sort();
    expect(actions.every((a: string) => a.startsWith('plugin::users-permissions.auth.'))).toBe(true);
    expect(actions).not.toContain('plugin::users-permissions.auth.register');
  });

  it('the portal role holds exactly the reads of its scoped types, help-desk creation and its own statement', async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'portal' }, populate: ['permissions'] });
    const api = role.permissions.map((p: { action: string }) => p.action).filter((a: string) => a.startsWith('api::')).sort();
    const expected = ['customer', 'site', 'contact', 'invoice', 'helpdesk-issue', 'maintenance-contract']
      .flatMap((t) => [`api::${t}.${t}.find`, `api::${t}.${t}.findOne`])
      .concat('api::helpdesk-issue.helpdesk-issue.create')
      .sort();
    expect(api).toEqual(expected);
    // of credit control, only the statement of its own customer (the plugin checks the party through the app's partyScope hook: portal-statement.test.ts)
    const credit = role.permissions.map((p: { action: string }) => p.action).filter((a: string) => a.startsWith('plugin::credit-control'));
    expect(credit).toEqual(['plugin::credit-control.reports.partyStatement']);
  });

  it('seeding again changes nothing (idempotent)', async () => {
    const count = async () => [
      await app.strapi.db.query('plugin::users-permissions.permission').count(),
      await app.strapi.db.query('admin::role').count(),
      await app.strapi.db.query('admin::permission').count(),
    ];
    const before = await count();
    const { seedSecurity } = require('../../../dist/src/security');
    await seedSecurity(app.strapi);
    expect(await count()).toEqual(before);
  });
});

describe('every content-API route × public, portal A, portal B, unlinked portal, admin JWT', () => {
  it('public gets 401/403 on every content-API route', async () => {
    const failures: string[] = [];
    for (const route of contentApiRoutes(A.customer.documentId)) {
      const res = await send(anonymous(), route.method, route.path);
      if (![401, 403].includes(res.status)) failures.push(`${route.method} ${route.path} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('a portal user is refused every route but its reads and help-desk creation; an unlinked one gets 403 everywhere', async () => {
    const failures: string[] = [];
    for (const route of contentApiRoutes(B.customer.documentId)) {
      const allowed = portalMayCall(route.method, route.template);
      const res = await send(portalA.agent(), route.method, route.path);
      // allowed routes answer (B's records are simply not found), refused ones are 403
      if (allowed ? res.status === 403 || res.status >= 500 : res.status !== 403) failures.push(`portal ${route.method} ${route.path} → ${res.status}`);
      const none = await send(unlinked.agent(), route.method, route.path);
      if (none.status !== 403) failures.push(`unlinked ${route.method} ${route.path} → ${none.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('an admin JWT is not a content-API credential', async () => {
    const res = await backOffice.get('/api/customers');
    expect(res.status).toBe(401);
  });
});

describe('portal ownership over REST', () => {
  it.each(SCOPED)('%s: the list holds only the user’s own records', async (plural) => {
    const res = await portalA.agent().get(`/api/${plural}`).expect(200);
    const mine = ids(res.body);
    expect(mine.length).toBeGreaterThan(0);
    const other = ids((await portalB.agent().get(`/api/${plural}`).expect(200)).body);
    expect(mine.filter((id: string) => other.includes(id))).toEqual([]);
    expect(res.body.meta.pagination.total).toBe(mine.length);
  });

  it('another customer’s record by id is a 404, whatever the type', async () => {
    for (const [plural, doc] of [['customers', B.customer], ['sites', B.site], ['contacts', B.contact], ['invoices', B.invoice], ['helpdesk-issues', B.issue], ['maintenance-contracts', B.contract]] as const) {
      const res = await portalA.agent().get(`/api/${plural}/${doc.documentId}`);
      expect([plural, res.status]).toEqual([plural, 404]);
    }
    await portalA.agent().get(`/api/customers/${A.customer.documentId}`).expect(200);
  });

  it('filters naming the other customer, $or included, find nothing of it', async () => {
    const b = B.customer.documentId;
    const byFilter = await portalA.agent().get(`/api/sites?filters[customer][documentId]=${b}`).expect(200);
    expect(byFilter.body.data).toEqual([]);
    const or = await portalA.agent().get(`/api/invoices?filters[$or][0][customer][documentId]=${b}&filters[$or][1][id][$gt]=0`).expect(200);
    expect(ids(or.body)).toEqual([A.invoice.documentId, billedToA.documentId].sort());
    const customers = await portalA.agent().get(`/api/customers?filters[$or][0][documentId]=${b}&filters[$or][1][callName][$containsi]=a`).expect(200);
    expect(ids(customers.body)).toEqual([A.customer.documentId]);
  });

  it('a filter cannot probe the other customer through the user’s own records', async () => {
    // billedToA is A's, but its `customer` is B: filtering on B's fields through it finds nothing
    const probe = (q: string) => portalA.agent().get(`/api/invoices?${q}`).expect(200);
    expect(ids((await probe(`filters[customer][documentId]=${B.customer.documentId}`)).body)).toEqual([]);
    expect(ids((await probe('filters[customer][callName][$eq]=Beta')).body)).toEqual([]);
    expect(ids((await probe('filters[customer][contacts][lastName][$eq]=Beta')).body)).toEqual([]);
    expect(ids((await probe('filters[$or][0][customer][sites][name][$startsWith]=Beta&filters[$or][1][number][$eq]=none')).body)).toEqual([]);
    // the same filters on A's own fields do find A's invoice
    expect(ids((await probe('filters[customer][callName][$eq]=Alpha')).body)).toEqual([A.invoice.documentId]);
  });

  it('a sort cannot order the user’s records by another customer’s data', async () => {
    const refused = async (q: string) => {
      const res = await portalA.agent().get(`/api/invoices?${q}`);
      expect([q, res.status]).toEqual([q, 400]);
      expect(res.body.error.details.errors[0].path).toEqual(['sort']);
      expect(res.body.error.message).toMatch(/own fields only/);
    };
    await refused('sort=customer.callName:asc');
    await refused('sort[0]=number:asc&sort[1]=customer.contacts.lastName:desc');
    await refused('sort[customer][callName]=desc');
    await refused('populate[customerToBill][sort]=sites.name:asc');
    // the record's own fields sort as usual
    const own = await portalA.agent().get('/api/invoices?sort=number:desc').expect(200);
    expect(ids(own.body)).toEqual([A.invoice.documentId, billedToA.documentId].sort());
    const gql = await portalA.agent().post('/graphql').send({ query: '{ invoices(sort: ["customer.callName:asc"]) { documentId } }' });
    expect(gql.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('an invoice belongs to the customer it is billed to', async () => {
    expect(ids((await portalA.agent().get('/api/invoices').expect(200)).body)).toContain(billedToA.documentId);
    expect(ids((await portalB.agent().get('/api/invoices').expect(200)).body)).not.toContain(billedToA.documentId);
  });

  it('populate=* and deep populate never reach the other customer', async () => {
    const star = await portalA.agent().get(`/api/invoices/${billedToA.documentId}?populate=*`).expect(200);
    expect(star.body.data.customer).toBeNull(); // B, the ordering customer, is stripped
    expect(star.body.data.customerToBill.documentId).toBe(A.customer.documentId);
    expect(star.body.data.order ?? null).toBeNull(); // orders are not portal data
    expect(star.body.data.company ?? null).toBeNull();
    const deep = await portalA
      .agent()
      .get(`/api/invoices?populate[customer][populate][sites]=true&populate[customer][populate][contacts]=true&populate[customerToBill][populate]=*`)
      .expect(200);
    const seen = JSON.stringify(deep.body);
    for (const doc of Object.values(B)) expect(seen).not.toContain(doc.documentId);
    const dotted = await portalA.agent().get(`/api/sites?populate=customer.sites,customer.contacts`).expect(200);
    for (const doc of Object.values(B)) expect(JSON.stringify(dotted.body)).not.toContain(doc.documentId);
    expect(JSON.stringify(dotted.body)).toContain(A.contact.documentId);
  });

  it('update and delete are refused, even on the user’s own records', async () => {
    await portalA.agent().put(`/api/customers/${A.customer.documentId}`).send({ data: { callName: 'Hacked' } }).expect(403);
    await portalA.agent().delete(`/api/helpdesk-issues/${A.issue.documentId}`).expect(403);
    await portalA.agent().get('/api/credit-control/policies').expect(403);
    await portalA.agent().get(`/api/credit-control/parties/${A.customer.documentId}/credit`).expect(403);
  });
});

describe('portal help-desk issues', () => {
  it('are filed for the user’s own customer through the portal channel, numbered by the server', async () => {
    const res = await portalA.agent().post('/api/helpdesk-issues?populate=customer').send({ data: { title: 'Printer down', priority: 'urgent', contact: A.contact.documentId } });
    expect(res.status).toBe(201);
    const row = await app.strapi.db.query('api::helpdesk-issue.helpdesk-issue').findOne({ where: { documentId: res.body.data.documentId }, populate: ['customer', 'contact'] });
    expect(row).toMatchObject({ channel: 'customerPortal', title: 'Printer down', priority: 'urgent' });
    expect(row.customer.documentId).toBe(A.customer.documentId);
    expect(row.contact.documentId).toBe(A.contact.documentId);
    expect(row.number).toMatch(/^WEB-/);
  });

  it('cannot be filed for another customer, with another customer’s contact or contract, or with back-office fields', async () => {
    const count = () => app.strapi.db.query('api::helpdesk-issue.helpdesk-issue').count();
    const before = await count();
    const other = await portalA.agent().post('/api/helpdesk-issues').send({ data: { title: 'x', customer: B.customer.documentId } });
    expect(other.status).toBe(403);
    const contact = await portalA.agent().post('/api/helpdesk-issues').send({ data: { title: 'x', contact: B.contact.documentId } });
    expect(contact.status).toBe(400);
    expect(contact.body.error.details.errors[0].path).toEqual(['contact']);
    const state = await portalA.agent().post('/api/helpdesk-issues').send({ data: { title: 'x', state: 'closed' } });
    expect(state.status).toBe(400);
    expect(state.body.error.details.errors[0]).toMatchObject({ path: ['state'], message: 'state cannot be set from the customer portal' });
    const channel = await portalA.agent().post('/api/helpdesk-issues').send({ data: { title: 'x', channel: 'backOffice' } });
    expect(channel.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('call-taking rules apply with the portal channel, and no credit figure reaches the portal user', async () => {
    await app.api().post('/api/credit-control/policies').send({ data: { party: B.customer.documentId, mode: 'none', callTaking: 'blockAlways', currency: 'EUR' } }).expect(201);
    const refused = await portalB.agent().post('/api/helpdesk-issues').send({ data: { title: 'Help' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/^Call taking blocked/);
    expect(refused.body.error.details.reason).toBe('callTakingUnderWatch');
    expect(JSON.stringify(refused.body)).not.toMatch(/threshold|exposure/i);
    // A's policy alerts over a 1.00 threshold on maintenance contracts: the alert quotes amounts
    await app.api().put(`/api/credit-control/parties/${A.customer.documentId}/policy`).send({ data: { gates: ['maintenanceContracts'] } }).expect(200);
    // the back office is told the amounts...
    const clerk = await app.api().post('/api/helpdesk-issues').send({ data: { number: `HD-${Date.now()}`, title: 'Help', customer: A.customer.documentId } });
    expect(decodeURIComponent(String(clerk.headers['x-credit-control-warning']))).toMatch(/threshold/);
    // ...the customer is not
    const warned = await portalA.agent().post('/api/helpdesk-issues').send({ data: { title: 'Help' } });
    expect(warned.status).toBe(201);
    expect(decodeURIComponent(String(warned.headers['x-credit-control-warning']))).toBe('Credit control: please contact our accounts department');
    // the machine-readable code stays: a client need not read the text
    expect(warned.headers['x-credit-control-reason']).toBe('overThreshold');
    expect(clerk.headers['x-credit-control-reason']).toBe('overThreshold');
    const gql = await portalA.graphql('mutation { createHelpdeskIssue(data: { title: "Help" }) { documentId } }');
    expect(gql.body.extensions.creditControl.warnings).toEqual(['Credit control: please contact our accounts department']);
    expect(gql.body.extensions.creditControl.reasons).toEqual(['overThreshold']);

    // a refusal quoting the amounts: neither its message nor its details reach the portal user
    await app.api().put(`/api/credit-control/parties/${A.customer.documentId}/policy`).send({ data: { mode: 'block' } }).expect(200);
    const refusedRest = await portalA.agent().post('/api/helpdesk-issues').send({ data: { title: 'Help' } });
    expect(refusedRest.status).toBe(400);
    expect(refusedRest.body.error.message).toBe('Credit control: please contact our accounts department');
    expect(refusedRest.body.error.details.reason).toBe('overThreshold');
    expect(refusedRest.body.error.details.creditControl).toEqual({ party: A.customer.documentId, outcome: 'refused', reason: 'overThreshold' });
    // the reason codes (overThreshold) are the only words of credit control left
    const withoutCodes = (body: unknown) => JSON.stringify(body).replace(/"reason":"\w+"/g, '');
    expect(withoutCodes(refusedRest.body)).not.toMatch(/threshold|exposure|\d+\.\d\d/i);
    const refusedGql = await portalA.graphql('mutation { createHelpdeskIssue(data: { title: "Help" }) { documentId } }');
    expect(refusedGql.body.errors[0].message).toBe('Credit control: please contact our accounts department');
    expect(withoutCodes(refusedGql.body)).not.toMatch(/threshold|exposure|\d+\.\d\d/i);
    const blockedGql = await portalB.graphql('mutation { createHelpdeskIssue(data: { title: "Help" }) { documentId } }');
    expect(blockedGql.body.errors[0].message).toMatch(/^Call taking blocked/);
    expect(JSON.stringify(blockedGql.body)).not.toMatch(/threshold|exposure/i);
    await app.api().put(`/api/credit-control/parties/${A.customer.documentId}/policy`).send({ data: { mode: 'none' } }).expect(200);
  });
});

describe('portal ownership over GraphQL', () => {
  it('root queries return only the user’s own records; another customer’s id is null', async () => {
    const res = await portalA.graphql(`query($b: ID!) { customers { documentId } sites { documentId } customer(documentId: $b) { documentId } }`, { b: B.customer.documentId });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.customers.map((c: Doc) => c.documentId)).toEqual([A.customer.documentId]);
    expect(res.body.data.sites.map((c: Doc) => c.documentId)).toEqual([A.site.documentId]);
    expect(res.body.data.customer).toBeNull();
  });

  it('nested relations never reach the other customer: lists are filtered, to-one links refused', async () => {
    const res = await portalA.graphql(`{
      invoices { documentId customerToBill { documentId sites { documentId } contacts { documentId } } order { documentId } company { documentId } }
      sites { customer { documentId sites { documentId customer { documentId contacts { documentId } } } } }
    }`);
    const seen = JSON.stringify(res.body.data);
    for (const doc of Object.values(B)) expect(seen).not.toContain(doc.documentId);
    const paths = (res.body.errors ?? []).map((e: any) => `${e.path.slice(2).join('.')}:${e.extensions.code}`);
    // orders and companies are not portal data: every such field is refused
    expect([...new Set(paths)].sort()).toEqual(['company:FORBIDDEN', 'order:FORBIDDEN']);
    expect(res.body.data.invoices.map((i: Doc) => i.documentId).sort()).toEqual([A.invoice.documentId, billedToA.documentId].sort());
    expect(res.body.data.sites[0].customer.sites.map((s: Doc) => s.documentId)).toEqual([A.site.documentId]);

    // the invoice billed to A was ordered by B: its (non-nullable) customer field is refused
    const billed = await portalA.graphql(`query($id: ID!) { invoice(documentId: $id) { documentId customer { documentId callName } } }`, { id: billedToA.documentId });
    expect(billed.body.errors.map((e: any) => [e.path.join('.'), e.extensions.code])).toEqual([['invoice.customer', 'FORBIDDEN']]);
    expect(JSON.stringify(billed.body)).not.toContain(B.customer.documentId);
    const own = await portalA.graphql(`query($id: ID!) { invoice(documentId: $id) { customer { documentId } } }`, { id: A.invoice.documentId });
    expect(own.body.data.invoice.customer.documentId).toBe(A.customer.documentId);
  });

  it('filters naming the other customer find nothing; other types and writes are forbidden', async () => {
    const res = await portalA.graphql(`query($b: ID!) { sites(filters: { or: [{ customer: { documentId: { eq: $b } } }, { name: { contains: "" } }] }) { documentId } }`, { b: B.customer.documentId });
    expect(res.body.data.sites.map((s: Doc) => s.documentId)).toEqual([A.site.documentId]);
    for (const query of ['{ orders { documentId } }', '{ creditControlPolicies { party threshold } }', `mutation { updateCustomer(documentId: "${A.customer.documentId}", data: { callName: "x" }) { documentId } }`]) {
      const denied = await portalA.graphql(query);
      expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('createHelpdeskIssue files for the own customer through the portal channel', async () => {
    const res = await portalA.graphql(`mutation($b: ID) { createHelpdeskIssue(data: { title: "GraphQL issue", customer: $b }) { documentId } }`, { b: A.customer.documentId });
    expect(res.body.errors).toBeUndefined();
    const row = await app.strapi.db.query('api::helpdesk-issue.helpdesk-issue').findOne({ where: { documentId: res.body.data.createHelpdeskIssue.documentId }, populate: ['customer'] });
    expect(row.channel).toBe('customerPortal');
    expect(row.customer.documentId).toBe(A.customer.documentId);
    const other = await portalA.graphql(`mutation($b: ID) { createHelpdeskIssue(data: { title: "x", customer: $b }) { documentId } }`, { b: B.customer.documentId });
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a public caller gets nothing', async () => {
    const res = await anonymous().post('/graphql').send({ query: '{ customers { documentId } }' });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('admin roles × admin routes', () => {
  const cm = (uid: string) => `/content-manager/collection-types/${uid}`;
  const table: [string, () => Awaited<ReturnType<typeof adminSession>>, { cmRead: number; cmCreate: number; creditRead: number; policyEdit: number; reconcile: number }][] = [
    ['back office', () => backOffice, { cmRead: 200, cmCreate: 201, creditRead: 200, policyEdit: 403, reconcile: 403 }],
    ['credit controller', () => controller, { cmRead: 200, cmCreate: 403, creditRead: 200, policyEdit: 201, reconcile: 200 }],
    ['read-only', () => readOnly, { cmRead: 200, cmCreate: 403, creditRead: 200, policyEdit: 403, reconcile: 403 }],
  ];
  it.each(table)('%s', async (_name, session, expected) => {
    const s = session();
    const party = await f.customer({ callName: 'Policy target' });
    const got = {
      cmRead: (await s.get(cm('api::customer.customer'))).status,
      cmCreate: (await s.cmCreate('api::event.event', { type: 'call', subject: 'x', date: '2025-03-04T10:00:00.000Z', customer: A.customer.documentId })).status,
      creditRead: (await s.get(`/credit-control/parties/${A.customer.documentId}/credit`)).status,
      policyEdit: (await s.post('/credit-control/policies').send({ data: { party: party.documentId, mode: 'none' } })).status,
      reconcile: (await s.post('/credit-control/reconcile').send({})).status,
    };
    expect(got).toEqual(expected);
  });
});
