/**
 * Rows of one content type or component: the row itself (ids allocated by the BulkWriter),
 * its relation rows (join tables from the metadata, with their order columns) and its
 * components (component table + `<collection>_cmps` row).
 */
import type { BulkWriter, Table } from './bulk-insert';
import { kindOf, metaOf, type AttributeMeta, type ColumnKind, type JoinTableMeta, type ModelMeta, type Raw, type Row } from './metadata';

/** Inserts rows of one content type or component, with its relations and components. */
export class ModelWriter {
  readonly meta: ModelMeta;
  readonly tableName: string;
  private readonly scalar: { attr: string; column: string; kind: ColumnKind; fallback: Raw }[];
  private readonly main: Table;
  private readonly isEntity: boolean;
  private readonly ownerCounters = new Map<string, Map<number, number>>();
  private readonly targetCounters = new Map<string, Map<number, number>>();

  constructor(private readonly writer: BulkWriter, readonly uid: string) {
    this.meta = metaOf(writer.strapi, uid);
    this.tableName = this.meta.tableName;
    this.isEntity = uid.includes('::');
    const schema = writer.strapi.getModel(uid as never) as unknown as { attributes: Record<string, { default?: Raw }> };
    this.scalar = Object.entries(this.meta.attributes)
      .filter(([, a]) => a.columnName && a.type !== 'relation')
      .map(([attr, a]) => ({ attr, column: a.columnName as string, kind: kindOf(a.type), fallback: schema.attributes[attr]?.default ?? null }));
    this.main = writer.table(this.tableName, this.scalar.map((s) => s.column), this.scalar.map((s) => s.kind));
  }

  /**
   * Adds a row and returns its id. Entities get their documentId, createdAt/updatedAt and
   * publishedAt (draft & publish is off, so Strapi stores the creation time) and a null locale.
   */
  insert(data: Row, stamp?: { documentId: string; at: number; updatedAt?: number }): number {
    const id = this.writer.nextId(this.tableName);
    const row: Raw[] = new Array(this.scalar.length);
    for (let i = 0; i < this.scalar.length; i += 1) {
      const { attr, fallback } = this.scalar[i];
      let value = data[attr];
      if (attr === 'id') value = id;
      else if (this.isEntity && stamp) {
        if (attr === 'documentId') value = stamp.documentId;
        else if (attr === 'createdAt' || attr === 'publishedAt') value = stamp.at;
        else if (attr === 'updatedAt') value = stamp.updatedAt ?? stamp.at;
        else if (attr === 'locale') value = null;
      }
      row[i] = value === undefined ? fallback : value;
    }
    if (this.isEntity && !stamp) throw new Error(`${this.uid} rows need a documentId and timestamps`);
    this.writer.push(this.main, row);
    return id;
  }

  private attribute(field: string): AttributeMeta & { joinTable: JoinTableMeta } {
    const attribute = this.meta.attributes[field];
    if (!attribute?.joinTable) throw new Error(`${this.uid}.${field} is not a relation with a join table`);
    return attribute as AttributeMeta & { joinTable: JoinTableMeta };
  }

  private counter(store: Map<string, Map<number, number>>, field: string, key: number): number {
    let counters = store.get(field);
    if (!counters) {
      counters = new Map();
      store.set(field, counters);
    }
    const next = (counters.get(key) ?? 0) + 1;
    counters.set(key, next);
    return next;
  }

  /**
   * A relation row from the owning side: `fromId` (this model) → `toId` (the target). `position`
   * (1-based) orders a to-many relation within its owner; the inverse order column (the place of
   * this row in the target's list, e.g. a site among its customer's sites) is counted here.
   */
  link(field: string, fromId: number, toId: number, position?: number): void {
    const { joinTable: jt } = this.attribute(field);
    const columns = [jt.joinColumn.name, jt.inverseJoinColumn.name];
    const values: Raw[] = [fromId, toId];
    if (jt.orderColumnName) {
      columns.push(jt.orderColumnName);
      values.push(position ?? this.counter(this.ownerCounters, field, fromId));
    }
    if (jt.inverseOrderColumnName) {
      columns.push(jt.inverseOrderColumnName);
      values.push(this.counter(this.targetCounters, field, toId));
    }
    this.writer.push(this.writer.table(jt.name, columns, columns.map(() => 'plain')), values);
  }

  /**
   * A component value (row in the component table + row in `<collection>_cmps`); returns its id.
   * `position` is the 1-based place of a repeatable component in its list.
   */
  component(field: string, ownerId: number, data: Row, position?: number): number {
    const attribute = this.attribute(field);
    const jt = attribute.joinTable;
    const target = attribute.target as string;
    const id = this.writer.model(target).insert(data);
    const fieldColumn = Object.keys(jt.on ?? { field: '' })[0];
    const typeColumn = (jt.pivotColumns ?? []).find((c) => c !== jt.joinColumn.name && c !== jt.inverseJoinColumn.name && c !== fieldColumn);
    if (!typeColumn || !jt.orderColumnName) throw new Error(`${this.uid}.${field}: unexpected component join table shape`);
    // Strapi numbers repeatable components 1..n and leaves a single component's order empty.
    const order = attribute.relation === 'oneToMany' ? position ?? this.counter(this.ownerCounters, field, ownerId) : null;
    const columns = [jt.joinColumn.name, jt.inverseJoinColumn.name, fieldColumn, typeColumn, jt.orderColumnName];
    this.writer.push(this.writer.table(jt.name, columns, columns.map(() => 'plain')), [ownerId, id, jt.on?.[fieldColumn] ?? field, target, order]);
    return id;
  }
}
