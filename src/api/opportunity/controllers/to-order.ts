import type { Core } from '@strapi/strapi';
import { bodyOf } from '../../customer/controllers/lifecycle';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async toOrder(ctx: any) {
    const result = await strapi.service('api::opportunity.to-order' as any).toOrder(ctx.params.documentId, bodyOf(ctx));
    ctx.status = 201;
    ctx.body = { data: result };
  },
});
