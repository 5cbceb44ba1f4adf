/**
 * The few SQL expressions the app's aggregate reads need that differ between Strapi's databases, and
 * the table, column and link-table names they read from `strapi.db.metadata` (never spelled here).
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';

export type SqlClient = 'sqlite' | 'postgres' | 'mysql';

export interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  on?: Record<string, unknown>;
  /** a component's (or ordered relation's) position column */
  orderColumnName?: string;
}

interface ModelMeta {
  tableName: string;
  attributes: Record<string, { columnName?: string; joinTable?: JoinTable; target?: string }>;
}

export const sqlClient = (strapi: Core.Strapi): SqlClient => {
  const client = String((strapi.db as unknown as { dialect: { client: string } }).dialect.client);
  return client === 'postgres' || client === 'mysql' ? client : 'sqlite';
};

const metaOf = (strapi: Core.Strapi, uid: string) => strapi.db.metadata.get(uid as never) as unknown as ModelMeta;

export const tableOf = (strapi: Core.Strapi, uid: string): string => metaOf(strapi, uid).tableName;

export function columnOf(strapi: Core.Strapi, uid: string, field: string): string {
  const attribute = metaOf(strapi, uid).attributes[field];
  if (!attribute) throw new Error(`${uid} has no attribute ${field}`);
  return attribute.columnName ?? field;
}

/** The link (or component) table of a relation or component field, and the model it reaches. */
export function linkOf(strapi: Core.Strapi, uid: string, field: string): JoinTable & { target?: string } {
  const attribute = metaOf(strapi, uid).attributes[field];
  if (!attribute?.joinTable) throw new Error(`${uid}.${field} has no link table`);
  return { ...attribute.joinTable, target: attribute.target };
}

/**
 * A money column as an exact number to add up and compare, null as 0. SQLite keeps decimals as
 * floating point, and summing them there adds their binary errors, so on SQLite it is an integer of
 * minor units; Postgres and MySQL add numerics exactly. Read a result back with `fromExactMoney`.
 */
export function exactMoney(client: SqlClient, column: string, scale = 2): [string, string[]] {
  return client === 'sqlite' ? [`CAST(ROUND(COALESCE(??, 0) * ${10 ** scale}) AS INTEGER)`, [column]] : ['COALESCE(??, 0)', [column]];
}

export function fromExactMoney(client: SqlClient, value: unknown, scale = 2): Decimal {
  const sum = new Decimal(value === null || value === undefined ? 0 : String(value));
  return client === 'sqlite' ? sum.div(10 ** scale) : sum;
}

/** The year of a date column, as an integer. */
export function yearOf(client: SqlClient, column: string): [string, string[]] {
  if (client === 'sqlite') return ['CAST(substr(??, 1, 4) AS INTEGER)', [column]];
  if (client === 'mysql') return ['YEAR(??)', [column]];
  return ['CAST(EXTRACT(YEAR FROM ??) AS INTEGER)', [column]];
}

/** A date expression (`sql` with its bindings) as its ISO day text, 'YYYY-MM-DD' (a key that sorts as the day does). */
export function dayText(client: SqlClient, [sql, bindings]: readonly [string, readonly unknown[]]): [string, unknown[]] {
  if (client === 'sqlite') return [`substr(${sql}, 1, 10)`, [...bindings]];
  if (client === 'mysql') return [`DATE_FORMAT(${sql}, '%Y-%m-%d')`, [...bindings]];
  return [`to_char(${sql}, 'YYYY-MM-DD')`, [...bindings]];
}

/**
 * The rows of the subquery `rows` as one JSON array column, `[]` when none, each row an object of
 * the `columns` (its aliases): a list read along with a row, in its statement. Read it back with
 * `fromJsonRows`. Values keep their JSON types (Postgres gives booleans, SQLite and MySQL 0/1).
 */
export function jsonRows(strapi: Core.Strapi, knex: any, rows: any, columns: readonly string[]): any {
  const client = sqlClient(strapi);
  // the keys are our aliases, written in: a key bound as a value has no type Postgres can infer
  if (!columns.every((c) => /^\w+$/.test(c))) throw new Error(`jsonRows: ${columns.join(', ')} are not aliases`);
  const pairs = columns.map((c) => `'${c}', ??`).join(', ');
  const names = columns.map((c) => `r.${c}`);
  if (client === 'postgres') return knex.raw(`coalesce((select json_agg(json_build_object(${pairs})) from ? as r), '[]'::json)`, [...names, rows]);
  if (client === 'mysql') return knex.raw(`coalesce((select json_arrayagg(json_object(${pairs})) from ? as r), json_array())`, [...names, rows]);
  return knex.raw(`(select json_group_array(json_object(${pairs})) from ? as r)`, [...names, rows]);
}

/** A `jsonRows` column as the driver gives it (Postgres parses JSON, SQLite gives its text). */
export const fromJsonRows = (value: unknown): Record<string, unknown>[] =>
  value === null || value === undefined ? [] : typeof value === 'string' ? JSON.parse(value) : (value as Record<string, unknown>[]);

/** A date column read back as its ISO day: Postgres and SQLite give text (Strapi's type parser), a MySQL driver may give a Date. */
export const readDay = (value: unknown): string | null =>
  value === null || value === undefined ? null : value instanceof Date ? `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}` : String(value).slice(0, 10);

/**
 * A statement on a write's hot path, named on Postgres by the hash of its text: Postgres plans a
 * statement each time it is sent, and a named one once per connection (a read joining the customer's
 * seven relations cost more to plan than to run). `DATABASE_PREPARED_STATEMENTS=false` turns it off
 * (config/database.ts), for a PgBouncer in transaction pooling before 1.21. SQLite keeps its
 * statements per connection itself (database/sqlite-statements.ts); MySQL is left as is.
 */
