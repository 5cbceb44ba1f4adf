/**
 * Statements of a write's hot path built once and run again by their text. The read models' upserts
 * (customer-sums.ts, customer-view-index.ts) have a fixed shape per number of documents: building
 * them again on every write (knex's builders, identifier quoting, the raw text's `??`) cost a create
 * more JavaScript than the database takes to run them. On Postgres the statement's name (`prepared`)
 * is computed once with it. The credit-control plugin keeps its own (the app imports no plugin file).
 */
import type { Core } from '@strapi/strapi';
import { namesStatements, sqlClient, statementName } from './sql';

const SLOT = '\u0000app:slot:';

/** Stands for the i-th run-time value where a builder takes a value (`whereIn(column, [slot(0)])`). */
export const slot = (i: number): string => `${SLOT}${i}`;

export interface Compiled {
  /** the text, identifiers written in, a `?` per value */
  sql: string;
  /** its name on Postgres (sent by it while statements go by name: `namesStatements`) */
  name: string | undefined;
  /** the values of a run: the constants compiled in, each `slot(i)` replaced by `values[i]` */
  bindings: (values: readonly unknown[]) => unknown[];
}

/** Compiles a knex builder or raw built with `slot(i)` for its run-time values. */
export function compile(strapi: Core.Strapi, query: { toSQL: () => { sql: string; bindings: readonly unknown[] } }): Compiled {
  const { sql, bindings } = query.toSQL();
  const slots = bindings.map((b) => (typeof b === 'string' && b.startsWith(SLOT) ? Number(b.slice(SLOT.length)) : -1));
  return {
    sql,
    name: sqlClient(strapi) === 'postgres' ? statementName(sql) : undefined,
    bindings: (values) => bindings.map((b, i) => (slots[i] >= 0 ? values[slots[i]] : b)),
  };
}

/** Runs a compiled statement with its run-time values, on `knex` (the write's transaction). */
export function runCompiled(strapi: Core.Strapi, knex: any, compiled: Compiled, values: readonly unknown[]): Promise<any> {
  const query = knex.raw(compiled.sql, compiled.bindings(values));
  return compiled.name && namesStatements(strapi) ? query.options({ name: compiled.name }) : query;
}

/** Runs a compiled select and gives its rows (a raw result's shape differs per database). */
export async function readCompiled(strapi: Core.Strapi, knex: any, compiled: Compiled, values: readonly unknown[]): Promise<any[]> {
  const result = await runCompiled(strapi, knex, compiled, values);
  const client = sqlClient(strapi);
  return client === 'postgres' ? result.rows : client === 'mysql' ? result[0] : result;
}

/**
 * Whether a write's statements that do not read each other's effects go to the database as one: on
 * Postgres each statement is a round trip (about as long as a small statement takes to run), so
 * they go as data-modifying CTEs of one statement; SQLite runs in process and MySQL has no
 * data-modifying CTEs, so they go one by one there.
 */
export const batchesWrites = (strapi: Core.Strapi): boolean => sqlClient(strapi) === 'postgres';

/** A compiled statement and the run-time values of one run of it. */
export interface CompiledRun {
  compiled: Compiled;
  values: readonly unknown[];
}

/** A number per compiled statement, for the key of a batch of them. */
const numbers = new WeakMap<Compiled, number>();
let numbered = 0;
const numberOf = (compiled: Compiled): number => {
  let n = numbers.get(compiled);
  if (n === undefined) numbers.set(compiled, (n = ++numbered));
  return n;
};

/**
 * Compiled inserts (or upserts) as one Postgres statement, each a CTE of it (`with w0 as (…), …`);
 * `main` is the statement they lead to (by default the count of the rows they wrote), and may read
 * a CTE's `returning` by its name `w<i>`; `main.key` names its text for the parts it is given. The
 * batch's text is built once per parts and main.
 */
export function batchedRun(strapi: Core.Strapi, knex: any, cache: ReturnType<typeof compiledCache>, parts: CompiledRun[], main?: { key: string; sql: string; returning: string[] }): Promise<any> {
  const compiled = cache(`batch|${parts.map((p) => numberOf(p.compiled)).join(',')}|${main?.key ?? ''}`, () => {
    const ctes = parts.map((p, i) => `w${i} as (${p.compiled.sql} returning ${main?.returning[i] ?? '1'})`).join(', ');
    const sql = `with ${ctes} ${main?.sql ?? `select ${parts.map((_, i) => `(select count(*) from w${i})`).join(' + ')} as n`}`;
    return { sql, name: statementName(sql), bindings: (values) => [...values] };
  });
  return runCompiled(strapi, knex, compiled, parts.flatMap((p) => p.compiled.bindings(p.values)));
}

/** Compiled statements by their shape's key; all forgotten past `size` keys (the shapes are few). */
export function compiledCache(size = 256) {
  const kept = new Map<string, Compiled>();
  return (key: string, build: () => Compiled): Compiled => {
    let found = kept.get(key);
    if (found === undefined) {
      if (kept.size >= size) kept.clear();
      found = build();
      kept.set(key, found);
    }
    return found;
  };
}

/** A `compiledCache` per Strapi app, for module-level readers (their texts follow the app's database). */
export function compiledPerApp(size?: number): (strapi: Core.Strapi) => ReturnType<typeof compiledCache> {
  const caches = new WeakMap<Core.Strapi, ReturnType<typeof compiledCache>>();
  return (strapi) => {
    let cache = caches.get(strapi);
    if (!cache) {
      cache = compiledCache(size);
      caches.set(strapi, cache);
    }
    return cache;
  };
}
