import type { Core } from '@strapi/strapi';
import type { Actor } from './actor';
import { TABLES } from './tables';

export interface AuditEntry {
  kind: 'write' | 'block' | 'unblock' | 'policy' | 'callTaking';
  outcome: 'allowed' | 'warned' | 'refused' | 'overridden' | 'recorded';
  reason?: string;
  party?: string | null;
  partyLabel?: string | null;
  documentUid?: string;
  documentId?: string | null;
  action?: string;
  gate?: string;
  mode?: string;
  currency?: string;
  deltaMinor?: bigint;
  exposureBeforeMinor?: bigint;
  exposureAfterMinor?: bigint;
  thresholdMinor?: bigint;
  message?: string;
  details?: unknown;
}

const bigint = (value?: bigint) => (value === undefined ? null : value.toString());
const jsonSafe = (value: unknown) => JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v));

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

  async list(filters: { party?: string; outcome?: string; from?: string; to?: string; actor?: string; kind?: string }, page = 1, pageSize = 50) {
    const query = strapi.db.connection(TABLES.decisions);
    if (filters.party) query.where('party', filters.party);
    if (filters.outcome) query.where('outcome', filters.outcome);
    if (filters.kind) query.where('kind', filters.kind);
    if (filters.actor) query.where('actor_label', filters.actor);
    if (filters.from) query.where('created_at', '>=', new Date(filters.from));
    if (filters.to) query.where('created_at', '<=', new Date(filters.to));
    const [{ count }] = await query.clone().count({ count: '*' });
    const rows = await query.orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize);
    return {
      data: rows.map((r: any) => ({ ...r, details: r.details ? JSON.parse(r.details) : null })),
      meta: { pagination: { page, pageSize, total: Number(count) } },
    };
  },
});

export default auditService;
export type AuditService = ReturnType<typeof auditService>;
