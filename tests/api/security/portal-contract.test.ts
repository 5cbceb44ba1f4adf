import { adminSession } from '../../helpers/credit';
import { Factories, type Doc } from '../../helpers/factories';
import { customerPortalUser, portalUser } from '../../helpers/portal-user';
import { testApp } from '../../helpers/strapi';

// A help-desk issue names its maintenance contract, from the back office or the customer portal,
// and the contract's call-taking rule applies either way (spec: "Call taking blocked" situations).
// The mechanism behind the old bypass: a field Strapi's input sanitizer drops from a GraphQL
// mutation is a 400 naming it, never a silent acceptance.

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { PORTAL_SCOPED_UIDS } = require('../../../dist/src/security/portal-permissions');
const HELPDESK = 'api::helpdesk-issue.helpdesk-issue';

const app = testApp();
let portalA: Awaited<ReturnType<typeof customerPortalUser>>;
let backOffice: Awaited<ReturnType<typeof adminSession>>;
let A: Doc;
let B: Doc;
/** A's contract with an unpaid invoice, A's contract with none, B's contract */
let unpaidContract: Doc;
let paidContract: Doc;
let otherContract: Doc;

let seq = 0;

beforeAll(async () => {
  const f = new Factories(app.api);
  const eur = (await f.isoCurrency('EUR')).documentId;
  A = await f.bareCustomer();
  B = await f.bareCustomer();
  unpaidContract = await f.maintenanceContract({ customer: A.documentId, currency: eur });
  paidContract = await f.maintenanceContract({ customer: A.documentId, currency: eur });
  otherContract = await f.maintenanceContract({ customer: B.documentId, currency: eur });
  expect((await f.invoiceResponse(A.documentId, eur, 100, { contract: unpaidContract.documentId })).status).toBe(201);
  await f.creditPolicy(A.documentId, { mode: 'none', threshold: '0.00', currency: 'EUR', callTaking: 'blockUnpaidOnContract' });
  portalA = await customerPortalUser(app, A.documentId);
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'credit-records-back-office' } });
  backOffice = await adminSession(app, [role.id]);
});

const issueCount = () => app.strapi.db.query(HELPDESK).count();
const contractOf = async (documentId: string) =>
  (await app.strapi.db.query(HELPDESK).findOne({ where: { documentId }, populate: { contract: { select: ['documentId'] } } }))?.contract?.documentId;

/** The four ways to file an issue naming `contract`: portal REST and GraphQL, API token REST and GraphQL, Content Manager. */
const file = {
  portalRest: (contract: string) => portalA.agent().post('/api/helpdesk-issues').send({ data: { title: 'Printer down', contract } }),
  portalGraphql: (contract: string) =>
    portalA.graphql('mutation($c: ID) { createHelpdeskIssue(data: { title: "Printer down", contract: $c }) { documentId } }', { c: contract }),
  tokenRest: (contract: string) =>
    app.api().post('/api/helpdesk-issues').send({ data: { number: `HD-C-${++seq}`, title: 'Printer down', customer: A.documentId, contract } }),
  tokenGraphql: (contract: string) =>
    app
      .api()
      .post('/graphql')
      .send({
        query: 'mutation($n: String!, $a: ID, $c: ID) { createHelpdeskIssue(data: { number: $n, title: "Printer down", customer: $a, contract: $c }) { documentId } }',
        variables: { n: `HD-C-${++seq}`, a: A.documentId, c: contract },
      }),
  contentManager: (contract: string) => backOffice.cmCreate(HELPDESK, { number: `HD-C-${++seq}`, title: 'Printer down', customer: A.documentId, contract }),
};
type Way = keyof typeof file;
const WAYS = Object.keys(file) as Way[];

/** status, message and created documentId of an answer, whichever API gave it */
function outcome(way: Way, res: any): { ok: boolean; message?: string; code?: string; documentId?: string; warning?: string; details?: any } {
  if (way.endsWith('Graphql')) {
    const error = res.body.errors?.[0];
    if (error) return { ok: false, message: error.message, code: error.extensions?.code, details: error.extensions?.error?.details };
    const warnings = res.body.extensions?.creditControl?.warnings;
    return { ok: true, documentId: res.body.data.createHelpdeskIssue.documentId, warning: warnings?.[0] };
  }
  const header = res.headers['x-credit-control-warning'];
  if (res.status >= 300) return { ok: false, message: res.body.error?.message, code: String(res.status), details: res.body.error?.details };
  return { ok: true, documentId: res.body.data?.documentId, warning: header ? decodeURIComponent(String(header)) : undefined };
}

describe('"Block if invoice not paid on the contract"', () => {
  it.each(WAYS)('%s: an issue on the contract with an unpaid invoice is refused; on a paid contract it is filed with its contract', async (way) => {
    const before = await issueCount();
    const refused = outcome(way, await file[way](unpaidContract.documentId));
    expect(refused).toMatchObject({ ok: false, message: 'Call taking blocked: an invoice of this contract is not paid' });
    expect(refused.code).toMatch(/^(400|BAD_USER_INPUT)$/);
    expect(await issueCount()).toBe(before);
    const filed = outcome(way, await file[way](paidContract.documentId));
    expect(filed.ok).toBe(true);
    if (filed.documentId) expect(await contractOf(filed.documentId)).toBe(paidContract.documentId);
  });
});

