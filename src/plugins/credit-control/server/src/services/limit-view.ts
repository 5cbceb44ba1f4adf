import type { Core } from '@strapi/strapi';
import { effectiveLimit, insuranceExpired, isoDay, limitDetails, type EffectiveLimit, type ExposureRow, type Policy, type RateOf } from '../core';
import type { Covering } from './default-policies';
import { insuranceJson, temporaryJson } from './party-limits';
import type { OwnRuleRows } from './rule-rows';
import { getService } from '../utils/get-service';

/**
 * A party's limits as the credit panel and `GET /parties/:party/limits` show them: where its policy
 * comes from, its own (or default) limit, its temporary limits, its insurance (flagged once expired),
 * and the limit in force today.
 */
const limitViewService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async of(party: string, day = isoDay(new Date())): Promise<{ covering: Covering; policy: Policy; limit: EffectiveLimit; rateOf: RateOf; exposure: ExposureRow[]; offered: boolean; ownRules: Map<string, OwnRuleRows>; json: Record<string, unknown> }> {
    const policies = getService(strapi, 'policies');
    // the policy, every temporary limit, the insurance, the exposure rows, whether rules are offered on
    // the party, today's rates and its own policy's rules' rows in one read (decision-io.ts)
    const read = await getService(strapi, 'decision-io').read(strapi.db.connection, [party], day, { allTemporary: true, offered: true, rates: true, rules: true });
    const defaults = getService(strapi, 'default-policies');
    // a party's own policy, else a default one (its keys came with the read)
    const covering = (await defaults.covering([party], read.policies, read.anyDefault, read.partyKeys)).get(party)!;
    const policy = policies.toPolicy(covering.row ?? null);
    const temporary = read.temporary.get(party) ?? [];
    const insurance = read.insurance.get(party) ?? null;
    const rateOf = read.rateOf!;
    const limit = effectiveLimit(policy, { policySource: covering.source, temporary, insurance }, day, rateOf);
    const json = {
      ...limitDetails(limit),
      policySource: await defaults.labelled(covering.source),
      currency: limit.currency,
      capAtInsured: Boolean(policy.capAtInsured),
      missingRates: limit.missingRates,
      temporaryLimits: temporary.map((t) => ({ ...temporaryJson(t), inForce: t.from <= day && day <= t.to, past: t.to < day })),
      insurance: insurance ? insuranceJson(insurance, insuranceExpired(insurance, day)) : null,
      day,
    };
    return { covering, policy, limit, rateOf, exposure: read.exposures.get(party) ?? [], offered: read.offered.get(party) ?? true, ownRules: read.ownRules, json };
  },
});

export default limitViewService;
export type LimitViewService = ReturnType<typeof limitViewService>;
