import type { Core } from '@strapi/strapi';
import { respondUpstream } from '../../identification/lib/respond';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /customers/:documentId/identify { siret } | { siren } | {} */
  async identify(ctx: any) {
    await respondUpstream(ctx, async () => {
      const body = ctx.request.body ?? {};
      const { customer, withheld, warnings } = await strapi
        .service('api::customer.identify')
        .identify(ctx.params.documentId, { siret: body.siret, siren: body.siren });
      const schema = strapi.getModel('api::customer.customer');
      const data = await strapi.contentAPI.sanitize.output(customer, schema, { auth: ctx.state.auth });
      return { data, meta: { withheld, warnings } };
    });
  },
});
