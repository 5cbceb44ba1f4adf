// What the decision log records of a decision, before it is stored (services/audit.ts stores it).

export const DECISION_KINDS = ['write', 'block', 'unblock', 'policy', 'callTaking'] as const;
export const DECISION_OUTCOMES = ['allowed', 'warned', 'refused', 'overridden', 'recorded'] as const;

export interface AuditEntry {
  kind: (typeof DECISION_KINDS)[number];
  outcome: (typeof DECISION_OUTCOMES)[number];
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
