import type { Core } from '@strapi/strapi';

/**
 * Reads whose size follows the data stay bounded in statement size: a populate binds one variable per
 * row it populates, and SQLite refuses a statement past 32,766 variables (a party with a long history
 * has more open invoices than that). Rows are read in keyset batches of ids, lists in chunks.
 */
export const READ_BATCH = 2000;

/** Keyset batches: `read` gives up to `size` rows in id order after `afterId`; each batch is yielded until one comes short. */
export async function* keysetBatches(read: (afterId: number, size: number) => Promise<any[]>, size = READ_BATCH): AsyncGenerator<any[]> {
  let lastId = 0;
  for (;;) {
    const rows = await read(lastId, size);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    lastId = rows[rows.length - 1].id;
  }
}

/** `findMany` in id order, `size` rows a statement. `select`, if given, must include `id`. */
export function findInBatches(strapi: Core.Strapi, uid: string, params: { where: Record<string, unknown>; populate?: unknown; select?: string[] }, size = READ_BATCH): AsyncGenerator<any[]> {
  return keysetBatches(
    (afterId, limit) => strapi.db.query(uid as any).findMany({ ...params, where: { $and: [params.where, { id: { $gt: afterId } }] }, orderBy: [{ id: 'asc' }], limit } as any),
    size
  );
}

/** Every row of `findInBatches`, for reads whose result is needed whole. */
export async function findAllInBatches(strapi: Core.Strapi, uid: string, params: { where: Record<string, unknown>; populate?: unknown; select?: string[] }, size = READ_BATCH): Promise<any[]> {
  const out: any[] = [];
  for await (const rows of findInBatches(strapi, uid, params, size)) out.push(...rows);
  return out;
}

/** `list` in pieces of `size`, for `$in` criteria. */
export function chunksOf<T>(list: T[], size = READ_BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
