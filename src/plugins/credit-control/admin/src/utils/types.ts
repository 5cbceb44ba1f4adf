/** Shapes of the plugin's admin API (server/src/controllers, services). */
export interface CreditMapping {
  party: string;
  currency: string;
  gates: string[];
  buckets: string[];
  documents: { uid: string; gate: string | null; bucket: string | null }[];
}

export interface CreditStatus {
  plugin: string;
  version: string;
  mapping: CreditMapping;
}

export type Mode = 'none' | 'alert' | 'block' | 'blockAll';

export const MODES: Mode[] = ['none', 'alert', 'block', 'blockAll'];

export const CALL_TAKING = [
  'none',
  'alertUnpaidOnContract',
  'alertUnpaidOnCustomer',
  'alertAlways',
  'blockUnpaidOnContract',
  'blockUnpaidOnCustomer',
  'blockAlways',
] as const;
export type CallTaking = (typeof CALL_TAKING)[number];

export interface CreditSummary {
  party: string;
  policy: {
    mode: Mode;
    threshold: string;
    currency: string;
    gates: string[];
    buckets: string[];
    callTaking: CallTaking;
    blocked: boolean;
    blockedReason: string | null;
    blockedAt: string | null;
    group: boolean;
    overrideUntil: string | null;
  };
  exposure: string;
  exposureByBucket: Record<string, string>;
  missingRates: unknown[];
  headroom: string;
  status: 'blocked' | 'unchecked' | 'blockedAll' | 'over' | 'within';
}

export interface Decision {
  id: number;
  created_at: string | number;
  kind: string;
  outcome: 'allowed' | 'warned' | 'refused' | 'overridden' | 'recorded';
  reason: string | null;
  party: string | null;
  party_label: string | null;
  document_uid: string | null;
  document_id: string | null;
  action: string | null;
  gate: string | null;
  actor_label: string | null;
  message: string | null;
  details: { overrideReason?: string; [key: string]: unknown } | null;
}

export interface Paged<T> {
  data: T[];
  meta: { pagination: { page: number; pageSize: number; total: number } };
}
