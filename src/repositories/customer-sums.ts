/**
 * The dashboard's maintained sums (README, "P7"): per customer, what it was billed (year, currency,
 * kind, article), what it owes (currency, due day, kind) and its payments not allocated (currency,
 * day). A read is a few rows per customer whatever its history. Kept on every write
 * (src/hooks/customer-sums.ts) in the write's transaction: a document's contribution is taken away
 * before its write and added after it (src/repositories/customer-sum-contributions.ts).
 */
import type { Core } from '@strapi/strapi';
import type { DueAmount, Group } from '../domain/insights';
import { currencyCode } from '../domain/money';
import { batchedRun, batchesWrites, compile, compiledCache, runCompiled, slot, type CompiledRun } from './compiled';
import { sumDefinitions, type Scope, type SumDefinition } from './customer-sum-contributions';
import { deferTo } from './deferred-writes';
import { columnOf, fromExactMoney, linkOf, prepared, sqlClient, tableOf, withKnex } from './sql';

const CURRENCY = 'api::currency.currency';
const ARTICLE = 'api::article.article';
const STORE = { type: 'app', name: 'customer-sums' } as const;
// 1: the first sums
const VERSION = 1;
/** ids per statement: far below SQLite's bound variables */
const CHUNK = 500;

export interface BilledSum {
  year: number;
  /** the invoice's currency code (the default when it names none) */
  currency: string;
  kind: string;
  family: Group | null;
  subFamily: Group | null;
  /** pre-tax, as billed (a credit note's amount is positive) */
  amountExclTax: string;
}

export async function ensureSumTables(strapi: Core.Strapi): Promise<void> {
  const wholeMinorUnits = sqlClient(strapi) === 'sqlite';
  for (const def of sumDefinitions(strapi)) {
    // a fresh schema builder per statement: a reused one replays its earlier statements
    if (await strapi.db.connection.schema.hasTable(def.table)) continue;
    await strapi.db.connection.schema.createTable(def.table, (table) => {
      for (const key of def.keys) (key.type === 'integer' ? table.integer(key.name) : table.string(key.name, 32)).notNullable();
      table.integer('n').notNullable().defaultTo(0);
      // the exact sums of `exactMoney`: minor units on SQLite, a wide numeric elsewhere
      (wholeMinorUnits ? table.bigInteger('amount') : table.decimal('amount', 24, 2)).notNullable().defaultTo(0);
      table.primary(def.keys.map((k) => k.name));
    });
  }
}

/** Signature of what the sums are built from: another one rebuilds them at boot. */
const fingerprint = (defs: SumDefinition[]) => JSON.stringify({ version: VERSION, sums: defs.map((d) => [d.table, d.keys.map((k) => k.name), d.fields]) });

