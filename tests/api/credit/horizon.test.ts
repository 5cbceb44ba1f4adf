import { Factories, Probes, fieldErrors, startingKit, uniq } from '../../helpers/factories';
import { isRead, statementsOf } from '../../helpers/statements';
import { testApp } from '../../helpers/strapi';
import { dayFromToday } from '../../helpers/days';

// Issue 22, item 7: the horizon (SAP's dynamic check). A policy leaves out of the exposure the
// orders and quotations whose delivery date is more than N days away; documents with no delivery
// date stay counted; the write's own delta follows the same rule.
const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;

beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
});

const policyUrl = (party: string) => `/api/credit-control/parties/${party}/policy`;
const lastDecision = async (party: string) => (await app.api().get(`/api/credit-control/decisions?party=${party}&kind=write`)).body.data[0];
/** A confirmed order of `amount` excl. tax delivering in `days` days (none: no delivery date). */
const order = (customer: string, amount: number, days?: number) =>
  app
    .api()
    .post('/api/orders')
    .send({ data: { number: uniq('ORD'), customer, currency: eur, date: dayFromToday(0), state: 'confirmed', ...(days === undefined ? {} : { deliveryDate: dayFromToday(days) }), lines: [{ quantity: 1, unitPrice: String(amount), vatRate: 20 }] } });
const quotation = (customer: string, amount: number, days?: number) =>
  app
    .api()
    .post('/api/quotations')
    .send({ data: { number: uniq('QUO'), customer, currency: eur, date: dayFromToday(0), state: 'sent', ...(days === undefined ? {} : { deliveryDate: dayFromToday(days) }), lines: [{ quantity: 1, unitPrice: String(amount), vatRate: 20 }] } });

