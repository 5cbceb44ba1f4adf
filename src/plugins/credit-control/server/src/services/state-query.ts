import type { Core } from '@strapi/strapi';
import type { DocumentMapping, Mapping } from '../core';
import { compileQuery, compiledCache, param, type CompiledQuery } from './compiled-query';
import { dialectSql } from './dialect';
import { keyedPopulate, keyedRows } from './keyed-rows';
import { runPrepared } from './prepared';

type Knex = Core.Strapi['db']['connection'];

/** The fields a document mapping reads, besides its relations. */
export function valueFields(doc: DocumentMapping): string[] {
  const fields = [doc.amountField, ...doc.minus, doc.unpaidShare?.paidField, doc.unpaidShare?.totalField, doc.open?.field, doc.negativeWhen?.field, doc.labelField, doc.horizonDateField, doc.dueDateField, doc.dueWhen?.field];
  return [...new Set(fields.filter((f): f is string => Boolean(f)))];
}

/** Relations to populate (party fields and currency), selecting only the key we need. */
export const statePopulate = (doc: DocumentMapping, mapping: Mapping) => keyedPopulate(doc, mapping);

/**
 * Reads documents as the engine counts them in one SQL statement (keyed-rows.ts): this runs on
 * every checked write and on each page of a reconcile. Rows come out in the shape `toState` reads.
 */
export function createStateQuery(strapi: Core.Strapi, doc: DocumentMapping, mapping: Mapping) {
  const numbers = [doc.open?.field, doc.negativeWhen?.field, doc.dueWhen?.field].filter((f): f is string => Boolean(f));
  const rows = keyedRows(strapi, mapping, { uid: doc.uid, fields: valueFields(doc), partyFields: doc.partyFields, currencyField: doc.currencyField, numbers });
  // every checked write runs it: built once, run by its text
  let byId: CompiledQuery | undefined;
  const byIdQuery = () => (byId ??= compileQuery(rows.select(strapi.db.connection).where('t.document_id', param(0))));
  // by the text of the read over the parties (it changes with the day)
  const withTexts = compiledCache<string>(8);
  const run = async (knex: Knex, query: CompiledQuery, documentId: string) =>
    rows.toRows(dialectSql(strapi).rowsOf(await runPrepared(strapi, knex, query.sql, query.bindings([documentId]))));

  return {
    /** One document's counted rows (the published one for draft & publish types). */
    async byDocumentId(knex: Knex, documentId: string): Promise<any[]> {
      if (!rows.supported) return rows.viaQueryEngine({ documentId });
      return run(knex, byIdQuery(), documentId);
    },
    /**
     * `byDocumentId` and a read over its parties (`overParties`: a select from `xp`, dialect.ts
     * `readWithInputs`, built only where the database can) in one statement; Postgres locks the parties there too. Gives the document's
     * rows and the statement's rows (the read's columns prefixed `s_`); null where the database cannot.
     */
    async byDocumentIdWith(knex: Knex, documentId: string, overParties: () => { sql: string; bindings: unknown[] }): Promise<{ rows: any[]; statementRows: any[] } | null> {
      const compose = dialectSql(strapi).readWithInputs;
      if (!rows.supported || !compose || rows.partyColumns.length === 0) return null;
      const over = overParties();
      const text = withTexts(over.sql, () => compose(byIdQuery().sql, rows.partyColumns, rows.columns, over.sql));
      const statementRows: any[] = dialectSql(strapi).rowsOf(await runPrepared(strapi, knex, text, [...byIdQuery().bindings([documentId]), ...over.bindings]));
      return { rows: rows.toRows(statementRows, 's_'), statementRows };
    },
    /** A keyset page in id order, for a scan of the whole table. */
    async page(knex: Knex, afterId: number, limit: number): Promise<any[]> {
      if (!rows.supported) return rows.viaQueryEngine({ id: { $gt: afterId } }, { orderBy: { id: 'asc' }, limit });
      return rows.toRows(await rows.select(knex).where('t.id', '>', afterId).orderBy('t.id', 'asc').limit(limit));
    },
  };
}

export type StateQuery = ReturnType<typeof createStateQuery>;
