import type { Core } from '@strapi/strapi';
import type { SiteFacts, ToBillLink } from '../domain/billing-resolution';

export const TO_BILL = 'TO_BILL';
export const SOLD_TO_PARTY = 'SOLDTOPARTY';
const SITE_FIELDS = ['id', 'documentId', 'name', 'isBillingSite', 'isHeadOffice', 'closed', 'closedOn'];

/** The sold-to party's invoice links (link type TO_BILL). */
export async function findToBillLinks(strapi: Core.Strapi, soldToId: number): Promise<ToBillLink[]> {
  const rows = await strapi.db.query('api::business-link.business-link').findMany({
    where: { customer: { id: soldToId }, linkType: { code: TO_BILL } },
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
  return strapi.db.query('api::site.site').findMany({ where: { customer: { id: customerId } }, select: SITE_FIELDS, orderBy: { id: 'asc' } });
}
