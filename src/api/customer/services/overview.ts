import type { Core } from '@strapi/strapi';
import type { PageParams } from '../../../http/paging';
import { whereLinkedTo } from '../../../repositories/sql';
import { say } from '../../../domain/messages';
import { notFound } from '../../../rules/said-errors';
import { overviewSections, type CanRead, type SectionName } from '../lib/overview-sections';

const CUSTOMER = 'api::customer.customer';

/**
 * The customer's 360 view (spec, "Accessing the sales dashboard"): the record, then each section's
 * first page with its total; `section` reads any page of one section.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const sections = overviewSections(strapi);

  const customerRow = async (documentId: string, select: string[], populate?: object) => {
    const customer: any = await strapi.db.query(CUSTOMER).findOne({ where: { documentId }, select: ['id', ...select], populate });
    if (!customer) throw notFound(say('noCustomerOrProspect', { documentId }));
    return customer;
  };

  return {
    /** `canRead(uid)`: may the caller read that type (the Content Manager's right); sections and sales types it may not read stay out. */
    async overview(documentId: string, limit: number, canRead: CanRead = () => true) {
      const customer = await customerRow(documentId, ['documentId', 'kind', 'code', 'callName', 'corporateName', 'country', 'notes'], { address: true, contactDetails: true });
      const first: PageParams = { page: 1, pageSize: limit };
      const [headOffice, contacts, events, sales, suppliers, purchases] = await Promise.all([
        !canRead('api::site.site')
          ? null
          : strapi.db.query('api::site.site').findOne({
              where: { ...whereLinkedTo(strapi, 'api::site.site', ['customer'], customer.id), isHeadOffice: true },
              select: ['documentId', 'name'],
              populate: { address: true, contactDetails: true },
            }),
        sections.contacts(customer.id, first, canRead),
        sections.events(customer.id, first, canRead),
        sections.sales(customer.id, first, canRead),
        sections.suppliers(customer.id, first, canRead),
        sections.purchases(customer.id, first, canRead),
      ]);
      const { id: _id, address, contactDetails, notes, ...record } = customer;
      return {
        customer: { uid: CUSTOMER, ...record },
        address: {
          address: address ? stripIds(address) : null,
          contactDetails: contactDetails ? stripIds(contactDetails) : null,
          headOffice: headOffice ? { uid: 'api::site.site', documentId: headOffice.documentId, name: headOffice.name, address: stripIds(headOffice.address), contactDetails: stripIds(headOffice.contactDetails) } : null,
        },
        notes: notes ?? null,
        contacts,
        events,
        sales: { rows: sales.rows, total: sales.total, byType: sales.byType },
        // the purchase documents of the linked suppliers and of the customer's orders, and the linked suppliers
        purchases: { total: purchases.total, hidden: purchases.hidden, rows: purchases.rows, suppliers },
      };
    },

    /** One page of one section of the view. */
    async section(documentId: string, name: SectionName, page: PageParams, canRead: CanRead = () => true) {
      const customer = await customerRow(documentId, ['documentId']);
      return sections[name](customer.id, page, canRead);
    },
  };
};

function stripIds(component: Record<string, unknown> | null | undefined) {
  if (!component) return null;
  const { id: _id, __component: _c, ...rest } = component as Record<string, unknown>;
  return rest;
}
