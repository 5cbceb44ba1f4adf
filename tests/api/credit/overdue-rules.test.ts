import { Factories, Probes, fieldErrors, startingKit } from '../../helpers/factories';
import { isRead, statementsOf } from '../../helpers/statements';
import { testApp, waitForIdlePool } from '../../helpers/strapi';
import { eventually, webhookReceiver } from '../../helpers/webhook-receiver';
import { dayFromToday as day } from '../../helpers/days';

// Issue 22, items 4 and 5: overdue rules beside the amount threshold (the oldest unpaid invoice more
// than N days past due, the amount past due above X, the dunning level ≥ L), each alerting or
// blocking; a rule's block ends by itself when the rule no longer holds (credit.released), a manual
// block stays. What they read is maintained per due day: no scan of the invoices per write.
const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;
let hooks: Awaited<ReturnType<typeof webhookReceiver>>;

beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
  hooks = await webhookReceiver(app, 'overdue rules', ['credit.released']);
});
afterAll(() => hooks.close());

const policyUrl = (party: string) => `/api/credit-control/parties/${party}/policy`;
/** An issued invoice of `amount` excl. tax (120 % incl.) due `dueIn` days from today (negative: past due). */
const invoice = (customer: string, amount: number, dueIn: number) => f.invoiceResponse(customer, eur, amount, { date: day(Math.min(dueIn, 0) - 30), dueDate: day(dueIn) });
const pay = (customer: string, invoiceId: string, amount: number) => f.receiptResponse(customer, eur, amount, { date: day(0), allocations: [{ invoice: invoiceId, amount }] });
const rules = (customer: string, overdueRules: unknown, extra: Record<string, unknown> = {}) =>
  f.creditPolicy(customer, { mode: 'none', threshold: '0.00', currency: 'EUR', overdueRules, ...extra });

describe('the rules on a policy', () => {
  it('are written and read through REST, amounts as decimal strings', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const set = await app.api().put(policyUrl(customer)).send({ data: { overdueRules: { oldestDays: { days: 30, action: 'block' }, amount: { amount: 5000, action: 'alert' }, dunningLevel: { level: 2 } } } });
    expect(set.status).toBe(200);
    expect(set.body.data.overdueRules).toEqual({ oldestDays: { days: 30, action: 'block' }, amount: { amount: '5000.00', action: 'alert' }, dunningLevel: { level: 2, action: 'block' } });
    const off = await app.api().put(policyUrl(customer)).send({ data: { overdueRules: null } });
    expect(off.body.data.overdueRules).toBeNull();
  });

  it.each([
    [{ oldestDays: { days: -1 } }, 'overdueRules.oldestDays.days'],
    [{ amount: { amount: '1.234', action: 'alert' } }, 'overdueRules.amount.amount'],
    [{ dunningLevel: { level: 2, action: 'stop' } }, 'overdueRules.dunningLevel.action'],
    [{ later: {} }, 'overdueRules.later'],
    ['all', 'overdueRules'],
  ])('refuses %j with a 400 on its path', async (value, path) => {
    const customer = (await f.bareCustomer()).documentId;
    const res = await app.api().put(policyUrl(customer)).send({ data: { overdueRules: value } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toEqual([path]);
    expect(fieldErrors(res)).toHaveLength(1);
  });

  it('says why in French', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const res = await app.api().put(policyUrl(customer)).set('Accept-Language', 'fr').send({ data: { overdueRules: { oldestDays: { days: 10, action: 'stop' } } } });
    expect(res.body.error.message).toBe('overdueRules.oldestDays.action doit valoir alert (alerte) ou block (blocage)');
  });
});

