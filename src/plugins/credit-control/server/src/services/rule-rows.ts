import type { Core } from '@strapi/strapi';
import type { DatedRow, LevelDelay, OpenDues } from '../core';
import { dialectSql } from './dialect';
import { POLICY_UID } from './policies';
import { prepared } from './prepared';
import { jsonValue } from './raw-rows';
import { pushDated, toOpenDues } from './exposure-store';
import { TABLES } from './tables';
import { getService } from '../utils/get-service';

type Knex = Core.Strapi['db']['connection'];

/** What a decision's rules read beside its limits: which parties' dated rows and dues, and whether the dunning levels. */
export interface RuleRowsWanted {
  /** the parties whose policy has a horizon, each with its last counted day: what they deliver after it */
  dated: Map<string, string>;
  /** the parties whose policy has an overdue rule: their open dues before the day */
  dues: string[];
  /** the dunning levels' table and columns, when a rule names a level (overdue-reads.ts) */
  levels?: { table: string; rank: string; delay: string };
}

/** What the decision's read brought of a party's rule rows (`columns`): only the parts its own policy asks for. */
export interface OwnRuleRows {
  /** the day they were read for: rows of another day are read again */
  day: string;
  /** its horizon's last counted day, as the database added the policy's days to the decision's day, and what delivers after it */
  dated?: { until: string; rows: DatedRow[] };
  dues?: OpenDues[];
  levels?: LevelDelay[];
}

export interface RuleRows {
  dated: Map<string, DatedRow[]>;
  dues: Map<string, OpenDues[]>;
  /** each rank's delay as stored (empty: none stored), or null when not asked */
  levels: LevelDelay[] | null;
}

/**
 * What the horizon leaves out (summed per bucket), the overdue rules' open dues and the dunning levels, read in one
 * statement (a `union all` of the parts asked for) on SQLite and Postgres: each statement of a
 * checked write is a round trip. MySQL reads its maintained rows apart, with locking reads, since a
 * plain read there sees the transaction's snapshot, perhaps older than the party's lock.
 */
