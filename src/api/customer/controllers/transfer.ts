import type { Core } from '@strapi/strapi';
import type { TransferService } from '../services/transfer';

/** POST /customers/:documentId/transfer { target }: the prospect is merged into the target record. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async transfer(ctx: any) {
    const service = strapi.service('api::customer.transfer') as unknown as TransferService;
    const body = ctx.request.body ?? {};
    const { data, meta } = await service.transfer(ctx.params.documentId, body.target ?? body.data?.target);
    const sanitized = await strapi.contentAPI.sanitize.output(data, strapi.getModel('api::customer.customer'), { auth: ctx.state.auth });
    ctx.body = { data: sanitized, meta };
  },
});
