import type { Core } from '@strapi/strapi';
import { DEFAULT_PARTY_PREFIX, dated, dues, undated, type Contribution, type ExposureRow, type Insurance, type PartyKeys, type RateOf, type TemporaryLimit } from '../core';
import type { Actor } from './actor';
import { auditRow, type AuditEntry } from './audit';
import { compileQuery, compiledCache, param, type CompiledQuery } from './compiled-query';
import { dialectSql } from './dialect';
import { LIMIT_TABLES } from './limit-tables';
import { keyColumns, type KeyColumns } from './party-key-sql';
import { toInsurance, toTemporary } from './party-limits';
import { POLICY_UID, type PolicyRow } from './policies';
import { runPrepared } from './prepared';
import { attributeRow, jsonValue } from './raw-rows';
import type { RatesService } from './rates';
import type { OwnRuleRows, RuleRowsService } from './rule-rows';
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
  /** the rules' rows of each party with a policy of its own, as far as it asks for them (read only when asked: `rules`; not on MySQL) */
  ownRules: Map<string, OwnRuleRows>;
}

/** The decision's read for a number of parties, compiled, and the readers of its parts' columns. */
interface ReadShape {
  query: CompiledQuery;
  meta: any;
  keys: KeyColumns | null;
  ratesColumn: ReturnType<RatesService['column']> | null;
  rulesColumns: ReturnType<RuleRowsService['columns']> | null;
}

interface ReadOptions {
  allTemporary: boolean;
  askOffered: boolean;
  rates: boolean;
  rules: boolean;
}

/** Where the decision's read takes its parties from, aliased `x`: `sql` (with `params` in it), named by `key` in the shapes' cache. */
interface PartiesSource {
  key: string;
  sql: string;
  params: unknown[];
}

/** `n` parties bound one by one; built once per `n` (the read runs on every checked write). */
const lists = compiledCache<PartiesSource>();
const listOf = (n: number): PartiesSource =>
  lists(String(n), () => ({
    key: `list${n}`,
    sql: `(${Array.from({ length: n }, () => 'select ? as party').join(' union all ')})`,
    params: Array.from({ length: n }, (_, i) => param(i)),
  }));

/** The parties of a larger statement's CTE `xp` (dialect.ts `readWithInputs`). */
const OVER_XP: PartiesSource = { key: 'xp', sql: 'xp', params: [] };

/** The decision's inputs from the read's rows (a row per party, `x_party`), for `parties`. */
function inputsOf(rows: any[], parties: string[], shape: ReadShape | null, askOffered: boolean): DecisionInputs {
  const exposures = new Map<string, ExposureRow[]>(parties.map((p) => [p, []]));
  const policies = new Map<string, PolicyRow>();
  const temporary = new Map<string, TemporaryLimit[]>(parties.map((p) => [p, []]));
  const insurance = new Map<string, Insurance>();
  const partyKeys = new Map<string, { keys: PartyKeys; offered: boolean }>();
  const offered = new Map<string, boolean>();
  const ownRules = new Map<string, OwnRuleRows>();
  let anyGroup = false;
  let anyDefault = false;
  const prefixed = (r: any, prefix: string) => Object.fromEntries(Object.entries(r).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
  const jsonRows = (value: unknown) => (jsonValue(value) ?? []) as any[];
  const seen = new Set<string>();
  for (const r of rows) {
    // a read over a document's rows: a row without a party has no inputs
    if (r.x_party === null || r.x_party === undefined) continue;
    if (r.any_group !== null && r.any_group !== undefined) anyGroup = true;
    if (r.any_default !== null && r.any_default !== undefined) anyDefault = true;
    // a party named twice, or with two policies, is read once
    if (seen.has(r.x_party)) continue;
    seen.add(r.x_party);
    exposures.set(r.x_party, jsonRows(r.e_rows).map((e) => ({ bucket: e.bucket, currency: e.currency, minor: BigInt(e.minor) })));
    temporary.set(r.x_party, jsonRows(r.t_rows).map(toTemporary));
    if (r.i_insurer !== null && r.i_insurer !== undefined) insurance.set(r.x_party, toInsurance(prefixed(r, 'i_')));
    if (askOffered) offered.set(r.x_party, shape!.keys ? shape!.keys.read(r).offered : true);
    if (r.id !== null && r.id !== undefined) {
      policies.set(r.x_party, attributeRow(shape!.meta, r) as unknown as PolicyRow);
      if (shape!.rulesColumns) ownRules.set(r.x_party, shape!.rulesColumns.read(r));
    } else if (shape!.keys) partyKeys.set(r.x_party, shape!.keys.read(r));
  }
  // in the order the panel lists them
  for (const limits of temporary.values()) limits.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : (a.id ?? 0) - (b.id ?? 0)));
  // every row has the rates (one array): none without a row is none at all
  const rateOf = shape?.ratesColumn ? shape.ratesColumn.read(rows[0]?.rates_json ?? null) : undefined;
  return { exposures, policies, anyGroup, temporary, insurance, anyDefault, partyKeys, offered, rateOf, ownRules };
}