const ruleRows = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * `known`: the rows the decision's read already brought (`columns`); only what it lacks is read,
   * so a write whose parties all have a policy of their own reads no more.
   */
  async read(trx: Knex, wanted: RuleRowsWanted, day: string, known?: Map<string, OwnRuleRows>): Promise<RuleRows> {
    if (!known) return this.fetch(trx, wanted, day);
    const dated = new Map<string, DatedRow[]>();
    const dues = new Map<string, OpenDues[]>();
    const missing: RuleRowsWanted = { dated: new Map(), dues: [] };
    const ownOf = (party: string) => { const own = known.get(party); return own?.day === day ? own : undefined; };
    for (const [party, until] of wanted.dated) {
      const own = ownOf(party)?.dated;
      if (own && own.until === until) dated.set(party, own.rows);
      else missing.dated.set(party, until);
    }
    for (const party of wanted.dues) {
      const own = ownOf(party)?.dues;
      if (own) dues.set(party, own);
      else missing.dues.push(party);
    }
    const levels = wanted.levels ? ([...known.values()].find((k) => k.day === day && k.levels)?.levels ?? null) : null;
    if (wanted.levels && !levels) missing.levels = wanted.levels;
    const read = await this.fetch(trx, missing, day);
    return { dated: new Map([...dated, ...read.dated]), dues: new Map([...dues, ...read.dues]), levels: levels ?? read.levels };
  },

  /**
   * The same rows as columns of the decision's read (decision-io.ts: `p` the party's own policy,
   * `x.party` the party), each part only where that policy asks for it. SQLite and Postgres only: see `fetch`.
   */
  columns(day: string): { sql: string; bindings: unknown[]; read: (row: Record<string, unknown>) => OwnRuleRows } {
    const sql = dialectSql(strapi);
    const meta: any = strapi.db.metadata.get(POLICY_UID as any);
    const horizon = `p.${meta.attributes.horizonDays.columnName}`;
    const rules = meta.attributes.overdueRules.columnName as string;
    const levels = getService(strapi, 'overdue-reads').levelsTable();
    const until = sql.addDays('?', horizon);
    const rows = (select: string, pairs: [string, string][]) => `(select ${sql.jsonArray(sql.jsonObject(pairs))} from (${select}) s)`;
    const amount: [string, string] = ['amount', sql.asText('s.amount')];
    return {
      sql: [
        `case when ${horizon} is not null then ${until} end as r_until`,
        `case when ${horizon} is not null then ${rows(
          `select bucket, currency, max(day) as day, sum(amount_minor) as amount from ${TABLES.exposureDays} where party = x.party and day > ${until} group by bucket, currency`,
          [['bucket', 's.bucket'], ['currency', 's.currency'], ['day', 's.day'], amount]
        )} end as r_dated`,
        `case when p.${rules} is not null then ${rows(
          `select currency, min(case when amount_minor > 0 then day end) as day, sum(amount_minor) as amount from ${TABLES.openDues} where party = x.party and day < ? group by currency`,
          [['currency', 's.currency'], ['day', 's.day'], amount]
        )} end as r_dues`,
        `case when p.${rules} is not null then ${rows(`select ?? as r, min(??) as delay from ?? group by ??`, [['rank', 's.r'], ['delay', 's.delay']])} end as r_levels`,
      ].join(', '),
      bindings: [day, day, day, levels.rank, levels.delay, levels.table, levels.rank],
      read: (row) => {
        const list = (value: unknown) => (jsonValue(value) ?? []) as any[];
        const own: OwnRuleRows = { day };
        if (typeof row.r_until === 'string') {
          const byParty = new Map<string, DatedRow[]>([['', []]]);
          list(row.r_dated).forEach((r) => pushDated(byParty, { ...r, party: '' }));
          own.dated = { until: row.r_until, rows: byParty.get('')! };
        }
        if (row[rules] !== null && row[rules] !== undefined) {
          own.dues = list(row.r_dues).map(toOpenDues);
          own.levels = list(row.r_levels).map((r) => ({ rank: Number(r.rank), minDaysOverdue: Number(r.delay) }));
        }
        return own;
      },
    };
  },

  /** Reads the rows asked for, in one statement where the database allows. */
  async fetch(trx: Knex, wanted: RuleRowsWanted, day: string): Promise<RuleRows> {
    const store = getService(strapi, 'exposure-store');
    const dated = new Map<string, DatedRow[]>([...wanted.dated.keys()].map((p) => [p, []]));
    const dues = new Map<string, OpenDues[]>(wanted.dues.map((p) => [p, []]));
    const parts = [wanted.dated.size > 0, wanted.dues.length > 0, Boolean(wanted.levels)].filter(Boolean).length;
    if (parts === 0) return { dated, dues, levels: null };
    if (dialectSql(strapi).readsSnapshot || parts === 1) {
      return {
        dated: wanted.dated.size ? await store.readDated(trx, wanted.dated) : dated,
        dues: wanted.dues.length ? await store.readDues(trx, wanted.dues, day) : dues,
        levels: wanted.levels ? await this.levels(trx, wanted.levels) : null,
      };
    }
    // Postgres types a union's columns branch by branch: `extra` is typed in every branch (two bare
    // nulls would make it text, which the levels' integer cannot join)
    const selects: string[] = [];
    const bindings: unknown[] = [];
    const list = (parties: string[]) => parties.map(() => '?').join(', ');
    if (wanted.dated.size) {
      const beyond = [...wanted.dated].map(() => '(party = ? and day > ?)').join(' or ');
      selects.push(`select 'x' as k, party, bucket, currency, max(day) as day, sum(amount_minor) as amount, cast(null as integer) as extra from ?? where ${beyond} group by party, bucket, currency`);
      bindings.push(TABLES.exposureDays, ...[...wanted.dated].flat());
    }
    if (wanted.dues.length) {
      selects.push(`select 'd' as k, party, null as bucket, currency, min(case when amount_minor > 0 then day end) as day, sum(amount_minor) as amount, cast(null as integer) as extra
        from ?? where party in (${list(wanted.dues)}) and day < ? group by party, currency`);
      bindings.push(TABLES.openDues, ...wanted.dues, day);
    }
    if (wanted.levels) {
      selects.push(`select 'l' as k, null as party, null as bucket, null as currency, null as day, ?? as amount, min(??) as extra from ?? group by ??`);
      bindings.push(wanted.levels.rank, wanted.levels.delay, wanted.levels.table, wanted.levels.rank);
    }
    const rows: any[] = dialectSql(strapi).rowsOf(await prepared(strapi, trx.raw(selects.join(' union all '), bindings as any[])));
    const levels: LevelDelay[] = [];
    for (const row of rows) {
      if (row.k === 'x') pushDated(dated, row);
      else if (row.k === 'd') dues.get(row.party)?.push(toOpenDues(row));
      else levels.push({ rank: Number(row.amount), minDaysOverdue: Number(row.extra) });
    }
    return { dated, dues, levels: wanted.levels ? levels : null };
  },

  /** Each rank's smallest delay, as stored. */
  async levels(trx: Knex, { table, rank, delay }: NonNullable<RuleRowsWanted['levels']>): Promise<LevelDelay[]> {
    const rows: any[] = await trx(table).select({ rank }).min({ delay }).groupBy(rank);
    return rows.map((r) => ({ rank: Number(r.rank), minDaysOverdue: Number(r.delay) }));
  },
});

export default ruleRows;
export type RuleRowsService = ReturnType<typeof ruleRows>;
