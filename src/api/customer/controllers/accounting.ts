import type { Core } from '@strapi/strapi';
import { bodyOf } from './lifecycle';

const service = (strapi: Core.Strapi) => strapi.service('api::customer.accounting' as any);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async manage(ctx: any) {
    const { customer, changed } = await service(strapi).manage(ctx.params.documentId, bodyOf(ctx));
    ctx.body = { data: customer, meta: { changed } };
  },

  async preview(ctx: any) {
    ctx.body = { data: await service(strapi).preview(ctx.params.documentId) };
  },

  async consistency(ctx: any) {
    ctx.body = { data: await service(strapi).consistency(ctx.params.documentId) };
  },

  async companyConsistency(ctx: any) {
    ctx.body = await service(strapi).companyConsistency(ctx.query ?? {});
  },
});
