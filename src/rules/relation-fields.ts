import type { Core, Schema } from '@strapi/strapi';
import { say, type Said } from '../domain/messages';
import type { RuleError } from '../domain/rule-error';
import { CUSTOMER_UID, findCustomer } from '../repositories/customers';
import { columnOf, prepared, tableOf, withKnex } from '../repositories/sql';
import { isManagementUid } from './management-types';
import { describeValue, fieldWord, typeWord } from './words';

type Attributes = Record<string, Schema.Attribute.AnyAttribute>;
type Path = (string | number)[];
/** One record named in a relation input, where it was named. */
interface Named {
  target: string;
  path: Path;
  /** the type and field it was named in */
  owner: string;
  field: string;
  ref: { id: number } | { documentId: string };
}

const TO_ONE = /^(oneToOne|manyToOne)$/;
/** What a record of `uid` is called in messages ("customer"). */
const labelOf = (strapi: Core.Strapi, uid: string): string =>
  typeWord(uid, (strapi.getModel(uid as any) as unknown as { info?: { singularName?: string } } | undefined)?.info?.singularName ?? 'record');

/** A record reference: a documentId, a numeric id, or `{ documentId }` / `{ id }` (with Content Manager extras such as `position`). */
function refOf(value: unknown): Named['ref'] | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return { id: value };
  if (typeof value === 'string' && value.trim() !== '' && value.length <= 255) return /^\d+$/.test(value) ? { id: Number(value) } : { documentId: value };
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const { documentId, id } = value as { documentId?: unknown; id?: unknown };
    if (documentId !== undefined) return typeof documentId === 'string' ? refOf(documentId) : undefined;
    if (id !== undefined) return refOf(id);
  }
  return undefined;
}

/** The records a relation input names, or the reason it is not a relation input (given the field's name). */
function namedIn(value: unknown, toOne: boolean): { refs: unknown[] } | { problem: (field: string) => Said } {
  if (value === null) return { refs: [] };
  if (Array.isArray(value)) return { refs: value };
  if (typeof value === 'object' && refOf(value) === undefined) {
    const { connect, disconnect, set, ...rest } = value as Record<string, unknown>;
    const extra = Object.keys(rest).filter((k) => k !== 'options');
    if (extra.length > 0) return { problem: (field) => say('relationInputShape', { field, key: extra[0] }) };
    const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
    const count = Math.max(list(connect).length, list(set).length);
    if (toOne && count > 1) return { problem: (field) => say('relationTakesOneRecord', { field, count }) };
    // a record disconnected or named as a position (`{ position: { before } }`) must exist too: Strapi
    // answers those with "Document with id …, locale null not found" on no field
    const positions = [...list(connect), ...list(set)].flatMap((item) => {
      const position = item && typeof item === 'object' ? (item as { position?: Record<string, unknown> }).position : undefined;
      return position && typeof position === 'object' ? [position.before, position.after].filter((p) => p !== undefined) : [];
    });
    return { refs: [...list(connect), ...list(set), ...list(disconnect), ...positions] };
  }
  return { refs: [value] };
}

function collect(strapi: Core.Strapi, uid: string, data: Record<string, unknown>, path: Path, named: Named[], found: RuleError[]): void {
  const { attributes } = strapi.getModel(uid as any) as unknown as { attributes: Attributes };
  for (const [name, attribute] of Object.entries(attributes)) {
    const value = data[name];
    if (value === undefined) continue;
    const at = [...path, name];
    if (attribute.type === 'relation' && 'target' in attribute && typeof attribute.target === 'string') {
      const toOne = TO_ONE.test(String((attribute as { relation?: string }).relation));
      const target = attribute.target;
      const input = namedIn(value, toOne);
      if ('problem' in input) {
        found.push({ path: at, ...input.problem(fieldWord(uid, name)) });
        continue;
      }
      if (toOne && Array.isArray(value) && value.length > 1) {
        found.push({ path: at, ...say('relationTakesOne', { field: fieldWord(uid, name), type: labelOf(strapi, target), got: describeValue(value) }) });
        continue;
      }
      for (const item of input.refs) {
        const ref = refOf(item);
        if (ref) named.push({ target, path: at, owner: uid, field: name, ref });
        else found.push({ path: at, ...say('relationNeedsDocumentId', { field: fieldWord(uid, name), type: labelOf(strapi, target), got: describeValue(item) }) });
      }
    } else if (attribute.type === 'component' && value && typeof value === 'object') {
      const items = Array.isArray(value) ? value : [value];
      items.forEach((item, index) => {
        if (item && typeof item === 'object' && !Array.isArray(item)) {
          collect(strapi, attribute.component, item as Record<string, unknown>, Array.isArray(value) ? [...at, index] : at, named, found);
        }
      });
    }
  }
}

