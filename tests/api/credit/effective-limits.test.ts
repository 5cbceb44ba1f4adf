import { Factories, Probes, startingKit } from '../../helpers/factories';
import { isRead, queriesOf, reading, statementsOf } from '../../helpers/statements';
import { testApp, waitForIdlePool } from '../../helpers/strapi';
import { dayFromToday } from '../../helpers/days';

// Issue 22, items 2, 3 and 8: the limit in force at decision time (temporary limits, the insured cap,
// default policies by company and by family), and the decision saying which limit applied.
const app = testApp();
const onSqlite = (process.env.DATABASE_CLIENT ?? 'sqlite') === 'sqlite';
/** statements a checked create gains for a party covered by a default policy: the default policies of its keys */
const EXTRA_FOR_DEFAULT = 1;
let f: Factories;
let probe: Probes;
let eur: string;

beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
});

const limitsUrl = (party: string) => `/api/credit-control/parties/${party}`;
const paths = (body: any) => (body?.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));
const lastDecision = async (party: string) => (await app.api().get(`/api/credit-control/decisions?party=${party}&kind=write`)).body.data[0];
const temporary = (party: string, data: Record<string, unknown>) => app.api().post(`${limitsUrl(party)}/temporary-limits`).send({ data });
const insure = (party: string, data: Record<string, unknown>) => app.api().put(`${limitsUrl(party)}/insurance`).send({ data });

describe('temporary limits', () => {
  it('apply inside their dates, and the decision says the temporary limit applied', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'block', threshold: '100.00', currency: 'EUR' });
    expect((await f.invoiceResponse(customer, eur, 80)).status).toBe(201);
    const added = await temporary(customer, { amount: '300.00', from: dayFromToday(-1), to: dayFromToday(1), reason: 'season' });
    expect(added.status).toBe(201);
    expect(added.body.data).toMatchObject({ amount: '300.00', currency: 'EUR', from: dayFromToday(-1), to: dayFromToday(1), reason: 'season' });
    const inside = await f.invoiceResponse(customer, eur, 150);
    expect(inside.status).toBe(201);
    expect((await lastDecision(customer)).details.limit).toMatchObject({ source: 'temporary', inForce: '300.00', policy: '100.00' });
    const summary = await probe.summary(customer);
    expect(summary.limit).toMatchObject({ source: 'temporary', inForce: '300.00', policy: '100.00', policySource: { kind: 'own' } });
    expect(summary.headroom).toBe('70.00');
    // removed: the policy's 100.00 applies again, at the next decision (no job runs)
    const removed = await app.api().delete(`${limitsUrl(customer)}/temporary-limits/${added.body.data.id}`);
    expect(removed.status).toBe(200);
    const after = await f.invoiceResponse(customer, eur, 1);
    expect(after.status).toBe(400);
    expect(after.body.error.details).toMatchObject({ reason: 'overThreshold', limit: { source: 'own', inForce: '100.00' } });
  });

  it('do not apply before their start or after their end', async () => {
    for (const [from, to] of [[dayFromToday(1), dayFromToday(30)], [dayFromToday(-30), dayFromToday(-1)]]) {
      const customer = (await f.bareCustomer()).documentId;
      await f.creditPolicy(customer, { mode: 'block', threshold: '100.00', currency: 'EUR' });
      expect((await temporary(customer, { amount: '1000.00', from, to })).status).toBe(201);
      const refused = await f.invoiceResponse(customer, eur, 150);
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.limit).toMatchObject({ source: 'own', inForce: '100.00' });
      const listed = (await app.api().get(`${limitsUrl(customer)}/limits`)).body.data;
      expect(listed.temporaryLimits).toEqual([expect.objectContaining({ amount: '1000.00', from, to, inForce: false, past: to < dayFromToday(0) })]);
    }
  });

  it.each([
    [{ amount: '100', from: '2026-03-31', to: '2026-03-01' }, ['to']],
    [{ amount: '-5', from: '2026-03-01', to: '2026-03-31' }, ['amount']],
    [{ amount: '100', from: '2026-03-01', to: '2026-03-31', currency: 'XYZ' }, ['currency']],
    [{ amount: '100', from: 'tomorrow', to: '2026-03-31' }, ['from']],
  ])('refuses %p with a 400 on the field', async (data, expected) => {
    const customer = (await f.bareCustomer()).documentId;
    const res = await temporary(customer, data);
    expect(res.status).toBe(400);
    expect(paths(res.body)).toEqual(expected);
  });

  it('answers in French when asked', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const res = await temporary(customer, { amount: '100', from: '2026-03-31', to: '2026-03-01' }).set('Accept-Language', 'fr');
    expect(res.body.error.message).toBe('« Au » ne doit pas précéder « Du »');
  });
});

