import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/**
 * Postgres plans a statement each time it is sent, and for the engine's reads (a join of several
 * tables and scalar subqueries) planning cost more than running: ~0.6 ms against ~0.2 ms for the
 * decision's read. A named statement is parsed once per connection and its plan kept there, so the
 * checked write and the panel's summary send it, by its name, with new values only.
 *
 * The name is the hash of the statement's text, so one text is one statement on every connection.
 * Off with `preparedStatements: false` in the plugin's config: a PgBouncer in transaction pooling
 * before 1.21 hands each transaction another server connection, where the name is unknown.
 * SQLite and MySQL: nothing changes (SQLite's connections keep their statements themselves).
 */
export function prepared<Q extends { toSQL: () => { sql: string }; options: (options: Record<string, unknown>) => Q }>(strapi: Core.Strapi, query: Q, text?: string): Q {
  if (!named(strapi)) return query;
  return query.options({ name: nameOf(text ?? query.toSQL().sql) });
}

const named = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres' && strapi.config.get<boolean | undefined>('plugin::credit-control.preparedStatements') !== false;

/**
 * Runs a final text (a `?` per value, no `??`) as `knex.raw(sql, bindings)` would, with the same
 * result, named on Postgres as `prepared` names it. In a transaction it goes to knex's client
 * query on the transaction's connection: knex's events (`query`, `query-response`), debug output
 * and errors, without building a raw and parsing its text again on each run, ~25 µs a statement
 * that a checked write runs three or four times.
 */
export async function runPrepared(strapi: Core.Strapi, knex: any, sql: string, bindings: readonly unknown[]): Promise<any> {
  if (!knex.isTransaction) return prepared(strapi, knex.raw(sql, bindings as unknown[]), sql);
  const client = knex.client;
  const query: Record<string, unknown> = { sql, bindings: [...bindings], method: 'raw' };
  if (named(strapi)) query.options = { name: nameOf(sql) };
  const ran = await client.query(await client.acquireConnection(), query);
  const result = client.postProcessResponse(client.processResponse(ran, null), undefined);
  client.emit('query-response', result, ran, undefined);
  return result;
}

/**
 * The names of the texts sent lately: a write sends the same few texts again and again, and hashing
 * a long one (the decision's read) on each write cost more than looking it up. `text`, given to
 * `prepared`, is a raw's final text (no `??`), which spares knex parsing it again to hand it back.
 */
const names = new Map<string, string>();
const NAMES_KEPT = 500;
function nameOf(sql: string): string {
  let name = names.get(sql);
  if (name === undefined) {
    if (names.size >= NAMES_KEPT) names.clear();
    name = `credit_control_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    names.set(sql, name);
  }
  return name;
}
