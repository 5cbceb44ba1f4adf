import type { Core } from '@strapi/strapi';
import type { DocumentMapping, DocumentState, Mapping } from '../core';
import { createStateQuery, statePopulate, valueFields, type StateQuery } from './state-query';

export { statePopulate, valueFields };

type Knex = Core.Strapi['db']['connection'];

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

  const statesOf = (doc: DocumentMapping, mapping: Mapping, rows: any[]) => rows.map((row: any) => toState(doc, mapping, row));

  return {
    queryFor,
    /** `knex`: the write's transaction (a raw read outside it would wait on SQLite's single connection). */
    async read(doc: DocumentMapping, mapping: Mapping, documentId: string, knex: Knex = strapi.db.connection): Promise<DocumentState[]> {
      return statesOf(doc, mapping, await queryFor(doc, mapping).byDocumentId(knex, documentId));
    },
    /**
     * `read`, locking the parties of what it reads in the same statement where the database can
     * (Postgres; `locked` says so), as `exposure-store` `lock` would after it.
     */
    async readLocking(doc: DocumentMapping, mapping: Mapping, documentId: string, knex: Knex): Promise<{ states: DocumentState[]; locked: boolean }> {
      const query = queryFor(doc, mapping);
      const rows = await query.byDocumentIdLocking(knex, documentId);
      if (rows === null) return { states: statesOf(doc, mapping, await query.byDocumentId(knex, documentId)), locked: false };
      return { states: statesOf(doc, mapping, rows), locked: true };
    },
  };
};

export default statesService;