describe('credit insurance', () => {
  it('caps the limit at the insured amount when the policy says so; the panel shows own, insured and in force', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'block', threshold: '1000.00', currency: 'EUR', capAtInsured: true });
    const set = await insure(customer, { insurer: 'Allianz Trade', reference: 'AT-2026-17', insuredAmount: '200.00', expiresOn: dayFromToday(365) });
    expect(set.status).toBe(200);
    expect(set.body.data).toMatchObject({ source: 'insuredCap', inForce: '200.00', policy: '1000.00', insured: '200.00', capAtInsured: true });
    expect(set.body.data.insurance).toMatchObject({ insurer: 'Allianz Trade', reference: 'AT-2026-17', insuredAmount: '200.00', currency: 'EUR', expired: false });
    expect((await f.invoiceResponse(customer, eur, 150)).status).toBe(201);
    const over = await f.invoiceResponse(customer, eur, 100);
    expect(over.status).toBe(400);
    expect(over.body.error.message).toBe('Credit blocked: outstanding 250.00 EUR exceeds the 200.00 EUR threshold');
    expect(over.body.error.details.limit).toMatchObject({ source: 'insuredCap', inForce: '200.00', policy: '1000.00', insured: '200.00' });
    // without the cap the insurance is shown but the policy's limit applies
    await app.api().put(`/api/credit-control/parties/${customer}/policy`).send({ data: { capAtInsured: false } });
    expect((await f.invoiceResponse(customer, eur, 100)).status).toBe(201);
    expect((await probe.summary(customer)).limit).toMatchObject({ source: 'own', inForce: '1000.00', insured: '200.00' });
  });

  it('flags an expired insurance, which then covers nothing: the cap is 0', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'block', threshold: '1000.00', currency: 'EUR', capAtInsured: true });
    expect((await insure(customer, { insurer: 'Coface', reference: 'CF-9', insuredAmount: '500.00', expiresOn: dayFromToday(-1) })).status).toBe(200);
    const limit = (await probe.summary(customer)).limit;
    expect(limit).toMatchObject({ source: 'insuredCap', inForce: '0.00', insured: '0.00', insuranceExpired: true });
    expect(limit.insurance).toMatchObject({ insuredAmount: '500.00', expiresOn: dayFromToday(-1), expired: true });
    const refused = await f.invoiceResponse(customer, eur, 10);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.limit).toMatchObject({ source: 'insuredCap', inForce: '0.00', insuranceExpired: true });
    // renewed: covered again
    expect((await insure(customer, { insurer: 'Coface', reference: 'CF-10', insuredAmount: '500.00', expiresOn: dayFromToday(0) })).status).toBe(200);
    expect((await f.invoiceResponse(customer, eur, 10)).status).toBe(201);
  });

  it('refuses bad input on its field, and logs each change', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const bad = await insure(customer, { insurer: '', reference: 'R', insuredAmount: '-1', expiresOn: '2026-13-01' });
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toEqual(['insurer', 'insuredAmount', 'expiresOn']);
    await insure(customer, { insurer: 'Atradius', reference: 'R-1', insuredAmount: '300' });
    expect((await app.api().delete(`${limitsUrl(customer)}/insurance`)).status).toBe(200);
    expect((await app.api().delete(`${limitsUrl(customer)}/insurance`)).status).toBe(404);
    const log = (await app.api().get(`/api/credit-control/decisions?party=${customer}&kind=policy`).set('Accept-Language', 'fr')).body.data;
    expect(log.map((row: any) => row.text)).toEqual(['Assurance-crédit supprimée', 'Assurance-crédit Atradius (R-1) : 300,00 EUR, échéance —']);
  });
});

