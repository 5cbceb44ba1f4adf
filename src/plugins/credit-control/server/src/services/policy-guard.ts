import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MAX_HORIZON_DAYS, fieldName, list, localeOfRequest, parseDefaultParty, parseOverdueRules, problem, textOf, type Locale, type MessageCode, type Params } from '../core';
import { checkDefaultFor } from './default-policy-guard';
import { currentActor } from './actor';
import { criteriaError, fieldError } from './field-error';
import { OVERRIDE_ACTION } from './write-request';
import { POLICY_UID } from './policies';
import { getService } from '../utils/get-service';

const MONEY = /^\d{1,13}(\.\d{1,2})?$/;

const fail = (locale: Locale, path: string, code: MessageCode, params?: Params): never => {
  throw fieldError(locale, path, code, params);
};

/** Checks and audits every policy change, whichever API it comes through. */
const policyGuardService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async run(ctx: { action: string; params: any }, next: () => Promise<any>) {
    if (ctx.action !== 'create' && ctx.action !== 'update' && ctx.action !== 'delete') return next();
    // one transaction for the change and its audit row (joins the caller's when there is one)
    return strapi.db.transaction(async ({ trx, onCommit }: any) => this.guarded(ctx, next, trx, onCommit));
  },

  async guarded(ctx: { action: string; params: any }, next: () => Promise<any>, trx: any, onCommit: (cb: () => void) => void) {
    const mapping = getService(strapi, 'mapping');
    const policies = getService(strapi, 'policies');
    const data = ctx.params?.data ?? {};
    const before = ctx.params?.documentId
      ? await strapi.db.query(POLICY_UID as any).findOne({ where: { documentId: ctx.params.documentId } })
      : null;
    const actor = currentActor(strapi);
    const locale = localeOfRequest(strapi.requestContext.get());
    let unblockReason: string | null = null;

    if (ctx.action !== 'delete') {
      // the block's time and author are the plugin's record, not input
      for (const field of ['blockedAt', 'blockedBy']) if (data[field] !== undefined) fail(locale, field, 'fieldSetOnBlock', { field: fieldName(field) });
      for (const [field, allowed] of [['gates', mapping.gates()], ['buckets', mapping.buckets()]] as const) {
        if (data[field] === undefined || data[field] === null) continue;
        if (!Array.isArray(data[field]) || data[field].some((v: unknown) => typeof v !== 'string' || !allowed.includes(v))) {
          fail(locale, field, 'listAmong', { field: fieldName(field), allowed: list(allowed) });
        }
      }
      if (data.threshold !== undefined && data.threshold !== null && !MONEY.test(String(data.threshold))) {
        fail(locale, 'threshold', 'thresholdFormat', { field: fieldName('threshold') });
      }
      // the horizon: whole days, or null (off)
      if (data.horizonDays !== undefined && data.horizonDays !== null && !(Number.isInteger(data.horizonDays) && data.horizonDays >= 0 && data.horizonDays <= MAX_HORIZON_DAYS)) {
        fail(locale, 'horizonDays', 'horizonDaysFormat', { field: fieldName('horizonDays'), max: MAX_HORIZON_DAYS });
      }
      // the overdue rules: each problem named by its path (overdueRules.amount.amount, …)
      if (data.overdueRules !== undefined) {
        const currency = String(data.currency ?? before?.currency ?? mapping.get().currency.default);
        const [wrong] = parseOverdueRules(data.overdueRules, currency).problems;
        if (wrong) throw criteriaError(locale, [problem(wrong.path.split('.'), wrong.code, { field: fieldName('overdueRules'), path: wrong.path })]);
      }
      // a default policy (party `@key:value`) names no party: its key is checked instead
      const defaultFor = parseDefaultParty(ctx.action === 'create' ? data.party : before?.party);
      if (defaultFor) checkDefaultFor(strapi, locale, defaultFor);
      if (ctx.action === 'create') {
        if (!defaultFor && (typeof data.party !== 'string' || (await strapi.db.query(mapping.get().party.uid as any).count({ where: { documentId: data.party } })) === 0)) {
          fail(locale, 'party', 'policyPartyMissing', { uid: mapping.get().party.uid });
        }
        // one policy per party, addressed by the party: say where to go instead of "must be unique"
        if (await policies.row(data.party)) {
          fail(locale, 'party', 'policyExists', { party: data.party });
        }
      } else if (data.party !== undefined && data.party !== before?.party) {
        fail(locale, 'party', 'policyNoMove');
      }
      // blocking rules are offered where the mapping says (customers, not prospects); lifting a block stays possible
      const party = ctx.action === 'create' ? data.party : before?.party;
      const onlyUnblocks = Object.keys(data).every((field) => ['blocked', 'blockedReason'].includes(field)) && data.blocked === false;
      if (!defaultFor && !onlyUnblocks && !(await policies.offered(party))) {
        const { field, in: among, notIn } = mapping.get().party.policyWhen!;
        const [code, values] = among?.length ? (['policyNotOfferedIn', among] as const) : (['policyNotOfferedNotIn', notIn ?? []] as const);
        throw fieldError(locale, 'party', code, { field, values: list(values.map(String), 'or') }, { reason: 'policyNotOffered' });
      }
      if (data.overrideUntil !== undefined || data.overrideReason !== undefined) {
        const ability = (strapi.requestContext.get() as any)?.state?.userAbility;
        if (actor.type !== 'admin' || !ability?.can?.(OVERRIDE_ACTION)) {
          throw new errors.ForbiddenError(textOf('overrideGrantForbidden', undefined, locale));
        }
        if (data.overrideUntil && !String(data.overrideReason ?? before?.overrideReason ?? '').trim()) fail(locale, 'overrideReason', 'overrideNeedsReason');
      }
      const blocking = data.blocked === true && !before?.blocked;
      const unblocking = data.blocked === false && Boolean(before?.blocked);
      if (blocking && !String(data.blockedReason ?? '').trim()) fail(locale, 'blockedReason', 'blockNeedsReason');
      if (blocking) {
        data.blockedAt = new Date().toISOString();
        data.blockedBy = actor.label ?? actor.type;
      }
      // an unblocked policy carries no block: the unblock reason, time and actor go to the decision log
      if (unblocking) {
        unblockReason = typeof data.blockedReason === 'string' ? data.blockedReason : null;
        Object.assign(data, { blockedReason: null, blockedAt: null, blockedBy: null });
      }
    }

    // the limit history: a raise that needs an approver is taken out of `data` and held as a request
    const recordLimit = getService(strapi, 'limit-history').beforeWrite(ctx.action, before, data, actor, locale);
    const result = await next();
    const after = ctx.action === 'delete' ? null : await strapi.db.query(POLICY_UID as any).findOne({ where: { documentId: result?.documentId ?? ctx.params.documentId } });
    const party = after?.party ?? before?.party;
    const kind = after?.blocked && !before?.blocked ? 'block' : before?.blocked && after && !after.blocked ? 'unblock' : 'policy';
    const reason = kind === 'block' ? (after?.blockedReason ?? null) : kind === 'unblock' ? unblockReason : null;
    await getService(strapi, 'audit').record(
      {
        kind,
        outcome: 'recorded',
        party,
        action: ctx.action,
        mode: after?.mode ?? before?.mode,
        currency: after?.currency ?? undefined,
        message: kind === 'policy' ? `policy ${ctx.action}` : `${kind === 'block' ? 'blocked' : 'unblocked'}: ${reason ?? ''}`.trim(),
        details: { before: before ? policies.toJson(before) : null, after: after ? policies.toJson(after) : null, ...(kind === 'policy' ? {} : { reason }) },
      },
      actor,
      trx
    );
    await recordLimit(trx, onCommit);
    if (kind !== 'policy') {
      const event = kind === 'block' ? 'credit-control.customer-blocked' : 'credit-control.customer-unblocked';
      onCommit(() => strapi.eventHub.emit(event, { party, reason, by: actor.label }));
    }
    return result;
  },
});

export default policyGuardService;
