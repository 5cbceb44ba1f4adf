/**
 * Batched inserts that bypass the document service, with table, column, link-table and
 * component-table names taken from `strapi.db.metadata`. Ids are allocated here (max(id) + 1),
 * so link rows can be written in the same batch as their rows.
 *
 * Rows are buffered per table; a flush writes every table in the order the tables were first
 * used, in one transaction. A link or component row can only be made after both of its ends
 * were inserted, so that order always puts parents before children (foreign keys stay on).
 * On SQLite the flush uses better-sqlite3 prepared multi-row INSERTs on the transaction's own
 * connection (the variable limit is respected); elsewhere it uses knex inserts.
 */
import { createHash, type Hash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { metaOf, type ColumnKind, type Raw } from './metadata';
import { ModelWriter } from './model-writer';

export type { Raw, Row } from './metadata';

interface Statement {
  run(values: unknown[]): unknown;
}
interface NativeSqlite {
  prepare(sql: string): Statement;
}

/** SQLITE_MAX_VARIABLE_NUMBER of the bundled SQLite (≥ 3.32); Postgres allows 65535 bind parameters. */
const MAX_VARIABLES: Record<string, number> = { sqlite: 32766, postgres: 65535, mysql: 65535 };

/** Buffered rows of one table, kept in statement-sized chunks of flat values (no copying at flush). */
export class Table {
  chunks: unknown[][] = [];
  current: unknown[] = [];
  rows = 0;
  total = 0;
  constructor(
    readonly name: string,
    readonly columns: string[],
    /** per column: how a raw value is stored on this database */
    readonly kinds: ColumnKind[],
    /** rows per INSERT statement: the batch size, capped by the bind-variable limit */
    readonly perStatement: number
  ) {}
}

export class BulkWriter {
  readonly client: string;
  private readonly tables = new Map<string, Table>();
  private readonly lastId = new Map<string, number>();
  private readonly statements = new WeakMap<object, Map<string, Statement>>();
  private readonly writers = new Map<string, ModelWriter>();
  private readonly hash: Hash | null;
  private bufferedRows = 0;

  constructor(
    readonly strapi: Core.Strapi,
    readonly options: { batchSize: number; flushRows: number; fingerprint: boolean }
  ) {
    this.client = String((strapi.db as unknown as { dialect: { client: string } }).dialect.client);
    this.hash = options.fingerprint ? createHash('sha256') : null;
  }

  get knex() {
    return this.strapi.db.connection;
  }

  /** Reads max(id) of every api:: content type and component table, so ids can be allocated here. */
  async prepare(): Promise<void> {
    const uids = [
      ...Object.keys(this.strapi.contentTypes).filter((uid) => uid.startsWith('api::')),
      ...Object.keys(this.strapi.components),
    ];
    for (const uid of uids) {
      const { tableName } = metaOf(this.strapi, uid);
      const row = (await this.knex(tableName).max({ max: 'id' }).first()) as { max: number | string | null } | undefined;
      this.lastId.set(tableName, Number(row?.max ?? 0));
    }
  }

  nextId(table: string): number {
    const last = this.lastId.get(table);
    if (last === undefined) throw new Error(`BulkWriter.prepare() did not read max(id) of ${table}`);
    this.lastId.set(table, last + 1);
    return last + 1;
  }

  /** The writer of a content type (api::…) or component (category.name). */
  model(uid: string): ModelWriter {
    let writer = this.writers.get(uid);
    if (!writer) {
      writer = new ModelWriter(this, uid);
      this.writers.set(uid, writer);
    }
    return writer;
  }

  table(name: string, columns: string[], kinds: ColumnKind[]): Table {
    let table = this.tables.get(name);
    if (!table) {
      const limit = Math.floor((MAX_VARIABLES[this.client] ?? 30000) / columns.length);
      table = new Table(name, columns, kinds, Math.max(1, Math.min(this.options.batchSize, limit)));
      this.tables.set(name, table);
    }
    return table;
  }

  push(table: Table, values: Raw[]): void {
    const sqlite = this.client === 'sqlite';
    const out = table.current;
    for (let i = 0; i < values.length; i += 1) {
      const value = values[i];
      const kind = table.kinds[i];
      if (value === null || kind === 'plain') out.push(value);
      else if (kind === 'bool') out.push(sqlite ? (value ? 1 : 0) : Boolean(value));
      else if (kind === 'datetime') out.push(sqlite ? value : new Date(value as number));
      else out.push(JSON.stringify(value));
    }
    table.rows += 1;
    this.bufferedRows += 1;
    if (out.length === table.perStatement * table.columns.length) {
      table.chunks.push(out);
      table.current = [];
    }
  }

  get buffered(): number {
    return this.bufferedRows;
  }

  async maybeFlush(): Promise<void> {
    if (this.bufferedRows >= this.options.flushRows) await this.flush();
  }

  /** Writes every buffered row, parents first, in one transaction. */
  async flush(): Promise<void> {
    if (this.bufferedRows === 0) return;
    const pending = [...this.tables.values()].filter((t) => t.rows > 0);
    await this.knex.transaction(async (trx) => {
      const connection = this.client === 'sqlite' ? ((await trx.client.acquireConnection()) as NativeSqlite) : null;
      const native = connection && typeof connection.prepare === 'function' ? connection : null;
      for (const table of pending) {
        const width = table.columns.length;
        // the last, partial chunk goes out in power-of-two pieces, so every statement is a cached one
        const pieces = [...table.chunks];
        let offset = 0;
        for (let size = 1 << Math.floor(Math.log2(table.perStatement)); size >= 1; size >>= 1) {
          while (table.current.length - offset >= size * width) {
            pieces.push(table.current.slice(offset, offset + size * width));
            offset += size * width;
          }
        }
        // the fingerprint sees the same stream whatever the statement size
        if (this.hash) this.hash.update(`\n${table.name}\n`);
        for (const values of pieces) {
          if (this.hash) this.hash.update(`${JSON.stringify(values).slice(1, -1)},`);
          if (native) this.statement(native, table, values.length / width).run(values);
          else await this.knexInsert(trx, table, values);
        }
        table.total += table.rows;
        table.chunks = [];
        table.current = [];
        table.rows = 0;
      }
    });
    this.bufferedRows = 0;
    // let timers run (progress bar redraws) between synchronous SQLite batches
    await new Promise((resolve) => setImmediate(resolve));
  }

  private async knexInsert(trx: (table: string) => { insert(rows: object[]): PromiseLike<unknown> }, table: Table, values: unknown[]): Promise<void> {
    const width = table.columns.length;
    // knex writes SQLite multi-row inserts as a compound SELECT, limited to 500 terms
    const perInsert = this.client === 'sqlite' ? 500 : table.perStatement;
    for (let start = 0; start < values.length; start += perInsert * width) {
      const rows: Record<string, unknown>[] = [];
      for (let r = start; r < Math.min(values.length, start + perInsert * width); r += width) {
        const row: Record<string, unknown> = {};
        for (let c = 0; c < width; c += 1) row[table.columns[c]] = values[r + c];
        rows.push(row);
      }
      await trx(table.name).insert(rows);
    }
  }

  private statement(native: NativeSqlite, table: Table, rows: number): Statement {
    let byKey = this.statements.get(native);
    if (!byKey) {
      byKey = new Map();
      this.statements.set(native, byKey);
    }
    const key = `${table.name}:${rows}`;
    let statement = byKey.get(key);
    if (!statement) {
      const tuple = `(${table.columns.map(() => '?').join(',')})`;
      const columns = table.columns.map((c) => `\`${c.replace(/`/g, '``')}\``).join(',');
      statement = native.prepare(`INSERT INTO \`${table.name}\` (${columns}) VALUES ${Array(rows).fill(tuple).join(',')}`);
      byKey.set(key, statement);
    }
    return statement;
  }

  /** Postgres sequences do not follow explicit ids: move them past the rows written here. */
  async finish(): Promise<void> {
    await this.flush();
    if (this.client !== 'postgres') return;
    for (const [table, last] of this.lastId) {
      if (!this.tables.has(table)) continue;
      await this.knex.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), GREATEST(?, (SELECT COALESCE(MAX(id), 1) FROM ??)))`, [
        table,
        last,
        table,
      ]);
    }
  }

  /** Rows written per table (link and component tables included). */
  rowCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const table of this.tables.values()) out[table.name] = table.total + table.rows;
    return out;
  }

  fingerprint(): string | null {
    return this.hash ? this.hash.copy().digest('hex') : null;
  }
}

export type { ModelWriter };
