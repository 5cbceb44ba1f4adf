import type { CreditControlHooks } from 'strapi-plugin-credit-control/config';
import { isPortalState, portalCustomerId } from './portal-context';

/**
 * The app's answers to the credit-control plugin's hooks (config/plugins.ts): credit thresholds
 * are never shown to customers, and a portal user acts on its own customer only (its statement).
 */
export const creditHooks: CreditControlHooks = {
  figuresVisible: ({ ctx }) => !isPortalState(ctx.state),
  partyScope: async ({ strapi, ctx }) => {
    if (!isPortalState(ctx.state)) return null;
    const id = await portalCustomerId(strapi);
    const own = await strapi.db.query('api::customer.customer').findOne({ where: { id }, select: ['documentId'] });
    return own ? [own.documentId] : [];
  },
};