describe('default policies', () => {
  const putDefault = (key: string, value: string, data: Record<string, unknown>) => app.api().put(`/api/credit-control/default-policies/${key}/${encodeURIComponent(value)}`).send({ data });

  it('cover a brand-new customer of the company from its first document; its own policy wins', async () => {
    const company = (await f.company()).documentId;
    const set = await putDefault('company', company, { mode: 'block', threshold: '100.00', currency: 'EUR' });
    expect(set.status).toBe(200);
    expect(set.body.data).toMatchObject({ party: `@company:${company}`, mode: 'block', threshold: '100.00', defaultFor: { key: 'company', value: company } });
    const fresh = (await f.bareCustomer({ company })).documentId;
    const first = await f.invoiceResponse(fresh, eur, 150);
    expect(first.status).toBe(400);
    expect(first.body.error.details).toMatchObject({ reason: 'overThreshold', limit: { source: 'default:company', inForce: '100.00', policySource: { kind: 'default', by: 'company', key: company } } });
    expect((await f.invoiceResponse(fresh, eur, 50)).status).toBe(201);
    const summary = await probe.summary(fresh);
    expect(summary.policy).toMatchObject({ mode: 'block', threshold: '100.00' });
    // the company named for people (the key's labelField)
    expect(summary.limit).toMatchObject({ source: 'default:company', policySource: { kind: 'default', by: 'company', key: company, label: 'Société Test' } });
    // a customer of the same company with its own policy: its own wins
    const own = (await f.bareCustomer({ company })).documentId;
    await f.creditPolicy(own, { mode: 'block', threshold: '1000.00', currency: 'EUR' });
    expect((await f.invoiceResponse(own, eur, 150)).status).toBe(201);
    expect((await lastDecision(own)).details.limit).toMatchObject({ source: 'own', inForce: '1000.00' });
    // a prospect of the company is not: blocking rules are for customers (the mapping's policyWhen)
    const prospect = (await f.bareCustomer({ company, kind: 'prospect' })).documentId;
    expect((await f.invoiceResponse(prospect, eur, 150)).status).toBe(201);
    expect((await probe.summary(prospect)).limit.policySource).toEqual({ kind: 'none' });
    // a customer of another company is not covered
    const other = (await f.bareCustomer({ company: (await f.company()).documentId })).documentId;
    expect((await f.invoiceResponse(other, eur, 150)).status).toBe(201);
    expect((await probe.summary(other)).limit.policySource).toEqual({ kind: 'none' });
  });

  it('by family comes before by company (the mapping’s order)', async () => {
    const company = (await f.company()).documentId;
    const family = `Agri ${Date.now()}`;
    await putDefault('company', company, { mode: 'block', threshold: '100.00', currency: 'EUR' });
    expect((await putDefault('family', family, { mode: 'block', threshold: '500.00', currency: 'EUR' })).status).toBe(200);
    const customer = (await f.bareCustomer({ company, marketing: { family } })).documentId;
    expect((await f.invoiceResponse(customer, eur, 150)).status).toBe(201);
    expect((await lastDecision(customer)).details.limit).toMatchObject({ source: 'default:family', inForce: '500.00' });
    const listed = (await app.api().get('/api/credit-control/default-policies')).body;
    expect(listed.data.map((p: any) => p.defaultFor)).toEqual(expect.arrayContaining([{ key: 'family', value: family }, { key: 'company', value: company }]));
    expect(listed.meta.keys).toEqual([{ key: 'family', field: 'marketing.family' }, { key: 'company', field: 'company', labelField: 'name' }]);
    expect((await app.api().delete(`/api/credit-control/default-policies/family/${encodeURIComponent(family)}`)).status).toBe(200);
    const refused = await f.invoiceResponse(customer, eur, 1);
    expect(refused.body.error.details.limit).toMatchObject({ source: 'default:company' });
  });

  it('are not listed among the parties over their threshold', async () => {
    const company = (await f.company()).documentId;
    await putDefault('company', company, { mode: 'block', threshold: '0.00', currency: 'EUR' });
    const listed = (await app.api().get('/api/credit-control/parties/over-threshold?pageSize=100')).body.data;
    expect(listed.map((row: any) => row.party).filter((party: string) => party.startsWith('@'))).toEqual([]);
  });

  it('refuses a key the mapping does not offer, on `key`', async () => {
    const res = await putDefault('colour', 'red', { mode: 'block' });
    expect(res.status).toBe(400);
    expect(paths(res.body)).toEqual(['key']);
  });
});