describe('the horizon on a policy', () => {
  it('is written and read through REST, and recorded in the limit history', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'block', threshold: '1000.00', currency: 'EUR' });
    const set = await app.api().put(policyUrl(customer)).send({ data: { horizonDays: 90 } });
    expect(set.status).toBe(200);
    expect(set.body.data).toMatchObject({ horizonDays: 90 });
    expect((await probe.summary(customer)).policy.horizonDays).toBe(90);
    const history = (await app.api().get(`/api/credit-control/parties/${customer}/limit-history`)).body.data;
    expect(JSON.stringify(history)).toContain('horizonDays');
    const off = await app.api().put(policyUrl(customer)).send({ data: { horizonDays: null } });
    expect(off.body.data.horizonDays).toBeNull();
    expect((await probe.summary(customer)).horizon).toBeNull();
  });

  it.each([[-1], [1.5], ['90'], [3651]])('refuses a horizon of %p with a 400 on the field', async (value) => {
    const customer = (await f.bareCustomer()).documentId;
    const res = await app.api().put(policyUrl(customer)).send({ data: { mode: 'block', horizonDays: value } });
    expect(res.status).toBe(400);
    expect(fieldErrors(res)).toEqual([expect.stringMatching(/^horizonDays: /)]);
  });

  it('says why in French', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const res = await app.api().put(policyUrl(customer)).set('Accept-Language', 'fr').send({ data: { horizonDays: -3 } });
    expect(res.body.error.message).toMatch(/^« Horizon \(jours\) » doit être un nombre entier de jours de 0 à 3\s650, ou vide pour aucun horizon$/);
  });

  it('is a field of the policy in GraphQL, written and checked there too', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const policy = await f.creditPolicy(customer, { mode: 'block', threshold: '1000.00', currency: 'EUR' });
    const gql = (query: string) => app.api().post('/graphql').send({ query });
    const set = await gql(`mutation { updateCreditControlPolicy(documentId: "${policy.documentId}", data: { horizonDays: 45 }) { horizonDays } }`);
    expect(set.body.data.updateCreditControlPolicy).toEqual({ horizonDays: 45 });
    const read = await gql(`{ creditControlPolicies(filters: { party: { eq: "${customer}" } }) { party horizonDays } }`);
    expect(read.body.data.creditControlPolicies).toEqual([{ party: customer, horizonDays: 45 }]);
    const bad = await gql(`mutation { updateCreditControlPolicy(documentId: "${policy.documentId}", data: { horizonDays: -1 }) { horizonDays } }`);
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('the exposure under a horizon', () => {
  it('leaves out what delivers beyond it, before and in the write; undated documents stay counted', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'block', threshold: '1000.00', currency: 'EUR', horizonDays: 90 });
    // delivering in 200 days under a 90-day horizon: adds nothing, even far above the limit
    const far = await order(customer, 5000, 200);
    expect(far.status).toBe(201);
    expect((await lastDecision(customer)).details.horizon).toMatchObject({ days: 90, until: dayFromToday(90), leftOut: '0.00', leftOutOfWrite: '5000.00' });
    expect((await order(customer, 600, 10)).status).toBe(201);
    expect((await quotation(customer, 300, 90)).status).toBe(201);
    // the horizon's last day counts; the 5000 left out
    const summary = await probe.summary(customer);
    expect(summary).toMatchObject({ exposure: '900.00', headroom: '100.00', horizon: { days: 90, until: dayFromToday(90), leftOut: '5000.00' } });
    expect(summary.horizon.leftOutByBucket).toEqual([{ bucket: 'orders', amount: '5000.00', currency: 'EUR' }]);
    // an order with no delivery date counts
    const undated = await order(customer, 200);
    expect(undated.status).toBe(400);
    expect(undated.body.error.details.reason).toBe('overThreshold');
    expect((await order(customer, 100)).status).toBe(201);
    // the decision says what the horizon left out
    const refused = await quotation(customer, 50, 30);
    expect(refused.status).toBe(400);
    const decision = await lastDecision(customer);
    expect(decision.details.horizon).toMatchObject({ days: 90, leftOut: '5000.00', leftOutOfWrite: '0.00' });
    expect(await probe.drift()).toEqual([]);
  });

  it('moving a delivery date into the horizon is a raise of the exposure, judged as one; out of it, a lowering', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'block', threshold: '1000.00', currency: 'EUR', horizonDays: 30 });
    const far = await order(customer, 800, 60);
    const near = await order(customer, 500, 5);
    expect([far.status, near.status]).toEqual([201, 201]);
    const closer = await app.api().put(`/api/orders/${far.body.data.documentId}`).send({ data: { deliveryDate: dayFromToday(20) } });
    expect(closer.status).toBe(400);
    expect(closer.body.error.details.reason).toBe('overThreshold');
    // the near order moved beyond the horizon: allowed, and the exposure drops
    const later = await app.api().put(`/api/orders/${near.body.data.documentId}`).send({ data: { deliveryDate: dayFromToday(45) } });
    expect(later.status).toBe(200);
    expect(await probe.exposure(customer)).toBe('0.00');
    expect(await probe.drift()).toEqual([]);
    // with the horizon off, everything counts again
    await app.api().put(policyUrl(customer)).send({ data: { horizonDays: null } });
    expect(await probe.exposure(customer)).toBe('1300.00');
  });

  it('works with a temporary limit and the insured cap: the limit in force, the exposure within the horizon', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'block', threshold: '500.00', currency: 'EUR', horizonDays: 30, capAtInsured: true });
    const limits = `/api/credit-control/parties/${customer}`;
    expect((await app.api().post(`${limits}/temporary-limits`).send({ data: { amount: '2000.00', from: dayFromToday(-1), to: dayFromToday(1) } })).status).toBe(201);
    expect((await app.api().put(`${limits}/insurance`).send({ data: { insurer: 'Atradius', reference: 'H-1', insuredAmount: '1500.00' } })).status).toBe(200);
    expect((await order(customer, 9000, 31)).status).toBe(201);
    expect((await order(customer, 1400, 30)).status).toBe(201);
    const over = await order(customer, 200, 1);
    expect(over.status).toBe(400);
    expect(over.body.error.details.limit).toMatchObject({ source: 'insuredCap', inForce: '1500.00' });
    expect((await lastDecision(customer)).details.horizon).toMatchObject({ leftOut: '9000.00' });
    expect((await order(customer, 100, 2)).status).toBe(201);
  });
});

