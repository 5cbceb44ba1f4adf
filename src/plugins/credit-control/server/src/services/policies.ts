import type { Core } from '@strapi/strapi';
import { CALL_TAKING, MODES, defaultPolicy, matches, minorToString, overdueRulesJson, parseOverdueRules, toIsoDate, toMinor, type Policy } from '../core';
import type { MappingService } from './mapping';
import { getService } from '../utils/get-service';

export const POLICY_UID = 'plugin::credit-control.policy';

export interface PolicyRow {
  id: number;
  documentId: string;
  party: string;
  mode: Policy['mode'];
  threshold: number | string | null;
  currency: string | null;
  gates: string[] | null;
  buckets: string[] | null;
  callTaking: Policy['callTaking'];
  blocked: boolean | null;
  blockedReason: string | null;
  blockedAt: string | null;
  blockedBy: string | null;
  group: boolean | null;
  overrideUntil: string | null;
  overrideReason: string | null;
  capAtInsured?: boolean | null;
  horizonDays?: number | string | null;
  overdueRules?: unknown;
  createdAt?: string | null;
  updatedAt?: string | null;
}

/** The stored horizon as a number of days, or null (off). */
const horizonOf = (row: PolicyRow): number | null => (row.horizonDays === null || row.horizonDays === undefined || row.horizonDays === '' ? null : Number(row.horizonDays));

/** Policies per party; a party without a row has the default policy (mode none). */
const policiesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const mapping = (): MappingService => getService(strapi, 'mapping');

  // a write reads a row once and asks for its policy at every step: each row is parsed once, and
  // the default policy (no row) built once per mapping (checked once at boot)
  const parsed = new WeakMap<PolicyRow, Policy>();
  const defaults = new WeakMap<object, Policy>();
  const defaultOfMapping = (): Policy => {
    const current = mapping().get();
    if (!defaults.has(current)) defaults.set(current, defaultPolicy(current.currency.default, mapping().gates(), mapping().defaultBuckets()));
    return defaults.get(current)!;
  };
  const toPolicy = (row: PolicyRow | null): Policy => {
    if (row && parsed.has(row)) return parsed.get(row)!;
    const base = defaultOfMapping();
    if (!row) return base;
    const policy = parse(row, base);
    parsed.set(row, policy);
    return policy;
  };

  const parse = (row: PolicyRow, base: Policy): Policy => {
    const currency = row.currency ?? base.currency;
    return {
      mode: MODES.includes(row.mode) ? row.mode : 'none',
      thresholdMinor: toMinor(row.threshold ?? 0, currency),
      currency,
      gates: Array.isArray(row.gates) ? row.gates : base.gates,
      buckets: Array.isArray(row.buckets) ? row.buckets : base.buckets,
      callTaking: CALL_TAKING.includes(row.callTaking) ? row.callTaking : 'none',
      blocked: Boolean(row.blocked),
      blockedReason: row.blockedReason,
      group: Boolean(row.group),
      capAtInsured: Boolean(row.capAtInsured),
      horizonDays: horizonOf(row),
      // checked on every write by the policy guard: a stored value that no longer parses is no rule
      overdueRules: parseOverdueRules(row.overdueRules, currency).rules,
    };
  };

  /**
   * A stored policy as every plugin response gives it: the threshold a decimal string in the
   * policy currency (never a float), dates ISO 8601, gates and buckets as stored (null: all gates; the mapping's default buckets).
   */
  const toJson = (row: PolicyRow) => {
    const policy = toPolicy(row);
    return {
      documentId: row.documentId,
      party: row.party,
      mode: policy.mode,
      threshold: minorToString(policy.thresholdMinor, policy.currency),
      currency: policy.currency,
      gates: row.gates ?? null,
      buckets: row.buckets ?? null,
      callTaking: policy.callTaking,
      blocked: policy.blocked,
      blockedReason: row.blockedReason ?? null,
      blockedAt: toIsoDate(row.blockedAt),
      blockedBy: row.blockedBy ?? null,
      group: policy.group,
      overrideUntil: toIsoDate(row.overrideUntil),
      overrideReason: row.overrideReason ?? null,
      capAtInsured: Boolean(row.capAtInsured),
      horizonDays: horizonOf(row),
      overdueRules: overdueRulesJson(policy.overdueRules ?? {}, policy.currency),
      createdAt: toIsoDate(row.createdAt),
      updatedAt: toIsoDate(row.updatedAt),
    };
  };

  return {
    toPolicy,
    toJson,
    async row(party: string): Promise<PolicyRow | null> {
      return strapi.db.query(POLICY_UID as any).findOne({ where: { party } });
    },
    async rows(parties: string[]): Promise<Map<string, PolicyRow>> {
      if (parties.length === 0) return new Map();
      const rows: PolicyRow[] = await strapi.db.query(POLICY_UID as any).findMany({ where: { party: { $in: parties } } });
      return new Map(rows.map((row) => [row.party, row]));
    },
    /** Whether blocking rules are offered on this party (the mapping's party.policyWhen; every party without one). */
    async offered(party: string): Promise<boolean> {
      const { uid, policyWhen } = mapping().get().party;
      if (!policyWhen) return true;
      const row = await strapi.db.query(uid as any).findOne({ where: { documentId: party }, select: [policyWhen.field] });
      return Boolean(row) && matches(policyWhen, row);
    },
    /** An override granted with an expiry lets refused writes through until then. */
    activeOverride(row: PolicyRow | null | undefined, now = new Date()): string | null {
      if (!row?.overrideUntil || new Date(row.overrideUntil) <= now) return null;
      return row.overrideReason ?? 'override granted';
    },
    /** Creates or updates the party's policy through the document service (validated and audited). */
    async save(party: string, patch: Record<string, unknown>) {
      const existing = await this.row(party);
      const documents = strapi.documents(POLICY_UID as any);
      if (existing) return documents.update({ documentId: existing.documentId, data: patch } as any);
      return documents.create({ data: { party, ...patch } } as any);
    },
  };
};

export default policiesService;
export type PoliciesService = ReturnType<typeof policiesService>;
