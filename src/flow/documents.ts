import type { Core } from '@strapi/strapi';
import type { FlowEdge } from '../domain/flow/edges';
import type { MadeDocument } from '../domain/flow/taken';
import { idsReaching } from './link-tables';

/** A flow document as stored: header fields, priced lines with their keys, and links. */
export type StoredDocument = Record<string, any> & { id: number; documentId: string; lines?: StoredLine[] };
export interface StoredLine {
  id: number;
  key: string | null;
  sourceKey: string | null;
  quantity: string | number;
  unitPrice: string | number;
  amountExclTax: string | number | null;
  label?: string | null;
  [field: string]: unknown;
}

const hasLines = (strapi: Core.Strapi, uid: string) => 'lines' in (((strapi.getModel(uid as any) as any)?.attributes ?? {}) as object);

/** Reads one document with its lines (and the given relations), inside the current transaction. */
export async function readDocument(strapi: Core.Strapi, uid: string, documentId: string, populate: Record<string, unknown> = {}): Promise<StoredDocument | null> {
  return strapi.db.query(uid as any).findOne({
    where: { documentId },
    populate: { ...(hasLines(strapi, uid) ? { lines: true } : {}), ...populate },
  }) as Promise<StoredDocument | null>;
}

/** The documentIds a document's link names (one source, several, or none). */
export function linkedIds(doc: StoredDocument | null, edge: FlowEdge): string[] {
  const value = doc?.[edge.link];
  if (!value) return [];
  return (Array.isArray(value) ? value : [value]).map((v: any) => v?.documentId).filter((id): id is string => typeof id === 'string');
}

/** Every document made from `sourceId` through `edge` (any state), as the taken/held sums need them. */
export async function madeFrom(strapi: Core.Strapi, edge: FlowEdge, sourceId: string): Promise<MadeDocument[]> {
  const ids = await idsReaching(strapi, edge.to, [edge.link], [sourceId]);
  if (ids.length === 0) return [];
  const where: Record<string, unknown> = { id: { $in: ids } };
  if (edge.when) where[edge.when.field] = { $in: edge.when.in };
  const rows: any[] = await strapi.db.query(edge.to as any).findMany({
    where,
    select: ['id', 'documentId', 'state', 'amountExclTax'],
    populate: {
      lines: { select: ['id', 'key', 'sourceKey', 'quantity', 'amountExclTax'] },
      ...(edge.many ? { [edge.link]: { select: ['documentId'] } } : {}),
    },
  });
  return rows.map((row) => ({
    documentId: row.documentId,
    state: row.state,
    amountExclTax: String(row.amountExclTax ?? 0),
    lines: (row.lines ?? []).map((l: any) => ({ key: l.key, sourceKey: l.sourceKey, quantity: String(l.quantity ?? 0), amountExclTax: String(l.amountExclTax ?? 0) })),
    sourceCount: edge.many ? (row[edge.link]?.length ?? 1) : 1,
  }));
}

/**
 * Postgres: locks the rows of the given documents, in a stable order, to the end of the
 * transaction, so two writes that pass on from one source take turns. SQLite: the write
 * transaction already holds the database.
 */
export async function lockDocuments(strapi: Core.Strapi, uid: string, documentIds: string[]): Promise<void> {
  if (strapi.db.dialect.client !== 'postgres' || documentIds.length === 0) return;
  const { tableName } = strapi.db.metadata.get(uid as any) as unknown as { tableName: string };
  const ids = [...new Set(documentIds)].sort();
  // inside a transaction, this joins it
  await strapi.db.transaction(async ({ trx }: any) =>
    trx.raw(`select id from ?? where document_id in (${ids.map(() => '?').join(', ')}) order by document_id for update`, [tableName, ...ids])
  );
}