/** The (id, documentId) pairs of the named records that exist, per target type: one statement for every type. */
async function existing(strapi: Core.Strapi, byTarget: Map<string, Named[]>): Promise<Map<string, Set<string>>> {
  const targets = [...byTarget.keys()];
  const known = new Map<string, Set<string>>(targets.map((t) => [t, new Set<string>()]));
  if (targets.length === 0) return known;
  const rows: { t: number; id: number; document_id: string }[] = await withKnex(strapi, (knex) => {
    const parts = targets.map((target, index) => {
      const list = byTarget.get(target)!;
      const ids = list.flatMap((n) => ('id' in n.ref ? [n.ref.id] : []));
      const documentIds = list.flatMap((n) => ('documentId' in n.ref ? [n.ref.documentId] : []));
      // the index is ours (a number), not input: inlined so Postgres knows the column's type in the union
      return knex(tableOf(strapi, target))
        .select(knex.raw(`${Number(index)} as t`), 'id', { document_id: columnOf(strapi, target, 'documentId') })
        .where((q: any) => q.whereIn('id', ids).orWhereIn(columnOf(strapi, target, 'documentId'), documentIds));
    });
    const [first, ...rest] = parts;
    return prepared(strapi, rest.length ? first.unionAll(rest) : first);
  });
  for (const row of rows) known.get(targets[Number(row.t)])!.add(`id:${row.id}`).add(`doc:${row.document_id}`);
  return known;
}

/**
 * Relation inputs, checked before Strapi resolves them: each must name records by documentId (or
 * id), a to-one relation names one record, and every named record must exist. Strapi would
 * otherwise take the last element of a list for a to-one relation, answer `customer: true` with
 * unrelated errors, and a missing record with "Document with id …, locale null not found" on no
 * field. One statement for every named type; a management object's customers are read once for
 * all its rules (findCustomer), so that read tells whether they exist.
 */
export async function checkRelations(strapi: Core.Strapi, uid: string, data: Record<string, unknown>): Promise<RuleError[]> {
  const named: Named[] = [];
  const found: RuleError[] = [];
  collect(strapi, uid, data, [], named, found);
  const keyOf = (ref: Named['ref']) => ('id' in ref ? `id:${ref.id}` : `doc:${ref.documentId}`);
  const byTarget = new Map<string, Named[]>();
  const customers: Named[] = [];
  for (const n of named) {
    if (n.target === CUSTOMER_UID && isManagementUid(uid)) customers.push(n);
    else byTarget.set(n.target, [...(byTarget.get(n.target) ?? []), n]);
  }
  const known = await existing(strapi, byTarget);
  const missing = (n: Named) => !known.get(n.target)?.has(keyOf(n.ref));
  const absentCustomers = new Set<Named>();
  for (const n of customers) if (!(await findCustomer(strapi, n.ref))) absentCustomers.add(n);
  for (const n of named) {
    if (n.target === CUSTOMER_UID && isManagementUid(uid) ? !absentCustomers.has(n) : !missing(n)) continue;
    const params = { field: fieldWord(n.owner, n.field), type: labelOf(strapi, n.target) };
    found.push({ path: n.path, ...('id' in n.ref ? say('relationNoRecordWithId', { ...params, id: String(n.ref.id) }) : say('relationNoRecord', { ...params, documentId: n.ref.documentId })) });
  }
  return found;
}
