import { Factories, Probes } from '../../helpers/factories';
import { startSecondProcess, type SecondProcess } from '../../helpers/second-process';
import { horizonRace } from '../../helpers/horizon-race';
import { startApp, type TestApp } from '../../helpers/strapi';

// Two Strapi processes on one Postgres: the party row lock holds across processes.
// SQLite is one process by nature, so this runs in the Postgres run (npm run test:pg).
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';
const describeOnPostgres = onPostgres ? describe : describe.skip;

let app: TestApp;
let second: SecondProcess;

describeOnPostgres('two Strapi processes on one Postgres', () => {
  beforeAll(async () => {
    app = await startApp();
    second = await startSecondProcess(app);
  });
  afterAll(async () => {
    await second?.stop();
    await app?.stop();
  });

  it('50 simultaneous creates split over both processes never jointly pass the threshold', async () => {
    const f = new Factories(app.api);
    const probe = new Probes(app.api);
    const eur = (await f.isoCurrency('EUR')).documentId;
    const customer = (await f.bareCustomer()).documentId;
    expect((await f.invoiceResponse(customer, eur, 1500)).status).toBe(201);
    await f.creditPolicy(customer, { mode: 'block', threshold: '2000.00', currency: 'EUR' });

    const create = (i: number) => {
      const data = { number: `TP-${i}`, customer, currency: eur, date: '2026-02-01', state: 'issued', lines: [{ quantity: 1, unitPrice: 100, vatRate: 20 }] };
      const client = i % 2 === 0 ? app.api() : second.api();
      return client.post('/api/invoices').send({ data });
    };
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => create(i)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s !== 201 && s !== 400)).toEqual([]);
    // both processes served requests, and only the five that fit went through
    expect(results.filter((r, i) => i % 2 === 1 && (r.status === 201 || r.status === 400))).toHaveLength(25);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect((await probe.summary(customer)).exposure).toBe('2000.00');
    const drift = await app.api().post('/api/credit-control/reconcile').send({});
    expect(drift.body.data.drift).toEqual([]);
  });

  it('with a temporary limit, an insured cap and a horizon, creates and delivery-date moves over both processes never jointly pass the limit in force', async () => {
    const { passed, after, drift } = await horizonRace(app.api, (i) => (i % 2 === 0 ? app.api : second.api));
    expect(passed('far')).toBe(20);
    expect(passed('near') + passed('move')).toBe(5);
    expect(after).toMatchObject({ exposure: '2000.00', limit: { inForce: '2000.00' } });
    expect(drift).toEqual([]);
  });
});

if (!onPostgres) it('runs in the Postgres run only', () => expect(onPostgres).toBe(false));
