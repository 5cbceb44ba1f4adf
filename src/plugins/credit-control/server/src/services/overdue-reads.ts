import type { Core } from '@strapi/strapi';
import { hasOverdueRules, overdueFacts, type LevelDelay, type OpenDues, type OverdueFacts, type Policy, type RateOf } from '../core';
import { DEFAULT_LEVELS } from '../reports/default-levels';
import { LEVEL_UID } from './dunning';
import type { RuleRowsWanted } from './rule-rows';
import { getService } from '../utils/get-service';

type Knex = Core.Strapi['db']['connection'];

/** The parties whose policy has an overdue rule, and whether their facts need the dunning levels. */
export interface OverduePlan {
  ruled: [string, Policy][];
  levels: boolean;
}

/**
 * What the overdue rules judge (core/overdue.ts): the parties' maintained open dues past due today,
 * and the dunning levels' delays when a rule names a level. Nothing is read for a party whose policy
 * has no overdue rule; what is read comes with the write's other rule rows (rule-rows.ts).
 */
const overdueReads = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Which parties to read dues for; the level is worked out when a rule names one, or when `withLevel` (the panel shows it). */
  plan(policies: Map<string, Policy>, withLevel = false): OverduePlan {
    const ruled = [...policies].filter(([, p]) => hasOverdueRules(p.overdueRules));
    return { ruled, levels: ruled.length > 0 && (withLevel || ruled.some(([, p]) => p.overdueRules?.dunningLevel !== undefined)) };
  },

  /** The plan's part of a rule-rows read. */
  wanted(plan: OverduePlan): Pick<RuleRowsWanted, 'dues' | 'levels'> {
    return { dues: plan.ruled.map(([party]) => party), ...(plan.levels ? { levels: this.levelsTable() } : {}) };
  },

  /** The dunning levels' table and the columns the rules read. */
  levelsTable(): NonNullable<RuleRowsWanted['levels']> {
    const meta: any = strapi.db.metadata.get(LEVEL_UID as any);
    return { table: meta.tableName, rank: meta.attributes.rank.columnName, delay: meta.attributes.minDaysOverdue.columnName };
  },

  /** The ranks and their delays (the reports' levels, every language; the defaults before any is stored). */
  levelsOf(stored: LevelDelay[] | null): LevelDelay[] {
    if (stored === null) return [];
    return stored.length > 0 ? stored : DEFAULT_LEVELS.map((l) => ({ rank: l.rank, minDaysOverdue: l.minDaysOverdue }));
  },

  /** Each ruled party's facts in its policy's currency, from the rows read. */
  async factsOf(plan: OverduePlan, dues: Map<string, OpenDues[]>, stored: LevelDelay[] | null, day: string, rateOf: () => Promise<RateOf>): Promise<Map<string, OverdueFacts>> {
    const facts = new Map<string, OverdueFacts>();
    const levels = this.levelsOf(stored);
    const foreign = plan.ruled.some(([party, p]) => (dues.get(party) ?? []).some((d) => d.currency !== p.currency));
    const rates: RateOf = foreign ? await rateOf() : () => undefined;
    for (const [party, policy] of plan.ruled) facts.set(party, overdueFacts(dues.get(party) ?? [], policy.currency, day, levels, rates));
    return facts;
  },

  /** The facts of the parties whose policy has an overdue rule, read on their own (one statement). */
  async facts(trx: Knex, policies: Map<string, Policy>, day: string, rateOf: () => Promise<RateOf>, withLevel = false): Promise<Map<string, OverdueFacts>> {
    const plan = this.plan(policies, withLevel);
    if (plan.ruled.length === 0) return new Map();
    const rows = await getService(strapi, 'rule-rows').read(trx, { dated: new Map(), ...this.wanted(plan) }, day);
    return this.factsOf(plan, rows.dues, rows.levels, day, rateOf);
  },
});

export default overdueReads;
export type OverdueReads = ReturnType<typeof overdueReads>;