export function customerSums(strapi: Core.Strapi) {
  const defs = sumDefinitions(strapi);
  const client = sqlClient(strapi);
  const currencyCodeColumn = columnOf(strapi, CURRENCY, 'code');

  /** The upsert of the scope's contribution to `def`'s sums, times `sign`: one statement of grouped rows. */
  function upsertOf(knex: any, def: SumDefinition, scope: Scope, sign: 1 | -1) {
    const columns = [...def.keys.map((k) => k.name), 'n', 'amount'];
    const { sql, bindings } = def.contribution(knex, scope, sign).toSQL();
    const upsert =
      client === 'mysql'
        ? 'on duplicate key update n = n + values(n), amount = amount + values(amount)'
        : `on conflict (${def.keys.map(() => '??').join(', ')}) do update set n = ??.n + excluded.n, amount = ??.amount + excluded.amount`;
    const upsertBindings = client === 'mysql' ? [] : [...def.keys.map((k) => k.name), def.table, def.table];
    return knex.raw(`insert into ?? (${columns.map(() => '??').join(', ')}) ${sql} ${upsert}`, [def.table, ...columns, ...bindings, ...upsertBindings]);
  }

  // a write's scope (its rows, or its document) has one shape per number of rows: compiled once each
  const compiled = compiledCache();
  const shapeOf = (scope: Scope): { key: string; shape: Scope; values: unknown[] } | null => {
    if (typeof scope === 'object' && 'ids' in scope) return { key: `ids:${scope.ids.length}`, shape: { ids: scope.ids.map((_, i) => slot(i) as unknown as number) }, values: scope.ids };
    if (typeof scope === 'object' && 'documentId' in scope) return { key: 'document', shape: { documentId: slot(0) }, values: [scope.documentId] };
    return null;
  };

  /** The compiled upsert of a scope's contribution to `def`'s sums, times `sign`, and its values (null: a scope of no fixed shape). */
  function compiledAdd(def: SumDefinition, scope: Scope, sign: 1 | -1): CompiledRun | null {
    const hot = shapeOf(scope);
    if (!hot) return null;
    return { compiled: compiled(`${def.name}|${sign}|${hot.key}`, () => compile(strapi, upsertOf(strapi.db.connection, def, hot.shape, sign))), values: hot.values };
  }

  /**
   * Adds the scope's contribution to each of `sums`, times `sign`: one statement on Postgres
   * (`batchesWrites`), or none when the write `deferredFor` has a scope that takes it (deferred-writes.ts); one per sum elsewhere.
   */
  async function add(knex: any, sums: SumDefinition[], scope: Scope, sign: 1 | -1, deferredFor: object | undefined) {
    const runs = sums.map((def) => compiledAdd(def, scope, sign));
    if (batchesWrites(strapi) && runs.every((r) => r !== null)) {
      if (deferredFor && deferTo(deferredFor, runs as CompiledRun[])) return;
      if (sums.length > 1) return batchedRun(strapi, knex, compiled, runs as CompiledRun[]);
    }
    for (const [i, def] of sums.entries()) {
      const run = runs[i];
      if (run) await runCompiled(strapi, knex, run.compiled, run.values);
      else await prepared(strapi, upsertOf(knex, def, scope, sign));
    }
  }

  /** A sum's rows of one customer that count (`n` not 0), keys and measures as text, sorted. */
  const rowsOf = (rows: any[]) =>
    rows.filter((r) => Number(r.n) !== 0).map((r) => JSON.stringify(Object.entries(r).map(([k, v]) => [k, k === 'amount' ? fromExactMoney(client, v).toFixed(2) : String(v)]))).sort();

  return {
    definitions: defs,

    /** The sums `uid`'s documents feed (none: the write leaves them). */
    of: (uid: string) => defs.filter((d) => d.uid === uid),

    /**
     * Adds (1) or takes away (-1) the scope's documents' contributions to `sums`, in the current
     * transaction; `deferredFor`: the write (its middleware context) whose 360 view upkeep sends them
     * where a scope is open for it (deferred-writes.ts).
     */
    async move(sums: SumDefinition[], scope: Scope, sign: 1 | -1, { deferredFor }: { deferredFor?: object } = {}): Promise<void> {
      if (!sums.length || (typeof scope === 'object' && 'ids' in scope && scope.ids.length === 0)) return;
      await withKnex(strapi, async (knex) => {
        const scopes = typeof scope === 'object' && 'ids' in scope ? Array.from({ length: Math.ceil(scope.ids.length / CHUNK) }, (_, i) => ({ ids: scope.ids.slice(i * CHUNK, (i + 1) * CHUNK) })) : [scope];
        for (const part of scopes) await add(knex, sums, part, sign, deferredFor);
      });
    },

    /** The customers `ids` are gone: their sums too. */
    async forgetCustomers(ids: number[]): Promise<void> {
      if (!ids.length) return;
      await withKnex(strapi, async (knex) => {
        for (const def of defs) await knex(def.table).whereIn('customer_id', ids).del();
      });
    },

    /** Recomputes every sum from the documents, in one transaction; remembers what they were built from. */
    async rebuild(): Promise<void> {
      await strapi.db.transaction(async ({ trx }: any) => {
        for (const def of defs) {
          await trx(def.table).del();
          const { sql, bindings } = def.contribution(trx, 'all', 1).toSQL();
          await trx.raw(`insert into ?? (${[...def.keys.map(() => '??'), '??', '??'].join(', ')}) ${sql}`, [def.table, ...def.keys.map((k) => k.name), 'n', 'amount', ...bindings]);
        }
      });
      await strapi.store(STORE).set({ key: 'fingerprint', value: fingerprint(defs) });
    },

    /** At boot: rebuilt when never built, or built from another declaration. */
    async ensureBuilt(): Promise<boolean> {
      const stale = (await strapi.store(STORE).get({ key: 'fingerprint' })) !== fingerprint(defs);
      if (stale) await this.rebuild();
      return stale;
    },

    /** One customer's rows per sum as stored, and as its documents say now: equal unless a write escaped the sums. */
    async check(customerId: number): Promise<{ table: string; stored: string[]; recomputed: string[] }[]> {
      return withKnex(strapi, async (knex) =>
        Promise.all(
          defs.map(async (def) => {
            const columns = [...def.keys.map((k) => k.name), 'n', 'amount'];
            const stored = await knex(def.table).select(columns).where('customer_id', customerId);
            const recomputed = await knex.from(def.contribution(knex, { customerId }, 1).as('c')).select(columns);
            return { table: def.table, stored: rowsOf(stored), recomputed: rowsOf(recomputed) };
          })
        )
      );
    },

    /** The pre-tax amount the customer was billed per year (within [from, to] when given), currency, kind, and article family and sub-family. */
    async billed(customerId: number, years?: { from: number; to: number }): Promise<BilledSum[]> {
      const def = defs.find((d) => d.name === 'billed')!;
      const groups = (['family', 'subFamily'] as const).map((field, i) => {
        const link = linkOf(strapi, ARTICLE, field);
        return { link, uid: link.target as string, alias: `g${i}`, via: `a${i}` };
      });
      const rows: Record<string, unknown>[] = await withKnex(strapi, async (knex) => {
        const query = knex(`${def.table} as s`).leftJoin(`${tableOf(strapi, CURRENCY)} as cur`, 'cur.id', 's.currency_id').where('s.customer_id', customerId);
        const groupColumns: string[] = [];
        for (const g of groups) {
          query
            .leftJoin(`${g.link.name} as ${g.via}`, `${g.via}.${g.link.joinColumn.name}`, 's.article_id')
            .leftJoin(`${tableOf(strapi, g.uid)} as ${g.alias}`, `${g.alias}.id`, `${g.via}.${g.link.inverseJoinColumn.name}`);
          for (const field of ['documentId', 'code', 'label']) groupColumns.push(`${g.alias}.${columnOf(strapi, g.uid, field)}`);
        }
        if (years) query.whereBetween('s.year', [years.from, years.to]);
        const code = `cur.${currencyCodeColumn}`;
        return query
          .select('s.year as year', `${code} as currency`, 's.kind as kind', ...groupColumns.map((c, i) => `${c} as k${i}`), knex.raw('SUM(s.amount) as amount'))
          .groupBy(['s.year', code, 's.kind', ...groupColumns])
          .havingRaw('SUM(s.n) > 0');
      });
      const group = (row: Record<string, unknown>, at: number): Group | null =>
        row[`k${at}`] === null || row[`k${at}`] === undefined ? null : { documentId: String(row[`k${at}`]), code: (row[`k${at + 1}`] as string) ?? null, label: (row[`k${at + 2}`] as string) ?? null };
      return rows.map((row) => ({
        year: Number(row.year),
        currency: currencyCode(row.currency),
        kind: String(row.kind),
        family: group(row, 0),
        subFamily: group(row, 3),
        amountExclTax: fromExactMoney(client, row.amount).toFixed(),
      }));
    },

    /**
     * The open invoices and credit notes billed to the customer that still owe (or are still to apply),
     * per currency and kind, and per due day (or date); with `edges` (ascending ISO days), per band of
     * due days instead: before the first edge, then before each next one, then the rest, each band's
     * row dated by its latest due day (at most a row per band whatever the history).
     */
    async owed(customerId: number, edges?: string[]): Promise<(DueAmount & { currency: string })[]> {
      const def = defs.find((d) => d.name === 'owed')!;
      const rows: any[] = await withKnex(strapi, (knex) => {
        const query = knex(`${def.table} as s`)
          .leftJoin(`${tableOf(strapi, CURRENCY)} as cur`, 'cur.id', 's.currency_id')
          .where('s.customer_id', customerId)
          .select('s.kind as kind', `cur.${currencyCodeColumn} as currency`, knex.raw('SUM(s.n) as n'), knex.raw('SUM(s.amount) as remaining'))
          .groupBy('s.kind', `cur.${currencyCodeColumn}`)
          .havingRaw('SUM(s.n) > 0');
        if (!edges?.length) return query.select('s.due_on as due_on').groupBy('s.due_on');
        // no due day at all ('') is due today: the band the first edge starts
        const band = `case when s.due_on = '' then 1 ${edges.map((_, i) => `when s.due_on < ? then ${i}`).join(' ')} else ${edges.length} end`;
        return query.select(knex.raw('MAX(s.due_on) as due_on')).groupBy(knex.raw(band, edges));
      });
      return rows.map((row) => ({
        currency: currencyCode(row.currency),
        dueOn: row.due_on ? String(row.due_on) : null,
        count: Number(row.n),
        remaining: fromExactMoney(client, row.remaining).toFixed(),
        creditNote: row.kind === 'creditNote',
      }));
    },

    /** The customer's payments not allocated to an invoice, dated up to `until` (as the statement of that date counts them), per currency. */
    async unallocated(customerId: number, until: string): Promise<{ currency: string; amount: string }[]> {
      const def = defs.find((d) => d.name === 'unallocated')!;
      const rows: any[] = await withKnex(strapi, (knex) =>
        knex(`${def.table} as s`)
          .leftJoin(`${tableOf(strapi, CURRENCY)} as cur`, 'cur.id', 's.currency_id')
          .where('s.customer_id', customerId)
          .where('s.day', '<=', until)
          .select(`cur.${currencyCodeColumn} as currency`, knex.raw('SUM(s.amount) as amount'))
          .groupBy(`cur.${currencyCodeColumn}`)
          .havingRaw('SUM(s.n) > 0')
      );
      return rows.map((row) => ({ currency: currencyCode(row.currency), amount: fromExactMoney(client, row.amount).toFixed(2) }));
    },
  };
}

export type CustomerSums = ReturnType<typeof customerSums>;
