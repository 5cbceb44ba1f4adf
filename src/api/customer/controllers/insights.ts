import type { Core } from '@strapi/strapi';
import { parseYears } from '../../../domain/insights';
import { refuse } from '../../../rules/validation-error';
import { say } from '../../../domain/messages';

/** The customer's 360 view and dashboard (admin API, "Customer records" read permission). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async overview(ctx: any) {
    const raw = ctx.query.limit;
    const limit = raw === undefined ? 20 : Number(raw);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) refuse('limit', say('wholeNumberFrom1', { field: 'limit', max: 100 }));
    // like the linked-objects list: what the caller's role may not read in the Content Manager stays out
    const ability = ctx.state.userAbility;
    const canRead = (uid: string) => !ability || Boolean(ability.can('plugin::content-manager.explorer.read', uid));
    ctx.body = { data: await (strapi.service('api::customer.overview') as any).overview(ctx.params.documentId, limit, canRead) };
  },

  async dashboard(ctx: any) {
    const years = parseYears(ctx.query.years);
    if (!years.ok) refuse('years', typeof years.reason === 'string' ? `years ${years.reason}` : years.reason);
    ctx.body = { data: await (strapi.service('api::customer.dashboard') as any).dashboard(ctx.params.documentId, years.years) };
  },
});
