/**
 * The packed plugin on the foreign app (tests/install/foreign-app.ts) on MariaDB, Strapi's
 * `client: 'mysql'` with the mysql2 driver, in InnoDB's default isolation (repeatable read): the
 * boot, the veto, two Strapi processes writing for one party at once (the party's row lock must
 * hold across them), and a reconcile. `npm run test:install` runs it on a throwaway MariaDB
 * (scripts/mariadb-throwaway.sh, which sets MARIADB_*); without one it fails, it does not skip.
 */
import path from 'path';
import { bootForeignApp, createForeignApp, installMysql2, type ForeignApp, type RunningApp } from './foreign-app';
import { dayFromToday as day } from '../helpers/days';

const server = process.env.MARIADB_PORT
  ? {
      host: process.env.MARIADB_HOST ?? '127.0.0.1',
      port: Number(process.env.MARIADB_PORT),
      user: process.env.MARIADB_USER ?? 'strapi',
      password: process.env.MARIADB_PASSWORD ?? 'strapi',
    }
  : null;

let app: ForeignApp;
let first: RunningApp;
let second: RunningApp;
let database: string;
let sql: any;
const started = Date.now();
const took: string[] = [];
const lap = (what: string, since: number) => took.push(`${what} ${((Date.now() - since) / 1000).toFixed(1)} s`);

type Reply = { status: number; body: any };
const call = async (running: RunningApp, method: string, url: string, body?: unknown): Promise<Reply> => {
  const res = await fetch(`${running.url}${url}`, {
    method,
    headers: { Authorization: `Bearer ${running.token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};
const api = (method: string, url: string, body?: unknown) => call(first, method, url, body);
const client = async (name: string, policy: Record<string, unknown>): Promise<string> => {
  const created = await api('POST', '/api/clients', { data: { name } });
  expect(created.status).toBe(201);
  const party = created.body.data.documentId;
  expect((await api('POST', '/api/credit-control/policies', { data: { party, currency: 'EUR', ...policy } })).status).toBe(201);
  return party;
};
const exposure = async (party: string) => (await api('GET', `/api/credit-control/parties/${party}/credit`)).body.data.exposure;

beforeAll(async () => {
  if (!server) {
    throw new Error('no MariaDB: run the install tests through `npm run test:install` (scripts/mariadb-throwaway.sh run -- …), which starts one');
  }
  let t = Date.now();
  app = createForeignApp();
  installMysql2(app.appDir);
  lap('generate + pack + link + mysql2', t);
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const mysql = require(path.join(app.appDir, 'node_modules', 'mysql2', 'promise'));
  sql = await mysql.createConnection(server);
  database = `credit_install_${process.pid}_${Date.now()}`;
  await sql.query(`create database \`${database}\``);
  const env = {
    DATABASE_CLIENT: 'mysql',
    DATABASE_HOST: server.host,
    DATABASE_PORT: String(server.port),
    DATABASE_NAME: database,
    DATABASE_USERNAME: server.user,
    DATABASE_PASSWORD: server.password,
  };
  // one after the other: the first creates the schema, the second finds it
  t = Date.now();
  first = await bootForeignApp(app.appDir, env);
  lap('first boot (creates the schema)', t);
  t = Date.now();
  second = await bootForeignApp(app.appDir, { ...env, TOKEN_NAME: 'install-test-2' });
  lap('second boot', t);
});

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  if (sql && database) await sql.query(`drop database if exists \`${database}\``);
  await sql?.end();
  app?.cleanup();
  console.log(`MariaDB install test: ${((Date.now() - started) / 1000).toFixed(1)} s (${took.join(', ')})`);
});

it('boots on MariaDB: the plugin made its tables there, in InnoDB', async () => {
  const [[version]] = await sql.query('select version() as v');
  expect(version.v).toMatch(/MariaDB/);
  const [tables] = await sql.query('select table_name as t, engine as e from information_schema.tables where table_schema = ? and table_name like ? order by 1', [database, 'credit\\_control\\_%']);
  expect(tables.map((r: any) => r.t)).toEqual(expect.arrayContaining(['credit_control_decisions', 'credit_control_exposures', 'credit_control_locks', 'credit_control_settings']));
  expect(new Set(tables.map((r: any) => r.e))).toEqual(new Set(['InnoDB']));
  expect((await api('GET', '/api/credit-control/status')).body).toMatchObject({ configured: true });
});

