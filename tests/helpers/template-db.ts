/**
 * A database with the app's schema already created, made once per Jest run (global set-up) and
 * copied for each test file: a boot on a fresh database spends ~20 s creating the schema, a
 * boot on the copy ~7 s. SQLite: a file copied; Postgres: CREATE DATABASE … TEMPLATE.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Client } from 'pg';
import { copySqlite } from '../../database/sqlite-files';

export const appDir = path.resolve(__dirname, '..', '..');
export const usesPostgres = (): boolean => process.env.DATABASE_CLIENT === 'postgres';
/** set by the global set-up; absent (a test file run without it), each app builds its schema */
export const TEMPLATE_ENV = 'CREDIT_RECORDS_TEST_TEMPLATE';

export const pgAdminConfig = () => ({
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? 5432),
  user: process.env.DATABASE_USERNAME ?? 'strapi',
  password: process.env.DATABASE_PASSWORD,
  database: 'postgres',
});

export async function pgAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(pgAdminConfig());
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The Postgres schema the app is configured for (`DATABASE_SCHEMA`), when it is not the default one. */
const ownSchema = (): string | undefined => {
  const schema = process.env.DATABASE_SCHEMA;
  return schema && schema !== 'public' ? schema : undefined;
};

/** Creates a Postgres database, and in it the configured schema (Strapi does not create one). */
async function createPgDatabase(name: string, template?: string): Promise<void> {
  await pgAdmin(async (c) => {
    // a template copy fails while another session is connected to the template: retry briefly
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await c.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
      } catch (error) {
        if (!/being accessed by other users/.test(String(error)) || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  });
  const schema = ownSchema();
  if (!schema) return;
  const client = new Client({ ...pgAdminConfig(), database: name });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } finally {
    await client.end();
  }
}

/** tmpfs when there is one: SQLite's schema creation fsyncs a lot */
export const scratchDir = (): string => fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'credit-records-'));

/** Boots the compiled app once on an empty database, so that Strapi creates the schema, then stops. */
async function bootOnce(): Promise<void> {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  await strapi.destroy();
}

/** Makes the template and names it in the environment the test workers inherit. */
export async function createTemplate(): Promise<void> {
  const saved = { name: process.env.DATABASE_NAME, filename: process.env.DATABASE_FILENAME };
  try {
    if (usesPostgres()) {
      const name = `test_template_${process.pid}_${Date.now()}`;
      await createPgDatabase(name);
      process.env.DATABASE_NAME = name;
      await bootOnce();
      process.env[TEMPLATE_ENV] = name;
    } else {
      const filename = path.join(scratchDir(), 'template.db');
      process.env.DATABASE_FILENAME = filename;
      await bootOnce();
      process.env[TEMPLATE_ENV] = filename;
    }
  } finally {
    for (const [key, value] of [['DATABASE_NAME', saved.name], ['DATABASE_FILENAME', saved.filename]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

export async function dropTemplate(): Promise<void> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) return;
  if (usesPostgres()) await pgAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`));
  else fs.rmSync(path.dirname(template), { recursive: true, force: true });
  delete process.env[TEMPLATE_ENV];
}

/** A fresh database for one test app: a copy of the template when there is one. */
export async function freshDatabase(): Promise<{ name?: string; filename?: string; cleanup: () => Promise<void> }> {
  const template = process.env[TEMPLATE_ENV];
  if (usesPostgres()) {
    const name = `test_${process.pid}_${Date.now()}`;
    await createPgDatabase(name, template);
    return { name, cleanup: () => pgAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined) };
  }
  const dir = scratchDir();
  const filename = path.join(dir, 'test.db');
  if (template && fs.existsSync(template)) copySqlite(template, filename);
  return { filename, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}
