/**
 * One page of a list that merges the rows of several types, newest first, read in SQL: a union of
 * each type's (id, date) sorted and cut by the database, so a later page costs one sort of the
 * customer's rows, never all of them read into the process.
 */
import type { Core } from '@strapi/strapi';
import type { PageParams } from '../http/paging';
import { columnOf, tableOf, withKnex } from './sql';

export interface MergedPart {
  uid: string;
  /** a subquery of the ids of `uid` the list holds (`idsLinkedToAny`) */
  ids: unknown;
  /** the date the list sorts on (a `date` attribute: every part's must be of one SQL type) */
  dateField: string;
  /** states left out of the list; `keepNoState`: a row without a state stays in */
  leaveOut?: { states: readonly string[]; keepNoState: boolean };
}

export interface MergedPage {
  /** how many rows each part holds, in the order of `parts` */
  totals: number[];
  /** the page's rows, in order: which part, and the row's id */
  rows: { part: number; id: number }[];
}

function partQuery(strapi: Core.Strapi, knex: any, part: MergedPart, index: number) {
  // the index is ours (a number), not input: inlined so Postgres knows the column's type in the union
  const query = knex(tableOf(strapi, part.uid))
    .select(knex.raw(`${Number(index)} as part`), 'id', { sort_date: columnOf(strapi, part.uid, part.dateField) })
    .whereIn('id', part.ids);
  const leaveOut = part.leaveOut;
  if (leaveOut?.states.length) {
    const state = columnOf(strapi, part.uid, 'state');
    query.where((q: any) => {
      q.whereNotIn(state, leaveOut.states);
      if (leaveOut.keepNoState) q.orWhereNull(state);
    });
  }
  return query;
}

/**
 * The totals of `parts` and page `page` of their rows merged, by date (newest first, undated last),
 * then part, then id (newest first): two statements whatever the page.
 */
export async function newestAcross(strapi: Core.Strapi, parts: MergedPart[], { page, pageSize }: PageParams): Promise<MergedPage> {
  if (parts.length === 0) return { totals: [], rows: [] };
  return withKnex(strapi, async (knex) => {
    const union = () => {
      const [first, ...rest] = parts.map((part, i) => partQuery(strapi, knex, part, i));
      return (rest.length ? first.unionAll(rest) : first).as('merged');
    };
    const [counts, rows] = await Promise.all([
      knex.from(union()).select('part').count({ n: '*' }).groupBy('part'),
      // knex's `nulls: 'last'` drops the column itself on SQLite (3.0.1): spelled out, the same on both
      knex.from(union()).select('part', 'id').orderByRaw('?? is null, ?? desc, ?? asc, ?? desc', ['sort_date', 'sort_date', 'part', 'id']).limit(pageSize).offset((page - 1) * pageSize),
    ]);
    const totals = parts.map((_, i) => Number((counts as any[]).find((c) => Number(c.part) === i)?.n ?? 0));
    return { totals, rows: (rows as any[]).map((r) => ({ part: Number(r.part), id: Number(r.id) })) };
  });
}
