import type { Core } from '@strapi/strapi';
import { ACCENTED, PLAIN } from '../core';
import { TABLES } from './tables';

/**
 * Every statement of the plugin whose SQL differs between Strapi's three databases, in one place.
 * Everything else goes through knex's query builder or Strapi's query engine, which compile it
 * for each.
 *
 * - SQLite: one writer at a time (the write transaction holds the database lock), so there are
 *   no row locks; `insert … on conflict` (SQLite 3.24+).
 * - PostgreSQL: row locks; `insert … on conflict … do update`; data-modifying CTEs batch a
 *   write's statements into one round trip; a statement sees what was committed when it started
 *   (read committed).
 * - MySQL / MariaDB (Strapi's `client: 'mysql'`, the mysql2 driver): row locks; no `on conflict`
 *   but `on duplicate key update` (on the tables' primary keys); no `returning` and no
 *   data-modifying CTEs; raw results come as `[rows, fields]`. InnoDB's default isolation is
 *   repeatable read: a plain select reads the transaction's snapshot, taken at its first plain
 *   read, which for a create is before the party's lock was granted. A read that must see what
 *   the previous lock holder committed is therefore a locking read (`for update` reads the latest
 *   committed rows).
 */
export type DialectName = 'sqlite' | 'postgres' | 'mysql';

export interface DialectSql {
  name: DialectName;
  /** whether rows can be locked (`select … for update`) */
  rowLocks: boolean;
  /** whether several writes can go as one statement (data-modifying CTEs) */
  batchesWrites: boolean;
  /** whether a plain select inside a transaction may miss rows committed after its first read (then: `forUpdate()`) */
  readsSnapshot: boolean;
  /** creates the party's lock row, and on PostgreSQL and MySQL locks it to the end of the transaction (binding: party) */
  lockParty: string;
  /** adds a delta to a maintained exposure row, creating it (bindings: party, bucket, currency, minor units) */
  addExposure: string;
  /** adds a delta to a dated exposure row, creating it (bindings: party, bucket, currency, day, minor units) */
  addDated: string;
  /** adds a delta to an open-dues row, creating it (bindings: party, currency, day, minor units) */
  addDue: string;
  /**
   * A read of documents (`read`, its rows' party columns `parties`, the first one set naming the
   * party) and its parties' decision inputs in one statement: `inputs` selects from `xp`, the
   * distinct parties of the read's rows, one row per party named `x_party`. The read's `columns`
   * come back prefixed `s_`. Postgres locks the parties there too, and gives each party's lock
   * version as the statement's snapshot saw it (`v_seen`) and as its lock left it (`v_locked`):
   * the inputs are what the lock protects only when the lock added one to what was seen. Null
   * elsewhere: SQLite runs in process (no round trip to save) and MySQL's plain reads see the
   * transaction's snapshot.
   */
  readWithInputs: ((read: string, parties: string[], columns: string[], inputs: string) => string) | null;
  /** locks a document's rows (bindings: table, document id); none on SQLite */
  lockDocument: string | null;
  /** the rows of a `knex.raw` select */
  rowsOf: (result: any) => any[];
  /** a column, folded like core `foldText`, matching a `containsPattern` (bindings: column, pattern) */
  like: string;
  /** whole days from one date expression to another (SQL fragments, no bindings of its own) */
  daysBetween: (earlier: string, later: string) => string;
  /**
   * A column starting with a constant prefix, by an index where the database can. The pattern is
   * written in the statement, not bound: SQLite re-plans a statement each time a bound GLOB pattern
   * is bound (the plan depends on it), which cost a decision's read ~0.25 ms a write.
   */
  startsWith: (column: string, prefix: string) => string;
  /** a JSON object of `[key, SQL expression]` pairs, and the JSON array of such objects over a select's rows (null without rows) */
  jsonObject: (pairs: [string, string][]) => string;
  jsonArray: (object: string) => string;
  /** an expression as text */
  asText: (expression: string) => string;
  /** a day (`YYYY-MM-DD` text) plus a whole number of days, as `YYYY-MM-DD` text (SQL fragments) */
  addDays: (day: string, days: string) => string;
}

