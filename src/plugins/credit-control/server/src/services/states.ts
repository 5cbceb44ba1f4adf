import type { Core } from '@strapi/strapi';
import type { DocumentMapping, DocumentState, Mapping } from '../core';
import { dialectSql } from './dialect';
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
     * `read` and the decision's inputs of the parties it names (`over` builds decision-io.ts
     * `readOver`, asked only where the database can) in one statement, where the database can; null where it cannot. `locked`: the parties are
     * locked there too (Postgres, as `exposure-store` `lock` would after it), and `current`: the
     * inputs are what the locks protect (else read them again, now that the locks are held).
     */
    async readWithInputs(doc: DocumentMapping, mapping: Mapping, documentId: string, knex: Knex, over: () => { sql: string; bindings: unknown[] }): Promise<{ states: DocumentState[]; locked: boolean; statementRows: any[]; current: boolean } | null> {
      const read = await queryFor(doc, mapping).byDocumentIdWith(knex, documentId, over);
      if (read === null) return null;
      const locked = dialectSql(strapi).rowLocks;
      return { states: statesOf(doc, mapping, read.rows), locked, statementRows: read.statementRows, current: !locked || read.statementRows.every(lockedAfterSeen) };
    },
  };
};

/** A party's lock version as its lock left it is one more than the statement saw: no other lock holder came between. */
const lockedAfterSeen = (row: { x_party?: unknown; v_seen?: unknown; v_locked?: unknown }): boolean =>
  row.x_party === null || row.x_party === undefined || Number(row.v_locked) === (row.v_seen === null || row.v_seen === undefined ? 0 : Number(row.v_seen) + 1);

export default statesService;
