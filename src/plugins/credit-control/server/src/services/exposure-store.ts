import type { Core } from '@strapi/strapi';
import { dated, dues, undated, type Contribution, type DatedRow, type ExposureRow, type OpenDues } from '../core';
import { dialectSql } from './dialect';
import { runPrepared } from './prepared';
import { TABLES } from './tables';

type Knex = Core.Strapi['db']['connection'];

/** A stored row as the engine counts it: amounts are bigint minor units. */
const toContribution = (row: any): Contribution => ({ party: row.party, bucket: row.bucket, currency: row.currency, minor: BigInt(row.amount_minor) });
const toExposureRow = ({ bucket, currency, minor }: Contribution): ExposureRow => ({ bucket, currency, minor });

/** A database sum of minor units (a number, or a numeric string on Postgres) as a bigint. */
export const summedMinor = (value: unknown): bigint => BigInt(String(value ?? 0).split('.')[0]);

/** A summed dated row (readDated, rule-rows.ts) into its party's list; a sum of zero is nothing left out. */
export function pushDated(byParty: Map<string, DatedRow[]>, row: { party: string; bucket: string; currency: string; day: string; amount: unknown }): void {
  const minor = summedMinor(row.amount);
  if (minor !== 0n) byParty.get(row.party)?.push({ bucket: row.bucket, currency: row.currency, day: row.day, minor });
}

/** A summed open-dues row (a currency's oldest day still owed, what is past due) as the overdue rules judge it. */
export const toOpenDues = (r: { currency: string; day?: string | null; amount: unknown }): OpenDues => ({ currency: r.currency, oldestPastDue: r.day ?? null, pastDueMinor: summedMinor(r.amount) });

