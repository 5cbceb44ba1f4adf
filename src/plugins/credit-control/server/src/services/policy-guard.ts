import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { currentActor } from './actor';
import { fieldError, fieldErrorWithReason } from './field-error';
import { OVERRIDE_ACTION } from './write-request';
import { POLICY_UID } from './policies';
import { getService } from '../utils/get-service';

const MONEY = /^\d{1,13}(\.\d{1,2})?$/;

const fail = (path: string, message: string): never => {
  throw fieldError(path, message);
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
    let unblockReason: string | null = null;

    if (ctx.action !== 'delete') {
      // the block's time and author are the plugin's record, not input
      for (const field of ['blockedAt', 'blockedBy']) if (data[field] !== undefined) fail(field, `${field} is set by the plugin when a party is blocked`);
      for (const [field, allowed] of [['gates', mapping.gates()], ['buckets', mapping.buckets()]] as const) {
        if (data[field] === undefined || data[field] === null) continue;
        if (!Array.isArray(data[field]) || data[field].some((v: unknown) => typeof v !== 'string' || !allowed.includes(v))) {
          fail(field, `${field} must be a list among: ${allowed.join(', ')}`);
        }
      }
      if (data.threshold !== undefined && data.threshold !== null && !MONEY.test(String(data.threshold))) {
        fail('threshold', 'threshold must be a non-negative amount with at most 2 decimals and 13 digits');
      }
      if (ctx.action === 'create') {
        if (typeof data.party !== 'string' || (await strapi.db.query(mapping.get().party.uid as any).count({ where: { documentId: data.party } })) === 0) {
          fail('party', `party must be the documentId of an existing ${mapping.get().party.uid}`);
        }
        // one policy per party, addressed by the party: say where to go instead of "must be unique"
        if (await policies.row(data.party)) {
          fail('party', `party ${data.party} already has a policy: change it with PUT /parties/${data.party}/policy`);
        }
      } else if (data.party !== undefined && data.party !== before?.party) {
        fail('party', 'a policy cannot move to another party');
      }
      // blocking rules are offered where the mapping says (customers, not prospects); lifting a block stays possible
      const party = ctx.action === 'create' ? data.party : before?.party;
      const onlyUnblocks = Object.keys(data).every((field) => ['blocked', 'blockedReason'].includes(field)) && data.blocked === false;
      if (!onlyUnblocks && !(await policies.offered(party))) {
        const { policyWhen } = mapping.get().party;
        throw fieldErrorWithReason('party', `blocking rules are not offered on this party: its ${policyWhen!.field} must be ${(policyWhen!.in ?? []).join(' or ') || `other than ${(policyWhen!.notIn ?? []).join(' or ')}`}`, 'policyNotOffered');
      }
      if (data.overrideUntil !== undefined || data.overrideReason !== undefined) {
        const ability = (strapi.requestContext.get() as any)?.state?.userAbility;
        if (actor.type !== 'admin' || !ability?.can?.(OVERRIDE_ACTION)) {
          throw new errors.ForbiddenError('Granting an override needs the credit-control override permission');
        }
        if (data.overrideUntil && !String(data.overrideReason ?? before?.overrideReason ?? '').trim()) fail('overrideReason', 'an override needs a reason');
      }
      const blocking = data.blocked === true && !before?.blocked;
      const unblocking = data.blocked === false && Boolean(before?.blocked);
      if (blocking && !String(data.blockedReason ?? '').trim()) fail('blockedReason', 'blocking a customer needs a reason');
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
    if (kind !== 'policy') {
      const event = kind === 'block' ? 'credit-control.customer-blocked' : 'credit-control.customer-unblocked';
      onCommit(() => strapi.eventHub.emit(event, { party, reason, by: actor.label }));
    }
    return result;
  },
});

export default policyGuardService;
