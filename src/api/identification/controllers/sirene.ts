import type { Core } from '@strapi/strapi';
import { respondUpstream } from '../lib/respond';

const sirene = (strapi: Core.Strapi) => strapi.service('api::identification.sirene');

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async bySiret(ctx: any) {
    await respondUpstream(ctx, async () => ({ data: await sirene(strapi).bySiret(ctx.params.siret) }));
  },
  async bySiren(ctx: any) {
    await respondUpstream(ctx, async () => ({ data: await sirene(strapi).bySiren(ctx.params.siren) }));
  },
});
