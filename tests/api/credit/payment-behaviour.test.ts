import { Factories, Probes, fieldErrors, startingKit } from '../../helpers/factories';
import { reading, statementsOf } from '../../helpers/statements';
import { testApp } from '../../helpers/strapi';
import { eventually, webhookReceiver } from '../../helpers/webhook-receiver';
import { dayFromToday as day } from '../../helpers/days';

// Issue 22, item 6: payment behaviour over a rolling 12 months (DSO, average days late, share paid
// late, trend), a suggested reliability colour from config thresholds, accepted into the record's
// colour (CLIPRO_COULEUR) in one audited click; read in one grouped statement, whatever the history.
const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;
let hooks: Awaited<ReturnType<typeof webhookReceiver>>;

beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
  hooks = await webhookReceiver(app, 'payment behaviour', ['credit-control.colour-accepted']);
});
afterAll(() => hooks.close());

const url = (party: string) => `/api/credit-control/parties/${party}/payment-behaviour`;
/** An issued invoice of `amount` excl. tax (120 % incl.) dated `dated` days from today, due `due` days from today. */
const invoice = async (customer: string, amount: number, dated: number, due: number, o: Record<string, unknown> = {}) => {
  const res = await f.invoiceResponse(customer, eur, amount, { date: day(dated), dueDate: day(due), ...o });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
/** Pays the invoice in full (120 % of `amount`) on `paid` days from today. */
const payInFull = async (customer: string, invoiceId: string, amount: number, paid: number) => {
  const res = await f.receiptResponse(customer, eur, amount * 1.2, { date: day(paid), allocations: [{ invoice: invoiceId, amount: amount * 1.2 }] });
  expect(res.status).toBe(201);
};
const daysOf = (w: { from: string; to: string }) => (Date.parse(w.to) - Date.parse(w.from)) / 86_400_000;

/**
 * Previous half: one paid 20 days late, one paid on time. Last half: one open 30 days past due, one
 * not due yet (not decided). Left out: a credit note, a draft, an invoice older than the window.
 */
async function historyOf(customer: string) {
  await payInFull(customer, await invoice(customer, 100, -200, -170), 100, -150);
  await payInFull(customer, await invoice(customer, 100, -190, -160), 100, -160);
  await invoice(customer, 100, -60, -30);
  await invoice(customer, 100, -20, 10);
  await invoice(customer, 50, -10, 20, { kind: 'creditNote' });
  await invoice(customer, 900, -40, -35, { state: 'draft' });
  await payInFull(customer, await invoice(customer, 100, -400, -390), 100, -200);
}

describe('the figures', () => {
  it('DSO, average days late, share paid late, trend and the suggested colour, over 12 months', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await historyOf(customer);
    const res = await app.api().get(url(customer));
    expect(res.status).toBe(200);
    const b = res.body.data;
    expect(b.window).toEqual({ from: expect.any(String), to: day(0), months: 12 });
    // open 240.00 of 480.00 invoiced over the window's days
    expect(b).toMatchObject({ invoices: 3, averageDaysLate: 25, lateSharePercent: 67, trend: 'worsening', suggested: 'red', currency: 'EUR', missingRates: [], colour: null, acceptable: true });
    expect(b.dso).toBe(Math.round((240 * daysOf(b.window)) / 480));
  });

  it('a party with no invoice has no figures and no suggestion', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const b = (await app.api().get(url(customer))).body.data;
    expect(b).toMatchObject({ invoices: 0, dso: null, averageDaysLate: null, lateSharePercent: null, trend: 'unknown', suggested: null, acceptable: false });
  });

  it('a good payer is green, a slightly late one amber (config thresholds 20 % / 15 days, 50 % / 45 days)', async () => {
    const good = (await f.bareCustomer()).documentId;
    for (const dated of [-100, -80, -60]) await payInFull(good, await invoice(good, 100, dated, dated + 30), 100, dated + 25);
    expect((await app.api().get(url(good))).body.data).toMatchObject({ suggested: 'green', lateSharePercent: 0, averageDaysLate: 0 });

    const slow = (await f.bareCustomer()).documentId;
    await payInFull(slow, await invoice(slow, 100, -100, -70), 100, -50); // 20 days late: amber by the days
    for (const dated of [-90, -80, -60]) await payInFull(slow, await invoice(slow, 100, dated, dated + 30), 100, dated + 30);
    expect((await app.api().get(url(slow))).body.data).toMatchObject({ suggested: 'amber', lateSharePercent: 25, averageDaysLate: 20 });
  });

  it('the invoices billed to the party count for it, not for the ordering customer', async () => {
    const orderer = (await f.bareCustomer()).documentId;
    const payer = (await f.bareCustomer()).documentId;
    await invoice(orderer, 100, -60, -30, { customerToBill: payer });
    expect((await app.api().get(url(payer))).body.data).toMatchObject({ invoices: 1, lateSharePercent: 100 });
    expect((await app.api().get(url(orderer))).body.data).toMatchObject({ invoices: 0 });
  });

  it('is one grouped statement, whatever the number of invoices', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await historyOf(customer);
    const few = await statementsOf(app.strapi, () => app.api().get(url(customer)));
    for (let i = 0; i < 8; i++) await invoice(customer, 10, -30 - i, -i);
    const more = await statementsOf(app.strapi, () => app.api().get(url(customer)));
    // the invoices are read once, by the grouped statement, with 7 invoices or 15 (Strapi's own
    // after-commit event of the receipts just written may reload an invoice in the window: `__strapi…`)
    const ours = (statements: string[]) => reading(statements, 'invoices').filter((sql) => !/__strapi/.test(sql));
    expect(ours(few)).toEqual([expect.stringMatching(/sum\(/i)]);
    expect(ours(more)).toEqual([expect.stringMatching(/sum\(/i)]);
  });

  it('answers 404 for an unknown party', async () => {
    const res = await app.api().get(url('nope'));
    expect(res.status).toBe(404);
    expect(res.body.error.details).toMatchObject({ code: 'partyNotFound' });
  });
});

