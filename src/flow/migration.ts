import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { recomputeDerived } from './recompute';

/**
 * Data written before the sales flow existed, brought into it once per database: every document
 * line gets a key, and every flow document's derived figures and state are recomputed from its
 * links (typed figures with no links behind them give way to what the links say). It runs after
 * the schema sync (Strapi's own migrations run before it, when the new columns do not exist yet)
 * and before the plugins' bootstrap, where the credit plugin recomputes its maintained exposure
 * when what it counts changed; the app's bootstrap reconciles it when this run changed documents.
 */
const STORE = { type: 'app', name: 'sales-flow' } as const;
const KEY = 'migration';
// 2: keys on training sessions and expenses too (items billed once)
const VERSION = 2;
/** The components whose rows carry a key that made lines point at. */
const KEYED = ['sales.document-line', 'training.line', 'expenses.expense'];
const KEY_BATCH = 500;

export interface MigrationReport {
  version: number;
  keysAssigned: number;
  documentsChanged: Record<string, number>;
  /** the credit plugin's maintained exposure is to be reconciled at bootstrap */
  reconcilePending: boolean;
}

/** Gives every keyed component row (document lines, sessions, expenses) without a key a fresh one. */
export async function assignMissingKeys(strapi: Core.Strapi): Promise<number> {
  let assigned = 0;
  for (const component of KEYED) assigned += await keyRows(strapi, component);
  return assigned;
}

/** One component's rows without a key, a batch per statement. */
async function keyRows(strapi: Core.Strapi, component: string): Promise<number> {
  const meta = strapi.db.metadata.get(component as any) as unknown as { tableName: string; attributes: Record<string, { columnName?: string }> };
  const column = meta.attributes.key?.columnName ?? 'key';
  const knex = strapi.db.connection;
  let assigned = 0;
  for (;;) {
    const rows: { id: number }[] = await knex(meta.tableName).select('id').whereNull(column).orWhere(column, '').orderBy('id').limit(KEY_BATCH);
    if (rows.length === 0) return assigned;
    const cases = rows.map(() => 'when ? then ?').join(' ');
    const bindings = rows.flatMap((r) => [r.id, randomUUID()]);
    await knex.raw(`update ?? set ?? = case ?? ${cases} end where ?? in (${rows.map(() => '?').join(', ')})`, [
      meta.tableName, column, 'id', ...bindings, 'id', ...rows.map((r) => r.id),
    ]);
    assigned += rows.length;
  }
}

/** Keys, then derived figures (`pageSize` documents at a time); returns what changed. */
export async function migrateSalesFlow(strapi: Core.Strapi, options: { pageSize?: number } = {}): Promise<MigrationReport> {
  const keysAssigned = await assignMissingKeys(strapi);
  const documentsChanged = await recomputeDerived(strapi, options);
  const changed = Object.values(documentsChanged).reduce((a, b) => a + b, 0);
  if (keysAssigned + changed > 0) strapi.log.info(`sales flow: ${keysAssigned} document lines keyed, ${changed} documents' derived figures recomputed from their links`);
  return { version: VERSION, keysAssigned, documentsChanged, reconcilePending: changed > 0 && Boolean(strapi.plugin('credit-control')) };
}

/** Runs the migration unless this database already had it. */
export async function migrateOnce(strapi: Core.Strapi): Promise<MigrationReport | null> {
  const store = strapi.store(STORE);
  const done = (await store.get({ key: KEY })) as MigrationReport | null;
  if (done && done.version >= VERSION) return null;
  const report = await migrateSalesFlow(strapi);
  await store.set({ key: KEY, value: { ...report, at: new Date().toISOString() } });
  return report;
}

/**
 * After the plugins' bootstrap: when the migration changed documents the credit plugin counts,
 * its maintained exposure is rebuilt (it only does so itself when its counting rules changed).
 */
export async function reconcileAfterMigration(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store(STORE);
  const done = (await store.get({ key: KEY })) as (MigrationReport & { at?: string }) | null;
  if (!done?.reconcilePending) return;
  const result = await strapi.plugin('credit-control').service('reconcile').run({ fix: true });
  if (result.drift.length > 0) strapi.log.info(`sales flow: ${result.drift.length} maintained exposure rows rebuilt after the migration`);
  await store.set({ key: KEY, value: { ...done, reconcilePending: false } });
}

/** In the app's register(): the migration after the schema sync, the reconcile in bootstrap(). */
export function registerSalesFlowMigration(strapi: Core.Strapi): void {
  strapi.hook('strapi::content-types.afterSync').register(async () => {
    await migrateOnce(strapi);
  });
}
