import { Factories, uniq, type Doc } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

// Accounting view: manage the customer in accounting, check consistency with subledger accounts.
const app = testApp();
let f: Factories;
let company: Doc;

beforeAll(async () => {
  f = new Factories(app.api);
  company = await f.company({ name: 'Compta SA', managementRules: { subledgerAccountPrefix: '411', subledgerAccountLength: 10 } });
});

const errorPaths = (body: any): string[] => (body?.error?.details?.errors ?? []).map((e: { path: string[] }) => e.path.join('.'));
const manage = (documentId: string, body: Record<string, unknown> = {}) => app.api().post(`/api/customers/${documentId}/accounting`).send(body);
const consistency = (documentId: string) => app.api().get(`/api/customers/${documentId}/accounting/consistency`);
const customer = (o: Record<string, unknown> = {}) => f.customer({ company: company.documentId, callName: 'Client SA', ...o });
/** Sets accounting fields directly, as an accountant might have typed them. */
const setAccounts = (documentId: string, data: Record<string, unknown>) => app.api().put(`/api/customers/${documentId}`).send({ data });
/** 'C000012' → '411C000012': prefix + code padded to 10. */
const expectedFor = (code: string) => `411${code.replace(/[^A-Z0-9]/g, '').padStart(7, '0')}`;

describe('POST /api/customers/:documentId/accounting', () => {
  it('creates the subledger account under the company rule and the general account', async () => {
    const c = await customer();
    const res = await manage(c.documentId);
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({ changed: true });
    expect(res.body.data).toMatchObject({ documentId: c.documentId, subledgerAccount: expectedFor(c.code), generalAccount: '411000' });
  });

  it('follows a company prefix and length, and pads the code', async () => {
    const other = await f.company({ managementRules: { subledgerAccountPrefix: '4117', subledgerAccountLength: 12 }, customerNumbering: 'manual' });
    const c = await f.customer({ company: other.documentId, code: 'ab-12' });
    const res = await manage(c.documentId);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ subledgerAccount: '41170000AB12', generalAccount: '411700' });
  });

  it('is idempotent when the account is already right, and keeps a given general account', async () => {
    const c = await customer();
    await setAccounts(c.documentId, { subledgerAccount: expectedFor(c.code), generalAccount: '411100' });
    const res = await manage(c.documentId);
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({ changed: false });
    expect(res.body.data).toMatchObject({ subledgerAccount: expectedFor(c.code), generalAccount: '411100' });
    const again = await manage(c.documentId);
    expect(again.body.meta).toEqual({ changed: false });
  });

  it('refuses to replace a different account unless replace: true', async () => {
    const c = await customer();
    await setAccounts(c.documentId, { subledgerAccount: '4119999999' });
    const res = await manage(c.documentId);
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['subledgerAccount']);
    expect(res.body.error.message).toBe(`${c.code} Client SA already holds subledger account 4119999999, not ${expectedFor(c.code)} (built from its code): replacing it must be confirmed (replace: true)`);
    // the dialog's preview says what the confirmation will do, before anything is written
    const preview = await app.api().get(`/api/customers/${c.documentId}/accounting/preview`);
    expect(preview.status).toBe(200);
    expect(preview.body.data).toEqual({
      customer: { documentId: c.documentId, code: c.code, callName: 'Client SA' },
      rule: { prefix: '411', length: 10 },
      plan: { ok: true, change: 'replace', current: '4119999999', account: expectedFor(c.code), generalAccount: '411000' },
    });
    const replaced = await manage(c.documentId, { replace: true });
    expect(replaced.status).toBe(200);
    expect(replaced.body.data.subledgerAccount).toBe(expectedFor(c.code));
    const notBoolean = await app.api().post(`/api/customers/${c.documentId}/accounting`).set('Accept-Language', 'fr').send({ replace: 'yes' });
    expect(errorPaths(notBoolean.body)).toEqual(['replace']);
    expect(notBoolean.body.error.message).toBe('« replace » doit valoir true ou false');
  });

  it('refuses an account held by another customer of the company, naming it', async () => {
    const c = await customer();
    const holder = await customer({ callName: 'Autre SARL' });
    await setAccounts(holder.documentId, { subledgerAccount: expectedFor(c.code) });
    const res = await manage(c.documentId);
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['subledgerAccount']);
    expect(res.body.error.message).toBe(`subledger account ${expectedFor(c.code)} is already used by ${holder.code} Autre SARL`);
    const preview = await app.api().get(`/api/customers/${c.documentId}/accounting/preview`);
    expect(preview.body.data.plan).toEqual({ ok: false, field: 'subledgerAccount', reason: res.body.error.message, holders: [`${holder.code} Autre SARL`] });
  });

  it('refuses a prospect, a not-booked customer, a code too long and an unknown record', async () => {
    const p = await customer({ kind: 'prospect' });
    const prospect = await manage(p.documentId);
    expect(prospect.status).toBe(400);
    expect(errorPaths(prospect.body)).toEqual(['kind']);
    expect(prospect.body.error.message).toBe(`${p.code} Client SA is a prospect: convert it into a customer before managing it in accounting`);
    // in French for a French reader, the refusal and the dialog's preview alike
    const french = await app.api().post(`/api/customers/${p.documentId}/accounting`).set('Accept-Language', 'fr').send({});
    expect(french.body.error.details.errors[0]).toMatchObject({ path: ['kind'], code: 'accountingProspect', message: `${p.code} Client SA est un prospect : transformez-le en client avant de le gérer en comptabilité` });
    const preview = await app.api().get(`/api/customers/${p.documentId}/accounting/preview`).set('Accept-Language', 'fr');
    expect(preview.body.data.plan).toEqual({ ok: false, field: 'kind', reason: french.body.error.message });

    const nb = await customer({ notBooked: true });
    const notBooked = await manage(nb.documentId);
    expect(notBooked.status).toBe(400);
    expect(errorPaths(notBooked.body)).toEqual(['notBooked']);

    const manual = await f.company({ customerNumbering: 'manual' });
    const long = await f.customer({ company: manual.documentId, code: 'LONGCODE99' });
    const tooLong = await manage(long.documentId);
    expect(tooLong.status).toBe(400);
    expect(errorPaths(tooLong.body)).toEqual(['code']);
    expect(tooLong.body.error.message).toBe("customer code LONGCODE99 is too long for a subledger account: prefix 411 + 10 characters exceed the company's account length of 10");

    expect((await manage('nosuchdocumentid000000000')).status).toBe(404);
  });
});

