/** The parts of `strapi.db.metadata` the bulk writer reads: tables, columns and join tables. */
import type { Core } from '@strapi/strapi';

export type Raw = string | number | boolean | null;
export type Row = Record<string, Raw | undefined>;

export interface JoinTableMeta {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
  on?: Record<string, string>;
  pivotColumns?: string[];
}
export interface AttributeMeta {
  type: string;
  columnName?: string;
  relation?: string;
  target?: string;
  joinTable?: JoinTableMeta;
}
export interface ModelMeta {
  uid: string;
  tableName: string;
  attributes: Record<string, AttributeMeta>;
}

export type ColumnKind = 'plain' | 'bool' | 'datetime' | 'json';

export const metaOf = (strapi: Core.Strapi, uid: string): ModelMeta =>
  strapi.db.metadata.get(uid as never) as unknown as ModelMeta;

export const kindOf = (type: string): ColumnKind =>
  type === 'boolean' ? 'bool' : type === 'datetime' || type === 'timestamp' ? 'datetime' : type === 'json' ? 'json' : 'plain';