/** Maintained exposure rows and party locks, always through the write's transaction. */
const exposureStore = ({ strapi }: { strapi: Core.Strapi }) => {
  const sql = () => dialectSql(strapi);

  return {
    /**
     * Locks the parties in a stable order (no deadlock between two writes on the same pair).
     * PostgreSQL and MySQL: a row lock held to the end of the transaction, taken by an upsert of the
     * party's lock row in one round trip (dialect.ts). SQLite: the write transaction already holds
     * the database lock.
     */
    async lock(trx: Knex, parties: string[]) {
      const statement = sql().lockParty;
      for (const party of [...new Set(parties)].sort()) await runPrepared(strapi, trx, statement, [party]);
    },

    /**
     * `lock`, after this transaction's own write of a document. SQLite has no row lock: that write
     * already holds the database's write lock to the end of the transaction, so nothing is run.
     */
    async lockAfterWrite(trx: Knex, parties: string[]) {
      if (sql().rowLocks) await this.lock(trx, parties);
    },

    /**
     * PostgreSQL and MySQL: locks a document's rows before its parties are read and locked, so that writers of
     * one document queue there, each reads the parties the previous one left, and party locks are
     * always taken after it in sorted order (no deadlock when concurrent writes move the document).
     */
    async lockDocument(trx: Knex, uid: string, documentId: string) {
      const statement = sql().lockDocument;
      if (!statement) return;
      const { tableName } = strapi.db.metadata.get(uid as any) as unknown as { tableName: string };
      await trx.raw(statement, [tableName, documentId]);
    },

    async read(trx: Knex, party: string): Promise<ExposureRow[]> {
      return (await this.readMany(trx, [party])).get(party) ?? [];
    },

    /**
     * The parties' maintained rows. In a transaction, after the parties' locks: what the previous
     * lock holder committed (MySQL: a locking read, since a plain one reads the transaction's snapshot).
     */
    async readMany(trx: Knex, parties: string[]): Promise<Map<string, ExposureRow[]>> {
      const byParty = new Map<string, ExposureRow[]>(parties.map((p) => [p, []]));
      if (parties.length === 0) return byParty;
      const query = trx(TABLES.exposures).select('party', 'bucket', 'currency', 'amount_minor').whereIn('party', parties);
      const rows = (trx as any).isTransaction && sql().readsSnapshot ? await query.forUpdate() : await query;
      for (const row of rows) byParty.get(row.party)?.push(toExposureRow(toContribution(row)));
      return byParty;
    },

    /**
     * What each party's documents deliver after its last counted day (`lastCounted`: a horizon's
     * `until`), summed per bucket and currency by the database: at most a row per bucket, whatever the
     * number of dated documents (`day` is the latest delivery day summed). One read by the primary key,
     * only for the parties whose policy has a horizon; past their locks, as `readMany`.
     */
    async readDated(trx: Knex, lastCounted: Map<string, string>): Promise<Map<string, DatedRow[]>> {
      const byParty = new Map<string, DatedRow[]>([...lastCounted.keys()].map((p) => [p, []]));
      if (lastCounted.size === 0) return byParty;
      const query = trx(TABLES.exposureDays)
        .select('party', 'bucket', 'currency')
        .max({ day: 'day' })
        .sum({ amount: 'amount_minor' })
        .where((w: any) => {
          for (const [party, after] of lastCounted) w.orWhere((q: any) => q.where('party', party).where('day', '>', after));
        })
        .groupBy('party', 'bucket', 'currency');
      const rows = (trx as any).isTransaction && sql().readsSnapshot ? await query.forUpdate() : await query;
      for (const row of rows as any[]) pushDated(byParty, row);
      return byParty;
    },

    /**
     * The parties' open dues past due on `day`, per currency: the oldest due day still owed and the
     * amount past due (credit notes netted), summed by the database over the party's days before
     * `day`. One read by the primary key, only when a policy has an overdue rule.
     */
    async readDues(trx: Knex, parties: string[], day: string): Promise<Map<string, OpenDues[]>> {
      const byParty = new Map<string, OpenDues[]>(parties.map((p) => [p, []]));
      if (parties.length === 0) return byParty;
      const query = trx(TABLES.openDues)
        .select('party', 'currency')
        .min({ day: trx.raw('case when amount_minor > 0 then day end') })
        .sum({ amount: 'amount_minor' })
        .whereIn('party', parties)
        .where('day', '<', day)
        .groupBy('party', 'currency');
      const rows = (trx as any).isTransaction && sql().readsSnapshot ? await query.forUpdate() : await query;
      for (const row of rows as any[]) {
        byParty.get(row.party)?.push(toOpenDues(row));
      }
      return byParty;
    },

    /** Replaces every maintained row, totals and dated rows (reconcile --fix); `rows` may be dated. */
    async replaceAll(trx: Knex, rows: Contribution[]) {
      await trx(TABLES.exposures).del();
      await trx(TABLES.exposureDays).del();
      const totals = undated(rows);
      for (let i = 0; i < totals.length; i += 200) {
        await trx(TABLES.exposures).insert(
          totals.slice(i, i + 200).map((r) => ({ party: r.party, bucket: r.bucket, currency: r.currency, amount_minor: r.minor.toString() }))
        );
      }
      await trx(TABLES.openDues).del();
      const owed = dues(rows);
      for (let i = 0; i < owed.length; i += 200) {
        await trx(TABLES.openDues).insert(owed.slice(i, i + 200).map((r) => ({ party: r.party, currency: r.currency, day: r.due, amount_minor: r.minor.toString() })));
      }
      const days = dated(rows);
      for (let i = 0; i < days.length; i += 200) {
        await trx(TABLES.exposureDays).insert(
          days.slice(i, i + 200).map((r) => ({ party: r.party, bucket: r.bucket, currency: r.currency, day: r.day, amount_minor: r.minor.toString() }))
        );
      }
    },

    /**
     * Removes a deleted party's maintained rows and its lock row. Its documents no longer name it
     * (Strapi drops their relation with the party), so a reconcile recomputes nothing for it either.
     */
    async forget(trx: Knex, party: string) {
      await trx(TABLES.exposures).where({ party }).del();
      await trx(TABLES.exposureDays).where({ party }).del();
      await trx(TABLES.openDues).where({ party }).del();
      await trx(TABLES.locks).where({ party }).del();
    },

    async all(trx: Knex): Promise<Contribution[]> {
      const rows = await trx(TABLES.exposures).select('party', 'bucket', 'currency', 'amount_minor');
      return rows.map(toContribution);
    },

    /** Every open-dues row that is not zero, in the shape `dues` gives (reconcile). */
    async allDues(trx: Knex): Promise<Contribution[]> {
      const rows = await trx(TABLES.openDues).select('party', 'currency', 'day', 'amount_minor').whereNot('amount_minor', 0);
      return rows.map((row: any) => ({ party: row.party, bucket: '', currency: row.currency, due: row.day, minor: BigInt(row.amount_minor) }));
    },

    /** Every dated row that is not zero (reconcile). */
    async allDated(trx: Knex): Promise<Contribution[]> {
      const rows = await trx(TABLES.exposureDays).select('party', 'bucket', 'currency', 'day', 'amount_minor').whereNot('amount_minor', 0);
      return rows.map((row: any) => ({ ...toContribution(row), day: row.day }));
    },
  };
};

export default exposureStore;
export type ExposureStore = ReturnType<typeof exposureStore>;
