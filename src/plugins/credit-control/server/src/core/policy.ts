import type { OverdueRules } from './overdue';
/** A party's blocking rules, as the spec's "Blocking rules" tab has them. */

export const MODES = ['none', 'alert', 'block', 'blockAll'] as const;
export type Mode = (typeof MODES)[number];

/** The spec's "Call taking blocked" situations, for help-desk issues from the back office and the portal. */
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

export interface Policy {
  mode: Mode;
  /** minor units of `currency` */
  thresholdMinor: bigint;
  currency: string;
  /** gate names whose creates and modifications are checked */
  gates: string[];
  /** buckets counted in the outstanding amount */
  buckets: string[];
  callTaking: CallTaking;
  /** "Customer blocked for total receivables" */
  blocked: boolean;
  blockedReason?: string | null;
  /** count the affiliates' documents against this party's limit */
  group: boolean;
  /** the limit in force never exceeds the party's insured amount (effective-limit.ts) */
  capAtInsured?: boolean;
  /** the horizon: documents delivering more than this many days after the decision's day are left out (horizon.ts); null or absent: off */
  horizonDays?: number | null;
  /** alert or block on what is already late (overdue.ts); absent or empty: none */
  overdueRules?: OverdueRules;
}

/** A new party: no blocking, every gate and bucket ticked so that switching a mode on just works. */
export function defaultPolicy(currency: string, gates: string[], buckets: string[]): Policy {
  return { mode: 'none', thresholdMinor: 0n, currency, gates, buckets, callTaking: 'none', blocked: false, group: false };
}
