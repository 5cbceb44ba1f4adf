import type { Core } from '@strapi/strapi';

/** A customer's affiliation and business links (admin API, "Customer records" read permission). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async links(ctx: any) {
    const ability = ctx.state.userAbility;
    const canRead = (uid: string) => !ability || Boolean(ability.can('plugin::content-manager.explorer.read', uid));
    ctx.body = { data: await (strapi.service('api::customer.links') as any).links(ctx.params.documentId, canRead) };
  },
});