/**
 * What a checked write reads once its parties are locked, and what it writes when it stays: one
 * statement each way on Postgres (each statement is a round trip, and planning a query there
 * costs more than running it). Under read committed a statement sees what was committed when it
 * started, before its lock was granted: a create's read that shares its lock's statement (`readOver`)
 * holds only when no other lock holder came between (states.ts `readWithInputs`), else `read` runs
 * after the lock. MySQL (repeatable read) reads the exposure rows apart, with a locking read
 * (dialect.ts), and writes statement by statement.
 */
const decisionIo = ({ strapi }: { strapi: Core.Strapi }) => {
  const sql = () => dialectSql(strapi);

  /**
   * The read's text for `n` parties, compiled once per shape and day: its parts (the default-policy
   * keys, the rates, the rules' rows) and their readers with it. Built anew, the text cost a write
   * more than SQLite takes to run it.
   */
  const shapes = compiledCache<ReadShape>();
  const shapeOf = (source: PartiesSource, day: string, o: ReadOptions): ReadShape =>
    shapes(`${source.key}|${day}|${o.allTemporary}|${o.askOffered}|${o.rates}|${o.rules}`, () => {
      // a party without a policy: its keys for a default policy, in this statement too
      const keys = keyColumns(strapi, getService(strapi, 'mapping').get(), { offeredAlways: o.askOffered });
      const ratesColumn = o.rates ? getService(strapi, 'rates').column('rates_json', day) : null;
      // MySQL reads the rules' rows apart, with locking reads (rule-rows.ts)
      const rulesColumns = o.rules && !sql().readsSnapshot ? getService(strapi, 'rule-rows').columns(day) : null;
      const meta: any = strapi.db.metadata.get(POLICY_UID as any);
      const partyColumn = meta.attributes.party.columnName;
      const groupColumn = meta.attributes.group.columnName;
      const json = (pairs: [string, string][]) => sql().jsonArray(sql().jsonObject(pairs));
      const text = sql().asText;
      // one row per party: its policy and insurance columns, its exposure rows and temporary limits in
      // force as JSON arrays (a row per exposure bucket would repeat every other column, and SQLite
      // builds each column of each row); whether default policies exist is asked only without a policy
      const query = compileQuery(strapi.db.connection.raw(
          `select x.party as x_party, p.*,
             (select ${json([['bucket', 'e.bucket'], ['currency', 'e.currency'], ['minor', text('e.amount_minor')]])} from ${TABLES.exposures} e where e.party = x.party) as e_rows,
             (select 1 from ?? g where g.?? = ? limit 1) as any_group,
             case when p.id is null then (select 1 from ?? d where ${sql().startsWith(`d.${partyColumn}`, DEFAULT_PARTY_PREFIX)} limit 1) end as any_default,
             (select ${json([['id', 't.id'], ['amount_minor', text('t.amount_minor')], ['currency', 't.currency'], ['starts_on', 't.starts_on'], ['ends_on', 't.ends_on'], ['reason', 't.reason']])}
               from ${LIMIT_TABLES.temporary} t where t.party = x.party and t.starts_on <= ? and t.ends_on >= ?) as t_rows,
             i.insurer as i_insurer, i.reference as i_reference, ${text('i.insured_minor')} as i_insured_minor, i.currency as i_currency, i.expires_on as i_expires_on
             ${keys ? `, ${keys.sql}` : ''}
             ${ratesColumn ? `, ${ratesColumn.sql}` : ''}
             ${rulesColumns ? `, ${rulesColumns.sql}` : ''}
           from ${source.sql} x
           left join ?? p on p.?? = x.party
           left join ${LIMIT_TABLES.insurance} i on i.party = x.party`,
        [
          meta.tableName, groupColumn, true, meta.tableName,
          ...(o.allTemporary ? [LAST_DAY, FIRST_DAY] : [day, day]),
          ...(keys?.bindings ?? []), ...(ratesColumn?.bindings ?? []), ...(rulesColumns?.bindings ?? []),
          ...source.params, meta.tableName, partyColumn,
        ]
      ));
      return { query, meta, keys, ratesColumn, rulesColumns };
    });

  /** The decision rows' insert, compiled once per number of rows and columns. */
  const inserts = compiledCache<CompiledQuery>();
  const decisionInsert = (rows: Record<string, unknown>[]): { sql: string; bindings: unknown[] } => {
    const columns = Object.keys(rows[0]);
    const compiled = inserts(`${rows.length}|${columns.join(',')}`, () =>
      compileQuery(strapi.db.connection(TABLES.decisions).insert(rows.map((_, j) => Object.fromEntries(columns.map((c, k) => [c, param(j * columns.length + k)])))))
    );
    return { sql: compiled.sql, bindings: compiled.bindings(rows.flatMap((row) => columns.map((c) => row[c] ?? null))) };
  };

  return {
    /**
     * The parties' maintained exposure rows, their policies and the any-group flag. `allTemporary`:
     * every temporary limit, past and future too (the panel lists them), not only those in force on `day`.
     * `offered`: whether blocking rules are offered on each party, `rates`: the rates valid on `day`, and
     * `rules`: the rules' rows its own policy asks for (rule-rows.ts `columns`), in this statement too.
     */
    async read(trx: Knex, parties: string[], day: string, { allTemporary = false, offered: askOffered = false, rates = false, rules = false } = {}): Promise<DecisionInputs> {
      if (parties.length === 0) return inputsOf([], parties, null, askOffered);
      const shape = shapeOf(listOf(parties.length), day, { allTemporary, askOffered, rates, rules });
      const result: any = await runPrepared(strapi, trx, shape.query.sql, shape.query.bindings(parties));
      const read = inputsOf(sql().rowsOf(result), parties, shape, askOffered);
      // MySQL: the rows above come from the transaction's snapshot, perhaps older than the lock
      if (sql().readsSnapshot) return { ...read, exposures: await getService(strapi, 'exposure-store').readMany(trx, parties) };
      return read;
    },

    /**
     * `read` (its options `rules` and `day`) as a select over the parties named `xp` of a larger
     * statement (dialect.ts `readWithInputs`), and the reader of that statement's rows: its parties
     * are the rows' `x_party`.
     */
    readOver(day: string, { rules = false } = {}): { sql: string; bindings: unknown[]; inputsOf: (rows: any[]) => DecisionInputs } {
      const shape = shapeOf(OVER_XP, day, { allTemporary: false, askOffered: false, rates: false, rules });
      return {
        sql: shape.query.sql,
        bindings: shape.query.bindings([]),
        inputsOf: (rows) => inputsOf(rows, [...new Set(rows.map((r) => r.x_party).filter((p) => p !== null && p !== undefined))], shape, false),
      };
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
      const insert = audits.length > 0 ? decisionInsert(audits.map((a) => auditRow(a, actor))) : null;
      if (sql().batchesWrites && upserts.length + (insert ? 1 : 0) > 1) {
        // data-modifying CTEs: every upsert and the decision rows in one statement
        const ctes = upserts.map((u, i) => `d${i} as (${u.sql} returning 1)`).join(', ');
        const main = insert ? insert.sql : `select ${upserts.map((_, i) => `(select count(*) from d${i})`).join(' + ')}`;
        await runPrepared(strapi, trx, `with ${ctes} ${main}`, [...upserts.flatMap((u) => u.bindings), ...(insert ? insert.bindings : [])]);
        return;
      }
      for (const u of upserts) await runPrepared(strapi, trx, u.sql, u.bindings);
      if (insert) await runPrepared(strapi, trx, insert.sql, insert.bindings);
    },
  };
};

export default decisionIo;
export type DecisionIo = ReturnType<typeof decisionIo>;
