import type { Core } from '@strapi/strapi';
import { hasOverdueRules, overdueFacts, type LevelDelay, type OverdueFacts, type Policy, type RateOf } from '../core';
import { DEFAULT_LEVELS } from '../reports/default-levels';
import { LEVEL_UID } from './dunning';
import { getService } from '../utils/get-service';

type Knex = Core.Strapi['db']['connection'];

/**
 * What the overdue rules judge (core/overdue.ts), read in the write's transaction: the parties'
 * maintained open dues past due today, and the dunning levels' delays when a rule names a level.
 * Nothing is read for a party whose policy has no overdue rule.
 */
const overdueReads = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The dunning ranks and their delays (the reports' levels, every language; the defaults before any is stored). */
  async levels(trx: Knex): Promise<LevelDelay[]> {
    const meta: any = strapi.db.metadata.get(LEVEL_UID as any);
    const rank = meta.attributes.rank.columnName;
    const delay = meta.attributes.minDaysOverdue.columnName;
    const rows: any[] = await trx(meta.tableName).select({ rank }).min({ delay }).groupBy(rank);
    if (rows.length === 0) return DEFAULT_LEVELS.map((l) => ({ rank: l.rank, minDaysOverdue: l.minDaysOverdue }));
    return rows.map((r) => ({ rank: Number(r.rank), minDaysOverdue: Number(r.delay) }));
  },

  /**
   * Each party's facts in its policy's currency, for the parties whose policy has an overdue rule.
   * The dunning level is worked out when a rule names one, or when `withLevel` (the panel shows it).
   */
  async facts(trx: Knex, policies: Map<string, Policy>, day: string, rateOf: () => Promise<RateOf>, withLevel = false): Promise<Map<string, OverdueFacts>> {
    const facts = new Map<string, OverdueFacts>();
    const ruled = [...policies].filter(([, p]) => hasOverdueRules(p.overdueRules));
    if (ruled.length === 0) return facts;
    const dues = await getService(strapi, 'exposure-store').readDues(trx, ruled.map(([party]) => party), day);
    const levels = withLevel || ruled.some(([, p]) => p.overdueRules?.dunningLevel) ? await this.levels(trx) : [];
    const foreign = ruled.some(([party, p]) => (dues.get(party) ?? []).some((d) => d.currency !== p.currency));
    const rates: RateOf = foreign ? await rateOf() : () => undefined;
    for (const [party, policy] of ruled) facts.set(party, overdueFacts(dues.get(party) ?? [], policy.currency, day, levels, rates));
    return facts;
  },
});

export default overdueReads;
export type OverdueReads = ReturnType<typeof overdueReads>;
