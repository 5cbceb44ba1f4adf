/**
 * The bench's data: seeded once through the generator, reconciled, and cached (SQLite: a file
 * under .bench/ keyed by the options; Postgres: the throwaway server left running with --keep-pg).
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { seed, type PartySummary } from '../database/seeds';
import { copySqlite, removeSqlite } from '../database/sqlite-files';
import { AS_OF, SCALES, SEED, type BenchArgs } from './args';
import { APP_DIR, boot } from './boot';
import { log } from './log';

export interface Dataset {
  key: string;
  big: PartySummary;
  small: PartySummary;
  env: Record<string, string>;
  cleanup: () => Promise<void>;
}

interface Meta {
  key: string;
  big: PartySummary;
  small: PartySummary;
  seconds: { seed: number; reconcile: number };
}

const CACHE = path.join(APP_DIR, '.bench');
// pg ships no types (and @types/pg is not a dependency): the one call this file makes
interface PgClient { connect(): Promise<void>; query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }>; end(): Promise<void> }
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { Client } = require('pg') as { Client: new (config: Record<string, unknown>) => PgClient };

/** Seeds an empty database (resumable on SQLite: a seeded, unreconciled file is kept), then reconciles. */
async function build(env: Record<string, string>, args: BenchArgs, key: string, seeded: string | null): Promise<Meta> {
  const strapi = await boot(env);
  try {
    let report: { big: PartySummary; small: PartySummary; seconds: number };
    if (seeded && fs.existsSync(seeded)) {
      report = JSON.parse(fs.readFileSync(seeded, 'utf8'));
      log(`resuming: ${key} already seeded`);
    } else {
      log(`seeding ${key} (${SCALES[args.scale].documents.toLocaleString('en-US')} management objects)…`);
      const r = await seed(strapi, { ...SCALES[args.scale], seed: SEED, asOf: AS_OF, progress: Boolean(process.stderr.isTTY) });
      if (!r.bigCustomer || !r.smallCustomer) throw new Error('the seed report has no benchmark customers');
      report = { big: r.bigCustomer, small: r.smallCustomer, seconds: r.elapsedMs / 1000 };
      if (seeded) fs.writeFileSync(seeded, JSON.stringify(report));
    }
    // the generator bypasses the document service: the plugin's maintained exposure starts from a reconcile
    log('reconciling the maintained exposure…');
    const start = Date.now();
    await strapi.plugin('credit-control').service('reconcile').run({ fix: true });
    // Postgres: statistics now, or autovacuum analyses the fresh million rows during the first figures
    if (env.DATABASE_CLIENT === 'postgres') {
      log('vacuum analyze…');
      await strapi.db.connection.raw('vacuum analyze');
    }
    return { key, big: report.big, small: report.small, seconds: { seed: report.seconds, reconcile: (Date.now() - start) / 1000 } };
  } finally {
    await strapi.destroy();
  }
}

async function sqlite(args: BenchArgs, key: string): Promise<Dataset> {
  const base = path.join(CACHE, `sqlite-${key}`);
  const [file, metaFile, tmp, seeded] = [`${base}.db`, `${base}.json`, `${base}.tmp.db`, `${base}.seed.json`];
  if (!fs.existsSync(file) || !fs.existsSync(metaFile)) {
    if (!fs.existsSync(seeded)) removeSqlite(tmp);
    const meta = await build({ DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: tmp }, args, key, seeded);
    copySqlite(tmp, file);
    removeSqlite(tmp);
    fs.writeFileSync(metaFile, JSON.stringify(meta, null, 2));
    fs.rmSync(seeded, { force: true });
  } else log(`reusing the cached data set ${path.relative(APP_DIR, file)}`);
  const meta: Meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
  // the bench writes: work on a copy so that the cache stays as seeded
  const run = path.join(CACHE, `sqlite-run-${process.pid}.db`);
  copySqlite(file, run);
  const cleanup = async () => removeSqlite(run);
  return { key, big: meta.big, small: meta.small, env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: run }, cleanup };
}

async function postgres(args: BenchArgs, key: string): Promise<Dataset> {
  const port = process.env.BENCH_PG_PORT ?? '54410';
  const env = { DATABASE_CLIENT: 'postgres', DATABASE_HOST: '127.0.0.1', DATABASE_PORT: port, DATABASE_NAME: 'strapi', DATABASE_USERNAME: 'strapi', DATABASE_PASSWORD: '' };
  const metaFile = path.join(CACHE, `pg-${port}-${key}.json`);
  const throwaway = (command: 'start' | 'stop') =>
    execFileSync('bash', [path.join(APP_DIR, 'scripts/pg-throwaway.sh'), command], { env: { ...process.env, PG_PORT: port }, stdio: ['ignore', 'ignore', 'inherit'] });
  let meta: Meta | null = fs.existsSync(metaFile) ? JSON.parse(fs.readFileSync(metaFile, 'utf8')) : null;
  if (meta && !(await pgHas(env, meta.big.documentId))) meta = null;
  if (meta) log(`reusing the running Postgres on port ${port} (${key})`);
  else {
    fs.rmSync(metaFile, { force: true });
    throwaway('start');
    meta = await build(env, args, key, null);
    fs.writeFileSync(metaFile, JSON.stringify(meta, null, 2));
  }
  const cleanup = async () => {
    if (args.keepPg) return log(`Postgres left running on port ${port} (stop: PG_PORT=${port} npm run pg -- stop)`);
    throwaway('stop');
    fs.rmSync(metaFile, { force: true });
  };
  return { key, big: meta.big, small: meta.small, env, cleanup };
}

/** The seeded database is still there (the throwaway server may have been stopped or wiped). */
async function pgHas(env: Record<string, string>, bigCustomer: string): Promise<boolean> {
  const client = new Client({ host: env.DATABASE_HOST, port: Number(env.DATABASE_PORT), user: env.DATABASE_USERNAME, database: env.DATABASE_NAME });
  try {
    await client.connect();
    const { rows } = await client.query('select 1 from customers where document_id = $1 limit 1', [bigCustomer]);
    return rows.length > 0;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function prepareDataset(args: BenchArgs): Promise<Dataset> {
  fs.mkdirSync(CACHE, { recursive: true });
  const { customers, documents } = SCALES[args.scale];
  const key = `c${customers}-d${documents}-s${SEED}-a${AS_OF}`;
  return args.pg ? postgres(args, key) : sqlite(args, key);
}
