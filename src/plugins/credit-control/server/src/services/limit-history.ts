import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  LIMIT_FIELDS,
  approvalRule,
  classifyLimitChange,
  textOf,
  type LimitChangesConfig,
  type LimitState,
  type Locale,
} from '../core';
import type { Actor } from './actor';
import { dialectSql } from './dialect';
import { LIMIT_CHANGES_TABLE as T, limitChangeView, newLimitChangeRow, type LimitChangeRow } from './limit-changes-table';
import type { PolicyRow } from './policies';
import { getService } from '../utils/get-service';

export const APPROVE_ACTION = 'plugin::credit-control.policy.approve';
/** Where a policy route puts the requester's reason for the change (`reason` beside `data`). */
export const CHANGE_REASON_STATE = 'creditControlLimitReason';
/** The fields a held request takes out of the write (the threshold travels with its currency). */
const HELD_FIELDS = [...LIMIT_FIELDS, 'currency'];

export const LIMIT_EVENTS = {
  CREDIT_CONTROL_LIMIT_CHANGED: 'credit-control.limit-changed',
  CREDIT_CONTROL_LIMIT_REQUESTED: 'credit-control.limit-requested',
  CREDIT_CONTROL_LIMIT_APPROVED: 'credit-control.limit-approved',
  CREDIT_CONTROL_LIMIT_REJECTED: 'credit-control.limit-rejected',
} as const;

/** Set while an approved request is being applied: the policy guard then records nothing of its own. */
const applying = new AsyncLocalStorage<number>();

/** What a policy write does to the limit history once it is written (on the write's transaction). */
export type LimitRecorder = (trx: any, onCommit: (cb: () => void) => void) => Promise<void>;

/**
 * The limit history and four-eyes approval, at the policy guard's two points: before a policy
 * write (classify it; hold a raise that needs an approver) and after it (record the row, send the event).
 */
