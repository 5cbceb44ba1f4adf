import type { Core } from '@strapi/strapi';
import { DEFAULT_PARTY_PREFIX, NEAR_PERCENT, minorToString, overThreshold, type OverCandidate, type OverEntry, type RateOf } from '../core';
import { pageOf, type PageParams } from './paging';
import { POLICY_UID, type PolicyRow } from './policies';
import { attributeValue } from './raw-rows';
import { TABLES } from './tables';
import { getService } from '../utils/get-service';

/** A listed party as the route gives it: money as decimal strings in the policy currency. */
const toJson = (entry: OverEntry, label: string | null) => ({
  party: entry.party,
  label,
  status: entry.status,
  mode: entry.mode,
  blocked: entry.blocked,
  percent: entry.percent,
  exposure: minorToString(entry.exposureMinor, entry.currency),
  threshold: minorToString(entry.thresholdMinor, entry.currency),
  currency: entry.currency,
  missingRates: entry.missingRates,
});
export type OverThresholdRow = ReturnType<typeof toJson>;

/**
 * The parties over or near their threshold, read in one query: the watched policies (a checking
 * mode or a manual block) left-joined to their maintained exposure rows. The rule (what is listed,
 * in which order) is core's `overThreshold`; only the page's labels are read afterwards.
 */
const overThresholdService = ({ strapi }: { strapi: Core.Strapi }) => {
  const policyColumns = () => {
    const meta = strapi.db.metadata.get(POLICY_UID as any) as unknown as { tableName: string; attributes: Record<string, any> };
    const column = (name: string): string => meta.attributes[name]?.columnName ?? name;
    return { table: meta.tableName, column, type: (name: string): string | undefined => meta.attributes[name]?.type };
  };

  /** Every watched policy with its exposure rows (one statement, whatever the number of parties). */
  const candidates = async (): Promise<OverCandidate[]> => {
    const { table, column, type } = policyColumns();
    const fields = ['party', 'mode', 'threshold', 'currency', 'buckets', 'blocked'];
    const rows: Record<string, unknown>[] = await strapi.db
      .connection(`${table} as p`)
      .leftJoin(`${TABLES.exposures} as e`, 'e.party', `p.${column('party')}`)
      .select([...fields.map((f) => `p.${column(f)} as ${f}`), 'e.bucket as e_bucket', 'e.currency as e_currency', 'e.amount_minor as e_minor'])
      .where((q) => q.whereNot(`p.${column('mode')}`, 'none').orWhere(`p.${column('blocked')}`, true))
      // default policies (party `@key:value`) are no party's: the parties they cover are not listed
      .andWhere(`p.${column('party')}`, 'not like', `${DEFAULT_PARTY_PREFIX}%`)
      .orderBy(`p.${column('party')}`);
    const policies = getService(strapi, 'policies');
    const byParty = new Map<string, OverCandidate>();
    for (const raw of rows) {
      const party = String(raw.party);
      let candidate = byParty.get(party);
      if (!candidate) {
        const row = Object.fromEntries(fields.map((f) => [f, attributeValue(type(f), raw[f])])) as unknown as PolicyRow;
        const policy = policies.toPolicy(row);
        candidate = { party, mode: policy.mode, blocked: policy.blocked, currency: policy.currency, thresholdMinor: policy.thresholdMinor, buckets: policy.buckets, rows: [] };
        byParty.set(party, candidate);
      }
      if (raw.e_bucket != null) candidate.rows.push({ bucket: String(raw.e_bucket), currency: String(raw.e_currency), minor: BigInt(raw.e_minor as string | number) });
    }
    return [...byParty.values()];
  };

  /** The page's payment behaviour in one grouped read, when the mapping enables it. */
  const behaviourOf = async (parties: string[], rateOf: RateOf) => {
    const service = getService(strapi, 'payment-behaviour');
    if (!service.enabled() || parties.length === 0) return null;
    const readings = await service.of(parties, { rateOf });
    return new Map(
      [...readings].map(([party, r]) => [party, { suggested: r.suggested, lateSharePercent: r.figures.lateSharePercent, averageDaysLate: r.figures.averageDaysLate, dso: r.figures.dso, trend: r.figures.trend }])
    );
  };

  return {
    candidates,
    /** A page of the list, with its total, and the labels of the parties on it. */
    async page(paging: PageParams) {
      const rateOf = await getService(strapi, 'rates').lookup();
      const entries = overThreshold(await candidates(), rateOf);
      const start = (paging.page - 1) * paging.pageSize;
      const shown = entries.slice(start, start + paging.pageSize);
      const labels = await getService(strapi, 'party-labels').of(shown.map((e) => e.party));
      const behaviour = await behaviourOf(shown.map((e) => e.party), rateOf);
      return pageOf(
        shown.map((e) => ({ ...toJson(e, labels.get(e.party) ?? null), ...(behaviour ? { behaviour: behaviour.get(e.party) ?? null } : {}) })),
        paging,
        entries.length,
        { nearPercent: NEAR_PERCENT }
      );
    },
  };
};

export default overThresholdService;
export type OverThresholdService = ReturnType<typeof overThresholdService>;
