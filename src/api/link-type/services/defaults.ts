import type { Core } from '@strapi/strapi';
import { SOLD_TO_PARTY, TO_BILL } from '../../../repositories/business-links';

/** The two link types the business-link rules rely on (spec: Setup > Project > Link types). */
export const DEFAULT_LINK_TYPES = [
  { code: SOLD_TO_PARTY, label: 'Donneur d’ordre (sold-to party)', kind: 'stakeholder' },
  { code: TO_BILL, label: 'Client à facturer (customer to bill)', kind: 'invoice' },
] as const;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Creates the missing ones; an existing type keeps its label. */
  async ensure(): Promise<void> {
    for (const type of DEFAULT_LINK_TYPES) {
      const existing = await strapi.db.query('api::link-type.link-type').findOne({ where: { code: type.code }, select: ['id'] });
      if (!existing) await strapi.documents('api::link-type.link-type').create({ data: { ...type } });
    }
  },
});
