import type { Core } from '@strapi/strapi';
import { respondUpstream } from '../lib/respond';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async check(ctx: any) {
    await respondUpstream(ctx, async () => ({ data: await strapi.service('api::identification.vies').check(ctx.params.vatNumber) }));
  },
});
