import { Factories, Probes, startingKit } from '../../helpers/factories';
import { queriesOf, reading } from '../../helpers/statements';
import { testApp } from '../../helpers/strapi';

// On Postgres a checked create reads what it wrote, locks its parties and reads their decision
// inputs in one statement (one round trip). That statement reads its snapshot, taken before its lock
// is granted: when another lock holder commits in between, the create reads the inputs again under
// its lock, so no two writes jointly pass a limit. SQLite (in process) reads them apart.
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';
const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;

beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
});

/** The decision's read on its own (decision-io.ts `read`): a select over bound parties. */
const separateInputsRead = (sql: string) => /^\s*select x\.party as x_party/i.test(sql);
const touchesEngine = (sql: string) => /credit_control_(exposures|locks|decisions)/.test(sql);

it('a checked create reads what it wrote with the decision inputs on Postgres (apart on SQLite), and writes what it keeps', async () => {
  const customer = (await f.bareCustomer()).documentId;
  await f.creditPolicy(customer, { mode: 'block', threshold: '1000.00', currency: 'EUR' });
  let created: any;
  const sent = await queriesOf(app.strapi, async () => (created = await f.invoiceResponse(customer, eur, 10)));
  expect(created.status).toBe(201);
  const engine = sent.filter((q) => touchesEngine(q.sql));
  // what it wrote and the inputs, in one read on Postgres
  const reads = engine.filter((q) => reading([q.sql], 'invoices').length === 1 && /credit_control_exposures/.test(q.sql));
  expect(reads).toHaveLength(onPostgres ? 1 : 0);
  if (onPostgres) expect(reads[0].bindings).toContain(created.body.data.documentId);
  const apart = engine.filter((q) => separateInputsRead(q.sql));
  expect(apart).toHaveLength(onPostgres ? 0 : 1);
  if (!onPostgres) expect(apart[0].bindings).toContain(customer);
  // the exposure's upsert and the decision row: one statement on Postgres, one each on SQLite
  expect(engine.length - reads.length - apart.length).toBe(onPostgres ? 1 : 2);
  expect((await probe.summary(customer)).exposure).toBe('10.00');
  // the next create judges what the first one left
  expect((await f.invoiceResponse(customer, eur, 995)).status).toBe(400);
  expect((await f.invoiceResponse(customer, eur, 990)).status).toBe(201);
  expect((await probe.summary(customer)).exposure).toBe('1000.00');
});

(onPostgres ? it : it.skip)('a lock holder committing between the create\'s snapshot and its lock: the create reads the inputs again and judges what the holder left', async () => {
  const customer = (await f.bareCustomer()).documentId;
  expect((await f.invoiceResponse(customer, eur, 100)).status).toBe(201);
  await f.creditPolicy(customer, { mode: 'block', threshold: '1000.00', currency: 'EUR' });
  const knex: any = app.strapi.db.connection;
  // another writer of the party: holds its lock and moves its exposure by 850.00, not yet committed
  const holder = await knex.transaction();
  let sent: Awaited<ReturnType<typeof queriesOf>> = [];
  let created: any;
  try {
    await holder.raw('insert into credit_control_locks (party, version) values (?, 0) on conflict (party) do update set version = credit_control_locks.version + 1', [customer]);
    await holder.raw(
      'update credit_control_exposures set amount_minor = amount_minor + 85000 where (party, bucket, currency) in (select party, bucket, currency from credit_control_exposures where party = ? limit 1)',
      [customer]
    );
    const watching = queriesOf(app.strapi, async () => (created = await f.invoiceResponse(customer, eur, 100)));
    // the create's statement has started (its snapshot taken) and waits for the party's lock
    for (let i = 0; i < 200; i += 1) {
      const waiting = await knex.raw("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like '%credit_control_locks%'");
      if (waiting.rows[0].n > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await holder.commit();
    sent = await watching;
  } catch (error) {
    await holder.rollback().catch(() => undefined);
    throw error;
  }
  // 100.00 + 850.00 + 100.00 passes 1,000.00: refused, as a create after the holder would be
  expect(created.status).toBe(400);
  expect(created.body.error.message).toMatch(/^Credit blocked: outstanding/);
  // the inputs its first statement saw were stale: read again once locked
  expect(sent.filter((q) => separateInputsRead(q.sql))).toHaveLength(1);
  expect((await probe.summary(customer)).exposure).toBe('950.00');
  // and the reconcile puts the maintained exposure back to what the documents say
  expect((await app.api().post('/api/credit-control/reconcile').send({ fix: true })).status).toBe(200);
  expect((await probe.summary(customer)).exposure).toBe('100.00');
});