describe('the decision’s statements', () => {
  it('a checked create reads the temporary limits and insurance in the statement that reads its exposure and policy', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'block', threshold: '100000.00', currency: 'EUR' });
    await temporary(customer, { amount: '200000.00', from: dayFromToday(-1), to: dayFromToday(1) });
    await insure(customer, { insurer: 'Allianz Trade', reference: 'AT-1', insuredAmount: '500000.00' });
    const statements = await statementsOf(app.strapi, () => f.invoiceResponse(customer, eur, 10));
    // the engine's own statements name its tables unquoted
    const naming = (table: string) => statements.filter((sql) => new RegExp(`\\b${table}\\b`).test(sql));
    const exposureReads = naming('credit_control_exposures').filter(isRead);
    expect(exposureReads).toHaveLength(1);
    expect(naming('credit_control_temporary_limits')).toEqual(exposureReads);
    expect(naming('credit_control_insurances')).toEqual(exposureReads);
    // no default policy is looked for apart: the party has its own
    expect(reading(statements, 'customers').filter((sql) => /marketing/.test(sql) && !/credit_control_exposures/.test(sql))).toEqual([]);
    expect(reading(statements, 'credit_control_policies').filter((sql) => !/credit_control_exposures/.test(sql))).toEqual([]);
  });

  it("a checked create locks its party in the read of what it wrote on Postgres, and after it elsewhere (no lock on SQLite)", async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'block', threshold: '100000.00', currency: 'EUR' });
    const statements = await statementsOf(app.strapi, () => f.invoiceResponse(customer, eur, 10));
    const locking = statements.filter((sql) => /\bcredit_control_locks\b/.test(sql));
    const client = (app.strapi.db as any).dialect.client;
    if (client === 'sqlite') expect(locking).toEqual([]);
    else expect(locking).toHaveLength(1);
    if (client === 'postgres') {
      // one statement: the saved invoice's row with its party and currency, and the party's lock row
      expect(locking[0]).toMatch(/^with s as \(select .* from "invoices" as "t" .*insert into credit_control_locks /s);
      // the lock row was written (its version moves on each locked write)
      const version = async () => Number((await app.strapi.db.connection('credit_control_locks').where({ party: customer }).first()).version);
      const before = await version();
      await f.invoiceResponse(customer, eur, 10);
      expect(await version()).toBe(before + 1);
    }
  });

  it('a party covered by a default policy costs one read of the default policies (its keys come with its exposure); a party with its own, none', async () => {
    const company = (await f.company()).documentId;
    await app.api().put(`/api/credit-control/default-policies/company/${company}`).send({ data: { mode: 'block', threshold: '100000.00', currency: 'EUR' } });
    const covered = (await f.bareCustomer({ company })).documentId;
    const own = (await f.bareCustomer({ company })).documentId;
    await f.creditPolicy(own, { mode: 'block', threshold: '100000.00', currency: 'EUR' });
    // warm both (first writes create their lock and exposure rows)
    await f.invoiceResponse(covered, eur, 10);
    await f.invoiceResponse(own, eur, 10);
    const ofOwn = await statementsOf(app.strapi, () => f.invoiceResponse(own, eur, 10));
    const ofCovered = await statementsOf(app.strapi, () => f.invoiceResponse(covered, eur, 10));
    const policyReads = (list: string[]) => reading(list, 'credit_control_policies').filter((sql) => !/credit_control_exposures/.test(sql));
    expect(policyReads(ofOwn)).toEqual([]);
    // the default policies of the party's keys, in one statement
    expect(policyReads(ofCovered)).toHaveLength(1);
    // the party's keys (its company, a relation; its family, a component field) are read in the decision's one read,
    // not apart (other statements of the two lists differ by what earlier requests still run after responding)
    const keyReads = (list: string[]) =>
      list.filter((sql) => /customers_cmps|customers_company_lnk/.test(sql) || /^select [`"]t0[`"]\.[`"]id[`"][^()]* from \S*[`"]customers[`"] as [`"]t0[`"] where \([`"]t0[`"]\.[`"]document_id[`"] = \S+\) limit/.test(sql)).length;
    // (the app's own rules read the customer with its company and salesmen in both)
    expect(keyReads(ofCovered) - keyReads(ofOwn) + policyReads(ofCovered).length).toBe(EXTRA_FOR_DEFAULT);
  });

  it("the panel's summary reads the policy, the limits, the exposure, whether rules are offered and the rates in one statement", async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'block', threshold: '100000.00', currency: 'EUR' });
    const credit = app.strapi.plugin('credit-control').service('credit');
    let summary: any;
    // Strapi reloads a written record after responding: its reads are not the summary's
    await waitForIdlePool(app.strapi);
    const statements = await statementsOf(app.strapi, async () => (summary = await credit.summary(customer)));
    expect(summary).toMatchObject({ party: customer, policyOffered: true, policy: { mode: 'block', threshold: '100000.00' } });
    expect(statements).toHaveLength(1);
    for (const table of ['credit_control_rates', 'credit_control_exposures', 'credit_control_policies', 'credit_control_temporary_limits']) expect(statements[0]).toMatch(new RegExp(`\\b${table}\\b`));
    // a prospect holds no rules, policy or not (the mapping's policyWhen), said by the same read
    const prospect = (await f.bareCustomer({ kind: 'prospect' })).documentId;
    await waitForIdlePool(app.strapi);
    const ofProspect = await statementsOf(app.strapi, async () => (summary = await credit.summary(prospect)));
    expect(summary.policyOffered).toBe(false);
    expect(ofProspect).toHaveLength(1);
  });

  // SQLite plans without statistics: the decision's read must still seek every table by an index
  // (the policy by party, any group policy, any default policy, the party's keys from its own row)
  (onSqlite ? it : it.skip)('the decision read scans no table, for a party covered by a default policy or with its own', async () => {
    const company = (await f.company()).documentId;
    await app.api().put(`/api/credit-control/default-policies/company/${company}`).send({ data: { mode: 'block', threshold: '100000.00', currency: 'EUR' } });
    const covered = (await f.bareCustomer({ company })).documentId;
    const own = (await f.bareCustomer({ company })).documentId;
    await f.creditPolicy(own, { mode: 'block', threshold: '100000.00', currency: 'EUR' });
    const knex: any = app.strapi.db.connection;
    for (const party of [covered, own]) {
      const sent = await queriesOf(app.strapi, async () => expect((await f.invoiceResponse(party, eur, 10)).status).toBe(201));
      const reads = sent.filter((q) => /credit_control_exposures/.test(q.sql) && isRead(q.sql));
      expect(reads).toHaveLength(1);
      const bindings = reads[0].bindings.map((b) => (typeof b === 'boolean' ? Number(b) : b));
      const plan: { detail: string }[] = await knex.raw(`explain query plan ${reads[0].sql}`, bindings);
      // `x` is the statement's own list of parties, `s` a party's rows grouped for a rule; the dunning
      // levels are a handful of rows (one per rank and language), grouped whole when a rule names a level
      expect(plan.map((step) => step.detail).filter((detail) => /^SCAN /.test(detail) && !/^SCAN (x|s|CONSTANT ROW|credit_control_dunning_levels)$/.test(detail))).toEqual([]);
    }
  });
});