it('refuses a bill over the limit with 400 and the reason code, writes nothing, and logs it', async () => {
  const party = await client('Blocked SARL', { mode: 'block', threshold: 1000 });
  expect((await api('POST', '/api/bills', { data: { number: 'M-1', total: 800, payer: party } })).status).toBe(201);
  const refused = await api('POST', '/api/bills', { data: { number: 'M-2', total: 300, payer: party } });
  expect(refused.status).toBe(400);
  expect(refused.body.error.message).toBe('Credit blocked: outstanding 1,100.00 EUR exceeds the 1,000.00 EUR threshold');
  expect(refused.body.error.details.reason).toBe('overThreshold');
  expect(refused.body.error.details.errors).toEqual([expect.objectContaining({ path: ['payer'] })]);
  expect((await api('GET', '/api/bills?filters[number][$eq]=M-2')).body.data).toEqual([]);
  // a write that fits goes through, from the second process too
  expect((await call(second, 'POST', '/api/bills', { data: { number: 'M-3', total: 150, payer: party } })).status).toBe(201);
  expect(await exposure(party)).toBe('950.00');
  const log = (await api('GET', `/api/credit-control/decisions?party=${party}&kind=write`)).body.data;
  expect(log.map((r: any) => [r.outcome, r.reason])).toEqual([['allowed', 'withinThreshold'], ['refused', 'overThreshold'], ['allowed', 'withinThreshold']]);
  expect(log[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
});

it('40 simultaneous creates for one party from two processes never jointly pass the threshold', async () => {
  const party = await client('Busy SA', { mode: 'block', threshold: 2000 });
  expect((await api('POST', '/api/bills', { data: { number: 'C-0', total: 1500, payer: party } })).status).toBe(201);
  const results = await Promise.all(
    Array.from({ length: 40 }, (_, i) => call(i % 2 === 0 ? first : second, 'POST', '/api/bills', { data: { number: `C-${i + 1}`, total: 100, payer: party } }))
  );
  const statuses = results.map((r) => r.status);
  // no deadlock, no lock wait timeout: every answer is an acceptance or the veto
  expect(statuses.filter((s) => s !== 201 && s !== 400)).toEqual([]);
  expect(statuses.filter((s) => s === 201)).toHaveLength(5);
  for (const r of results.filter((x) => x.status === 400)) expect(r.body.error.details.reason).toBe('overThreshold');
  // both processes let some through or refused some: the lock was contended across them
  expect(new Set(results.map((r, i) => (i % 2) + ':' + r.status)).size).toBeGreaterThanOrEqual(3);
  expect(await exposure(party)).toBe('2000.00');
  const [[stored]] = await sql.query(`select count(*) as n, sum(b.total) as total from \`${database}\`.bills b
    join \`${database}\`.bills_payer_lnk l on l.bill_id = b.id join \`${database}\`.clients c on c.id = l.client_id where c.document_id = ?`, [party]);
  expect([Number(stored.n), Number(stored.total)]).toEqual([6, 2000]);
});

it('updates of one bill from two processes at once: the document lock keeps the count exact', async () => {
  const party = await client('Editing SARL', { mode: 'block', threshold: 1000 });
  const bill = (await api('POST', '/api/bills', { data: { number: 'U-1', total: 100, payer: party } })).body.data.documentId;
  const amounts = Array.from({ length: 20 }, (_, i) => 200 + i * 10);
  const results = await Promise.all(amounts.map((total, i) => call(i % 2 === 0 ? first : second, 'PUT', `/api/bills/${bill}`, { data: { total } })));
  expect(results.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
  const stored = (await api('GET', `/api/bills/${bill}`)).body.data.total;
  expect(await exposure(party)).toBe(Number(stored).toFixed(2));
});


it("a bill in another currency counts at the latest rate in force (the panel reads the rates as JSON in its one statement: json_arrayagg on MariaDB)", async () => {
  const party = await client('Dollar SARL', { mode: 'block', threshold: 1000 });
  expect((await api('POST', '/api/credit-control/rates', { data: { fromCurrency: 'USD', toCurrency: 'EUR', rate: 0.9, validFrom: '2020-01-01' } })).status).toBe(201);
  expect((await api('POST', '/api/credit-control/rates', { data: { fromCurrency: 'USD', toCurrency: 'EUR', rate: 0.5, validFrom: '2999-01-01' } })).status).toBe(201);
  expect((await api('POST', '/api/bills', { data: { number: 'D-1', total: 100, devise: 'USD', payer: party } })).status).toBe(201);
  expect(await exposure(party)).toBe('90.00');
});

it('an overdue rule blocks on a bill 40 days past due and lets go once it is paid; payment behaviour reads it (the dues upsert, their read, the grouped behaviour SQL on MariaDB)', async () => {
  const party = await client('Late Payer SARL', { mode: 'alert', threshold: 100000 });
  const late = await api('POST', '/api/bills', { data: { number: 'L-1', total: 500, payer: party, issuedOn: day(-70), dueOn: day(-40) } });
  expect(late.status).toBe(201);
  expect((await api('PUT', `/api/credit-control/parties/${party}/policy`, { data: { overdueRules: { oldestDays: { days: 30, action: 'block' } } } })).status).toBe(200);
  const summary = (await api('GET', `/api/credit-control/parties/${party}/credit`)).body.data;
  expect(summary).toMatchObject({ status: 'overdueBlocked', overdue: { oldestPastDue: day(-40), daysLate: 40, pastDue: '500.00', blocked: true } });
  // from the second process too: the rule reads the maintained dues there as well
  const refused = await call(second, 'POST', '/api/bills', { data: { number: 'L-2', total: 10, payer: party, issuedOn: day(0), dueOn: day(30) } });
  expect(refused.status).toBe(400);
  expect(refused.body.error.details.reason).toBe('overdueDays');
  // paid 30 days late: the block ends by itself
  expect((await api('PUT', `/api/bills/${late.body.data.documentId}`, { data: { state: 'paid', paidAmount: 500, paidOn: day(-10) } })).status).toBe(200);
  expect((await call(second, 'POST', '/api/bills', { data: { number: 'L-2', total: 10, payer: party, issuedOn: day(0), dueOn: day(30) } })).status).toBe(201);
  // one bill decided, paid 30 days late (100 % late: red); the new one is not due yet; DSO 10 / 510 × 365 days
  const behaviour = await api('GET', `/api/credit-control/parties/${party}/payment-behaviour`);
  expect(behaviour.status).toBe(200);
  expect(behaviour.body.data).toMatchObject({ invoices: 1, lateSharePercent: 100, averageDaysLate: 30, dso: 7, suggested: 'red', currency: 'EUR' });
});

it('the horizon leaves out an order delivering beyond it, and counts it once moved inside (the dated rows on MariaDB)', async () => {
  const party = await client('Far Orders SA', { mode: 'block', threshold: 1000, horizonDays: 90 });
  const publish = (data: Record<string, unknown>) => api('POST', '/api/order-forms?status=published', { data: { buyer: party, ...data } });
  const far = await publish({ reference: 'H-1', amount: 5000, deliverOn: day(200) });
  expect(far.status).toBe(201);
  expect((await api('GET', `/api/credit-control/parties/${party}/credit`)).body.data.horizon).toMatchObject({ leftOut: '5000.00' });
  const near = await publish({ reference: 'H-2', amount: 1500, deliverOn: day(10) });
  expect(near.status).toBe(400);
  expect(near.body.error.details.reason).toBe('overThreshold');
  const moved = await call(second, 'PUT', `/api/order-forms/${far.body.data.documentId}?status=published`, { data: { deliverOn: day(30) } });
  expect(moved.status).toBe(400);
  expect(moved.body.error.details.reason).toBe('overThreshold');
});

it('reconciles without drift', async () => {
  const reconciled = await api('POST', '/api/credit-control/reconcile', {});
  expect(reconciled.status).toBe(200);
  expect(reconciled.body.data.drift).toEqual([]);
  expect(reconciled.body.data.checkedRows).toBeGreaterThanOrEqual(3);
});
