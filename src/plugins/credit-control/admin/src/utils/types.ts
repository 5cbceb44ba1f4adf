/** Shapes of the plugin's admin API (server/src/controllers, services). */
export interface CreditMapping {
  party: string;
  /** the party type's display name (its content type's info), e.g. "Customer" or "Account" */
  partyDisplayName: string;
  /** the party field that names one party (config `party.labelField`), or null */
  partyLabelField: string | null;
  /** the party field holding its short code (config `party.codeField`), or null */
  partyCodeField: string | null;
  currency: string;
  gates: string[];
  buckets: string[];
  documents: { uid: string; gate: string | null; bucket: string | null }[];
}

export interface CreditStatus {
  plugin: string;
  version: string;
  configured: true;
  configFile: string;
  mapping: CreditMapping;
}

/** The plugin installed without its mapping: inert, its pages say where the mapping goes. */
export interface UnconfiguredStatus {
  plugin: string;
  version: string;
  configured: false;
  configFile: string;
  mapping: null;
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

export interface BucketAmount {
  bucket: string;
  amount: string;
  currency: string;
}

export interface CreditSummary {
  party: string;
  /** the party may hold blocking rules (the mapping's party.policyWhen: customers, not prospects) */
  policyOffered: boolean;
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
    capAtInsured?: boolean;
    /** the horizon in days; null: none */
    horizonDays?: number | null;
    /** the overdue rules; null: none */
    overdueRules?: OverdueRules | null;
  };
  /** the limit in force today and where it comes from (temporary limits, insurance, default policies) */
  limit?: LimitView;
  exposure: string;
  /** money is a decimal string beside its currency throughout the plugin's API */
  exposureByBucket: BucketAmount[];
  missingRates: unknown[];
  /** the horizon applied today and what it leaves out (null: no horizon) */
  horizon?: { days: number; until: string; leftOut: string; leftOutByBucket: BucketAmount[] } | null;
  /** what is past due today and the overdue rules that hold (null: no overdue rule) */
  overdue?: {
    oldestPastDue: string | null;
    daysLate: number;
    pastDue: string;
    level: number;
    blocked: boolean;
    fired: { rule: 'overdueDays' | 'overdueAmount' | 'dunningLevel'; action: 'alert' | 'block'; limit: string; actual: string }[];
  } | null;
  headroom: string;
  status: CreditStatusCode;
}

/** A policy's overdue rules as the API gives them (amounts as decimal strings). */
export interface OverdueRules {
  oldestDays?: { days: number; action: 'alert' | 'block' };
  amount?: { amount: string; action: 'alert' | 'block' };
  dunningLevel?: { level: number; action: 'alert' | 'block' };
}

export type CreditStatusCode = 'blocked' | 'unchecked' | 'blockedAll' | 'over' | 'within' | 'overdueBlocked';

/** A row of GET /parties/over-threshold: amounts are decimal strings in `currency` (the policy's). */
export interface OverRow {
  party: string;
  /** the party's `labelField`, or null */
  label: string | null;
  status: CreditStatusCode;
  mode: Mode;
  blocked: boolean;
  /** exposure / threshold in whole percent, null without a positive threshold */
  percent: number | null;
  exposure: string;
  threshold: string;
  currency: string;
  missingRates: string[];
  /** the party's payment behaviour, when the mapping enables it */
  behaviour?: { suggested: ReliabilityColour | null; lateSharePercent: number | null; averageDaysLate: number | null; dso: number | null; trend: Trend } | null;
}

export type ReliabilityColour = 'green' | 'amber' | 'red';
export type Trend = 'improving' | 'stable' | 'worsening' | 'unknown';

/** GET /parties/:party/payment-behaviour: figures over the rolling window, the suggestion and the party's colour. */
export interface PaymentBehaviour {
  window: { from: string; to: string; months: number };
  /** invoices paid, or open and past due, in the window */
  invoices: number;
  dso: number | null;
  averageDaysLate: number | null;
  lateSharePercent: number | null;
  trend: Trend;
  suggested: ReliabilityColour | null;
  currency: string;
  missingRates: string[];
  colour: ReliabilityColour | null;
  acceptable: boolean;
}

/** A decision-log row (GET /decisions): amounts are decimal strings in `currency`, dates ISO 8601. */
export interface Decision {
  id: number;
  createdAt: string;
  kind: string;
  outcome: 'allowed' | 'warned' | 'refused' | 'overridden' | 'recorded';
  reason: string | null;
  party: string | null;
  /** the party's label (`party.labelField`), the one it had once deleted */
  partyLabel: string | null;
  /** the party's code (`party.codeField`) */
  partyCode: string | null;
  documentUid: string | null;
  documentId: string | null;
  action: string | null;
  gate: string | null;
  mode: string | null;
  currency: string | null;
  delta: string | null;
  exposureBefore: string | null;
  exposureAfter: string | null;
  threshold: string | null;
  actorType: string | null;
  actorId: string | null;
  actorLabel: string | null;
  /** as stored, in English */
  message: string | null;
  /** the entry's sentence in the admin's language (the server builds it from the row's reason and figures) */
  text: string | null;
  details: { overrideReason?: string; [key: string]: unknown } | null;
}

export interface Paged<T> {
  data: T[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

/** GET /parties/:party/limits, and the credit summary's `limit`: amounts are decimal strings in `currency`. */
export interface LimitView {
  source: string;
  inForce: string;
  policy: string;
  policySource: { kind: 'own' } | { kind: 'none' } | { kind: 'default'; by: string; key: string; label?: string };
  temporary?: { amount: string; from: string; to: string };
  insured?: string;
  insuranceExpired?: boolean;
  currency: string;
  capAtInsured: boolean;
  missingRates: string[];
  temporaryLimits: { id: number; amount: string; currency: string; from: string; to: string; reason: string | null; inForce: boolean; past: boolean }[];
  insurance: { insurer: string; reference: string; insuredAmount: string; currency: string; expiresOn: string | null; expired: boolean } | null;
  day: string;
}
