import type { Core } from '@strapi/strapi';
import type { DatedRow, LevelDelay, OpenDues } from '../core';
import { dialectSql } from './dialect';
import { prepared } from './prepared';
import { pushDated, summedMinor } from './exposure-store';
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
  async read(trx: Knex, wanted: RuleRowsWanted, day: string): Promise<RuleRows> {
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
      else if (row.k === 'd') dues.get(row.party)?.push({ currency: row.currency, oldestPastDue: row.day ?? null, pastDueMinor: summedMinor(row.amount) });
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