describe('a portal user names only their own contracts', () => {
  it.each(['portalRest', 'portalGraphql'] as Way[])('%s: another customer’s contract is a 400 naming contract', async (way) => {
    const before = await issueCount();
    const res = outcome(way, await file[way](otherContract.documentId));
    expect(res.ok).toBe(false);
    expect(res.code).toMatch(/^(400|BAD_USER_INPUT)$/);
    expect(res.details.errors[0].path).toEqual(['contract']);
    expect(await issueCount()).toBe(before);
  });

  it('reads its own contracts, not the other customer’s', async () => {
    const res = await portalA.agent().get('/api/maintenance-contracts').expect(200);
    expect(res.body.data.map((c: Doc) => c.documentId).sort()).toEqual([unpaidContract.documentId, paidContract.documentId].sort());
    await portalA.agent().get(`/api/maintenance-contracts/${otherContract.documentId}`).expect(404);
  });
});

describe('a field the input sanitizer drops is refused, never silently left out', () => {
  it('portal: every help-desk relation the portal cannot read is a 400 naming it, over REST and GraphQL', async () => {
    const model = app.strapi.getModel(HELPDESK);
    // the relations the GraphQL input offers, read from the served schema
    const input = await app.api().post('/graphql').send({ query: '{ __type(name: "HelpdeskIssueInput") { inputFields { name } } }' });
    const offered = new Set(input.body.data.__type.inputFields.map((field: { name: string }) => field.name));
    const unreadable = Object.entries<any>(model.attributes).filter(([name, a]) => a.type === 'relation' && offered.has(name) && !PORTAL_SCOPED_UIDS.includes(a.target));
    expect(unreadable.length).toBeGreaterThan(0);
    const before = await issueCount();
    for (const [name] of unreadable) {
      const rest = await portalA.agent().post('/api/helpdesk-issues').send({ data: { title: 'x', [name]: A.documentId } });
      expect([name, rest.status]).toEqual([name, 400]);
      const gql = await portalA.graphql(`mutation($v: ID) { createHelpdeskIssue(data: { title: "x", ${name}: $v }) { documentId } }`, { v: A.documentId });
      expect([name, gql.body.errors?.[0]?.extensions?.code]).toEqual([name, 'BAD_USER_INPUT']);
      expect(gql.body.errors[0].extensions.error.details.errors.map((e: { path: string[] }) => e.path)).toEqual([[name]]);
    }
    expect(await issueCount()).toBe(before);
  });

  it('any users-permissions role: create and update naming a relation it cannot read are refused as over REST', async () => {
    const user = await portalUser(app, ['api::event.event.create', 'api::event.event.update', 'api::event.event.find']);
    const gql = (query: string, variables: Record<string, unknown>) => user.agent().post('/graphql').send({ query, variables });
    const date = '2026-03-04T10:00:00.000Z';
    const rest = await user.agent().post('/api/events').send({ data: { type: 'call', subject: 'x', date, customer: A.documentId } });
    expect(rest.status).toBe(400);
    const create = await gql('mutation($c: ID) { createEvent(data: { type: call, subject: "x", date: "2026-03-04T10:00:00.000Z", customer: $c }) { documentId } }', { c: A.documentId });
    expect(create.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(create.body.errors[0].extensions.error.details.errors[0].path).toEqual(['customer']);
    // without the unreadable relation the same create goes through, and an update naming it is refused
    const plain = await gql('mutation { createEvent(data: { type: call, subject: "x", date: "2026-03-04T10:00:00.000Z" }) { documentId } }', {});
    expect(plain.body.errors).toBeUndefined();
    const update = await gql('mutation($d: ID!, $c: ID) { updateEvent(documentId: $d, data: { subject: "y", customer: $c }) { documentId } }', {
      d: plain.body.data.createEvent.documentId,
      c: A.documentId,
    });
    expect(update.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(update.body.errors[0].extensions.error.details.errors[0].path).toEqual(['customer']);
  });
});

describe('"Alert if invoice not paid on the contract"', () => {
  beforeAll(async () => {
    await app.api().put(`/api/credit-control/parties/${A.documentId}/policy`).send({ data: { callTaking: 'alertUnpaidOnContract' } }).expect(200);
  });

  it.each(WAYS.filter((w) => w !== 'contentManager'))('%s: an issue on the contract with an unpaid invoice is filed with a warning; a paid one without', async (way) => {
    const warned = outcome(way, await file[way](unpaidContract.documentId));
    expect(warned.ok).toBe(true);
    expect(warned.warning).toBe('Call-taking alert: an invoice of this contract is not paid');
    expect(await contractOf(warned.documentId!)).toBe(unpaidContract.documentId);
    const quiet = outcome(way, await file[way](paidContract.documentId));
    expect(quiet).toMatchObject({ ok: true, warning: undefined });
  });
});
