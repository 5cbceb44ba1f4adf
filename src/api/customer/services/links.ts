import type { Core } from '@strapi/strapi';
import { notFound } from '../../../rules/said-errors';
import { say } from '../../../domain/messages';

const CUSTOMER = 'api::customer.customer';
const AFFILIATION = 'api::affiliation-link.affiliation-link';
const BUSINESS = 'api::business-link.business-link';
/** a record's links are a handful; the panel shows this many of each kind and their total */
const SHOWN = 50;

const party = { select: ['documentId', 'code', 'callName'] };
const withOther = (direction: 'outgoing' | 'incoming') => (direction === 'outgoing' ? 'linkedCustomer' : 'customer');

/**
 * A customer's affiliation and business links, both ways: those it holds (outgoing: the other
 * party's role) and those other records hold towards it (incoming), for the record sheet's panel.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `canRead`: the caller's Content Manager read right on a type; a type it may not read comes back as null */
  async links(documentId: string, canRead: (uid: string) => boolean = () => true) {
    const customer = await strapi.db.query(CUSTOMER as any).findOne({ where: { documentId }, select: ['id'] });
    if (!customer) throw notFound(say('linksCustomerNotFound', { documentId }));

    const read = async (uid: string, populate: Record<string, unknown>, select: string[]) => {
      const sides = await Promise.all(
        (['outgoing', 'incoming'] as const).map(async (direction) => {
          const where = { [direction === 'outgoing' ? 'customer' : 'linkedCustomer']: { id: customer.id } };
          const [rows, total] = await Promise.all([
            strapi.db.query(uid as any).findMany({ where, select: ['documentId', ...select], populate: { [withOther(direction)]: party, ...populate }, orderBy: { id: 'asc' }, limit: SHOWN }),
            strapi.db.query(uid as any).count({ where }),
          ]);
          return { total, rows: rows.map((row: any) => ({ ...row, direction, other: row[withOther(direction)] ?? null })) };
        })
      );
      const strip = (row: any) => {
        const { customer: _c, linkedCustomer: _l, ...rest } = row;
        return rest;
      };
      return { total: sides[0].total + sides[1].total, data: [...sides[0].rows, ...sides[1].rows].map(strip) };
    };

    const [affiliations, businessLinks] = await Promise.all([
      !canRead(AFFILIATION) ? null : read(AFFILIATION, { site: { select: ['documentId', 'name'] } }, ['role', 'name']),
      !canRead(BUSINESS) ? null : read(BUSINESS, { linkType: { select: ['documentId', 'code', 'label', 'kind'] }, billingSite: { select: ['documentId', 'name'] }, project: { select: ['documentId', 'code', 'name'] } }, ['isDefault']),
    ]);
    return { affiliations, businessLinks };
  },
});
