import { decisionCount } from '../../helpers/credit';
import { Factories, Probes, startingKit } from '../../helpers/factories';
import { horizonRace } from '../../helpers/horizon-race';
import { testApp } from '../../helpers/strapi';

// Two writes must never jointly pass a threshold (DESIGN "Concurrency and cost"); runs on SQLite and Postgres.
const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;

beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
});

const reconcile = async () => {
  const res = await app.api().post('/api/credit-control/reconcile').send({ fix: false });
  expect(res.status).toBe(200);
  return res.body.data.drift;
};

it('50 simultaneous creates of 100.00 against 1,500.00 of a 2,000.00 threshold: at most 5 go through', async () => {
  const customer = (await f.bareCustomer()).documentId;
  expect((await f.invoiceResponse(customer, eur, 1500)).status).toBe(201);
  await f.creditPolicy(customer, { mode: 'block', threshold: '2000.00', currency: 'EUR' });
  expect((await probe.summary(customer)).exposure).toBe('1500.00');

  const results = await Promise.all(Array.from({ length: 50 }, () => f.invoiceResponse(customer, eur, 100)));
  const statuses = results.map((r) => r.status);
  expect(statuses.filter((s) => s !== 201 && s !== 400)).toEqual([]);
  const accepted = statuses.filter((s) => s === 201).length;
  // serialised on the party: exactly the five that fit (2,000.00 is not above 2,000.00)
  expect(accepted).toBe(5);
  for (const r of results.filter((x) => x.status === 400)) expect(r.body.error.message).toMatch(/^Credit blocked: outstanding/);

  const summary = await probe.summary(customer);
  expect(Number(summary.exposure)).toBeLessThanOrEqual(2000);
  expect(summary.exposure).toBe((1500 + 100 * accepted).toFixed(2));
  const stored = await app.strapi.db.query('api::invoice.invoice').count({ where: { customer: { documentId: customer } } });
  expect(stored).toBe(1 + accepted);
  expect(await decisionCount(app, customer, 'refused')).toBe(50 - accepted);
  expect(await reconcile()).toEqual([]);
});

it('simultaneous raises of existing invoices never jointly pass the threshold', async () => {
  const customer = (await f.bareCustomer()).documentId;
  const ids: string[] = [];
  for (let i = 0; i < 10; i += 1) ids.push((await f.invoiceResponse(customer, eur, 100)).body.data.documentId);
  await f.creditPolicy(customer, { mode: 'block', threshold: '1500.00', currency: 'EUR' });
  // each raise adds 100.00; 5 fit under the threshold
  const results = await Promise.all(
    ids.map((id) => app.api().put(`/api/invoices/${id}`).send({ data: { lines: [{ quantity: 1, unitPrice: 200, vatRate: 20 }] } }))
  );
  const statuses = results.map((r) => r.status);
  expect(statuses.filter((s) => s !== 200 && s !== 400)).toEqual([]);
  const accepted = statuses.filter((s) => s === 200).length;
  expect(accepted).toBeLessThanOrEqual(5);
  const summary = await probe.summary(customer);
  expect(summary.exposure).toBe((1000 + 100 * accepted).toFixed(2));
  expect(await reconcile()).toEqual([]);
});

it('simultaneous updates of one document keep the maintained exposure equal to the documents', async () => {
  const customer = (await f.bareCustomer()).documentId;
  const other = (await f.bareCustomer()).documentId;
  const invoice = (await f.invoiceResponse(customer, eur, 100)).body.data.documentId;
  await f.creditPolicy(customer, { mode: 'none', threshold: '0.00', currency: 'EUR' });
  // amounts, payments and party changes of the same invoice, all at once
  const writes = Array.from({ length: 20 }, (_, i) =>
    app
      .api()
      .put(`/api/invoices/${invoice}`)
      .send({ data: i % 5 === 4 ? { customer: i % 2 ? other : customer } : i % 3 === 0 ? { amountPaid: 10 * i } : { lines: [{ quantity: 1, unitPrice: 100 + 37 * i, vatRate: 20 }], amountPaid: 0 } })
  );
  const results = await Promise.all(writes);
  expect(results.map((r) => r.status).filter((s) => s !== 200 && s !== 400)).toEqual([]);
  expect(await reconcile()).toEqual([]);
});

it('with a temporary limit, an insured cap and a horizon, simultaneous creates and delivery-date moves never jointly pass the limit in force', async () => {
  const { passed, after, drift } = await horizonRace(app.api, () => app.api);
  // beyond the horizon: all go through; within it (new orders and moves alike): exactly the five raises that fit
  expect(passed('far')).toBe(20);
  expect(passed('near') + passed('move')).toBe(5);
  expect(after).toMatchObject({ exposure: '2000.00', limit: { inForce: '2000.00' } });
  expect(after.horizon.leftOut).toBe((6000 + 2000 - 100 * passed('move')).toFixed(2));
  expect(drift).toEqual([]);
});
