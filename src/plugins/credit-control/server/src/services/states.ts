import type { Core } from '@strapi/strapi';
import type { DocumentMapping, DocumentState, Mapping } from '../core';
import { publishedOnly } from './draft-publish';
import { createStateQuery, valueFields, type StateQuery } from './state-query';

export { valueFields };

type Knex = Core.Strapi['db']['connection'];

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
const statesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const queries = new Map<string, StateQuery>();
  const queryFor = (doc: DocumentMapping, mapping: Mapping): StateQuery => {
    if (!queries.has(doc.uid)) queries.set(doc.uid, createStateQuery(strapi, doc, mapping));
    return queries.get(doc.uid)!;
  };

  return {
    queryFor,
    /** `knex`: the write's transaction (a raw read outside it would wait on SQLite's single connection). */
    async read(doc: DocumentMapping, mapping: Mapping, documentId: string, knex: Knex = strapi.db.connection): Promise<DocumentState[]> {
      const query = queryFor(doc, mapping);
      const rows = query.supported
        ? await query.byDocumentId(knex, documentId)
        : await strapi.db.query(doc.uid as any).findMany({
            where: { documentId, ...publishedOnly(strapi, doc.uid) },
            select: ['id', 'documentId', ...valueFields(doc)],
            populate: statePopulate(doc, mapping),
          });
      return rows.map((row: any) => toState(doc, mapping, row));
    },
  };
};

export default statesService;
