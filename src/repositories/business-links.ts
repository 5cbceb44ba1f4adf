import type { Core } from '@strapi/strapi';
import type { SiteFacts, ToBillLink } from '../domain/billing-resolution';
import type { RelationRef } from '../rules/relation-input';
import { compile, compiledPerApp, readCompiled, slot } from './compiled';
import { columnOf, fromJsonRows, jsonRows, leftJoinOne, linkOf, readDay, tableOf, withKnex } from './sql';
import { keepList, keepRead, readListOnce, readOnce } from './write-reads';

export const TO_BILL = 'TO_BILL';
export const SOLD_TO_PARTY = 'SOLDTOPARTY';
const SITE_FIELDS = ['id', 'documentId', 'name', 'isBillingSite', 'isHeadOffice', 'closed', 'closedOn'];

const LINK_UID = 'api::business-link.business-link';
const SITE_UID = 'api::site.site';
const LINK_TYPE_UID = 'api::link-type.link-type';

/** A boolean column as the driver gives it (SQLite and MySQL: 0/1), null kept. */
const asBoolean = (value: unknown): boolean | null => (value === null || value === undefined ? null : typeof value === 'string' ? ['1', 't', 'true'].includes(value) : Boolean(value));

/** The site columns a write reads, on alias `as` (each as `${as}_${field}`). */
const siteColumns = (strapi: Core.Strapi, as: string) => SITE_FIELDS.map((field) => `${as}.${columnOf(strapi, SITE_UID, field)} as ${as}_${field}`);

/** A site from its columns on alias `as`, as the query engine gives it (null when the join found none). */
function siteOf(row: Record<string, unknown>, as: string): SiteFacts | null {
  if (row[`${as}_id`] === null || row[`${as}_id`] === undefined) return null;
  return {
    id: Number(row[`${as}_id`]),
    documentId: String(row[`${as}_documentId`]),
    name: row[`${as}_name`] as string,
    isBillingSite: asBoolean(row[`${as}_isBillingSite`]),
    isHeadOffice: asBoolean(row[`${as}_isHeadOffice`]),
    closed: asBoolean(row[`${as}_closed`]),
    closedOn: readDay(row[`${as}_closedOn`]),
  };
}

/** The ids of `uid` linked to the customer `customer` (a run-time `slot`, or a column of an outer read) along its `customer` relation, from the link rows. */
function linkedToCustomer(strapi: Core.Strapi, uid: string, customer: unknown) {
  const link = linkOf(strapi, uid, 'customer');
  const ids = (strapi.db.connection as any)(link.name).select(link.joinColumn.name).where(link.inverseJoinColumn.name, customer);
  for (const [column, value] of Object.entries(link.on ?? {})) ids.where(column, value);
  return ids;
}

/**
 * Both reads run on every management object's create (the pre-fill): compiled once and read with
 * knex, the query engine's building and populating cost more than the statements (~0.25 ms a create).
 * A read of the customer brings both along (`customerLists`): on Postgres each statement is a round trip.
 */
const readsOf = compiledPerApp();

const TO_BILL_COLUMNS = ['bl_id', 'bl_documentId', 'bl_isDefault', 'lc_id', 'lc_documentId', 'pj_id', ...SITE_FIELDS.map((f) => `bs_${f}`)];
const SITE_COLUMNS = SITE_FIELDS.map((f) => `s_${f}`);

/** The links of type TO_BILL of the customer `customer`, with the customer each names, its billing site and project. */
function toBillRows(strapi: Core.Strapi, customer: unknown) {
  const query = strapi.db.connection(`${tableOf(strapi, LINK_UID)} as bl`).whereIn('bl.id', linkedToCustomer(strapi, LINK_UID, customer));
  leftJoinOne(strapi, query, LINK_UID, 'bl', 'linkType', 'lt');
  leftJoinOne(strapi, query, LINK_UID, 'bl', 'linkedCustomer', 'lc');
  leftJoinOne(strapi, query, LINK_UID, 'bl', 'billingSite', 'bs');
  // the project's id is in its link row: the projects themselves are not read
  const project = linkOf(strapi, LINK_UID, 'project');
  query.leftJoin(`${project.name} as pj_l`, `pj_l.${project.joinColumn.name}`, 'bl.id');
  return query
    .where(`lt.${columnOf(strapi, LINK_TYPE_UID, 'code')}`, TO_BILL)
    .whereNotNull('lc.id')
    .select(['bl.id as bl_id', 'bl.document_id as bl_documentId', `bl.${columnOf(strapi, LINK_UID, 'isDefault')} as bl_isDefault`, 'lc.id as lc_id', 'lc.document_id as lc_documentId', `pj_l.${project.inverseJoinColumn.name} as pj_id`, ...siteColumns(strapi, 'bs')])
    .orderBy('bl.id', 'asc');
}

