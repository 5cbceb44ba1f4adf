import type { Core } from '@strapi/strapi';
import { DEFAULT_PARTY_PREFIX, dated, dues, undated, type Contribution, type ExposureRow, type Insurance, type PartyKeys, type RateOf, type TemporaryLimit } from '../core';
import type { Actor } from './actor';
import { auditRow, type AuditEntry } from './audit';
import { dialectSql } from './dialect';
import { LIMIT_TABLES } from './limit-tables';
import { keyColumns } from './party-key-sql';
import { toInsurance, toTemporary } from './party-limits';
import { POLICY_UID, type PolicyRow } from './policies';
import { prepared } from './prepared';
import { attributeRow } from './raw-rows';
import { TABLES } from './tables';
import { getService } from '../utils/get-service';

type Knex = Core.Strapi['db']['connection'];

/** Bounds of every stored day (`YYYY-MM-DD` compares as text): a temporary limit starts before the last and ends after the first. */
const [FIRST_DAY, LAST_DAY] = ['0000-01-01', '9999-12-31'];

export interface DecisionInputs {
  exposures: Map<string, ExposureRow[]>;
  policies: Map<string, PolicyRow>;
  /** whether any policy counts a group: with none, a write need not look for its parties' parents */
  anyGroup: boolean;
  /** the temporary limits in force on `day`, and the insurance, per party (effective-limit.ts) */
  temporary: Map<string, TemporaryLimit[]>;
  insurance: Map<string, Insurance>;
  /** whether any default policy exists, asked only when a party has no policy of its own */
  anyDefault: boolean;
  /** a party without a policy of its own: its default-policy keys, and whether policies are offered on it */
  partyKeys: Map<string, { keys: PartyKeys; offered: boolean }>;
  /** whether blocking rules are offered on each party, policy or not (read only when asked: `offered`) */
  offered: Map<string, boolean>;
  /** the rates valid on `day` (read only when asked: `rates`) */
  rateOf?: RateOf;
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
    /**
     * The parties' maintained exposure rows, their policies and the any-group flag. `allTemporary`:
     * every temporary limit, past and future too (the panel lists them), not only those in force on `day`.
     * `offered`: whether blocking rules are offered on each party, and `rates`: the rates valid on `day`,
     * in this statement too (the panel's summary reads in one statement what a write reads in one).
     */
    async read(trx: Knex, parties: string[], day: string, { allTemporary = false, offered: askOffered = false, rates = false } = {}): Promise<DecisionInputs> {
      const exposures = new Map<string, ExposureRow[]>(parties.map((p) => [p, []]));
      const policies = new Map<string, PolicyRow>();
      const temporary = new Map<string, TemporaryLimit[]>(parties.map((p) => [p, []]));
      const insurance = new Map<string, Insurance>();
      const partyKeys = new Map<string, { keys: PartyKeys; offered: boolean }>();
      const offered = new Map<string, boolean>();
      if (parties.length === 0) return { exposures, policies, anyGroup: false, temporary, insurance, anyDefault: false, partyKeys, offered };
      // a party without a policy: its keys for a default policy, in this statement too
      const keys = keyColumns(strapi, getService(strapi, 'mapping').get(), { offeredAlways: askOffered });
      const ratesColumn = rates ? getService(strapi, 'rates').column('rates_json', day) : null;
      const meta: any = strapi.db.metadata.get(POLICY_UID as any);
      const partyColumn = meta.attributes.party.columnName;
      const groupColumn = meta.attributes.group.columnName;
      // one row per party, exposure bucket/currency and temporary limit in force, the party's policy
      // and insurance columns alongside; whether default policies exist is asked only without a policy
      const list = parties.map(() => 'select ? as party').join(' union all ');
      const result: any = await prepared(strapi, trx.raw(
          `select x.party as x_party, e.bucket as e_bucket, e.currency as e_currency, e.amount_minor as e_amount, p.*,
             (select 1 from ?? g where g.?? = ? limit 1) as any_group,
             case when p.id is null then (select 1 from ?? d where ${sql().startsWith} limit 1) end as any_default,
             t.id as t_id, t.amount_minor as t_amount_minor, t.currency as t_currency, t.starts_on as t_starts_on, t.ends_on as t_ends_on, t.reason as t_reason,
             i.insurer as i_insurer, i.reference as i_reference, i.insured_minor as i_insured_minor, i.currency as i_currency, i.expires_on as i_expires_on
             ${keys ? `, ${keys.sql}` : ''}
             ${ratesColumn ? `, ${ratesColumn.sql}` : ''}
           from (${list}) x
           left join ${TABLES.exposures} e on e.party = x.party
           left join ?? p on p.?? = x.party
           left join ${LIMIT_TABLES.temporary} t on t.party = x.party and t.starts_on <= ? and t.ends_on >= ?
           left join ${LIMIT_TABLES.insurance} i on i.party = x.party`,
        [meta.tableName, groupColumn, true, meta.tableName, `d.${partyColumn}`, sql().prefixPattern(DEFAULT_PARTY_PREFIX), ...(keys?.bindings ?? []), ...(ratesColumn?.bindings ?? []), ...parties, meta.tableName, partyColumn, ...(allTemporary ? [LAST_DAY, FIRST_DAY] : [day, day])]
      ));
      const rows: any[] = sql().rowsOf(result);
      let anyGroup = false;
      let anyDefault = false;
      // a party with two temporary limits in force has each exposure row twice: each is counted once
      const seen = new Set<string>();
      const prefixed = (r: any, prefix: string) => Object.fromEntries(Object.entries(r).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
      for (const r of rows) {
        if (r.any_group !== null && r.any_group !== undefined) anyGroup = true;
        if (r.any_default !== null && r.any_default !== undefined) anyDefault = true;
        if (r.e_bucket !== null && r.e_bucket !== undefined && !seen.has(`e|${r.x_party}|${r.e_bucket}|${r.e_currency}`)) {
          seen.add(`e|${r.x_party}|${r.e_bucket}|${r.e_currency}`);
          exposures.get(r.x_party)?.push({ bucket: r.e_bucket, currency: r.e_currency, minor: BigInt(r.e_amount) });
        }
        if (r.t_id !== null && r.t_id !== undefined && !seen.has(`t|${r.t_id}`)) {
          seen.add(`t|${r.t_id}`);
          temporary.get(r.x_party)?.push(toTemporary(prefixed(r, 't_')));
        }
        if (r.i_insurer !== null && r.i_insurer !== undefined && !insurance.has(r.x_party)) insurance.set(r.x_party, toInsurance(prefixed(r, 'i_')));
        if (askOffered && !offered.has(r.x_party)) offered.set(r.x_party, keys ? keys.read(r).offered : true);
        if (r.id !== null && r.id !== undefined && !policies.has(r.x_party)) policies.set(r.x_party, attributeRow(meta, r) as unknown as PolicyRow);
        else if (keys && (r.id === null || r.id === undefined) && !partyKeys.has(r.x_party)) partyKeys.set(r.x_party, keys.read(r));
      }
      // in the order the panel lists them
      for (const limits of temporary.values()) limits.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : (a.id ?? 0) - (b.id ?? 0)));
      // every row has the rates (one array): none without a row is none at all
      const rateOf = ratesColumn ? ratesColumn.read(rows[0]?.rates_json ?? null) : undefined;
      const read = { exposures, policies, anyGroup, temporary, insurance, anyDefault, partyKeys, offered, rateOf };
      // MySQL: the rows above come from the transaction's snapshot, perhaps older than the lock
      if (sql().readsSnapshot) return { ...read, exposures: await getService(strapi, 'exposure-store').readMany(trx, parties) };
      return read;
    },

    /** Applies the write's deltas to the maintained exposure (and its dated rows) and records its decisions. */
    async write(trx: Knex, deltas: Contribution[], audits: AuditEntry[], actor: Actor): Promise<void> {
      // the totals per bucket whatever the day, and the dated part per delivery day (horizon.ts)
      const upserts: { sql: string; bindings: string[] }[] = [
        ...undated(deltas).map((d) => ({ sql: sql().addExposure, bindings: [d.party, d.bucket, d.currency, d.minor.toString()] })),
        ...dated(deltas).map((d) => ({ sql: sql().addDated, bindings: [d.party, d.bucket, d.currency, d.day!, d.minor.toString()] })),
        // the open amount per due day (overdue.ts)
        ...dues(deltas).map((d) => ({ sql: sql().addDue, bindings: [d.party, d.currency, d.due!, d.minor.toString()] })),
      ];
      const insert = audits.length > 0 ? trx(TABLES.decisions).insert(audits.map((a) => auditRow(a, actor))).toSQL() : null;
      if (sql().batchesWrites && upserts.length + (insert ? 1 : 0) > 1) {
        // data-modifying CTEs: every upsert and the decision rows in one statement
        const ctes = upserts.map((u, i) => `d${i} as (${u.sql} returning 1)`).join(', ');
        const main = insert ? insert.sql : `select ${upserts.map((_, i) => `(select count(*) from d${i})`).join(' + ')}`;
        await prepared(strapi, trx.raw(`with ${ctes} ${main}`, [...upserts.flatMap((u) => u.bindings), ...(insert ? insert.bindings : [])]));
        return;
      }
      for (const u of upserts) await trx.raw(u.sql, u.bindings);
      if (insert) await trx.raw(insert.sql, insert.bindings as any[]);
    },
  };
};

export default decisionIo;
export type DecisionIo = ReturnType<typeof decisionIo>;