describe('each rule refuses, then releases by itself once the invoice is paid', () => {
  it.each([
    ['oldest unpaid invoice more than 10 days late', { oldestDays: { days: 10, action: 'block' } }, 'overdueDays', 'Credit blocked: the oldest unpaid invoice is 20 days past due (more than 10 days)'],
    ['more than 50.00 past due', { amount: { amount: '50.00', action: 'block' } }, 'overdueAmount', 'Credit blocked: 100.00 EUR is past due (more than 50.00 EUR)'],
    ['dunning level 2 reached (15 days, the reports’ second level)', { dunningLevel: { level: 2, action: 'block' } }, 'dunningLevel', 'Credit blocked: the customer is at dunning level 2 (level 2 or above)'],
  ])('%s', async (_name, overdueRules, reason, message) => {
    const customer = (await f.bareCustomer()).documentId;
    const late = (await invoice(customer, 100, -20)).body.data;
    await invoice(customer, 500, 30); // not due yet: never late
    await rules(customer, overdueRules);

    const refused = await invoice(customer, 10, 30);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toMatchObject({ reason });
    expect(refused.body.error.message).toBe(message);
    const summary = await probe.summary(customer);
    expect(summary.overdue).toMatchObject({ daysLate: 20, pastDue: '100.00', blocked: true, fired: [expect.objectContaining({ rule: reason, action: 'block' })] });

    // paid in full: the rule no longer holds, the block ends by itself, announced once
    const before = hooks.received.length;
    expect((await pay(customer, late.documentId, 120)).status).toBe(201);
    expect(await eventually(() => hooks.received.slice(before).some((e) => e.party === customer))).toBe(true);
    const released = hooks.received.slice(before).filter((e) => e.party === customer);
    expect(released).toEqual([expect.objectContaining({ event: 'credit.released', party: customer, before: expect.objectContaining({ daysLate: 20 }), after: expect.objectContaining({ daysLate: 0, pastDue: '0.00' }) })]);
    expect((await invoice(customer, 10, 30)).status).toBe(201);
    expect((await probe.summary(customer)).overdue).toMatchObject({ daysLate: 0, blocked: false, fired: [] });
  });

  it('an alert warns and lets the write through', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await invoice(customer, 100, -5);
    await rules(customer, { oldestDays: { days: 1, action: 'alert' } });
    const warned = await invoice(customer, 10, 30);
    expect(warned.status).toBe(201);
    const decisions = (await app.api().get(`/api/credit-control/decisions?party=${customer}&kind=write`)).body.data;
    expect(decisions[0]).toMatchObject({ outcome: 'warned', reason: 'overdueDays' });
  });

  it('a partial payment that leaves the invoice late keeps the block, and sends nothing', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const late = (await invoice(customer, 100, -20)).body.data;
    await rules(customer, { amount: { amount: '50.00', action: 'block' } });
    const before = hooks.received.length;
    expect((await pay(customer, late.documentId, 30)).status).toBe(201); // 100 × (120 − 30) / 120 = 75.00 past due
    expect((await invoice(customer, 10, 30)).status).toBe(400);
    expect((await probe.summary(customer)).overdue).toMatchObject({ pastDue: '75.00', blocked: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(hooks.received.slice(before).filter((e) => e.party === customer)).toEqual([]);
  });

  it('a manual block stays when the overdue invoice is paid: no release', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const late = (await invoice(customer, 100, -20)).body.data;
    await rules(customer, { oldestDays: { days: 10, action: 'block' } }, { blocked: true, blockedReason: 'Litige en cours' });
    const before = hooks.received.length;
    expect((await pay(customer, late.documentId, 120)).status).toBe(201);
    const refused = await invoice(customer, 10, 30);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toMatchObject({ reason: 'manualBlock' });
    await new Promise((r) => setTimeout(r, 300));
    expect(hooks.received.slice(before).filter((e) => e.party === customer)).toEqual([]);
  });

  it('a draft invoice and a credit note: a draft never falls due, a credit note nets what is past due', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await invoice(customer, 100, -20);
    await f.invoiceResponse(customer, eur, 400, { state: 'draft', date: day(-50), dueDate: day(-20) });
    await rules(customer, { amount: { amount: '80.00', action: 'block' } });
    expect((await probe.summary(customer)).overdue).toMatchObject({ pastDue: '100.00', blocked: true });
    // a credit note of 30.00 due the same day as the invoice
    expect((await f.invoiceResponse(customer, eur, 30, { kind: 'creditNote', date: day(-50), dueDate: day(-20) })).status).toBe(201);
    expect((await probe.summary(customer)).overdue).toMatchObject({ pastDue: '70.00', blocked: false });
  });
});

describe('cost and upkeep', () => {
  it('reads the horizon’s dated rows, the open dues and the dunning levels in the limits’ read when a policy has them all, and judges by them', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const late = (await invoice(customer, 100, -40)).body.data;
    await rules(customer, { oldestDays: { days: 30, action: 'block' }, amount: { amount: '90000.00', action: 'alert' }, dunningLevel: { level: 3, action: 'alert' } }, { mode: 'block', threshold: '100000.00', horizonDays: 3650 });
    const ruleReads = (sql: string[]) => sql.filter((s) => isRead(s) && /credit_control_(open_dues|exposure_days|dunning_levels)/.test(s));
    let refused: any;
    const statements = await statementsOf(app.strapi, async () => (refused = await invoice(customer, 10, 30)));
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toMatchObject({ reason: 'overdueDays' });
    // one statement: the one that reads the party's exposure, policy and limits
    expect(ruleReads(statements)).toEqual([expect.stringMatching(/credit_control_exposures[\s\S]*credit_control_exposure_days[\s\S]*credit_control_open_dues[\s\S]*credit_control_dunning_levels/)]);
    // the panel's summary reads them the same way: the level is the reports' third (30 days)
    await waitForIdlePool(app.strapi);
    const summaryReads = await statementsOf(app.strapi, async () => expect((await probe.summary(customer)).overdue).toMatchObject({ daysLate: 40, pastDue: '100.00', level: 3, blocked: true }));
    // (the request's authentication reads what it reads)
    const engineReads = summaryReads.filter((sql) => /\bcredit_control_\w+/.test(sql));
    expect(engineReads).toHaveLength(1);
    expect(engineReads).toEqual(ruleReads(summaryReads));
    expect((await pay(customer, late.documentId, 120)).status).toBe(201);
    expect((await invoice(customer, 10, 30)).status).toBe(201);
  });

  it('reads the open dues in the limits’ read of a checked write, rule or not, at no statement of their own, and reconciles them', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'block', threshold: '100000.00', currency: 'EUR' });
    const duesReads = (sql: string[]) => sql.filter((s) => /credit_control_open_dues/.test(s) && isRead(s));
    const engine = (sql: string[]) => sql.filter((s) => /\bcredit_control_\w+/.test(s));
    const without = await statementsOf(app.strapi, () => invoice(customer, 10, 30));
    expect((await app.api().put(policyUrl(customer)).send({ data: { overdueRules: { oldestDays: { days: 10, action: 'block' } } } })).status).toBe(200);
    const withRules = await statementsOf(app.strapi, () => invoice(customer, 10, 30));
    for (const statements of [without, withRules]) expect(duesReads(statements)).toEqual([expect.stringMatching(/\bcredit_control_exposures\b/)]);
    expect(engine(withRules)).toHaveLength(engine(without).length);
    const reconcile = await app.api().post('/api/credit-control/reconcile').send({});
    expect(reconcile.status).toBe(200);
    expect(reconcile.body.data.drift.filter((d: any) => d.party === customer)).toEqual([]);
  });
});
