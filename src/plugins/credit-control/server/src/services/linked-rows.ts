import type { Core } from '@strapi/strapi';

/**
 * Wheres on a relation read from its join table, from the related side. The query engine writes
 * `{ party: { documentId: { $in } } }` as the whole table left-joined to the link and the target:
 * SQLite then scans every invoice to find a page of parties' open ones (about 1 s a thousand dunning
 * letters at a million documents). A relation of another shape keeps the engine's where.
 */
interface JoinTable {
  name: string;
  joinColumn: { name: string; referencedColumn: string };
  inverseJoinColumn: { name: string; referencedColumn: string };
  on?: unknown;
  morphColumn?: unknown;
}

function plainJoinTable(strapi: Core.Strapi, uid: string, field: string): { table: JoinTable; targetTable: string } | null {
  const attribute = (strapi.db.metadata.get(uid as any) as any).attributes[field];
  const table: JoinTable | undefined = attribute?.type === 'relation' ? attribute.joinTable : undefined;
  if (!table || table.on || table.morphColumn || !attribute.target) return null;
  return { table, targetTable: (strapi.db.metadata.get(attribute.target) as any).tableName };
}

/** Rows of `uid` whose `field` links to one of the target documents `documentIds`. */
export function whereLinkedToDocuments(strapi: Core.Strapi, uid: string, field: string, documentIds: string[]): Record<string, unknown> {
  const join = plainJoinTable(strapi, uid, field);
  if (!join) return { [field]: { documentId: { $in: documentIds } } };
  const { table, targetTable } = join;
  const knex = strapi.db.connection as any;
  const ids = knex({ l: table.name })
    .select(`l.${table.joinColumn.name}`)
    .join({ r: targetTable }, `r.${table.inverseJoinColumn.referencedColumn}`, `l.${table.inverseJoinColumn.name}`)
    .whereIn('r.document_id', documentIds);
  return { [table.joinColumn.referencedColumn]: { $in: ids } };
}

/** Rows of `uid` with no link in `field`. */
export function whereUnlinked(strapi: Core.Strapi, uid: string, field: string): Record<string, unknown> {
  const join = plainJoinTable(strapi, uid, field);
  if (!join) return { [field]: { id: { $null: true } } };
  const knex = strapi.db.connection as any;
  const linked = knex(join.table.name).select(join.table.joinColumn.name).whereNotNull(join.table.joinColumn.name);
  return { [join.table.joinColumn.referencedColumn]: { $notIn: linked } };
}
