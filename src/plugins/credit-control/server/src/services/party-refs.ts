import type { Core } from '@strapi/strapi';

/** The party documentIds that relation input names (id, documentId, connect/set, arrays). */
export async function partiesNamedIn(strapi: Core.Strapi, partyUid: string, inputs: unknown[]): Promise<string[]> {
  const documentIds = new Set<string>();
  const ids = new Set<number>();
  const visit = (value: unknown): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value === 'number') return void ids.add(value);
    if (typeof value === 'string') return void (/^\d+$/.test(value) ? ids.add(Number(value)) : documentIds.add(value));
    if (typeof value === 'object') {
      const v = value as Record<string, unknown>;
      if (typeof v.documentId === 'string') documentIds.add(v.documentId);
      else if (v.id !== undefined) visit(v.id);
      visit(v.connect);
      visit(v.set);
    }
  };
  inputs.forEach(visit);
  if (ids.size > 0) {
    const rows = await strapi.db.query(partyUid as any).findMany({ where: { id: { $in: [...ids] } }, select: ['documentId'] });
    rows.forEach((row: { documentId: string }) => documentIds.add(row.documentId));
  }
  return [...documentIds];
}
