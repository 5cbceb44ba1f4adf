import type { Core } from '@strapi/strapi';

/**
 * The engine's own tables, outside Strapi's content types: money in bigint minor units, and a
 * lock row per party so that two writes (two processes too) never pass a threshold together.
 */
export const TABLES = {
  exposures: 'credit_control_exposures',
  /** the dated part of the exposure, per delivery day: what a policy's horizon leaves out (core/horizon.ts) */
  exposureDays: 'credit_control_exposure_days',
  /** the open amount per due day: what the overdue rules read (core/overdue.ts) */
  openDues: 'credit_control_open_dues',
  locks: 'credit_control_locks',
  decisions: 'credit_control_decisions',
  /** the engine's own settings between boots (the counting fingerprint) */
  settings: 'credit_control_settings',
} as const;

export async function ensureTables(strapi: Core.Strapi): Promise<void> {
  // a fresh schema builder per statement: a reused one replays its earlier statements
  const schema = () => strapi.db.connection.schema;
  if (!(await schema().hasTable(TABLES.locks))) {
    await schema().createTable(TABLES.locks, (table) => {
      table.string('party', 64).primary();
      table.bigInteger('version').notNullable().defaultTo(0);
    });
  }
  if (!(await schema().hasTable(TABLES.exposures))) {
    await schema().createTable(TABLES.exposures, (table) => {
      table.string('party', 64).notNullable();
      table.string('bucket', 64).notNullable();
      table.string('currency', 3).notNullable();
      table.bigInteger('amount_minor').notNullable().defaultTo(0);
      table.primary(['party', 'bucket', 'currency']);
    });
  }
  if (!(await schema().hasTable(TABLES.exposureDays))) {
    // the primary key leads with the party: a decision reads one party's future days by it
    await schema().createTable(TABLES.exposureDays, (table) => {
      table.string('party', 64).notNullable();
      table.string('bucket', 64).notNullable();
      table.string('currency', 3).notNullable();
      table.string('day', 10).notNullable();
      table.bigInteger('amount_minor').notNullable().defaultTo(0);
      table.primary(['party', 'bucket', 'currency', 'day']);
    });
  }
  if (!(await schema().hasTable(TABLES.openDues))) {
    // by party then day: a decision reads one party's past-due days, the oldest first
    await schema().createTable(TABLES.openDues, (table) => {
      table.string('party', 64).notNullable();
      table.string('currency', 3).notNullable();
      table.string('day', 10).notNullable();
      table.bigInteger('amount_minor').notNullable().defaultTo(0);
      table.primary(['party', 'day', 'currency']);
    });
  }
  if (!(await schema().hasTable(TABLES.settings))) {
    await schema().createTable(TABLES.settings, (table) => {
      table.string('key', 64).primary();
      table.text('value');
    });
  }
  if (!(await schema().hasTable(TABLES.decisions))) {
    await schema().createTable(TABLES.decisions, (table) => {
      table.increments('id');
      table.timestamp('created_at', { useTz: true }).notNullable();
      table.string('kind', 32).notNullable(); // write | block | unblock | policy | override | callTaking
      table.string('outcome', 16).notNullable();
      table.string('reason', 32);
      table.string('party', 64);
      table.string('party_label', 255);
      table.string('document_uid', 255);
      table.string('document_id', 64);
      table.string('action', 32);
      table.string('gate', 64);
      table.string('mode', 16);
      table.string('currency', 3);
      table.bigInteger('delta_minor');
      table.bigInteger('exposure_before_minor');
      table.bigInteger('exposure_after_minor');
      table.bigInteger('threshold_minor');
      table.string('actor_type', 32);
      table.string('actor_id', 64);
      table.string('actor_label', 255);
      table.text('message');
      table.text('details');
      table.index(['party', 'created_at']);
      table.index(['created_at']);
    });
  }
}
