import type { Core } from '@strapi/strapi';
import { parseYears, yearsRefusal } from '../../../domain/insights';
import { pageOf, pageParams } from '../../../http/paging';
import { refuse } from '../../../rules/validation-error';
import { say } from '../../../domain/messages';
import { isSection, SECTIONS } from '../lib/overview-sections';

/** Like the linked-objects list: what the caller's role may not read in the Content Manager stays out. */
const readRight = (ctx: any) => {
  const ability = ctx.state.userAbility;
  return (uid: string) => !ability || Boolean(ability.can('plugin::content-manager.explorer.read', uid));
};
const overviewService = (strapi: Core.Strapi) => strapi.service('api::customer.overview') as any;

/** The customer's 360 view and dashboard (admin API, "Customer records" read permission). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async overview(ctx: any) {
    const raw = ctx.query.limit;
    const limit = raw === undefined ? 20 : Number(raw);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) refuse('limit', say('wholeNumberFrom1', { field: 'limit', max: 100 }));
    ctx.body = { data: await overviewService(strapi).overview(ctx.params.documentId, limit, readRight(ctx)) };
  },

  /** One page of a section of the 360 view: `?page=2&pageSize=20` (20 a page unless asked). */
  async overviewSection(ctx: any) {
    const { documentId, section } = ctx.params;
    if (!isSection(section)) refuse('section', say('insightsSectionValues', { values: SECTIONS.join(', '), got: String(section) }));
    const page = pageParams(ctx.query, 20, 100);
    const { rows, total, hidden, byType } = await overviewService(strapi).section(documentId, section, page, readRight(ctx));
    ctx.body = pageOf(rows, page, total, { section, hidden, ...(byType ? { byType } : {}) });
  },

  async dashboard(ctx: any) {
    const years = parseYears(ctx.query.years);
    if (!years.ok) refuse('years', yearsRefusal(years));
    ctx.body = { data: await (strapi.service('api::customer.dashboard') as any).dashboard(ctx.params.documentId, years.years) };
  },
});