const limitHistoryService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = (): LimitChangesConfig | undefined => strapi.config.get('plugin::credit-control.limitChanges') as LimitChangesConfig | undefined;
  const policies = () => getService(strapi, 'policies');

  const stateOf = (row: Partial<PolicyRow> | null): LimitState | null => {
    if (!row) return null;
    const policy = policies().toPolicy(row as PolicyRow);
    return { mode: policy.mode, thresholdMinor: policy.thresholdMinor, currency: policy.currency, gates: policy.gates, horizonDays: policy.horizonDays ?? null, overdueRules: policy.overdueRules ?? {} };
  };

  const emit = (onCommit: (cb: () => void) => void, event: string, payload: Record<string, unknown>) => onCommit(() => strapi.eventHub.emit(event, payload));
  const by = (actor: Actor) => actor.label ?? actor.type;

  return {
    config,
    stateOf,
    /** Code writing with no request is trusted; an admin may approve with the permission; API tokens and portal users never. */
    canApprove(actor: Actor): boolean {
      if (actor.type === 'system') return true;
      const ability = (strapi.requestContext.get() as any)?.state?.userAbility;
      return actor.type === 'admin' && Boolean(ability?.can?.(APPROVE_ACTION));
    },

    /**
     * Before a policy write: classifies it, and when it raises a limit beyond the approval rule and
     * the writer may not approve, takes the limit fields out of `data` (the rest is written) to hold
     * them as a pending request. Removing a limiting policy cannot be held: it is a 403.
     */
    beforeWrite(action: string, before: PolicyRow | null, data: Record<string, unknown>, actor: Actor, locale: Locale): LimitRecorder {
      if (applying.getStore() !== undefined) return async () => undefined;
      const party = (before?.party ?? data.party) as string;
      const after = action === 'delete' ? null : stateOf({ ...(before ?? {}), ...data } as PolicyRow);
      const mapping = getService(strapi, 'mapping');
      const { changes, raise, needsApproval } = classifyLimitChange(stateOf(before), after, mapping.gates(), approvalRule(config()));
      const reason = ((strapi.requestContext.get() as any)?.state?.[CHANGE_REASON_STATE] as string | undefined) ?? null;
      const currency = after?.currency ?? stateOf(before)?.currency ?? mapping.get().currency.default;
      if (changes.length === 0) return async () => undefined;
      const held = needsApproval && !this.canApprove(actor);
      // a PolicyError keeps its reason code (a ForbiddenError's details are dropped on the way out of the document service)
      if (held && action === 'delete') throw new errors.PolicyError(textOf('limitDeleteNeedsApproval', undefined, locale), { reason: 'limitDeleteNeedsApproval' });
      if (held) for (const field of HELD_FIELDS) delete data[field];
      return async (trx, onCommit) => {
        // one pending request per party: a new request, or any applied change of the limit, supersedes the last one
        const pending = await trx(T).where({ party, status: 'pending' }).update({ status: action === 'delete' ? 'cancelled' : 'superseded', decided_at: new Date(), decided_by_type: actor.type, decided_by_id: actor.id, decided_by_label: actor.label });
        const row = newLimitChangeRow(party, held ? 'pending' : 'applied', currency, changes, raise, actor, reason);
        const [inserted] = await trx(T).insert(row).returning('id');
        const id = Number(typeof inserted === 'object' ? inserted.id : inserted);
        const payload = { party, request: id, changes, reason, by: by(actor), superseded: pending > 0 };
        emit(onCommit, held ? LIMIT_EVENTS.CREDIT_CONTROL_LIMIT_REQUESTED : LIMIT_EVENTS.CREDIT_CONTROL_LIMIT_CHANGED, payload);
      };
    },

    /** Approves (applies the request's values, in one transaction with its row) or rejects (the limit stays) a pending request. */
    async decide(id: number, verdict: 'approve' | 'reject' | 'cancel', reason: string | null, actor: Actor, locale: Locale) {
      return strapi.db.transaction(async ({ trx, onCommit }: any) => {
        const query = trx(T).where({ id });
        // two approvers of one request queue on its row (SQLite has one writer at a time)
        const row: LimitChangeRow | undefined = await (dialectSql(strapi).rowLocks ? query.forUpdate().first() : query.first());
        if (!row) throw new errors.NotFoundError(textOf('limitRequestNotFound', { id }, locale), { code: 'limitRequestNotFound' });
        const refusal = getService(strapi, 'limit-requests').refusal(row, verdict, actor, this.canApprove(actor));
        if (refusal) throw getService(strapi, 'limit-requests').error(refusal, row, locale);
        if (verdict === 'approve') await getService(strapi, 'limit-requests').apply(row, locale, (fn) => applying.run(row.id, fn));
        const status = verdict === 'approve' ? 'approved' : verdict === 'reject' ? 'rejected' : 'cancelled';
        await trx(T).where({ id }).update({ status, decided_at: new Date(), decided_by_type: actor.type, decided_by_id: actor.id, decided_by_label: actor.label, decision_reason: reason });
        const decided = await trx(T).where({ id }).first();
        const view = limitChangeView(decided);
        if (verdict !== 'cancel') {
          const event = verdict === 'approve' ? LIMIT_EVENTS.CREDIT_CONTROL_LIMIT_APPROVED : LIMIT_EVENTS.CREDIT_CONTROL_LIMIT_REJECTED;
          emit(onCommit, event, { party: row.party, request: view.id, changes: view.changes, reason, by: by(actor), requestedBy: view.requestedBy.label ?? view.requestedBy.type });
        }
        return view;
      });
    },

    /** A review with no change: the party's limit was looked at and stays (the periodic review list forgets it for N months). */
    async review(party: string, reason: string | null, actor: Actor, locale: Locale) {
      const policy = await policies().row(party);
      if (!policy) throw new errors.NotFoundError(textOf('policyNotFound', { party }, locale), { code: 'policyNotFound' });
      const currency = stateOf(policy)!.currency;
      const [inserted] = await strapi.db.connection(T).insert(newLimitChangeRow(party, 'reviewed', currency, [], null, actor, reason)).returning('id');
      const id = Number(typeof inserted === 'object' ? inserted.id : inserted);
      return limitChangeView(await strapi.db.connection(T).where({ id }).first());
    },

    /** The party is deleted: its pending request is cancelled; its history stays, like its decision log. */
    async partyGone(trx: any, party: string) {
      await trx(T).where({ party, status: 'pending' }).update({ status: 'cancelled', decided_at: new Date(), decided_by_type: 'system' });
    },
  };
};

export default limitHistoryService;
export type LimitHistoryService = ReturnType<typeof limitHistoryService>;