export function prepared<Q extends { toSQL: () => { sql: string }; options: (options: Record<string, unknown>) => Q }>(strapi: Core.Strapi, query: Q): Q {
  if (!namesStatements(strapi)) return query;
  return query.options({ name: statementName(query.toSQL().sql) });
}

/** Whether hot statements go to Postgres by name (`prepared`). */
export const namesStatements = (strapi: Core.Strapi): boolean =>
  sqlClient(strapi) === 'postgres' && strapi.config.get<boolean | undefined>('database.preparedStatements') !== false;

/** A statement's name on Postgres: the hash of its text, so one text is one statement on every connection. */
export const statementName = (sql: string): string => `app_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;

/**
 * Runs `work` with a knex builder on the current transaction when there is one (a read inside a
 * write must see the write, and SQLite's pool has one connection), else on the connection.
 */
export function withKnex<T>(strapi: Core.Strapi, work: (knex: any) => Promise<T>): Promise<T> {
  if (strapi.db.inTransaction()) return strapi.db.transaction(({ trx }: any) => work(trx)) as Promise<T>;
  return work(strapi.db.connection);
}

/**
 * Left-joins the record a to-one relation or single component `field` of `uid` (on alias `from`)
 * points at, as alias `as`; returns the target's uid.
 */
export function leftJoinOne(strapi: Core.Strapi, query: any, uid: string, from: string, field: string, as: string): string {
  const link = linkOf(strapi, uid, field);
  query
    .leftJoin(`${link.name} as ${as}_l`, function on(this: any) {
      this.on(`${as}_l.${link.joinColumn.name}`, '=', `${from}.id`);
      for (const [column, value] of Object.entries(link.on ?? {})) this.andOnVal(`${as}_l.${column}`, '=', value);
    })
    .leftJoin(`${tableOf(strapi, link.target as string)} as ${as}`, `${as}.id`, `${as}_l.${link.inverseJoinColumn.name}`);
  return link.target as string;
}

/** The links a path of relations (or a component then its relation) walks from `uid`, in order. */
export function linksAlong(strapi: Core.Strapi, uid: string, path: string[]): (JoinTable & { target?: string })[] {
  let current = uid;
  return path.map((field) => {
    const link = linkOf(strapi, current, field);
    current = link.target as string;
    return link;
  });
}

/**
 * A subquery of the ids of `uid` whose relations along `path` (`['customer']`, or
 * `['supplier', 'linkedProspect']`) reach the row `targetId`, on the link tables alone: as a
 * Strapi where (`{ id: { $in: … } }`) it reads each link table's index from the target's side, where
 * a where through the relation left-joins the whole `uid` table first (SQLite then scans a million
 * invoices to find a customer's hundred).
 */
export function idsLinkedTo(strapi: Core.Strapi, uid: string, path: string[], targetId: number): any {
  const knex = strapi.db.connection as any;
  return linksAlong(strapi, uid, path).reduceRight<any>((reached, link) => {
    const query = knex(link.name).select(link.joinColumn.name);
    for (const [column, value] of Object.entries(link.on ?? {})) query.where(column, value);
    return typeof reached === 'number' ? query.where(link.inverseJoinColumn.name, reached) : query.whereIn(link.inverseJoinColumn.name, reached);
  }, targetId);
}

/** A Strapi where (query engine or document service filters) on the rows of `uid` that reach `targetId` along `path` (`idsLinkedTo`). */
export const whereLinkedTo = (strapi: Core.Strapi, uid: string, path: string[], targetId: number) => ({ id: { $in: idsLinkedTo(strapi, uid, path, targetId) } });

/**
 * The ids of `uid` that reach `targetId` along any of `paths`, as one subquery (a union). Postgres
 * plans `id IN (a UNION b)` as a join from the few link rows; `id IN (a) OR id IN (b)` it can only
 * test row by row, over the whole table (350 ms for a customer's 20 newest orders at a million objects).
 */
export function idsLinkedToAny(strapi: Core.Strapi, uid: string, paths: string[][], targetId: number): any {
  const [first, ...rest] = paths.map((path) => idsLinkedTo(strapi, uid, path, targetId));
  return rest.length ? first.union(rest) : first;
}

/** `whereLinkedTo` along any of `paths` (`idsLinkedToAny`). */
export const whereLinkedToAny = (strapi: Core.Strapi, uid: string, paths: string[][], targetId: number) => ({
  id: { $in: idsLinkedToAny(strapi, uid, paths, targetId) },
});

/**
 * The ids of `uid` whose party is `targetId`, the party being named by the first of `fields` that is
 * set (an invoice is billed to its customer to bill, else to its customer): per field, its links to
 * the target that have no link on an earlier field, as one union read from the link tables (column `id`).
 */
export function idsOwnedBy(strapi: Core.Strapi, uid: string, fields: string[], targetId: number): any {
  const knex = strapi.db.connection as any;
  const [first, ...rest] = fields.map((field, k) => {
    const link = linkOf(strapi, uid, field);
    const alias = `own${k}`;
    const query = knex(`${link.name} as ${alias}`).select(`${alias}.${link.joinColumn.name} as id`).where(`${alias}.${link.inverseJoinColumn.name}`, targetId);
    for (const [column, value] of Object.entries(link.on ?? {})) query.where(`${alias}.${column}`, value);
    for (const earlier of fields.slice(0, k)) {
      const set = linkOf(strapi, uid, earlier);
      query.whereNotExists(knex(set.name).select(knex.raw('1')).whereRaw('?? = ??', [`${set.name}.${set.joinColumn.name}`, `${alias}.${link.joinColumn.name}`]));
    }
    return query;
  });
  return rest.length ? first.union(rest) : first;
}