/** A prefix written into a pattern: letters, digits and `@:.-` only (no quote, no wildcard). */
function plainPrefix(prefix: string): string {
  if (!/^[A-Za-z0-9@:.-]*$/.test(prefix)) throw new Error(`credit-control: "${prefix}" is no plain prefix`);
  return prefix;
}

// SQLite has no translate(), and its lower() folds ASCII only: one replace per accented letter
const sqliteFold = [...ACCENTED].reduce((sql, c, i) => `replace(${sql}, '${c}', '${PLAIN[i]}')`, '??');

const L = TABLES.locks;
const E = TABLES.exposures;
const ED = TABLES.exposureDays;
const OD = TABLES.openDues;

/** The party a read's row names: its first party column that is set. */
const partyOf = (parties: string[]) => (parties.length > 1 ? `coalesce(${parties.map((p) => `s.${p}`).join(', ')})` : `s.${parties[0]}`);

const SQL: Record<DialectName, DialectSql> = {
  sqlite: {
    name: 'sqlite',
    rowLocks: false,
    batchesWrites: false,
    readsSnapshot: false,
    lockParty: `insert into ${L} (party, version) values (?, 0) on conflict (party) do nothing`,
    addExposure: `insert into ${E} (party, bucket, currency, amount_minor) values (?, ?, ?, ?)
      on conflict (party, bucket, currency) do update set amount_minor = ${E}.amount_minor + excluded.amount_minor`,
    addDated: `insert into ${ED} (party, bucket, currency, day, amount_minor) values (?, ?, ?, ?, ?)
      on conflict (party, bucket, currency, day) do update set amount_minor = ${ED}.amount_minor + excluded.amount_minor`,
    addDue: `insert into ${OD} (party, currency, day, amount_minor) values (?, ?, ?, ?)
      on conflict (party, day, currency) do update set amount_minor = ${OD}.amount_minor + excluded.amount_minor`,
    // in process, a statement costs no round trip: the two reads measured no faster as one
    readWithInputs: null,
    lockDocument: null,
    rowsOf: (result) => result,
    like: `lower(${sqliteFold}) like ? escape '\\'`,
    // Strapi keeps a date as 'YYYY-MM-DD' text in SQLite
    daysBetween: (earlier, later) => `cast(julianday(${later}) - julianday(${earlier}) as integer)`,
    // glob is case-sensitive, so SQLite reads it from the column's (binary) index; like would scan
    startsWith: (column, prefix) => `${column} glob '${plainPrefix(prefix)}*'`,
    jsonObject: (pairs) => `json_object(${pairs.map(([key, value]) => `'${key}', ${value}`).join(', ')})`,
    jsonArray: (object) => `json_group_array(${object})`,
    asText: (expression) => `cast(${expression} as text)`,
    addDays: (day, days) => `date(${day}, '+' || ${days} || ' days')`,
  },
  postgres: {
    name: 'postgres',
    rowLocks: true,
    batchesWrites: true,
    readsSnapshot: false,
    // an upsert that updates locks the row to the end of the transaction, in one round trip
    lockParty: `insert into ${L} (party, version) values (?, 0) on conflict (party) do update set version = ${L}.version + 1`,
    addExposure: `insert into ${E} (party, bucket, currency, amount_minor) values (?, ?, ?, ?)
      on conflict (party, bucket, currency) do update set amount_minor = ${E}.amount_minor + excluded.amount_minor`,
    addDated: `insert into ${ED} (party, bucket, currency, day, amount_minor) values (?, ?, ?, ?, ?)
      on conflict (party, bucket, currency, day) do update set amount_minor = ${ED}.amount_minor + excluded.amount_minor`,
    addDue: `insert into ${OD} (party, currency, day, amount_minor) values (?, ?, ?, ?)
      on conflict (party, day, currency) do update set amount_minor = ${OD}.amount_minor + excluded.amount_minor`,
    // a statement reads its snapshot, taken before its lock is granted: `v_seen`/`v_locked` say whether another lock holder came between
    readWithInputs: (read, parties, columns, inputs) =>
      `with s as (${read}), xp as (select distinct ${partyOf(parties)} as party from s where ${partyOf(parties)} is not null),
       l as (insert into ${L} (party, version) select party, 0 from xp order by 1 on conflict (party) do update set version = ${L}.version + 1 returning party, version),
       d as (${inputs})
       select ${columns.map((c) => `s."${c}" as "s_${c}"`).join(', ')}, d.*, (select v.version from ${L} v where v.party = d.x_party) as v_seen, l.version as v_locked
       from s left join d on d.x_party = ${partyOf(parties)} left join l on l.party = d.x_party`,
    lockDocument: 'select id from ?? where document_id = ? for update',
    rowsOf: (result) => result.rows,
    // lower() after translate(): under the C locale lower() folds ASCII only
    like: `lower(translate(??, '${ACCENTED}', '${PLAIN}')) like ? escape '\\'`,
    daysBetween: (earlier, later) => `(cast(${later} as date) - cast(${earlier} as date))`,
    startsWith: (column, prefix) => `${column} like '${plainPrefix(prefix)}%'`,
    jsonObject: (pairs) => `json_build_object(${pairs.map(([key, value]) => `'${key}', ${value}`).join(', ')})`,
    jsonArray: (object) => `json_agg(${object})`,
    asText: (expression) => `cast(${expression} as text)`,
    addDays: (day, days) => `to_char(cast(${day} as date) + cast(${days} as integer), 'YYYY-MM-DD')`,
  },
  mysql: {
    name: 'mysql',
    rowLocks: true,
    batchesWrites: false,
    readsSnapshot: true,
    // a duplicate primary key takes an exclusive lock on that row (the update), held to the end of the transaction
    lockParty: `insert into ${L} (party, version) values (?, 0) on duplicate key update version = version + 1`,
    // values(col): MariaDB and MySQL 8 both accept it (MySQL 8.0.20+ deprecates it in favour of an alias MariaDB lacks)
    addExposure: `insert into ${E} (party, bucket, currency, amount_minor) values (?, ?, ?, ?)
      on duplicate key update amount_minor = amount_minor + values(amount_minor)`,
    addDated: `insert into ${ED} (party, bucket, currency, day, amount_minor) values (?, ?, ?, ?, ?)
      on duplicate key update amount_minor = amount_minor + values(amount_minor)`,
    addDue: `insert into ${OD} (party, currency, day, amount_minor) values (?, ?, ?, ?)
      on duplicate key update amount_minor = amount_minor + values(amount_minor)`,
    readWithInputs: null,
    lockDocument: 'select id from ?? where document_id = ? for update',
    rowsOf: (result) => result[0],
    // utf8mb4's default collations ignore case and accents; `\` is like's default escape there
    like: 'lower(??) like ?',
    daysBetween: (earlier, later) => `datediff(${later}, ${earlier})`,
    startsWith: (column, prefix) => `${column} like '${plainPrefix(prefix)}%'`,
    jsonObject: (pairs) => `json_object(${pairs.map(([key, value]) => `'${key}', ${value}`).join(', ')})`,
    jsonArray: (object) => `json_arrayagg(${object})`,
    asText: (expression) => `cast(${expression} as char)`,
    addDays: (day, days) => `date_format(date_add(${day}, interval ${days} day), '%Y-%m-%d')`,
  },
};

/** The statements for this app's database (`strapi.db.dialect.client`: sqlite, postgres or mysql). */
export function dialectSql(strapi: Core.Strapi): DialectSql {
  const client = strapi.db.dialect.client as string;
  const sql = SQL[client as DialectName];
  if (!sql) throw new Error(`credit-control: unsupported database client "${client}" (sqlite, postgres or mysql)`);
  return sql;
}
