import type { Core } from '@strapi/strapi';
import { fieldName, localeOfRequest, type Locale } from '../core';
import { currentActor } from '../services/actor';
import { fieldError } from '../services/field-error';
import { pageParams } from '../services/paging';
import { partyOf } from './party-param';
import { getService } from '../utils/get-service';

const MAX_REASON = 2000;

/** A request's reason from the body: required (rejecting) or optional, 1 to 2000 characters; a bad one is a 400 on `reason`. */
export function reasonInput(body: any, locale: Locale, required: boolean): string | null {
  const reason = body?.reason;
  if (reason === undefined || reason === null || (typeof reason === 'string' && reason.trim() === '' && !required)) {
    if (required) throw fieldError(locale, 'reason', 'requiredText', { field: fieldName('reason'), max: MAX_REASON });
    return null;
  }
  if (typeof reason !== 'string' || reason.trim() === '' || reason.length > MAX_REASON) throw fieldError(locale, 'reason', 'requiredText', { field: fieldName('reason'), max: MAX_REASON });
  return reason.trim();
}

const idOf = (ctx: any, locale: Locale): number => {
  const raw = String(ctx.params.id ?? '');
  if (!/^\d{1,12}$/.test(raw) || Number(raw) < 1) throw fieldError(locale, 'id', 'wholeNumberRange', { field: fieldName('id'), max: 999_999_999_999 });
  return Number(raw);
};

/** Limit history, pending requests and their approval, and the periodic review list (thin: the services decide). */
const limitChangesController = ({ strapi }: { strapi: Core.Strapi }) => {
  const requests = () => getService(strapi, 'limit-requests');
  const decide = (verdict: 'approve' | 'reject' | 'cancel') => async (ctx: any) => {
    const locale = localeOfRequest(ctx);
    const id = idOf(ctx, locale);
    const reason = reasonInput(ctx.request.body, locale, verdict === 'reject');
    ctx.body = { data: await getService(strapi, 'limit-history').decide(id, verdict, reason, currentActor(strapi), locale) };
  };
  return {
    async history(ctx: any) {
      const party = await partyOf(strapi, ctx);
      const page = await requests().ofParty(party, pageParams(localeOfRequest(ctx), ctx.query ?? {}, 25));
      ctx.body = { ...page, meta: { ...page.meta, pending: await requests().pendingOf(party) } };
    },
    async pending(ctx: any) {
      ctx.body = await requests().pending(pageParams(localeOfRequest(ctx), ctx.query ?? {}, 25));
    },
    approve: decide('approve'),
    reject: decide('reject'),
    cancel: decide('cancel'),
    async review(ctx: any) {
      const party = await partyOf(strapi, ctx);
      const locale = localeOfRequest(ctx);
      const reason = reasonInput(ctx.request.body, locale, false);
      ctx.status = 201;
      ctx.body = { data: await getService(strapi, 'limit-history').review(party, reason, currentActor(strapi), locale) };
    },
    async unreviewed(ctx: any) {
      ctx.body = await requests().unreviewed(pageParams(localeOfRequest(ctx), ctx.query ?? {}, 25));
    },
  };
};

export default limitChangesController;
