import type { Core } from '@strapi/strapi';
import type { DocumentMapping, DocumentState, Mapping } from '../core';

/** The fields a document mapping reads, besides its relations. */
export function valueFields(doc: DocumentMapping): string[] {
  const fields = [doc.amountField, ...doc.minus, doc.unpaidShare?.paidField, doc.unpaidShare?.totalField, doc.open?.field, doc.negativeWhen?.field, doc.labelField];
  return [...new Set(fields.filter((f): f is string => Boolean(f)))];
}

/** Relations to populate (party fields and currency), selecting only the key we need. */
export function statePopulate(doc: DocumentMapping, mapping: Mapping): Record<string, { select: string[] }> {
  const populate: Record<string, { select: string[] }> = {};
  for (const field of doc.partyFields) populate[field] = { select: ['documentId'] };
  if (doc.currencyField && mapping.currency.uid) populate[doc.currencyField] = { select: [mapping.currency.codeField] };
  return populate;
}

export function toState(doc: DocumentMapping, mapping: Mapping, row: any): DocumentState {
  const partyField = doc.partyFields.find((field) => typeof row[field]?.documentId === 'string');
  const party: string | null = partyField ? row[partyField].documentId : null;
  const rawCurrency = doc.currencyField ? (mapping.currency.uid ? row[doc.currencyField]?.[mapping.currency.codeField] : row[doc.currencyField]) : undefined;
  const values: Record<string, unknown> = {};
  for (const field of valueFields(doc)) values[field] = row[field];
  return {
    documentId: row.documentId,
    party,
    ...(partyField ? { partyField } : {}),
    currency: typeof rawCurrency === 'string' && rawCurrency ? rawCurrency.toUpperCase() : mapping.currency.default,
    values,
  };
}

/** Reads a document as the engine counts it: for draft & publish types, the published version only. */
const statesService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async read(doc: DocumentMapping, mapping: Mapping, documentId: string): Promise<DocumentState[]> {
    const draftAndPublish = Boolean((strapi.contentTypes as any)[doc.uid]?.options?.draftAndPublish);
    const rows = await strapi.db.query(doc.uid as any).findMany({
      where: { documentId, ...(draftAndPublish ? { publishedAt: { $notNull: true } } : {}) },
      select: ['id', 'documentId', ...valueFields(doc)],
      populate: statePopulate(doc, mapping),
    });
    return rows.map((row: any) => toState(doc, mapping, row));
  },
});

export default statesService;