describe('GET /api/customers/:documentId/accounting/consistency', () => {
  it('a managed customer is consistent', async () => {
    const c = await customer();
    await manage(c.documentId);
    const res = await consistency(c.documentId);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ consistent: true, expected: expectedFor(c.code), issues: [] });
  });

  it('reports a missing account', async () => {
    const c = await customer();
    const res = await consistency(c.documentId);
    expect(res.body.data).toEqual({
      consistent: false,
      expected: expectedFor(c.code),
      issues: [{ field: 'subledgerAccount', code: 'missingAccount', message: `the customer has no subledger account (expected ${expectedFor(c.code)})` }],
    });
  });

  it('reports each mismatch in words: prefix, length, code, general account', async () => {
    const c = await customer();
    await setAccounts(c.documentId, { subledgerAccount: '401ABC', generalAccount: '401000' });
    const res = await consistency(c.documentId);
    expect(res.body.data.consistent).toBe(false);
    expect(res.body.data.issues).toEqual([
      { field: 'subledgerAccount', code: 'wrongPrefix', message: "subledger account 401ABC does not start with the company's prefix 411" },
      { field: 'subledgerAccount', code: 'wrongLength', message: "subledger account 401ABC has 6 characters, the company's rule requires 10" },
      { field: 'subledgerAccount', code: 'codeMismatch', message: `subledger account 401ABC does not match customer code ${c.code} (expected ${expectedFor(c.code)})` },
      { field: 'generalAccount', code: 'generalAccountOutsidePrefix', message: 'general account 401000 is not under the prefix 411' },
    ]);
  });

  it('reports an account used by another customer, and a not-booked customer with an account', async () => {
    const c = await customer();
    await manage(c.documentId);
    const twin = await customer({ callName: 'Jumeau SA', notBooked: true });
    await setAccounts(twin.documentId, { subledgerAccount: expectedFor(c.code) });
    const res = await consistency(twin.documentId);
    expect(res.body.data.issues.map((i: { code: string }) => i.code)).toEqual(['notBookedWithAccount', 'codeMismatch', 'usedByAnother']);
    expect(res.body.data.issues[2].message).toBe(`subledger account ${expectedFor(c.code)} is also used by ${c.code} Client SA`);
    expect(res.body.data.issues[0].message).toBe(`the customer is marked not booked but has subledger account ${expectedFor(c.code)}`);
  });

  it('404 for an unknown record', async () => {
    expect((await consistency('nosuchdocumentid000000000')).status).toBe(404);
  });
});

