import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  REVIEWING_STATUSES,
  approvalRefusal,
  limitFieldChanges,
  patchOfRequest,
  reviewMonthsOf,
  textOf,
  toIsoDate,
  type Locale,
  type MessageCode,
} from '../core';
import type { Actor } from './actor';
import { fieldError } from './field-error';
import { LIMIT_CHANGES_TABLE as T, limitChangeView, storedChanges, type LimitChangeRow } from './limit-changes-table';
import { pageOf, type PageParams } from './paging';
import { POLICY_UID, type PolicyRow } from './policies';
import { getService } from '../utils/get-service';

type Verdict = 'approve' | 'reject' | 'cancel';
const FORBIDDEN: MessageCode[] = ['limitApproveForbidden', 'limitSelfApproval', 'limitCancelForbidden'];

/** Limit change requests: who may decide one, applying an approved one, and the lists (history, pending, not reviewed). */
const limitRequestsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const history = () => getService(strapi, 'limit-history');
  const labelled = async (rows: LimitChangeRow[]) => {
    const labels = await getService(strapi, 'party-labels').read(rows.map((r) => r.party));
    return rows.map((r) => limitChangeView(r, labels));
  };
  const page = async (query: any, paging: PageParams, order: 'asc' | 'desc') => {
    const [{ count }] = await query.clone().count({ count: '*' });
    const rows = await query.orderBy('id', order).limit(paging.pageSize).offset((paging.page - 1) * paging.pageSize);
    return pageOf(await labelled(rows), paging, Number(count));
  };

  return {
    /** Why `actor` may not take `verdict` on the request (null: they may). Cancelling is its requester's, or an approver's. */
    refusal(row: LimitChangeRow, verdict: Verdict, actor: Actor, canApprove: boolean): MessageCode | null {
      const requester = { type: row.requested_by_type, id: row.requested_by_id };
      if (verdict === 'cancel') {
        const own = requester.type === actor.type && requester.id !== null && requester.id === actor.id;
        if (!own && !canApprove) return 'limitCancelForbidden';
        return row.status === 'pending' ? null : 'limitRequestNotPending';
      }
      return approvalRefusal({ status: row.status, requester }, { ...actor, canApprove });
    },

    /** A refusal as the API answers it: 403 for who may not decide (`details.reason`), 400 on `id` for a request already decided. */
    error(code: MessageCode, row: LimitChangeRow, locale: Locale) {
      const params = { id: row.id, status: row.status };
      if (FORBIDDEN.includes(code)) return new errors.PolicyError(textOf(code, params, locale), { reason: code });
      return fieldError(locale, 'id', code, params, { reason: code });
    },

    /**
     * Applies an approved request through the document service (validated and logged like any
     * policy change), on the approval's transaction. A policy changed since the request was made is a 400.
     */
    async apply(row: LimitChangeRow, locale: Locale, run: <R>(fn: () => Promise<R>) => Promise<R>) {
      const current: PolicyRow | null = await getService(strapi, 'policies').row(row.party);
      const { changes } = storedChanges(row);
      const patch = patchOfRequest(changes);
      const now = history().stateOf(current);
      const still = current && JSON.stringify(limitFieldChanges(now, history().stateOf({ ...current, ...patch } as PolicyRow))) === JSON.stringify(changes);
      if (!still) throw fieldError(locale, 'id', 'limitRequestStale', { id: row.id }, { reason: 'limitRequestStale' });
      await run(() => strapi.documents(POLICY_UID as any).update({ documentId: current!.documentId, data: patch } as any));
    },

    /** A party's history, newest first. */
    async ofParty(party: string, paging: PageParams) {
      return page(strapi.db.connection(T).where({ party }), paging, 'desc');
    },

    /** The requests waiting for an approver, oldest first. */
    async pending(paging: PageParams) {
      return page(strapi.db.connection(T).where({ status: 'pending' }), paging, 'asc');
    },

    /** A party's pending request, or null. */
    async pendingOf(party: string) {
      const row = await strapi.db.connection(T).where({ party, status: 'pending' }).first();
      return row ? limitChangeView(row) : null;
    },

    /**
     * The limiting policies (mode other than none) whose limit nobody changed, decided on or
     * reviewed for `limitChanges.reviewMonths` (default 12): last review first; a policy with no
     * history counts from its creation. One statement for the page, one for the count.
     */
    async unreviewed(paging: PageParams, now = new Date()) {
      const months = reviewMonthsOf(history().config());
      const cutoff = new Date(now);
      cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
      const db = strapi.db.connection;
      const policyTable = strapi.db.metadata.get(POLICY_UID as any).tableName;
      const reviews = db(T).select('party').max({ last: 'decided_at' }).whereIn('status', REVIEWING_STATUSES).groupBy('party').as('h');
      const base = db({ p: policyTable })
        .leftJoin(reviews, 'h.party', 'p.party')
        .whereNot('p.mode', 'none')
        .where((w: any) => w.where((a: any) => a.whereNull('h.last').where('p.created_at', '<', cutoff)).orWhere('h.last', '<', cutoff));
      const [{ count }] = await base.clone().count({ count: '*' });
      const rows: any[] = await base
        .select('p.*', 'h.last')
        .orderByRaw('coalesce(h.last, p.created_at) asc')
        .orderBy('p.party', 'asc')
        .limit(paging.pageSize)
        .offset((paging.page - 1) * paging.pageSize);
      const labels = await getService(strapi, 'party-labels').read(rows.map((r) => r.party));
      const policies = getService(strapi, 'policies');
      const data = rows.map((r) => {
        const json = policies.toJson({ ...r, createdAt: r.created_at, updatedAt: r.updated_at } as PolicyRow);
        return {
          party: r.party,
          partyLabel: labels.get(r.party)?.name ?? null,
          partyCode: labels.get(r.party)?.code ?? null,
          mode: json.mode,
          threshold: json.threshold,
          currency: json.currency,
          lastReviewedAt: toIsoDate(r.last),
          since: json.createdAt,
        };
      });
      return pageOf(data, paging, Number(count), { reviewMonths: months, before: cutoff.toISOString() });
    },
  };
};

export default limitRequestsService;
export type LimitRequestsService = ReturnType<typeof limitRequestsService>;
