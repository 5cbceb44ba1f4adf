import type { Core } from '@strapi/strapi';
import { relationJoin } from './relation-sql';

/**
 * Wheres on a relation read from its join table, from the related side. The query engine writes
 * `{ party: { documentId: { $in } } }` as the whole table left-joined to the link and the target:
 * SQLite then scans every invoice to find a page of parties' open ones (about 1 s a thousand dunning
 * letters at a million documents). A relation of another shape keeps the engine's where.
 */

/** The relation's join table and its target's table; null for a foreign key or another shape. */
function plainJoinTable(strapi: Core.Strapi, uid: string, field: string) {
  const relation = relationJoin(strapi, uid, field);
  return relation?.joinTable ? { table: relation.joinTable, targetTable: relation.targetTable } : null;
}

/** The ids (in `column` of `uid`'s table) of the rows whose `field` links to one of `documentIds`, as a subquery; null for another shape. */
export function linkedIds(strapi: Core.Strapi, uid: string, field: string, documentIds: string[]): { column: string; ids: any } | null {
  const join = plainJoinTable(strapi, uid, field);
  if (!join) return null;
  const { table, targetTable } = join;
  const knex = strapi.db.connection as any;
  const ids = knex({ l: table.name })
    .select(`l.${table.joinColumn}`)
    .join({ r: targetTable }, `r.${table.inverseReferencedColumn}`, `l.${table.inverseJoinColumn}`)
    .whereIn('r.document_id', documentIds);
  return { column: table.referencedColumn, ids };
}

/** The ids of the rows of `uid` that have a link in `field`, as a subquery; null for another shape. */
export function anyLinkedIds(strapi: Core.Strapi, uid: string, field: string): { column: string; ids: any } | null {
  const join = plainJoinTable(strapi, uid, field);
  if (!join) return null;
  const knex = strapi.db.connection as any;
  return { column: join.table.referencedColumn, ids: knex(join.table.name).select(join.table.joinColumn).whereNotNull(join.table.joinColumn) };
}

/** Rows of `uid` whose `field` links to one of the target documents `documentIds`. */
export function whereLinkedToDocuments(strapi: Core.Strapi, uid: string, field: string, documentIds: string[]): Record<string, unknown> {
  const linked = linkedIds(strapi, uid, field, documentIds);
  return linked ? { [linked.column]: { $in: linked.ids } } : { [field]: { documentId: { $in: documentIds } } };
}

/** Rows of `uid` with no link in `field`. */
export function whereUnlinked(strapi: Core.Strapi, uid: string, field: string): Record<string, unknown> {
  const linked = anyLinkedIds(strapi, uid, field);
  return linked ? { [linked.column]: { $notIn: linked.ids } } : { [field]: { id: { $null: true } } };
}

/**
 * Rows of `uid` whose numeric `field` exceeds `other` (a missing `other` counts as 0), compared on the
 * row itself: the query engine has no column-to-column operator, and an `id in (…)` list would read
 * the whole table. `t0` is the engine's alias of a query's own table.
 */
export function whereExceeds(strapi: Core.Strapi, uid: string, field: string, other: string): Record<string, unknown> {
  const attributes = (strapi.db.metadata.get(uid as any) as any).attributes;
  const knex = strapi.db.connection as any;
  return { [field]: { $gt: knex.raw('coalesce(??, 0)', [`t0.${attributes[other].columnName}`]) } };
}
