/**
 * Prepared statements kept per SQLite connection. Knex's better-sqlite3 client prepares every
 * statement again on each query; SQLite then parses and plans the same text each time, which
 * profiled at about a fifth of a write's time here. A statement is reusable once run (better-sqlite3
 * runs it synchronously), and SQLite re-prepares it itself when the schema changes.
 *
 * A bound `limit ?` (knex's `.limit(n)`: every `findOne` of Strapi's query engine) is written into
 * the text instead: SQLite reads a bound LIMIT while planning, so binding one expires the statement
 * and SQLite prepares the whole text again on every run (measured: a seven-join read by document id,
 * 60 µs bound against 16 µs written, the same on each run). One statement is kept per limit value.
 */
export interface Preparing {
  prepare: (sql: string) => unknown;
}

/** The last `size` texts' statements are kept, the least recently used one dropped first. */
export const STATEMENTS_KEPT = 500;

/** A top-level limit, bound, at the end of the text (knex puts the offset after it). */
const BOUND_LIMIT = /\blimit \?((?:\s+offset \?)?)\s*$/i;

/** The run methods of a better-sqlite3 statement that take bindings. */
const RUNS = new Set(['all', 'get', 'run', 'iterate']);

export function keepPreparedStatements<T extends Preparing>(db: T, size = STATEMENTS_KEPT): T {
  const prepare = db.prepare.bind(db);
  const kept = new Map<string, unknown>();
  const keptStatement = (sql: string): any => {
    let statement = kept.get(sql);
    if (statement !== undefined) kept.delete(sql);
    else statement = prepare(sql);
    kept.set(sql, statement);
    if (kept.size > size) kept.delete(kept.keys().next().value as string);
    return statement;
  };
  const limited = new WeakMap<object, unknown>();
  db.prepare = (sql: string) => {
    const statement = keptStatement(sql);
    const limit = BOUND_LIMIT.exec(sql);
    if (!limit) return statement;
    if (!limited.has(statement)) limited.set(statement, withWrittenLimit(statement, sql, limit, keptStatement));
    return limited.get(statement);
  };
  return db;
}

/**
 * The statement, its runs made by the same text with the limit's value written in. Bindings given
 * otherwise than positionally, or a limit that is no integer, run the statement as it is.
 */
function withWrittenLimit(statement: any, sql: string, limit: RegExpExecArray, keptStatement: (sql: string) => any): unknown {
  const fromEnd = limit[1] ? 2 : 1;
  return new Proxy(statement, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !RUNS.has(property)) return value;
      return (...args: unknown[]) => {
        const bindings = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
        const at = bindings.length - fromEnd;
        const n = bindings[at];
        if (at < 0 || !Number.isSafeInteger(n) || bindings.some((b) => b !== null && typeof b === 'object' && !Array.isArray(b) && !Buffer.isBuffer(b))) {
          return value.apply(target, args);
        }
        const written = `${sql.slice(0, limit.index)}limit ${n}${limit[1]}`;
        return keptStatement(written)[property]([...bindings.slice(0, at), ...bindings.slice(at + 1)]);
      };
    },
  });
}
