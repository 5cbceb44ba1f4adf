/**
 * Queries compiled once and run again by their text. A checked write's reads and writes have a
 * fixed shape: building them again each time (knex's builder, its identifier quoting, the long
 * texts of the decision's read) cost a write more JavaScript than SQLite takes to run them.
 */

const PARAM = '\u0000credit-control:param:';

/** Stands for the i-th value of a compiled query where its builder takes a value. */
export const param = (i: number): string => `${PARAM}${i}`;

export interface CompiledQuery {
  /** the text, identifiers written in, a `?` per value */
  sql: string;
  /** the values for a run: the constants compiled in, each `param(i)` replaced by `values[i]` */
  bindings: (values: readonly unknown[]) => unknown[];
}

/** Compiles a knex query (a builder or a raw) built with `param(i)` for its run-time values. */
export function compileQuery(query: { toSQL: () => { sql: string; bindings: readonly unknown[] } }): CompiledQuery {
  const { sql, bindings } = query.toSQL();
  const slots = bindings.map((b) => (typeof b === 'string' && b.startsWith(PARAM) ? Number(b.slice(PARAM.length)) : -1));
  return { sql, bindings: (values) => bindings.map((b, i) => (slots[i] >= 0 ? values[slots[i]] : b)) };
}

/** Compiled queries by their shape's key; forgets them all past `size` keys (shapes are few; a day is a key part). */
export function compiledCache<T>(size = 64) {
  const kept = new Map<string, T>();
  return (key: string, compile: () => T): T => {
    let found = kept.get(key);
    if (found === undefined) {
      if (kept.size >= size) kept.clear();
      found = compile();
      kept.set(key, found);
    }
    return found;
  };
}
