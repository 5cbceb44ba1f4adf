import type { Core } from '@strapi/strapi';
import { matches, type Mapping, type PartyKeys } from '../core';

/**
 * A party's default-policy keys (the mapping's `party.defaultPolicyBy`) and its `policyWhen` field as
 * scalar subqueries on the party's documentId (`x.party` of the decision's read, decision-io.ts), built
 * from Strapi's database metadata: a column of the party, or the value through a join table (a to-one
 * relation: the target's documentId; a single component: its field). So the decision reads them in the
 * statement it runs anyway, instead of one statement per relation through the query engine.
 */
export interface KeyColumns {
  /** `(select …) as k_0, …`: evaluated only where the party has no policy of its own (`p.id is null`) */
  sql: string;
  bindings: unknown[];
  /** the party's keys (in precedence order) and whether policies are offered on it, from a result row */
  read: (row: Record<string, unknown>) => { keys: PartyKeys; offered: boolean };
}

/** `offeredAlways`: the `policyWhen` field is read for a party with a policy of its own too (the panel says whether rules are offered). */
export function keyColumns(strapi: Core.Strapi, mapping: Mapping, { offeredAlways = false } = {}): KeyColumns | null {
  const keys = mapping.party.defaultPolicyBy ?? [];
  if (keys.length === 0 && !(offeredAlways && mapping.party.policyWhen)) return null;
  const meta: any = strapi.db.metadata.get(mapping.party.uid as any);
  const subquery = (field: string): { sql: string; bindings: unknown[] } => {
    const [head, tail] = field.split('.');
    const attribute = meta.attributes[head];
    const join = attribute?.joinTable;
    if (!join) return { sql: 'select pk.?? from ?? pk where pk.document_id = x.party limit 1', bindings: [attribute.columnName ?? head, meta.tableName] };
    const target: any = strapi.db.metadata.get(attribute.target);
    const valueColumn = tail !== undefined ? target.attributes[tail].columnName : 'document_id';
    const on = join.on ? Object.entries(join.on as Record<string, unknown>) : [];
    // coalesce: a join table's own filter (a component's field) is no index to start from, so the
    // database starts from the party's row (SQLite, without statistics, would scan the filter's index)
    return {
      sql: `select tv.?? from ?? pk join ?? j on j.?? = pk.??${on.map(() => " and coalesce(j.??, '') = ?").join('')} join ?? tv on tv.?? = j.?? where pk.document_id = x.party limit 1`,
      bindings: [valueColumn, meta.tableName, join.name, join.joinColumn.name, join.joinColumn.referencedColumn, ...on.flat(), target.tableName, join.inverseJoinColumn.referencedColumn, join.inverseJoinColumn.name],
    };
  };
  const parts = keys.map((k) => subquery(k.field));
  const when = mapping.party.policyWhen;
  if (when) parts.push(subquery(when.field));
  return {
    sql: parts.map((part, i) => (offeredAlways && i === keys.length ? `(${part.sql}) as k_${i}` : `case when p.id is null then (${part.sql}) end as k_${i}`)).join(', '),
    bindings: parts.flatMap((part) => part.bindings),
    read: (row) => {
      const value = (i: number) => row[`k_${i}`];
      const found = keys.flatMap(({ key }, i) => (value(i) === null || value(i) === undefined || String(value(i)).trim() === '' ? [] : [{ key, value: String(value(i)) }]));
      const raw = when ? value(keys.length) : undefined;
      // SQLite hands booleans back as 0/1: compare as the mapping's values are written
      const offered = !when || matches(when, { [when.field]: typeof raw === 'number' && when.in?.some((v) => typeof v === 'boolean') ? raw === 1 : raw });
      return { keys: found, offered };
    },
  };
}
