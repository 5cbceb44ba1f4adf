import type { Core } from '@strapi/strapi';
import type { Contribution, ExposureRow } from '../core';
import { TABLES } from './tables';

type Knex = Core.Strapi['db']['connection'];

/** A stored row as the engine counts it: amounts are bigint minor units. */
const toContribution = (row: any): Contribution => ({ party: row.party, bucket: row.bucket, currency: row.currency, minor: BigInt(row.amount_minor) });
const toExposureRow = ({ bucket, currency, minor }: Contribution): ExposureRow => ({ bucket, currency, minor });

/** Maintained exposure rows and party locks, always through the write's transaction. */
const exposureStore = ({ strapi }: { strapi: Core.Strapi }) => {
  const isPostgres = () => strapi.db.dialect.client === 'postgres';

  return {
    /**
     * Locks the parties in a stable order (no deadlock between two writes on the same pair).
     * Postgres: a row lock held to the end of the transaction. SQLite: the write transaction
     * already holds the database lock.
     */
    async lock(trx: Knex, parties: string[]) {
      for (const party of [...new Set(parties)].sort()) {
        // Postgres: an upsert that updates locks the row to the end of the transaction, in one round trip
        const onConflict = isPostgres() ? `do update set version = ${TABLES.locks}.version + 1` : 'do nothing';
        await trx.raw(`insert into ${TABLES.locks} (party, version) values (?, 0) on conflict (party) ${onConflict}`, [party]);
      }
    },

    /**
     * Postgres: locks a document's rows before its parties are read and locked, so that writers of
     * one document queue there, each reads the parties the previous one left, and party locks are
     * always taken after it in sorted order (no deadlock when concurrent writes move the document).
     */
    async lockDocument(trx: Knex, uid: string, documentId: string) {
      if (!isPostgres()) return;
      const { tableName } = strapi.db.metadata.get(uid as any) as unknown as { tableName: string };
      await trx.raw('select id from ?? where document_id = ? for update', [tableName, documentId]);
    },

    async read(trx: Knex, party: string): Promise<ExposureRow[]> {
      return (await this.readMany(trx, [party])).get(party) ?? [];
    },

    async readMany(trx: Knex, parties: string[]): Promise<Map<string, ExposureRow[]>> {
      const byParty = new Map<string, ExposureRow[]>(parties.map((p) => [p, []]));
      if (parties.length === 0) return byParty;
      const rows = await trx(TABLES.exposures).select('party', 'bucket', 'currency', 'amount_minor').whereIn('party', parties);
      for (const row of rows) byParty.get(row.party)?.push(toExposureRow(toContribution(row)));
      return byParty;
    },

    /** Replaces every maintained row (reconcile --fix). */
    async replaceAll(trx: Knex, rows: Contribution[]) {
      await trx(TABLES.exposures).del();
      for (let i = 0; i < rows.length; i += 200) {
        await trx(TABLES.exposures).insert(
          rows.slice(i, i + 200).map((r) => ({ party: r.party, bucket: r.bucket, currency: r.currency, amount_minor: r.minor.toString() }))
        );
      }
    },

    /**
     * Removes a deleted party's maintained rows and its lock row. Its documents no longer name it
     * (Strapi drops their relation with the party), so a reconcile recomputes nothing for it either.
     */
    async forget(trx: Knex, party: string) {
      await trx(TABLES.exposures).where({ party }).del();
      await trx(TABLES.locks).where({ party }).del();
    },

    async all(trx: Knex): Promise<Contribution[]> {
      const rows = await trx(TABLES.exposures).select('party', 'bucket', 'currency', 'amount_minor');
      return rows.map(toContribution);
    },
  };
};

export default exposureStore;
export type ExposureStore = ReturnType<typeof exposureStore>;
