import Decimal from 'decimal.js';
import { DERIVED } from '../../src/domain/flow/derived';
import { derivedOf } from '../../src/flow/derive';
import { readDocument } from '../../src/flow/documents';

export const FLOW_TYPES = Object.keys(DERIVED);

/** A stored value against what the flow derives: money to the cent, the rest as text. */
function same(stored: unknown, derived: unknown): boolean {
  if (derived === null || derived === undefined) return stored === null || stored === undefined;
  if (typeof derived === 'string' && /^-?\d+\.\d{2}$/.test(derived)) return new Decimal(String(stored ?? 0)).toFixed(2) === derived;
  return String(stored ?? '') === String(derived);
}

/**
 * Every document of `uid` (or those with the given ids) whose stored derived figures or state
 * differ from what `derivedOf` computes from its links: what `refreshDerived` would write.
 */
export async function derivedDrift(strapi: any, uid: string, ids?: number[]): Promise<{ number: string; field: string; stored: unknown; derived: unknown }[]> {
  const rows: any[] = await strapi.db.query(uid).findMany({ select: ['id', 'documentId'], ...(ids ? { where: { id: { $in: ids } } } : {}), orderBy: { id: 'asc' } });
  const drift: { number: string; field: string; stored: unknown; derived: unknown }[] = [];
  for (const row of rows) {
    const doc = await readDocument(strapi, uid, row.documentId, uid === 'api::receipt.receipt' ? { allocations: true } : {});
    if (!doc) continue;
    for (const [field, value] of Object.entries(await derivedOf(strapi, uid, doc))) {
      if (!same(doc[field], value)) drift.push({ number: doc.number, field, stored: doc[field], derived: value });
    }
  }
  return drift;
}