/** The sites of the customer `customer`, in id order. */
const siteRows = (strapi: Core.Strapi, customer: unknown) =>
  strapi.db.connection(`${tableOf(strapi, SITE_UID)} as s`).whereIn('s.id', linkedToCustomer(strapi, SITE_UID, customer)).select(siteColumns(strapi, 's')).orderBy('s.id', 'asc');

const toBillLinkOf = (row: any): ToBillLink => ({
  id: Number(row.bl_id),
  documentId: row.bl_documentId,
  linkedCustomer: { id: Number(row.lc_id), documentId: row.lc_documentId },
  billingSite: siteOf(row, 'bs'),
  projectId: row.pj_id === null || row.pj_id === undefined ? null : Number(row.pj_id),
  isDefault: Boolean(asBoolean(row.bl_isDefault)),
});

const byId = <T extends { id: number }>(list: T[]): T[] => list.sort((a, b) => a.id - b.id);

/** The sold-to party's invoice links (link type TO_BILL). */
export function findToBillLinks(strapi: Core.Strapi, soldToId: number): Promise<ToBillLink[]> {
  return readListOnce('toBill', soldToId, async () => {
    const compiled = readsOf(strapi)('toBill', () => compile(strapi, toBillRows(strapi, slot(0))));
    return (await withKnex(strapi, (knex) => readCompiled(strapi, knex, compiled, [soldToId]))).map(toBillLinkOf);
  });
}

/** A customer's sites, in id order, from its link rows. */
export async function findCustomerSites(strapi: Core.Strapi, customerId: number): Promise<SiteFacts[]> {
  const sites = await readListOnce('sites', customerId, async () => {
    const compiled = readsOf(strapi)('sites', () => compile(strapi, siteRows(strapi, slot(0))));
    return (await withKnex(strapi, (knex) => readCompiled(strapi, knex, compiled, [customerId]))).map((row: any) => siteOf(row, 's')!);
  });
  keepRead('site', sites);
  return sites;
}

/**
 * The columns that bring a customer's invoice links and sites along with a read of the customer
 * whose id is the column `customerId` (`tb_json`, `st_json`); `keepCustomerLists` keeps them for
 * this write's `findToBillLinks` and `findCustomerSites`.
 */
export function customerLists(strapi: Core.Strapi, knex: any, customerId: string): any[] {
  const customer = knex.ref(customerId);
  return [
    knex.raw('? as tb_json', [jsonRows(strapi, knex, toBillRows(strapi, customer), TO_BILL_COLUMNS)]),
    knex.raw('? as st_json', [jsonRows(strapi, knex, siteRows(strapi, customer), SITE_COLUMNS)]),
  ];
}

/** Keeps the `customerLists` columns of the customer `customerId`'s row for this write's reads (read only when asked). */
export function keepCustomerLists(customerId: number, row: Record<string, unknown>): void {
  keepList('toBill', customerId, () => byId(fromJsonRows(row.tb_json).map(toBillLinkOf)));
  keepList('sites', customerId, () => byId(fromJsonRows(row.st_json).map((r) => siteOf(r, 's')!)));
}

/** One site, read once per write (the billing site the pre-fill chose is already read with its customer's). */
export async function findSite(strapi: Core.Strapi, ref: NonNullable<RelationRef>): Promise<SiteFacts | null> {
  return readOnce('site', ref, () => strapi.db.query('api::site.site').findOne({ where: ref, select: SITE_FIELDS }));
}
