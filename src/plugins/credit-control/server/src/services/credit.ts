import type { Core } from '@strapi/strapi';
import { bucketAmounts, creditStatus, minorToString, toIsoDate, totalExposure } from '../core';
import { getService } from '../utils/get-service';

/** What the credit panel shows for a party: policy, exposure by bucket, headroom, status. */
const creditService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async summary(party: string) {
    const policies = getService(strapi, 'policies');
    // the policy covering the party (its own, or a default one) and the limit in force today
    const limits = await getService(strapi, 'limit-view').of(party);
    const row = limits.covering.row ?? null;
    const policy = limits.policy;
    const rows = await getService(strapi, 'exposure-store').read(strapi.db.connection, party);
    // today's rates, read once with the limits
    const { rateOf } = limits;
    const exposure = totalExposure(rows, policy.buckets, policy.currency, rateOf);
    const money = (minor: bigint) => minorToString(minor, policy.currency);
    return {
      party,
      /** the party may hold blocking rules (the mapping's party.policyWhen) */
      policyOffered: await policies.offered(party),
      policy: {
        mode: policy.mode,
        threshold: money(policy.thresholdMinor),
        currency: policy.currency,
        gates: policy.gates,
        buckets: policy.buckets,
        callTaking: policy.callTaking,
        blocked: policy.blocked,
        blockedReason: policy.blockedReason ?? null,
        blockedAt: toIsoDate(row?.blockedAt),
        group: policy.group,
        overrideUntil: policies.activeOverride(row) ? toIsoDate(row?.overrideUntil) : null,
        capAtInsured: Boolean(policy.capAtInsured),
      },
      limit: limits.json,
      exposure: money(exposure.total),
      exposureByBucket: bucketAmounts(exposure.byBucket, policy.currency),
      missingRates: exposure.missingRates,
      headroom: money(limits.limit.thresholdMinor - exposure.total),
      status: creditStatus(policy, exposure.total, limits.limit.thresholdMinor),
    };
  },
});

export default creditService;
