import type { Core } from '@strapi/strapi';
import type { SiteFacts, ToBillLink } from '../domain/billing-resolution';
import type { RelationRef } from '../rules/relation-input';
import { whereLinkedTo } from './sql';
import { keepRead, readOnce } from './write-reads';

export const TO_BILL = 'TO_BILL';
export const SOLD_TO_PARTY = 'SOLDTOPARTY';
const SITE_FIELDS = ['id', 'documentId', 'name', 'isBillingSite', 'isHeadOffice', 'closed', 'closedOn'];

/** The sold-to party's invoice links (link type TO_BILL). */
export async function findToBillLinks(strapi: Core.Strapi, soldToId: number): Promise<ToBillLink[]> {
  const rows = await strapi.db.query('api::business-link.business-link').findMany({
    // from the customer's link rows: a where through the relation joins every link to its customer
    where: { ...whereLinkedTo(strapi, 'api::business-link.business-link', ['customer'], soldToId), linkType: { code: TO_BILL } },
    select: ['id', 'documentId', 'isDefault'],
    populate: { linkedCustomer: { select: ['id', 'documentId'] }, billingSite: { select: SITE_FIELDS }, project: { select: ['id'] } },
    orderBy: { id: 'asc' },
  });
  return rows
    .filter((row: any) => row.linkedCustomer)
    .map((row: any) => ({
      id: row.id,
      documentId: row.documentId,
      linkedCustomer: row.linkedCustomer,
      billingSite: row.billingSite ?? null,
      projectId: row.project?.id ?? null,
      isDefault: Boolean(row.isDefault),
    }));
}

export async function findCustomerSites(strapi: Core.Strapi, customerId: number): Promise<SiteFacts[]> {
  const sites: SiteFacts[] = await strapi.db.query('api::site.site').findMany({ where: whereLinkedTo(strapi, 'api::site.site', ['customer'], customerId), select: SITE_FIELDS, orderBy: { id: 'asc' } });
  keepRead('site', sites);
  return sites;
}

/** One site, read once per write (the billing site the pre-fill chose is already read with its customer's). */
export async function findSite(strapi: Core.Strapi, ref: NonNullable<RelationRef>): Promise<SiteFacts | null> {
  return readOnce('site', ref, () => strapi.db.query('api::site.site').findOne({ where: ref, select: SITE_FIELDS }));
}