describe('GET /api/accounting/consistency', () => {
  it("lists the company's records with issues, paginated", async () => {
    const own = await f.company({ name: uniq('Audit') });
    const ok = await f.customer({ company: own.documentId, callName: 'Bon' });
    await manage(ok.documentId);
    const missing = await f.customer({ company: own.documentId, callName: 'Sans compte' });
    const wrong = await f.customer({ company: own.documentId, callName: 'Faux' });
    await setAccounts(wrong.documentId, { subledgerAccount: '4110000XYZ' });
    await f.customer({ company: own.documentId, kind: 'prospect', callName: 'Prospect' });

    const res = await app.api().get(`/api/accounting/consistency?company=${own.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((e: { documentId: string }) => e.documentId)).toEqual([missing.documentId, wrong.documentId]);
    expect(res.body.data[1]).toMatchObject({ code: wrong.code, callName: 'Faux', kind: 'customer', subledgerAccount: '4110000XYZ', consistent: false, expected: expectedFor(wrong.code) });
    expect(res.body.data[1].issues.map((i: { code: string }) => i.code)).toEqual(['codeMismatch']);
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 2 });

    const page2 = await app.api().get(`/api/accounting/consistency?company=${own.documentId}&page=2&pageSize=1`);
    expect(page2.body.data.map((e: { documentId: string }) => e.documentId)).toEqual([wrong.documentId]);
    expect(page2.body.meta.pagination).toEqual({ page: 2, pageSize: 1, pageCount: 2, total: 2 });
  });

  it('names duplicates within the company', async () => {
    const own = await f.company({ name: uniq('Dup') });
    const a = await f.customer({ company: own.documentId, callName: 'A' });
    const b = await f.customer({ company: own.documentId, callName: 'B' });
    await manage(a.documentId);
    await setAccounts(b.documentId, { subledgerAccount: expectedFor(a.code) });
    const res = await app.api().get(`/api/accounting/consistency?company=${own.documentId}`);
    const byId = Object.fromEntries(res.body.data.map((e: any) => [e.documentId, e.issues.map((i: any) => i.message)]));
    expect(byId[a.documentId]).toEqual([`subledger account ${expectedFor(a.code)} is also used by ${b.code} B`]);
    expect(byId[b.documentId]).toContain(`subledger account ${expectedFor(a.code)} is also used by ${a.code} A`);
  });

  it('refuses a missing or unknown company and bad paging', async () => {
    const missing = await app.api().get('/api/accounting/consistency');
    expect(missing.status).toBe(400);
    expect(errorPaths(missing.body)).toEqual(['company']);
    expect((await app.api().get('/api/accounting/consistency?company=nosuchdocumentid000000000')).status).toBe(404);
    const bad = await app.api().get(`/api/accounting/consistency?company=${company.documentId}&pageSize=500`);
    expect(bad.status).toBe(400);
    expect(errorPaths(bad.body)).toEqual(['pageSize']);
    expect(bad.body.error.message).toBe('pageSize must be a whole number from 1 to 100');
  });
});

describe('GraphQL', () => {
  it('manageCustomerInAccounting and customerAccountingConsistency', async () => {
    const c = await customer();
    const gql = (query: string) => app.api().post('/graphql').send({ query });
    const before = await gql(`{ customerAccountingConsistency(documentId: "${c.documentId}") { consistent expected issues { field code message } } }`);
    expect(before.body.data.customerAccountingConsistency).toMatchObject({ consistent: false, expected: expectedFor(c.code) });
    expect(before.body.data.customerAccountingConsistency.issues[0].code).toBe('missingAccount');
    const res = await gql(`mutation { manageCustomerInAccounting(documentId: "${c.documentId}") { subledgerAccount generalAccount } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.manageCustomerInAccounting).toEqual({ subledgerAccount: expectedFor(c.code), generalAccount: '411000' });
    const p = await customer({ kind: 'prospect' });
    const refused = await gql(`mutation { manageCustomerInAccounting(documentId: "${p.documentId}") { subledgerAccount } }`);
    expect(refused.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.body.errors[0].extensions.error.details.errors[0].path).toEqual(['kind']);
  });
});
