import type { Core } from '@strapi/strapi';
import { linksAlong, tableOf, withKnex, type JoinTable } from '../repositories/sql';

/**
 * Row ids of `uid` whose relations along `path` (a relation, or a component then its relation:
 * `['allocations', 'invoice']`) reach one of `documentIds`, read on the link tables alone, inside
 * the current transaction. A Strapi where through a relation left-joins the whole `uid` table
 * first, and SQLite then scans every delivery, invoice or receipt (60 to 200 ms a read at a million
 * objects); from the documents' side, each link table's index answers at once. One statement a
 * hop, none once nothing is reached: a component table has no index on the component's id, so
 * the hop from components to their owners is read only for components that exist.
 */
export async function idsReaching(strapi: Core.Strapi, uid: string, path: string[], documentIds: string[]): Promise<number[]> {
  if (documentIds.length === 0) return [];
  const hops = linksAlong(strapi, uid, path);
  const tableName = tableOf(strapi, hops[hops.length - 1].target as string);
  const [last, ...before] = [...hops].reverse();
  // inside a transaction, on it
  return withKnex(strapi, async (trx) => {
    // a component link table holds every component field of its owner: only this one
    const onField = (query: any, join: JoinTable, alias: string) => {
      for (const [column, value] of Object.entries(join.on ?? {})) query.where(`${alias}.${column}`, value);
      return query;
    };
    const first = trx(`${tableName} as s`).join(`${last.name} as l`, `l.${last.inverseJoinColumn.name}`, 's.id').whereIn('s.document_id', documentIds);
    let ids: number[] = (await onField(first, last, 'l').distinct(`l.${last.joinColumn.name} as id`)).map((row: { id: number }) => row.id);
    for (const join of before) {
      if (ids.length === 0) break;
      const next = onField(trx(`${join.name} as l`).whereIn(`l.${join.inverseJoinColumn.name}`, ids), join, 'l');
      ids = (await next.distinct(`l.${join.joinColumn.name} as id`)).map((row: { id: number }) => row.id);
    }
    return ids;
  });
}
