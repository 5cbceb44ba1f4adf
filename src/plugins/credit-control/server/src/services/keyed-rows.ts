import type { Core } from '@strapi/strapi';
import type { Mapping } from '../core';
import { isDraftAndPublish, publishedOnly } from './draft-publish';
import { attributeValue } from './raw-rows';
import { relatedColumn, relationJoin } from './relation-sql';

type Knex = Core.Strapi['db']['connection'];

const NUMERIC = new Set(['decimal', 'float', 'integer', 'biginteger']);

/** Which rows' values a reader gives: scalar fields, party relations (their documentId) and the currency. */
export interface KeyedRowsSpec {
  uid: string;
  fields: string[];
  partyFields: string[];
  currencyField?: string;
  /** numeric fields handed as numbers (a predicate compares them), not as the driver gives them */
  numbers?: string[];
}

/** Relations to populate (party fields and currency), selecting only the key read. */
export function keyedPopulate(spec: Pick<KeyedRowsSpec, 'partyFields' | 'currencyField'>, mapping: Mapping): Record<string, { select: string[] }> {
  const populate: Record<string, { select: string[] }> = {};
  for (const field of spec.partyFields) populate[field] = { select: ['documentId'] };
  if (spec.currencyField && mapping.currency.uid) populate[spec.currencyField] = { select: [mapping.currency.codeField] };
  return populate;
}

/** The query engine's select of the same rows: a currency held on the row as a code is a column too. */
export function keyedSelect(spec: Pick<KeyedRowsSpec, 'fields' | 'currencyField'>, mapping: Mapping): string[] {
  const scalarCurrency = spec.currencyField && !mapping.currency.uid ? [spec.currencyField] : [];
  return [...new Set(['id', 'documentId', ...spec.fields, ...scalarCurrency])];
}

/**
 * Published rows of `spec.uid` in one SQL statement, their party and currency relations as
 * correlated subqueries, instead of the query engine's statement per populated relation (and its
 * conversion of every row): checked writes, reconciles and reports read through it. Rows come out
 * as the query engine would give them (`{ party: { documentId } }`, booleans as booleans, dates as
 * text). `supported` is false when a relation has a shape this does not handle: callers then read
 * through `viaQueryEngine`, which gives the same rows.
 */
export function keyedRows(strapi: Core.Strapi, mapping: Mapping, spec: KeyedRowsSpec) {
  const metadata = (uid: string): any => strapi.db.metadata.get(uid as any);
  const meta = metadata(spec.uid);
  const numbers = new Set(spec.numbers ?? []);
  const parties = spec.partyFields.map((field) => relationJoin(strapi, spec.uid, field));
  const currencyRelation = spec.currencyField && mapping.currency.uid ? relationJoin(strapi, spec.uid, spec.currencyField) : null;
  const currencyCodeColumn = mapping.currency.uid ? metadata(mapping.currency.uid).attributes[mapping.currency.codeField]?.columnName : null;
  const supported = Boolean(parties.every(Boolean) && (!spec.currencyField || !mapping.currency.uid || (currencyRelation && currencyCodeColumn)));

  const partyColumns = spec.partyFields.map((_, i) => `p${i}`);
  const hasCurrency = Boolean(currencyRelation || spec.currencyField);
  const columns = ['id', 'documentId', ...spec.fields.map((_, i) => `v${i}`), ...partyColumns, ...(hasCurrency ? ['c'] : [])];

  /** A field's column, for the caller's where clauses on the row aliased `t`. */
  const column = (field: string): string => `t.${meta.attributes[field]?.columnName ?? field}`;

  const value = (field: string, raw: unknown): unknown => {
    if (raw === null || raw === undefined) return null;
    const type = meta.attributes[field]?.type;
    // amounts stay as the driver gives them (exact on Postgres and MySQL); a predicate compares numbers as numbers
    if (NUMERIC.has(type) && numbers.has(field)) return Number(raw);
    return attributeValue(type, raw);
  };

  return {
    supported,
    column,
    /** the select's columns of the party fields' document ids, in `spec.partyFields` order */
    partyColumns,
    /** every column the select gives, by its alias (a statement that selects it beside others renames them: `toRows`' prefix) */
    columns,
    /** The select on the table aliased `t`, published rows only; the caller adds its where, order and limit. */
    select(knex: Knex): any {
      const query: any = knex({ t: meta.tableName }).select('t.id as id', 't.document_id as documentId');
      spec.fields.forEach((field, i) => query.select(`${column(field)} as v${i}`));
      parties.forEach((relation, i) => query.select(relatedColumn(knex, relation!, 'document_id', partyColumns[i])));
      if (currencyRelation) query.select(relatedColumn(knex, currencyRelation, currencyCodeColumn, 'c'));
      else if (spec.currencyField) query.select(`${column(spec.currencyField)} as c`);
      if (isDraftAndPublish(strapi, spec.uid)) query.whereNotNull('t.published_at');
      return query;
    },
    /** The select's rows as the query engine gives them; `prefix`: the select's columns renamed with it in a larger statement. */
    toRows(rows: any[], prefix = ''): any[] {
      const [id, documentId, c] = [`${prefix}id`, `${prefix}documentId`, `${prefix}c`];
      const values = spec.fields.map((_, i) => `${prefix}v${i}`);
      const parties = partyColumns.map((p) => `${prefix}${p}`);
      return rows.map((raw) => {
        const row: any = { id: raw[id], documentId: raw[documentId] };
        spec.fields.forEach((field, i) => (row[field] = value(field, raw[values[i]])));
        spec.partyFields.forEach((field, i) => (row[field] = raw[parties[i]] ? { documentId: raw[parties[i]] } : null));
        if (spec.currencyField) row[spec.currencyField] = currencyRelation ? (raw[c] ? { [mapping.currency.codeField]: raw[c] } : null) : raw[c];
        return row;
      });
    },
    /** The query engine's read of the same rows (one statement per populated relation). */
    viaQueryEngine(where: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<any[]> {
      return strapi.db.query(spec.uid as any).findMany({
        where: { $and: [where, publishedOnly(strapi, spec.uid)] },
        select: keyedSelect(spec, mapping),
        populate: keyedPopulate(spec, mapping),
        ...extra,
      });
    },
  };
}

export type KeyedRows = ReturnType<typeof keyedRows>;
