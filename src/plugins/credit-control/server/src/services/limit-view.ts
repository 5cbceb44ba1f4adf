import type { Core } from '@strapi/strapi';
import { effectiveLimit, insuranceExpired, isoDay, limitDetails, type EffectiveLimit, type Policy } from '../core';
import type { Covering } from './default-policies';
import { insuranceJson, temporaryJson } from './party-limits';
import type { PolicyRow } from './policies';
import { getService } from '../utils/get-service';

/**
 * A party's limits as the credit panel and `GET /parties/:party/limits` show them: where its policy
 * comes from, its own (or default) limit, its temporary limits, its insurance (flagged once expired),
 * and the limit in force today.
 */
const limitViewService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async of(party: string, day = isoDay(new Date())): Promise<{ covering: Covering; policy: Policy; limit: EffectiveLimit; json: Record<string, unknown> }> {
    const policies = getService(strapi, 'policies');
    const own = await policies.row(party);
    const covering = (await getService(strapi, 'default-policies').covering([party], own ? new Map<string, PolicyRow>([[party, own]]) : new Map())).get(party)!;
    const policy = policies.toPolicy(covering.row ?? null);
    const { temporary, insurance } = await getService(strapi, 'party-limits').of(party);
    const rateOf = await getService(strapi, 'rates').lookup(day);
    const limit = effectiveLimit(policy, { policySource: covering.source, temporary, insurance }, day, rateOf);
    const json = {
      ...limitDetails(limit),
      policySource: await getService(strapi, 'default-policies').labelled(covering.source),
      currency: limit.currency,
      capAtInsured: Boolean(policy.capAtInsured),
      missingRates: limit.missingRates,
      temporaryLimits: temporary.map((t) => ({ ...temporaryJson(t), inForce: t.from <= day && day <= t.to, past: t.to < day })),
      insurance: insurance ? insuranceJson(insurance, insuranceExpired(insurance, day)) : null,
      day,
    };
    return { covering, policy, limit, json };
  },
});

export default limitViewService;
export type LimitViewService = ReturnType<typeof limitViewService>;
