import type { Core } from '@strapi/strapi';
import { bucketAmounts, minorToString, toIsoDate, totalExposure } from '../core';
import type { ExposureStore } from './exposure-store';
import type { PoliciesService } from './policies';

/** What the credit panel shows for a party: policy, exposure by bucket, headroom, status. */
const creditService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async summary(party: string) {
    const plugin = strapi.plugin('credit-control');
    const policies = plugin.service('policies') as PoliciesService;
    const row = await policies.row(party);
    const policy = policies.toPolicy(row);
    const rows = await (plugin.service('exposure-store') as ExposureStore).read(strapi.db.connection, party);
    const rateOf = await plugin.service('rates').lookup();
    const exposure = totalExposure(rows, policy.buckets, policy.currency, rateOf);
    const money = (minor: bigint) => minorToString(minor, policy.currency);
    const over = exposure.total > policy.thresholdMinor;
    return {
      party,
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
      },
      exposure: money(exposure.total),
      exposureByBucket: bucketAmounts(exposure.byBucket, policy.currency),
      missingRates: exposure.missingRates,
      headroom: money(policy.thresholdMinor - exposure.total),
      status: policy.blocked ? 'blocked' : policy.mode === 'none' ? 'unchecked' : policy.mode === 'blockAll' ? 'blockedAll' : over ? 'over' : 'within',
    };
  },
});

export default creditService;
