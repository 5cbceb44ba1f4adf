import type { Core } from '@strapi/strapi';
import { minorToString, toIsoDate, type FieldChange, type LimitChangeStatus, type Raise } from '../core';
import type { Actor } from './actor';
import type { PartyNames } from './party-labels';

/** The limit history: one row per change of a policy's threshold, mode or gates, per request and per review. */
export const LIMIT_CHANGES_TABLE = 'credit_control_limit_changes';

export async function ensureLimitChangesTable(strapi: Core.Strapi): Promise<void> {
  const schema = () => strapi.db.connection.schema;
  if (await schema().hasTable(LIMIT_CHANGES_TABLE)) return;
  await schema().createTable(LIMIT_CHANGES_TABLE, (table) => {
    table.increments('id');
    table.string('party', 64).notNullable();
    table.string('status', 16).notNullable();
    table.string('currency', 3);
    table.text('changes').notNullable(); // JSON: { changes: FieldChange[], raise: Raise | null }
    table.timestamp('requested_at', { useTz: true }).notNullable();
    table.string('requested_by_type', 32).notNullable();
    table.string('requested_by_id', 64);
    table.string('requested_by_label', 255);
    table.text('reason');
    table.timestamp('decided_at', { useTz: true });
    table.string('decided_by_type', 32);
    table.string('decided_by_id', 64);
    table.string('decided_by_label', 255);
    table.text('decision_reason');
    table.index(['party', 'id']);
    table.index(['status', 'id']);
  });
}

export interface LimitChangeRow {
  id: number;
  party: string;
  status: LimitChangeStatus;
  currency: string | null;
  changes: string;
  requested_at: Date | string | number;
  requested_by_type: string;
  requested_by_id: string | null;
  requested_by_label: string | null;
  reason: string | null;
  decided_at: Date | string | number | null;
  decided_by_type: string | null;
  decided_by_id: string | null;
  decided_by_label: string | null;
  decision_reason: string | null;
}

interface StoredChanges {
  changes: FieldChange[];
  raise: { unbounded: boolean; amountMinor: string | null; factor: string | null } | null;
}

/** A new row: the change, who asked and why; a row that is applied at once is decided by its requester. */
export function newLimitChangeRow(party: string, status: LimitChangeStatus, currency: string, changes: FieldChange[], raise: Raise | null, by: Actor, reason: string | null) {
  const now = new Date();
  const stored: StoredChanges = { changes, raise: raise && { ...raise, amountMinor: raise.amountMinor === null ? null : raise.amountMinor.toString() } };
  const decided = status !== 'pending';
  return {
    party,
    status,
    currency,
    changes: JSON.stringify(stored),
    requested_at: now,
    requested_by_type: by.type,
    requested_by_id: by.id,
    requested_by_label: by.label,
    reason,
    decided_at: decided ? now : null,
    decided_by_type: decided ? by.type : null,
    decided_by_id: decided ? by.id : null,
    decided_by_label: decided ? by.label : null,
  };
}

export const storedChanges = (row: LimitChangeRow): StoredChanges => JSON.parse(row.changes);

const dateOf = toIsoDate;

/** A history row as the API gives it: camelCase, dates ISO 8601, the raise as a decimal string in the row's currency. */
export function limitChangeView(row: LimitChangeRow, labels: Map<string, PartyNames> = new Map()) {
  const { changes, raise } = storedChanges(row);
  const currency = row.currency ?? 'EUR';
  return {
    id: Number(row.id),
    party: row.party,
    partyLabel: labels.get(row.party)?.name ?? null,
    partyCode: labels.get(row.party)?.code ?? null,
    status: row.status,
    changes,
    raise: raise && { unbounded: raise.unbounded, amount: raise.amountMinor === null ? null : minorToString(BigInt(raise.amountMinor), currency), factor: raise.factor, currency },
    requestedAt: dateOf(row.requested_at),
    requestedBy: { type: row.requested_by_type, id: row.requested_by_id, label: row.requested_by_label },
    reason: row.reason,
    decidedAt: dateOf(row.decided_at),
    decidedBy: row.decided_by_type ? { type: row.decided_by_type, id: row.decided_by_id, label: row.decided_by_label } : null,
    decisionReason: row.decision_reason,
  };
}
export type LimitChangeView = ReturnType<typeof limitChangeView>;
