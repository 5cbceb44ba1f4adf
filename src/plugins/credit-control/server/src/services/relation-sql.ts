import type { Core } from '@strapi/strapi';

type Knex = Core.Strapi['db']['connection'];

/** A relation's path in SQL: through its join table, or by a foreign key on the row. */
export interface RelationJoin {
  field: string;
  targetTable: string;
  joinTable?: { name: string; joinColumn: string; referencedColumn: string; inverseJoinColumn: string; inverseReferencedColumn: string };
  foreignKey?: string;
}

/** How `uid`'s relation `field` is stored, or null for a shape raw reads do not handle (morph, conditional join table). */
export function relationJoin(strapi: Core.Strapi, uid: string, field: string): RelationJoin | null {
  const metadata = (of: string): any => strapi.db.metadata.get(of as any);
  const attribute = metadata(uid).attributes[field];
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
}

/**
 * A relation's `column` for the row aliased `t`, as a correlated subquery (its first link):
 * Postgres plans a few small subqueries in a fraction of the time it takes to order a many-table
 * join, and the query engine would spend a statement per populated relation.
 */
export function relatedColumn(knex: Knex, relation: RelationJoin, column: string, alias: string) {
  const sub: any = knex({ r: relation.targetTable }).select(`r.${column}`).limit(1);
  if (relation.joinTable) {
    const jt = relation.joinTable;
    sub.join({ l: jt.name }, `l.${jt.inverseJoinColumn}`, `r.${jt.inverseReferencedColumn}`).whereRaw('?? = ??', [`l.${jt.joinColumn}`, `t.${jt.referencedColumn}`]);
  } else sub.whereRaw('?? = ??', ['r.id', `t.${relation.foreignKey}`]);
  return sub.as(alias);
}
