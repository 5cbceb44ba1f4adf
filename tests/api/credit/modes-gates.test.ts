import { decisionCount } from '../../helpers/credit';
import { Factories, Probes, startingKit } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

// Modes, gates, counted buckets, manual block, call taking and currencies (DESIGN "Exposure semantics").
const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;
let usd: string;
let seq = 0;

beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
  usd = (await f.isoCurrency('USD')).documentId;
});

const line = (amount: number) => [{ quantity: 1, unitPrice: amount, vatRate: 20 }];
const quotation = (customer: string, amount: number) =>
  app.api().post('/api/quotations').send({ data: { number: `Q-${++seq}`, customer, currency: eur, date: '2026-01-10', state: 'sent', lines: line(amount) } });
const issue = (customer: string, channel: 'backOffice' | 'customerPortal') =>
  app.api().post('/api/helpdesk-issues').send({ data: { number: `HD-${++seq}`, customer, title: 'Printer down', channel } });
const ALL_GATES = ['opportunities', 'quotations', 'orders', 'deliveries', 'billingTables', 'invoices', 'trainingOpportunities', 'registrationFiles', 'maintenanceContracts'];
const ALL_BUCKETS = ['opportunities', 'quotations', 'orders', 'deliveries', 'billingTables', 'invoices', 'receipts', 'trainingOpportunities', 'registrationFiles'];

it('alert mode stores a warned decision and returns the X-Credit-Control-Warning header', async () => {
  const customer = (await f.bareCustomer()).documentId;
  await f.creditPolicy(customer, { mode: 'alert', threshold: '100.00', currency: 'EUR' });
  const within = await f.invoiceResponse(customer, eur, 80);
  expect(within.status).toBe(201);
  expect(within.headers['x-credit-control-warning']).toBeUndefined();
  const over = await f.invoiceResponse(customer, eur, 70);
  expect(over.status).toBe(201);
  expect(decodeURIComponent(over.headers['x-credit-control-warning'])).toBe('Credit alert: outstanding 150.00 EUR exceeds the 100.00 EUR threshold');
  expect(await decisionCount(app, customer, 'warned')).toBe(1);
  expect((await probe.summary(customer)).exposure).toBe('150.00');
});

it('blockAll refuses every gated create and modify, whatever the exposure', async () => {
  const customer = (await f.bareCustomer()).documentId;
  const before = (await f.invoiceResponse(customer, eur, 10)).body.data.documentId;
  await f.creditPolicy(customer, { mode: 'blockAll', threshold: '1000000.00', currency: 'EUR' });
  const inv = await f.invoiceResponse(customer, eur, 10);
  expect(inv.status).toBe(400);
  expect(inv.body.error.message).toMatch(/^Credit blocked: every invoices write is blocked/);
  expect((await quotation(customer, 10)).status).toBe(400);
  expect((await app.api().put(`/api/invoices/${before}`).send({ data: { lines: line(5) } })).status).toBe(400);
  // receipts count but are not gated
  expect((await f.receiptResponse(customer, eur, 5)).status).toBe(201);
  expect(await decisionCount(app, customer, 'refused')).toBe(3);
  expect((await probe.summary(customer)).exposure).toBe('5.00');
});

it('an unticked gate lets its documents through even when over', async () => {
  const customer = (await f.bareCustomer()).documentId;
  expect((await f.invoiceResponse(customer, eur, 1000)).status).toBe(201);
  await f.creditPolicy(customer, { mode: 'block', threshold: '100.00', currency: 'EUR', gates: ALL_GATES.filter((g) => g !== 'quotations') });
  expect((await quotation(customer, 50)).status).toBe(201);
  expect((await f.invoiceResponse(customer, eur, 50)).status).toBe(400);
  // the quotation still counts: its bucket is ticked
  expect((await probe.summary(customer)).exposure).toBe('1050.00');
});

