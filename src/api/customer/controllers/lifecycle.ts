import type { Core } from '@strapi/strapi';

/** The request body: `{ ... }` or Strapi's usual `{ data: { ... } }`. */
export const bodyOf = (ctx: any): Record<string, unknown> => {
  const body = ctx.request.body;
  const inner = body && typeof body === 'object' && body.data && typeof body.data === 'object' ? body.data : body;
  return inner && typeof inner === 'object' && !Array.isArray(inner) ? inner : {};
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async convert(ctx: any) {
    const customer = await strapi.service('api::customer.lifecycle' as any).convert(ctx.params.documentId, bodyOf(ctx));
    ctx.body = { data: customer };
  },

  async linkedSupplier(ctx: any) {
    const supplier = await strapi.service('api::customer.linked-supplier' as any).create(ctx.params.documentId, bodyOf(ctx));
    ctx.status = 201;
    ctx.body = { data: supplier };
  },
});