describe('the sales flow', () => {
  it('an order made from a quotation keeps its delivery date, and the horizon still leaves it out', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'block', threshold: '1000.00', currency: 'EUR', horizonDays: 30 });
    const quoted = await quotation(customer, 4000, 120);
    expect(quoted.status).toBe(201);
    const ordered = await probe.op(`/api/quotations/${quoted.body.data.documentId}/order`);
    expect(ordered.status).toBe(201);
    const made = await probe.read('orders', ordered.body.data.documentId);
    expect(made.deliveryDate).toBe(dayFromToday(120));
    expect((await probe.summary(customer)).horizon.leftOut).toBe('4000.00');
    expect(await probe.drift()).toEqual([]);
  });
});

describe('reconcile', () => {
  it('rebuilds the dated rows: a drift is reported with its day and fixed', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'alert', threshold: '1000.00', currency: 'EUR', horizonDays: 10 });
    expect((await order(customer, 700, 40)).status).toBe(201);
    await app.strapi.db.connection('credit_control_exposure_days').where({ party: customer }).update({ amount_minor: 1 });
    const drift = (await app.api().post('/api/credit-control/reconcile').send({})).body.data.drift;
    expect(drift).toEqual([expect.objectContaining({ party: customer, bucket: 'orders', day: dayFromToday(40), maintained: '0.01', recomputed: '700.00' })]);
    await app.api().post('/api/credit-control/reconcile').send({ fix: true });
    expect(await probe.drift()).toEqual([]);
    expect((await probe.summary(customer)).horizon.leftOut).toBe('700.00');
  });
});

describe('the cost of a checked write', () => {
  it('a horizon costs no statement of its own (its dated rows come in the limits’ read); a dated order adds none on Postgres', async () => {
    const plain = (await f.bareCustomer()).documentId;
    const withHorizon = (await f.bareCustomer()).documentId;
    await f.creditPolicy(plain, { mode: 'block', threshold: '100000.00', currency: 'EUR' });
    await f.creditPolicy(withHorizon, { mode: 'block', threshold: '100000.00', currency: 'EUR', horizonDays: 90 });
    await order(plain, 10, 5);
    await order(withHorizon, 10, 5);
    const dated = (statements: string[]) => statements.filter((sql) => /\bcredit_control_exposure_days\b/.test(sql));
    const undatedOff = await statementsOf(app.strapi, () => order(plain, 10));
    const datedOff = await statementsOf(app.strapi, () => order(plain, 10, 5));
    const datedOn = await statementsOf(app.strapi, () => order(withHorizon, 10, 5));
    // no write of a dated row for an order without a delivery date
    expect(dated(undatedOff).filter((sql) => !isRead(sql))).toEqual([]);
    // the dated rows are read by the limits' read (the one select of the exposure), whether a policy has a horizon or not
    const reads = (statements: string[]) => dated(statements).filter(isRead);
    const limitsRead = (statements: string[]) => statements.filter((sql) => isRead(sql) && /\bcredit_control_exposures\b/.test(sql));
    for (const statements of [undatedOff, datedOff, datedOn]) expect(reads(statements)).toEqual(limitsRead(statements));
    expect(limitsRead(datedOn)).toHaveLength(1);
    const postgres = process.env.DATABASE_CLIENT === 'postgres';
    // the engine's own statements (the app's hooks read what they read, whatever the plugin does)
    const engine = (statements: string[]) => statements.filter((sql) => /\bcredit_control_\w+/.test(sql));
    // the dated row's upsert goes in the write's one statement on Postgres; on SQLite it is its own (~0.1 ms)
    expect(engine(datedOff).length - engine(undatedOff).length).toBe(postgres ? 0 : 1);
    expect(engine(datedOn).length).toBe(engine(datedOff).length);
    // eslint-disable-next-line no-console
    console.log(`engine statements per checked order create: undated ${engine(undatedOff).length}, dated without horizon ${engine(datedOff).length}, dated with horizon ${engine(datedOn).length}`);
  });
});
