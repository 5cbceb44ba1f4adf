import type { Core } from '@strapi/strapi';
import { DECISION_KINDS, DECISION_OUTCOMES, containsPattern, type AuditEntry, type Locale } from '../core';
import type { Actor } from './actor';
import { decisionView } from './decision-view';
import { dialectSql } from './dialect';
import { pageOf, type PageParams } from './paging';
import { TABLES } from './tables';
import { getService } from '../utils/get-service';

export { DECISION_KINDS, DECISION_OUTCOMES, type AuditEntry };

export interface DecisionFilters {
  party?: string;
  /** text in the party's code or label (its current one, or the one kept after its deletion) */
  partyName?: string;
  outcome?: (typeof DECISION_OUTCOMES)[number];
  kind?: (typeof DECISION_KINDS)[number];
  actor?: string;
  from?: Date;
  to?: Date;
}

const bigint = (value?: bigint) => (value === undefined ? null : value.toString());
const bigintAsText = (_key: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);
/** Details as JSON, amounts in minor units as text: a replacer on every value cost a write more than the rest of the row, and most details hold no bigint. */
const jsonSafe = (value: unknown) => {
  try {
    return JSON.stringify(value);
  } catch {
    return JSON.stringify(value, bigintAsText);
  }
};

/** A decision-log row as stored. */
export function auditRow(entry: AuditEntry, actor: Actor) {
  return {
    created_at: new Date(),
    kind: entry.kind,
    outcome: entry.outcome,
    reason: entry.reason ?? null,
    party: entry.party ?? null,
    party_label: entry.partyLabel ?? null,
    document_uid: entry.documentUid ?? null,
    document_id: entry.documentId ?? null,
    action: entry.action ?? null,
    gate: entry.gate ?? null,
    mode: entry.mode ?? null,
    currency: entry.currency ?? null,
    delta_minor: bigint(entry.deltaMinor),
    exposure_before_minor: bigint(entry.exposureBeforeMinor),
    exposure_after_minor: bigint(entry.exposureAfterMinor),
    threshold_minor: bigint(entry.thresholdMinor),
    actor_type: actor.type,
    actor_id: actor.id,
    actor_label: actor.label,
    message: entry.message ?? null,
    details: entry.details === undefined ? null : jsonSafe(entry.details),
  };
}

/** The decision log: every gated write, block, unblock and policy change, with who did it. */
const auditService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Writes on `trx` (the write's own transaction) for decisions that commit with the write;
   * refusals are written outside it, after the rollback, so they are kept.
   */
  async record(entry: AuditEntry, actor: Actor, trx?: any) {
    await (trx ?? strapi.db.connection)(TABLES.decisions).insert(auditRow(entry, actor));
  },

  /**
   * A party is being deleted: its rows keep the label it had, since the log reads labels from
   * the party while it exists and from the row after.
   */
  async keepLabel(trx: any, party: string, label: string) {
    await trx(TABLES.decisions).where({ party }).whereNull('party_label').update({ party_label: label });
  },

  /** A page of the log, newest first, in the API's shape (see decision-view). */
  async list(filters: DecisionFilters, paging: PageParams, locale: Locale) {
    const query = strapi.db.connection(TABLES.decisions);
    if (filters.party) query.where('party', filters.party);
    if (filters.partyName) {
      const name = filters.partyName;
      const parties = getService(strapi, 'party-labels').idsMatching(name);
      query.where((w: any) => w.whereIn('party', parties).orWhereRaw(dialectSql(strapi).like, ['party_label', containsPattern(name)]));
    }
    if (filters.outcome) query.where('outcome', filters.outcome);
    if (filters.kind) query.where('kind', filters.kind);
    if (filters.actor) query.where('actor_label', filters.actor);
    if (filters.from) query.where('created_at', '>=', filters.from);
    if (filters.to) query.where('created_at', '<=', filters.to);
    const [{ count }] = await query.clone().count({ count: '*' });
    const rows = await query.orderBy('id', 'desc').limit(paging.pageSize).offset((paging.page - 1) * paging.pageSize);
    const labels = await getService(strapi, 'party-labels').read(rows.map((r: any) => r.party));
    return pageOf(rows.map((r: any) => decisionView(r, labels, locale)), paging, Number(count));
  },
});

export default auditService;
export type AuditService = ReturnType<typeof auditService>;
