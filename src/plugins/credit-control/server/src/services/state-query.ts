import type { Core } from '@strapi/strapi';
import type { DocumentMapping, Mapping } from '../core';
import { isDraftAndPublish, publishedOnly } from './draft-publish';
import { prepared } from './prepared';
import { attributeValue } from './raw-rows';

type Knex = Core.Strapi['db']['connection'];

const NUMERIC = new Set(['decimal', 'float', 'integer', 'biginteger']);

/** The fields a document mapping reads, besides its relations. */
export function valueFields(doc: DocumentMapping): string[] {
  const fields = [doc.amountField, ...doc.minus, doc.unpaidShare?.paidField, doc.unpaidShare?.totalField, doc.open?.field, doc.negativeWhen?.field, doc.labelField, doc.horizonDateField, doc.dueDateField, doc.dueWhen?.field];
  return [...new Set(fields.filter((f): f is string => Boolean(f)))];
}

/** Relations to populate (party fields and currency), selecting only the key we need. */
export function statePopulate(doc: DocumentMapping, mapping: Mapping): Record<string, { select: string[] }> {
  const populate: Record<string, { select: string[] }> = {};
  for (const field of doc.partyFields) populate[field] = { select: ['documentId'] };
  if (doc.currencyField && mapping.currency.uid) populate[doc.currencyField] = { select: [mapping.currency.codeField] };
  return populate;
}

/** A relation's path in SQL: through its join table, or by a foreign key on the row. */
interface RelationJoin {
  field: string;
  targetTable: string;
  joinTable?: { name: string; joinColumn: string; referencedColumn: string; inverseJoinColumn: string; inverseReferencedColumn: string };
  foreignKey?: string;
}

/**
 * Reads documents as the engine counts them in one SQL statement (its party and currency
 * relations as subqueries), instead of the query engine's one statement per populated relation:
 * this runs on every checked write and on each page of a reconcile. Rows come out in the shape
 * `toState` reads, as the query engine would give them (booleans as booleans).
 */
export function createStateQuery(strapi: Core.Strapi, doc: DocumentMapping, mapping: Mapping) {
  const metadata = (uid: string): any => strapi.db.metadata.get(uid as any);
  const meta = metadata(doc.uid);
  const fields = valueFields(doc);
  const predicateFields = new Set([doc.open?.field, doc.negativeWhen?.field, doc.dueWhen?.field].filter(Boolean));
  const draftAndPublish = isDraftAndPublish(strapi, doc.uid);

  const relationJoin = (field: string): RelationJoin | null => {
    const attribute = meta.attributes[field];
    if (attribute?.type !== 'relation' || !attribute.target) return null;
    const targetTable = metadata(attribute.target).tableName;
    const jt = attribute.joinTable;
    if (jt && !jt.on && !jt.morphColumn) {
      return {
        field,
        targetTable,
        joinTable: {
          name: jt.name,
          joinColumn: jt.joinColumn.name,
          referencedColumn: jt.joinColumn.referencedColumn,
          inverseJoinColumn: jt.inverseJoinColumn.name,
          inverseReferencedColumn: jt.inverseJoinColumn.referencedColumn,
        },
      };
    }
    if (attribute.joinColumn?.name && attribute.owner !== false && !jt) return { field, targetTable, foreignKey: attribute.joinColumn.name };
    return null;
  };

  const parties = doc.partyFields.map(relationJoin);
  const currencyRelation = doc.currencyField && mapping.currency.uid ? relationJoin(doc.currencyField) : null;
  const currencyCodeColumn = mapping.currency.uid ? metadata(mapping.currency.uid).attributes[mapping.currency.codeField]?.columnName : null;
  /** false when a mapped relation has a shape this reader does not handle: the query engine reads instead */
  const supported = parties.every(Boolean) && (!doc.currencyField || !mapping.currency.uid || (currencyRelation && currencyCodeColumn));

  const column = (field: string): string => meta.attributes[field]?.columnName ?? field;

  /**
   * A relation's key as a correlated subquery (its first link): Postgres plans a few small
   * subqueries in a fraction of the time it takes to order a seven-table join, on every write.
   */
  const related = (knex: Knex, relation: RelationJoin, column: string, alias: string) => {
    const sub: any = knex({ r: relation.targetTable }).select(`r.${column}`).limit(1);
    if (relation.joinTable) {
      const jt = relation.joinTable;
      sub.join({ l: jt.name }, `l.${jt.inverseJoinColumn}`, `r.${jt.inverseReferencedColumn}`).whereRaw('?? = ??', [`l.${jt.joinColumn}`, `t.${jt.referencedColumn}`]);
    } else sub.whereRaw('?? = ??', ['r.id', `t.${relation.foreignKey}`]);
    return sub.as(alias);
  };

  const select = (knex: Knex) => {
    const query: any = knex({ t: meta.tableName }).select('t.id as id', 't.document_id as documentId');
    fields.forEach((field, i) => query.select(`t.${column(field)} as v${i}`));
    parties.forEach((relation, i) => query.select(related(knex, relation!, 'document_id', `p${i}`)));
    if (currencyRelation) query.select(related(knex, currencyRelation, currencyCodeColumn, 'c'));
    else if (doc.currencyField) query.select(`t.${column(doc.currencyField)} as c`);
    if (draftAndPublish) query.whereNotNull('t.published_at');
    return query;
  };

  const value = (field: string, raw: unknown): unknown => {
    if (raw === null || raw === undefined) return null;
    const type = meta.attributes[field]?.type;
    // amounts stay exact (Postgres gives numeric as a string); a predicate compares numbers as numbers
    if (NUMERIC.has(type) && predicateFields.has(field)) return Number(raw);
    return attributeValue(type, raw);
  };

  /** Query rows to `toState` rows. */
  const toRows = (rows: any[]): any[] =>
    rows.map((raw) => {
      const row: any = { id: raw.id, documentId: raw.documentId };
      fields.forEach((field, i) => (row[field] = value(field, raw[`v${i}`])));
      doc.partyFields.forEach((field, i) => (row[field] = raw[`p${i}`] ? { documentId: raw[`p${i}`] } : null));
      if (doc.currencyField) row[doc.currencyField] = currencyRelation ? (raw.c ? { [mapping.currency.codeField]: raw.c } : null) : raw.c;
      return row;
    });

  /** The query engine's read of the same rows (one statement per populated relation). */
  const viaQueryEngine = (where: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<any[]> =>
    strapi.db.query(doc.uid as any).findMany({
      where: { ...where, ...publishedOnly(strapi, doc.uid) },
      select: ['id', 'documentId', ...fields],
      populate: statePopulate(doc, mapping),
      ...extra,
    });

  return {
    /** One document's counted rows (the published one for draft & publish types). */
    async byDocumentId(knex: Knex, documentId: string): Promise<any[]> {
      if (!supported) return viaQueryEngine({ documentId });
      return toRows(await prepared(strapi, select(knex).where('t.document_id', documentId)));
    },
    /** A keyset page in id order, for a scan of the whole table. */
    async page(knex: Knex, afterId: number, limit: number): Promise<any[]> {
      if (!supported) return viaQueryEngine({ id: { $gt: afterId } }, { orderBy: { id: 'asc' }, limit });
      return toRows(await select(knex).where('t.id', '>', afterId).orderBy('t.id', 'asc').limit(limit));
    },
  };
}

export type StateQuery = ReturnType<typeof createStateQuery>;
