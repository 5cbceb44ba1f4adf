import type { Core } from '@strapi/strapi';
import { containsPattern } from '../core';
import { dialectSql } from './dialect';
import { getService } from '../utils/get-service';

export interface PartyNames {
  /** the mapping's `party.codeField`, or null */
  code: string | null;
  /** the mapping's `party.labelField`, or null */
  name: string | null;
}

const text = (value: unknown) => (value === null || value === undefined || value === '' ? null : String(value));

/**
 * Parties as people name them: their label (`party.labelField`) and code (`party.codeField`), read by
 * documentId, and found by what a clerk types in either (case and accents ignored, in SQL).
 */
const partyLabelsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const party = () => getService(strapi, 'mapping').get().party;
  /** the party's table and the columns searched: code and label, or the documentId when neither is mapped */
  const columns = () => {
    const { uid, codeField, labelField } = party();
    const meta: any = strapi.db.metadata.get(uid as any);
    const column = (field: string) => meta.attributes[field]?.columnName ?? field;
    const fields = [codeField, labelField].filter((f): f is string => Boolean(f));
    return { table: meta.tableName as string, id: column('documentId'), code: codeField && column(codeField), name: labelField && column(labelField), searched: (fields.length > 0 ? fields : ['documentId']).map(column) };
  };
  /** a where clause: any searched column contains `q` */
  const matching = (q: string) => {
    const { searched } = columns();
    const { like } = dialectSql(strapi);
    const pattern = containsPattern(q);
    return (w: any) => {
      for (const column of searched) w.orWhereRaw(like, [column, pattern]);
    };
  };

  return {
    /** Code and label of each party found, by documentId. */
    async read(parties: string[]): Promise<Map<string, PartyNames>> {
      const { uid, labelField, codeField } = party();
      const wanted = [...new Set(parties.filter(Boolean))];
      const fields = [labelField, codeField].filter((f): f is string => Boolean(f));
      if (fields.length === 0 || wanted.length === 0) return new Map();
      const rows: Record<string, unknown>[] = await strapi.db
        .query(uid as any)
        .findMany({ where: { documentId: { $in: wanted } }, select: ['documentId', ...fields] });
      return new Map(rows.map((r) => [String(r.documentId), { code: codeField ? text(r[codeField]) : null, name: labelField ? text(r[labelField]) : null }]));
    },

    /** Parties' labels by documentId (none set: an empty map). */
    async of(parties: string[]): Promise<Map<string, string>> {
      const found = await this.read(parties);
      return new Map([...found].flatMap(([id, { name }]) => (name === null ? [] : [[id, name] as [string, string]])));
    },

    /** The documentIds of the parties whose code or label contains `q`, as a subquery (never a list in memory). */
    idsMatching(q: string) {
      const { table, id } = columns();
      return strapi.db.connection(table).select(id).where(matching(q));
    },

    /** At most `limit` parties whose code or label contains `q` (every party when `q` is empty), by label. */
    async search(q: string, limit: number): Promise<({ party: string } & PartyNames)[]> {
      const { table, id, code, name } = columns();
      // one row per party: a draft & publish party type has two rows per documentId
      const query = strapi.db
        .connection(table)
        .select({ party: id })
        .max({ code: code || id, name: name || id })
        .groupBy(id)
        .orderByRaw('max(??), ??', [name || code || id, id])
        .limit(limit);
      if (q.trim()) query.where(matching(q));
      const rows: Record<string, unknown>[] = await query;
      return rows.map((r) => ({ party: String(r.party), code: code ? text(r.code) : null, name: name ? text(r.name) : null }));
    },
  };
};

export default partyLabelsService;
export type PartyLabelsService = ReturnType<typeof partyLabelsService>;
