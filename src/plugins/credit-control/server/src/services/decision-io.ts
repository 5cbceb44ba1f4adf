import type { Core } from '@strapi/strapi';
import type { Contribution, ExposureRow } from '../core';
import type { Actor } from './actor';
import { auditRow, type AuditEntry } from './audit';
import { dialectSql } from './dialect';
import { POLICY_UID, type PolicyRow } from './policies';
import { attributeRow } from './raw-rows';
import { TABLES } from './tables';
import { getService } from '../utils/get-service';

type Knex = Core.Strapi['db']['connection'];

export interface DecisionInputs {
  exposures: Map<string, ExposureRow[]>;
  policies: Map<string, PolicyRow>;
  /** whether any policy counts a group: with none, a write need not look for its parties' parents */
  anyGroup: boolean;
}

/**
 * What a checked write reads once its parties are locked, and what it writes when it stays: one
 * statement each way on Postgres (each statement is a round trip, and planning a query there
 * costs more than running it). The read must follow the lock statement: under read committed a
 * statement sees what was committed when it started, so it cannot share the lock's statement.
 * MySQL (repeatable read) reads the exposure rows apart, with a locking read (dialect.ts), and
 * writes statement by statement.
 */
const decisionIo = ({ strapi }: { strapi: Core.Strapi }) => {
  const sql = () => dialectSql(strapi);

  return {
    /** The parties' maintained exposure rows, their policies and the any-group flag. */
    async read(trx: Knex, parties: string[]): Promise<DecisionInputs> {
      const exposures = new Map<string, ExposureRow[]>(parties.map((p) => [p, []]));
      const policies = new Map<string, PolicyRow>();
      if (parties.length === 0) return { exposures, policies, anyGroup: false };
      const meta: any = strapi.db.metadata.get(POLICY_UID as any);
      const partyColumn = meta.attributes.party.columnName;
      const groupColumn = meta.attributes.group.columnName;
      // one row per party and exposure bucket/currency, the party's policy columns alongside
      const list = parties.map(() => 'select ? as party').join(' union all ');
      const result: any = await trx.raw(
          `select x.party as x_party, e.bucket as e_bucket, e.currency as e_currency, e.amount_minor as e_amount, p.*,
             (select 1 from ?? g where g.?? = ? limit 1) as any_group
           from (${list}) x
           left join ${TABLES.exposures} e on e.party = x.party
           left join ?? p on p.?? = x.party`,
        [meta.tableName, groupColumn, true, ...parties, meta.tableName, partyColumn]
      );
      const rows: any[] = sql().rowsOf(result);
      let anyGroup = false;
      for (const r of rows) {
        if (r.any_group !== null && r.any_group !== undefined) anyGroup = true;
        if (r.e_bucket !== null && r.e_bucket !== undefined) {
          exposures.get(r.x_party)?.push({ bucket: r.e_bucket, currency: r.e_currency, minor: BigInt(r.e_amount) });
        }
        if (r.id !== null && r.id !== undefined && !policies.has(r.x_party)) policies.set(r.x_party, attributeRow(meta, r) as unknown as PolicyRow);
      }
      // MySQL: the rows above come from the transaction's snapshot, perhaps older than the lock
      if (sql().readsSnapshot) return { exposures: await getService(strapi, 'exposure-store').readMany(trx, parties), policies, anyGroup };
      return { exposures, policies, anyGroup };
    },

    /** Applies the write's deltas to the maintained exposure and records its decisions. */
    async write(trx: Knex, deltas: Contribution[], audits: AuditEntry[], actor: Actor): Promise<void> {
      const upsert = sql().addExposure;
      const bindingsOf = (d: Contribution) => [d.party, d.bucket, d.currency, d.minor.toString()];
      const insert = audits.length > 0 ? trx(TABLES.decisions).insert(audits.map((a) => auditRow(a, actor))).toSQL() : null;
      if (sql().batchesWrites && deltas.length + (insert ? 1 : 0) > 1) {
        // data-modifying CTEs: every upsert and the decision rows in one statement
        const ctes = deltas.map((_, i) => `d${i} as (${upsert} returning 1)`).join(', ');
        const main = insert ? insert.sql : `select ${deltas.map((_, i) => `(select count(*) from d${i})`).join(' + ')}`;
        await trx.raw(`with ${ctes} ${main}`, [...deltas.flatMap(bindingsOf), ...(insert ? insert.bindings : [])]);
        return;
      }
      for (const delta of deltas) await trx.raw(upsert, bindingsOf(delta));
      if (insert) await trx.raw(insert.sql, insert.bindings as any[]);
    },
  };
};

export default decisionIo;
export type DecisionIo = ReturnType<typeof decisionIo>;
