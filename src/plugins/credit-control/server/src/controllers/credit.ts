import type { Core } from '@strapi/strapi';
import { fieldName, localeOfRequest } from '../core';
import { fieldError } from '../services/field-error';
import { decisionQuery } from './decision-query';
import { partyOf } from './party-param';
import { getService } from '../utils/get-service';


const reasonOf = (ctx: any): string => {
  const reason = ctx.request.body?.reason;
  if (typeof reason !== 'string' || reason.trim() === '' || reason.length > 2000) throw fieldError(localeOfRequest(ctx), 'reason', 'requiredText', { field: fieldName('reason'), max: 2000 });
  return reason.trim();
};

/** Thin HTTP layer over the credit services (content API and admin API alike). */
const creditController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async summary(ctx: any) {
    ctx.body = { data: await getService(strapi, 'credit').summary(await partyOf(strapi, ctx)) };
  },
  async block(ctx: any) {
    const party = await partyOf(strapi, ctx);
    await getService(strapi, 'policies').save(party, { blocked: true, blockedReason: reasonOf(ctx) });
    ctx.body = { data: await getService(strapi, 'credit').summary(party) };
  },
  async unblock(ctx: any) {
    const party = await partyOf(strapi, ctx);
    // the reason is logged with the unblock; the policy keeps no block fields
    await getService(strapi, 'policies').save(party, { blocked: false, blockedReason: reasonOf(ctx) });
    ctx.body = { data: await getService(strapi, 'credit').summary(party) };
  },
  async reconcile(ctx: any) {
    const fix = ctx.request.body?.fix === true || ctx.query?.fix === 'true';
    ctx.body = { data: await getService(strapi, 'reconcile').run({ fix }) };
  },
  async decisions(ctx: any) {
    const locale = localeOfRequest(ctx);
    const { filters, paging } = decisionQuery(locale, ctx.query);
    ctx.body = await getService(strapi, 'audit').list(filters, paging, locale);
  },
});

export default creditController;