it('an unticked bucket is not counted', async () => {
  const customer = (await f.bareCustomer()).documentId;
  await f.creditPolicy(customer, { mode: 'block', threshold: '500.00', currency: 'EUR', buckets: ALL_BUCKETS.filter((b) => b !== 'quotations') });
  expect((await quotation(customer, 1000)).status).toBe(201);
  expect((await f.invoiceResponse(customer, eur, 400)).status).toBe(201);
  const summary = await probe.summary(customer);
  expect(summary.exposure).toBe('400.00');
  // maintained (shown) but not counted
  expect(summary.exposureByBucket).toContainEqual({ bucket: 'quotations', amount: '1000.00', currency: 'EUR' });
  expect((await f.invoiceResponse(customer, eur, 101)).status).toBe(400);
});

it('manual block and unblock: need a reason, refuse then allow, and are audited', async () => {
  const customer = (await f.bareCustomer()).documentId;
  await f.creditPolicy(customer, { mode: 'block', threshold: '10000.00', currency: 'EUR' });
  expect((await app.api().post(`/api/credit-control/parties/${customer}/block`).send({})).status).toBe(400);
  const blocked = await app.api().post(`/api/credit-control/parties/${customer}/block`).send({ reason: 'unpaid since March' });
  expect(blocked.status).toBe(200);
  expect(blocked.body.data.policy).toMatchObject({ blocked: true, blockedReason: 'unpaid since March' });
  expect(blocked.body.data.status).toBe('blocked');
  const refused = await f.invoiceResponse(customer, eur, 1);
  expect(refused.status).toBe(400);
  expect(refused.body.error.message).toBe('Credit blocked: the customer is blocked for total receivables (unpaid since March)');
  expect((await probe.summary(customer)).exposure).toBe('0.00');

  expect((await app.api().post(`/api/credit-control/parties/${customer}/unblock`).send({ reason: '' })).status).toBe(400);
  const unblocked = await app.api().post(`/api/credit-control/parties/${customer}/unblock`).send({ reason: 'paid' });
  expect(unblocked.status).toBe(200);
  expect(unblocked.body.data.policy).toMatchObject({ blocked: false, blockedReason: null, blockedAt: null });
  expect((await f.invoiceResponse(customer, eur, 1)).status).toBe(201);
  expect(await decisionCount(app, customer, undefined, 'block')).toBe(1);
  expect(await decisionCount(app, customer, undefined, 'unblock')).toBe(1);
  expect(await decisionCount(app, customer, 'refused')).toBe(1);
});

it('a manual block on a customer without a policy refuses too', async () => {
  const customer = (await f.bareCustomer()).documentId;
  expect((await f.invoiceResponse(customer, eur, 10)).status).toBe(201);
  const blocked = await app.api().post(`/api/credit-control/parties/${customer}/block`).send({ reason: 'fraud check' });
  expect(blocked.status).toBe(200);
  expect(blocked.body.data.status).toBe('blocked');
  const res = await f.invoiceResponse(customer, eur, 10);
  expect(res.status).toBe(400);
  expect(res.body.error.message).toBe('Credit blocked: the customer is blocked for total receivables (fraud check)');
  expect((await quotation(customer, 10)).status).toBe(400);
  expect((await probe.summary(customer)).exposure).toBe('10.00');
});

