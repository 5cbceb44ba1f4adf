import type { Core } from '@strapi/strapi';
import { applyHorizon, blocksByRule, horizonUntil, bucketAmounts, creditStatus, firedRules, isoDay, minorToString, overdueDetails, overdueRulesJson, toIsoDate, totalExposure } from '../core';
import { getService } from '../utils/get-service';

/** What the credit panel shows for a party: policy, exposure by bucket, headroom, status. */
const creditService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async summary(party: string) {
    const policies = getService(strapi, 'policies');
    // the policy covering the party (its own, or a default one) and the limit in force today
    const limits = await getService(strapi, 'limit-view').of(party);
    const row = limits.covering.row ?? null;
    const policy = limits.policy;
    const all = limits.exposure;
    // today's rates, read once with the limits
    const { rateOf } = limits;
    // the horizon: what delivers more than N days from today is left out, as a decision today would
    const today = isoDay(new Date());
    const horizonDays = policy.horizonDays;
    const withHorizon = horizonDays !== null && horizonDays !== undefined;
    // and the overdue rules: what is past due today and which rule holds, as a decision today would judge
    // (read with the limits for a policy of its own; a default policy's, in one more read)
    const overdueReads = getService(strapi, 'overdue-reads');
    const plan = overdueReads.plan(new Map([[party, policy]]), true);
    const dated = new Map(withHorizon ? [[party, horizonUntil(today, horizonDays)]] : []);
    const rows = await getService(strapi, 'rule-rows').read(strapi.db.connection, { dated, ...overdueReads.wanted(plan) }, today, limits.ownRules);
    const horizon = withHorizon ? applyHorizon(all, rows.dated.get(party) ?? [], [], horizonDays, today) : undefined;
    const exposure = totalExposure(horizon?.exposureRows ?? all, policy.buckets, policy.currency, rateOf);
    const money = (minor: bigint) => minorToString(minor, policy.currency);
    const overdue = (await overdueReads.factsOf(plan, rows.dues, rows.levels, today, async () => rateOf)).get(party);
    const overdueBlocked = Boolean(overdue && blocksByRule(policy.overdueRules, overdue));
    const leftOut = horizon ? totalExposure(horizon.leftOut, policy.buckets, policy.currency, rateOf) : undefined;
    return {
      party,
      /** the party may hold blocking rules (the mapping's party.policyWhen) */
      policyOffered: limits.offered,
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
        horizonDays: horizonDays ?? null,
        overdueRules: overdueRulesJson(policy.overdueRules ?? {}, policy.currency),
      },
      limit: limits.json,
      exposure: money(exposure.total),
      exposureByBucket: bucketAmounts(exposure.byBucket, policy.currency),
      missingRates: exposure.missingRates,
      /** the horizon applied today: the last counted delivery day and what it leaves out; null: no horizon */
      horizon: horizon && leftOut ? { days: horizon.days, until: horizon.until, leftOut: money(leftOut.total), leftOutByBucket: bucketAmounts(leftOut.byBucket, policy.currency) } : null,
      /** what is past due today, the rules that hold and whether one blocks; null: no overdue rule */
      overdue: overdue ? { ...overdueDetails(overdue, firedRules(policy.overdueRules, overdue)), blocked: overdueBlocked } : null,
      headroom: money(limits.limit.thresholdMinor - exposure.total),
      status: creditStatus(policy, exposure.total, limits.limit.thresholdMinor, overdueBlocked),
    };
  },
});

export default creditService;
