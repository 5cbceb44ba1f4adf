// The limit in force for a party at a date: pure (no Strapi), unit-tested alone.
import type { RateOf } from './exposure';
import { convertMinor, minorToString, type Minor } from './money';
import type { Policy } from './policy';

/** A raise of the limit for whole days, `from` and `to` included (ISO dates, YYYY-MM-DD). */
export interface TemporaryLimit {
  id?: number;
  amountMinor: Minor;
  currency: string;
  from: string;
  to: string;
  reason?: string | null;
}

/** A credit insurer's cover of the party. `expiresOn` is the last covered day; null: no expiry. */
export interface Insurance {
  insurer: string;
  reference: string;
  insuredMinor: Minor;
  currency: string;
  expiresOn: string | null;
}

/**
 * Where the party's policy comes from: its own, a default policy keyed by one of the party's
 * fields (`by` is the mapping's key name, e.g. `company` or `family`; `key` the party's value),
 * or none at all (the built-in mode none).
 */
export type PolicySource = { kind: 'own' } | { kind: 'default'; by: string; key: string; label?: string } | { kind: 'none' };

/** Which limit is in force: the policy's (own, default by <key>, none), a temporary raise, or the insured cap. */
export type LimitSource = 'own' | 'none' | `default:${string}` | 'temporary' | 'insuredCap';

export interface PartyLimits {
  policySource: PolicySource;
  temporary: TemporaryLimit[];
  insurance: Insurance | null;
}

export interface EffectiveLimit {
  thresholdMinor: Minor;
  currency: string;
  source: LimitSource;
  policySource: PolicySource;
  /** the policy's own threshold (the party's, or the default's) */
  policyMinor: Minor;
  /** the highest temporary limit in force at the date, converted; null: none in force */
  temporary: (TemporaryLimit & { inPolicyCurrency: Minor }) | null;
  /** the insured amount in the policy currency (0 once expired); null: no insurance recorded */
  insuredMinor: Minor | null;
  insuranceExpired: boolean;
  /** currencies of a temporary limit or the insurance with no rate to the policy currency */
  missingRates: string[];
}

/** The ISO day (UTC) of a moment: temporary limits and insurance expiry are whole UTC days. */
export const isoDay = (at: Date): string => at.toISOString().slice(0, 10);

export const policySourceLabel = (source: PolicySource): LimitSource =>
  source.kind === 'default' ? `default:${source.by}` : source.kind;

/** A temporary limit covers `day` when `from ≤ day ≤ to`. */
export const inForce = (limit: Pick<TemporaryLimit, 'from' | 'to'>, day: string): boolean => limit.from <= day && day <= limit.to;

/** An insurance is expired the day after its expiry date. */
export const insuranceExpired = (insurance: Pick<Insurance, 'expiresOn'> | null, day: string): boolean =>
  Boolean(insurance?.expiresOn && insurance.expiresOn < day);

/**
 * The limit in force at `day`:
 * 1. the policy's threshold (the party's own policy, or the default policy that covers it);
 * 2. raised to the highest temporary limit in force that day, if higher (a temporary limit never
 *    lowers the limit; overlapping ones do not add up: the highest applies);
 * 3. when the policy says `capAtInsured` and the party has an insurance, capped at the insured
 *    amount. An expired insurance covers nothing: the cap is then 0.
 * A temporary limit or an insurance in a currency with no rate to the policy's is left out and
 * its currency reported (the judgement refuses, as for exposure without a rate).
 */
export function effectiveLimit(policy: Policy, limits: PartyLimits, day: string, rateOf: RateOf): EffectiveLimit {
  const missing = new Set<string>();
  const convert = (minor: Minor, currency: string): Minor | undefined => {
    if (currency === policy.currency) return minor;
    const rate = rateOf(currency, policy.currency);
    if (rate === undefined) {
      missing.add(currency);
      return undefined;
    }
    return convertMinor(minor, currency, policy.currency, rate);
  };
  let threshold = policy.thresholdMinor;
  let source: LimitSource = policySourceLabel(limits.policySource);

  let temporary: EffectiveLimit['temporary'] = null;
  for (const limit of limits.temporary) {
    if (!inForce(limit, day)) continue;
    const converted = convert(limit.amountMinor, limit.currency);
    if (converted !== undefined && (temporary === null || converted > temporary.inPolicyCurrency)) temporary = { ...limit, inPolicyCurrency: converted };
  }
  if (temporary && temporary.inPolicyCurrency > threshold) {
    threshold = temporary.inPolicyCurrency;
    source = 'temporary';
  }

  const expired = insuranceExpired(limits.insurance, day);
  let insured: Minor | null = null;
  if (limits.insurance) insured = expired ? 0n : (convert(limits.insurance.insuredMinor, limits.insurance.currency) ?? null);
  if (policy.capAtInsured && insured !== null && insured < threshold) {
    threshold = insured;
    source = 'insuredCap';
  }
  return { thresholdMinor: threshold, currency: policy.currency, source, policySource: limits.policySource, policyMinor: policy.thresholdMinor, temporary, insuredMinor: insured, insuranceExpired: expired, missingRates: [...missing] };
}

/** The limit as a decision's details and the credit summary give it: amounts as decimal strings. */
export function limitDetails(limit: EffectiveLimit) {
  const money = (minor: Minor) => minorToString(minor, limit.currency);
  return {
    source: limit.source,
    inForce: money(limit.thresholdMinor),
    policy: money(limit.policyMinor),
    policySource: limit.policySource,
    ...(limit.temporary ? { temporary: { amount: money(limit.temporary.inPolicyCurrency), from: limit.temporary.from, to: limit.temporary.to } } : {}),
    ...(limit.insuredMinor !== null ? { insured: money(limit.insuredMinor) } : {}),
    ...(limit.insuranceExpired ? { insuranceExpired: true } : {}),
  };
}
