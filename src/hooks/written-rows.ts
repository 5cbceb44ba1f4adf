/** The rows a document-service write touched, for the middlewares that keep read models in step with it. */
import type { Core } from '@strapi/strapi';
import { tableOf, withKnex } from '../repositories/sql';

/** The document-service actions that write: the read models' middlewares act on these alone. */
export const DOCUMENT_WRITES = ['create', 'clone', 'update', 'delete', 'publish', 'unpublish', 'discardDraft'];

/** The row ids a document-service call wrote, from its result (an entry, or `{ entries }`). */
export function idsOfResult(result: any): number[] | null {
  if (result && typeof result.id === 'number') return [result.id];
  if (Array.isArray(result?.entries) && result.entries.every((e: any) => typeof e?.id === 'number')) return result.entries.map((e: any) => e.id);
  return null;
}

/** The row ids of a document (none without a document id), in the current transaction. */
export const idsOfDocument = (strapi: Core.Strapi, uid: string, documentId: string | undefined): Promise<number[]> =>
  documentId ? withKnex(strapi, async (knex) => (await knex(tableOf(strapi, uid)).select('id').where('document_id', documentId)).map((r: any) => Number(r.id))) : Promise.resolve([]);
