/**
 * Prepared statements kept per SQLite connection. Knex's better-sqlite3 client prepares every
 * statement again on each query; SQLite then parses and plans the same text each time, which
 * profiled at about a fifth of a write's time here. A statement is reusable once run (better-sqlite3
 * runs it synchronously), and SQLite re-prepares it itself when the schema changes.
 */
export interface Preparing {
  prepare: (sql: string) => unknown;
}

/** The last `size` texts' statements are kept, the least recently used one dropped first. */
export const STATEMENTS_KEPT = 500;

export function keepPreparedStatements<T extends Preparing>(db: T, size = STATEMENTS_KEPT): T {
  const prepare = db.prepare.bind(db);
  const kept = new Map<string, unknown>();
  db.prepare = (sql: string) => {
    let statement = kept.get(sql);
    if (statement !== undefined) kept.delete(sql);
    else statement = prepare(sql);
    kept.set(sql, statement);
    if (kept.size > size) kept.delete(kept.keys().next().value as string);
    return statement;
  };
  return db;
}
