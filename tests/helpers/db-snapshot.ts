/**
 * "Snapshot every table": the rows of every table Strapi knows (content types, components, join
 * tables) plus the credit-control engine's own tables, to prove that a failed operation left the
 * database exactly as it was.
 */

/** The credit-control plugin's tables, outside Strapi's metadata. */
export const CREDIT_TABLES = ['credit_control_exposures', 'credit_control_exposure_days', 'credit_control_open_dues', 'credit_control_decisions', 'credit_control_locks'];

/**
 * Strapi's settings store: written by Strapi's own tasks that finish after boot (seen on Postgres
 * mid-test), never by the operations under test, so it is left out of every snapshot.
 */
export const BACKGROUND_TABLES = ['strapi_core_store_settings'];

export type Snapshot = Record<string, unknown[]>;

export interface SnapshotOptions {
  /** columns left out, per table (e.g. an API token's last_used_at, touched by every request) */
  ignoreColumns?: Record<string, string[]>;
  /** tables left out entirely */
  ignoreTables?: string[];
}

/** Names of every table in `strapi.db.metadata` (entity and join tables) plus the credit-control tables. */
export async function allTables(strapi: any): Promise<string[]> {
  const names = new Set<string>(CREDIT_TABLES);
  for (const meta of strapi.db.metadata.values()) {
    names.add(meta.tableName);
    for (const attribute of Object.values(meta.attributes ?? {}) as any[]) {
      if (attribute?.joinTable?.name) names.add(attribute.joinTable.name);
    }
  }
  const existing: string[] = [];
  for (const name of [...names].sort()) if (await strapi.db.connection.schema.hasTable(name)) existing.push(name);
  return existing;
}

const stable = (row: Record<string, unknown>) => JSON.stringify(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)));

/** Every row of every table, each table's rows in a stable order. */
export async function snapshotDatabase(strapi: any, options: SnapshotOptions = {}): Promise<Snapshot> {
  const snapshot: Snapshot = {};
  for (const table of await allTables(strapi)) {
    if (options.ignoreTables?.includes(table) || BACKGROUND_TABLES.includes(table)) continue;
    const omit = options.ignoreColumns?.[table] ?? [];
    const rows: Record<string, unknown>[] = await strapi.db.connection(table).select();
    snapshot[table] = rows
      .map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !omit.includes(column))))
      .sort((a, b) => (stable(a) < stable(b) ? -1 : stable(a) > stable(b) ? 1 : 0));
  }
  return snapshot;
}

/** Tables whose rows differ between two snapshots (for a readable failure before a deep compare). */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...tables].filter((t) => JSON.stringify(before[t]) !== JSON.stringify(after[t])).sort();
}