describe('call taking (help-desk issues)', () => {
  it.each(['customerPortal', 'backOffice'] as const)('blockUnpaidOnCustomer refuses from %s while an invoice is unpaid', async (channel) => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'none', threshold: '0.00', currency: 'EUR', callTaking: 'blockUnpaidOnCustomer' });
    expect((await issue(customer, channel)).status).toBe(201);
    const inv = (await f.invoiceResponse(customer, eur, 100)).body.data;
    const refused = await issue(customer, channel);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('Call taking blocked: an invoice of this customer is not paid');
    expect(await decisionCount(app, customer, 'refused', 'callTaking')).toBe(1);
    expect(await app.strapi.db.query('api::helpdesk-issue.helpdesk-issue').count({ where: { customer: { documentId: customer } } })).toBe(1);

    // paid: a receipt allocated to it
    expect((await f.receiptResponse(customer, eur, 120, { allocations: [{ invoice: inv.documentId, amount: 120 }] })).status).toBe(201);
    expect((await issue(customer, channel)).status).toBe(201);
  });

  it('an issued credit note is not an unpaid invoice, on the customer or on the contract', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const contract = (
      await f.post('maintenance-contracts', { number: `MC-${++seq}`, title: 'Support', startDate: '2026-01-01', endDate: '2026-12-31', annualAmountExclTax: 1200, customer, currency: eur })
    ).documentId;
    const onContract = () => app.api().post('/api/helpdesk-issues').send({ data: { number: `HD-${++seq}`, customer, contract, title: 'Printer down', channel: 'backOffice' } });
    const note = await f.invoiceResponse(customer, eur, 100, { kind: 'creditNote', contract });
    expect([note.status, note.body.data.state]).toEqual([201, 'issued']);
    await f.creditPolicy(customer, { mode: 'none', threshold: '0.00', currency: 'EUR', callTaking: 'blockUnpaidOnContract' });
    expect((await onContract()).status).toBe(201);
    // an invoice on the same contract still counts
    expect((await f.invoiceResponse(customer, eur, 100, { contract })).status).toBe(201);
    const refused = await onContract();
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('Call taking blocked: an invoice of this contract is not paid');

    const other = (await f.bareCustomer()).documentId;
    expect((await f.invoiceResponse(other, eur, 100, { kind: 'creditNote' })).status).toBe(201);
    await f.creditPolicy(other, { mode: 'none', threshold: '0.00', currency: 'EUR', callTaking: 'blockUnpaidOnCustomer' });
    expect((await issue(other, 'backOffice')).status).toBe(201);
    expect(await decisionCount(app, other, 'refused', 'callTaking')).toBe(0);
  });

  it('alertAlways warns', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'none', threshold: '0.00', currency: 'EUR', callTaking: 'alertAlways' });
    const res = await issue(customer, 'customerPortal');
    expect(res.status).toBe(201);
    expect(decodeURIComponent(res.headers['x-credit-control-warning'])).toBe('Call-taking alert: this customer is under watch');
    expect(await decisionCount(app, customer, 'warned', 'callTaking')).toBe(1);
  });

  it('a help-desk issue update is never gated', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const created = (await issue(customer, 'backOffice')).body.data.documentId;
    expect((await f.invoiceResponse(customer, eur, 100)).status).toBe(201);
    await f.creditPolicy(customer, { mode: 'blockAll', threshold: '0.00', currency: 'EUR', callTaking: 'blockAlways' });
    expect((await app.api().post(`/api/credit-control/parties/${customer}/block`).send({ reason: 'watch' })).status).toBe(200);
    expect((await issue(customer, 'backOffice')).status).toBe(400);
    const updated = await app.api().put(`/api/helpdesk-issues/${created}`).send({ data: { state: 'inProgress', title: 'Printer still down' } });
    expect(updated.status).toBe(200);
  });
});

describe('currencies', () => {
  it('a document in another currency is refused without a rate, and converted with one', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'block', threshold: '1000.00', currency: 'EUR' });
    const refused = await f.invoiceResponse(customer, usd, 100);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('Credit check impossible: no exchange rate from USD to EUR. Add the rate before saving.');
    expect((await probe.summary(customer)).exposure).toBe('0.00');
    expect(await decisionCount(app, customer, 'refused')).toBe(1);

    const rate = await app.api().post('/api/credit-control/rates').send({ data: { fromCurrency: 'USD', toCurrency: 'EUR', rate: 0.9, validFrom: '2020-01-01' } });
    expect(rate.status).toBe(201);
    expect((await f.invoiceResponse(customer, usd, 100)).status).toBe(201);
    expect((await probe.summary(customer)).exposure).toBe('90.00');
    const over = await f.invoiceResponse(customer, usd, 1100);
    expect(over.status).toBe(400);
    expect(over.body.error.message).toBe('Credit blocked: outstanding 1,080.00 EUR exceeds the 1,000.00 EUR threshold');
    // the latest rate in force applies, not one that starts later (the panel reads them with its figures)
    for (const data of [{ rate: 0.8, validFrom: '2021-01-01' }, { rate: 5, validFrom: '2999-01-01' }]) {
      expect((await app.api().post('/api/credit-control/rates').send({ data: { fromCurrency: 'USD', toCurrency: 'EUR', ...data } })).status).toBe(201);
    }
    expect((await probe.summary(customer)).exposure).toBe('80.00');
  });
});