describe('accepting the suggested colour', () => {
  it('writes it into the record (CLIPRO_COULEUR on), logs it and sends the webhook', async () => {
    const company = await f.company({ managementRules: { reliabilityColour: true } });
    const customer = (await f.bareCustomer({ company: company.documentId })).documentId;
    await historyOf(customer);
    const before = hooks.received.length;
    const res = await app.api().post(`${url(customer)}/accept`).send({ colour: 'red' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ colour: 'red', suggested: 'red', acceptable: false });
    const record = (await app.api().get(`/api/customers/${customer}`)).body.data;
    expect(record.reliabilityColour).toBe('red');

    const logged = (await app.api().get(`/api/credit-control/decisions?party=${customer}&kind=policy`)).body.data;
    expect(logged[0]).toMatchObject({ outcome: 'recorded', reason: 'colourAccepted', action: 'colour' });
    expect(logged[0].message).toBe('Reliability colour red accepted (was none): 67 % of invoices paid late, 25 days late on average, DSO ' + res.body.data.dso + ' days');
    const fr = (await app.api().get(`/api/credit-control/decisions?party=${customer}&kind=policy`).set('Accept-Language', 'fr')).body.data;
    expect(fr[0].text).toMatch(/^Couleur de fiabilité rouge acceptée \(avant : aucune\) : 67 % des factures payées en retard/);

    expect(await eventually(() => hooks.received.slice(before).some((e) => e.party === customer))).toBe(true);
    expect(hooks.received.slice(before).find((e) => e.party === customer)).toMatchObject({ event: 'credit-control.colour-accepted', from: null, to: 'red', figures: expect.objectContaining({ lateSharePercent: 67 }) });
  });

  it('maps the colour to the field’s own value (amber is « orange » in this app)', async () => {
    const company = await f.company({ managementRules: { reliabilityColour: true } });
    const customer = (await f.bareCustomer({ company: company.documentId })).documentId;
    await payInFull(customer, await invoice(customer, 100, -100, -70), 100, -50); // 1 of 5 late, by 20 days
    for (const dated of [-90, -80, -70, -60]) await payInFull(customer, await invoice(customer, 100, dated, dated + 30), 100, dated + 30);
    expect((await app.api().post(`${url(customer)}/accept`).send({ colour: 'amber' })).status).toBe(200);
    expect((await app.api().get(`/api/customers/${customer}`)).body.data.reliabilityColour).toBe('orange');
    expect((await app.api().get(url(customer))).body.data).toMatchObject({ colour: 'amber', suggested: 'amber', acceptable: false });
  });

  it('a stale colour is refused on the field, naming the colour suggested now; nothing is written', async () => {
    const company = await f.company({ managementRules: { reliabilityColour: true } });
    const customer = (await f.bareCustomer({ company: company.documentId })).documentId;
    await historyOf(customer);
    const res = await app.api().post(`${url(customer)}/accept`).set('Accept-Language', 'fr').send({ colour: 'green' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ suggested: 'red', errors: [expect.objectContaining({ path: ['colour'], code: 'colourSuggestionChanged' })] });
    expect(res.body.error.message).toBe('la couleur suggérée est maintenant rouge, et non vert : relisez les chiffres avant d’accepter');
    expect((await app.api().get(`/api/customers/${customer}`)).body.data.reliabilityColour).toBeNull();
  });

  it.each([[undefined], ['purple'], [3]])('refuses colour %j with a 400 on the field', async (colour) => {
    const customer = (await f.bareCustomer()).documentId;
    const res = await app.api().post(`${url(customer)}/accept`).send({ colour });
    expect(res.status).toBe(400);
    expect(fieldErrors(res)).toEqual([expect.stringMatching(/^colour: /)]);
  });

  it('no suggestion, nothing to accept', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const res = await app.api().post(`${url(customer)}/accept`).send({ colour: 'green' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: ['colour'], code: 'colourNoSuggestion' });
  });

  it('the app’s own rule stands: without CLIPRO_COULEUR the record refuses the colour, and nothing is logged', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await historyOf(customer);
    const before = hooks.received.length;
    const res = await app.api().post(`${url(customer)}/accept`).send({ colour: 'red' });
    expect(res.status).toBe(400);
    expect(fieldErrors(res)).toEqual([expect.stringMatching(/^reliabilityColour: /)]);
    expect((await app.api().get(`/api/credit-control/decisions?party=${customer}&kind=policy`)).body.data).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    expect(hooks.received.slice(before).filter((e) => e.party === customer)).toEqual([]);
  });
});

describe('the over-threshold list', () => {
  it('gives each listed party’s suggested colour, read once for the page', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await historyOf(customer);
    await f.creditPolicy(customer, { mode: 'alert', threshold: '10.00', currency: 'EUR' });
    const res = await app.api().get('/api/credit-control/parties/over-threshold?pageSize=100');
    expect(res.status).toBe(200);
    const row = res.body.data.find((r: any) => r.party === customer);
    expect(row.behaviour).toMatchObject({ suggested: 'red', lateSharePercent: 67, averageDaysLate: 25, trend: 'worsening' });
    void probe;
  });
});
