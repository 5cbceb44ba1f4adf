/**
 * Overdue rules: beside the amount threshold, a policy may alert or block on what is already late
 * (issue 22, item 4). Pure: the write path hands in the party's maintained open dues (amount per
 * due day) and the dunning levels' delays; nothing here reads a document.
 */
import { convertMinor, minorToString, toMinor, type Minor } from './money';
import type { RateOf } from './exposure';
import { daysBetween } from './reports/dates';

export const OVERDUE_ACTIONS = ['alert', 'block'] as const;
export type OverdueAction = (typeof OVERDUE_ACTIONS)[number];

/** The three rules, each with its action; a rule left out is off. Amounts are in the policy currency. */
export interface OverdueRules {
  /** the oldest unpaid invoice is more than `days` days past its due date */
  oldestDays?: { days: number; action: OverdueAction };
  /** what is past due (net of credit notes) is above `minor` */
  amount?: { minor: Minor; action: OverdueAction };
  /** the party stands at dunning level `level` or above */
  dunningLevel?: { level: number; action: OverdueAction };
}

export type OverdueRule = 'overdueDays' | 'overdueAmount' | 'dunningLevel';

/** One currency's maintained open dues of a party, summed by the database at `day`. */
export interface OpenDues {
  currency: string;
  /** the oldest due day (ISO) of an invoice still unpaid and past due on `day`; null: none */
  oldestPastDue: string | null;
  /** what is past due on `day` (due day before it), credit notes netted */
  pastDueMinor: Minor;
}

/** A dunning level as the reports define it: its rank and the days overdue from which it applies. */
export interface LevelDelay {
  rank: number;
  minDaysOverdue: number;
}

/** What the rules judge, in the policy currency. */
export interface OverdueFacts {
  oldestPastDue: string | null;
  /** days between the oldest past-due day and `day`; 0 when nothing is late */
  daysLate: number;
  pastDueMinor: Minor;
  currency: string;
  /** the highest dunning rank whose delay the oldest late invoice has reached; 0: none */
  level: number;
  /** currencies of the dues with no rate to the policy currency */
  missingRates: string[];
}

export interface FiredRule {
  rule: OverdueRule;
  action: OverdueAction;
  /** the rule's limit and the party's figure, as the decision and its log say them */
  limit: string;
  actual: string;
}


export const hasOverdueRules = (rules: OverdueRules | undefined): boolean => Boolean(rules && (rules.oldestDays || rules.amount || rules.dunningLevel));

/** The rank a party stands at when its oldest unpaid invoice is `daysLate` days late. */
export function dunningLevelAt(daysLate: number, levels: LevelDelay[]): number {
  if (daysLate <= 0) return 0;
  return levels.reduce((rank, l) => (l.minDaysOverdue <= daysLate && l.rank > rank ? l.rank : rank), 0);
}

/** The party's dues, all currencies together, in the policy currency. */
export function overdueFacts(dues: OpenDues[], currency: string, day: string, levels: LevelDelay[], rateOf: RateOf): OverdueFacts {
  const missing = new Set<string>();
  let pastDueMinor = 0n;
  let oldest: string | null = null;
  for (const d of dues) {
    if (d.oldestPastDue && (!oldest || d.oldestPastDue < oldest)) oldest = d.oldestPastDue;
    if (d.pastDueMinor === 0n) continue;
    if (d.currency === currency) pastDueMinor += d.pastDueMinor;
    else {
      const rate = rateOf(d.currency, currency);
      if (rate === undefined) missing.add(d.currency);
      else pastDueMinor += convertMinor(d.pastDueMinor, d.currency, currency, rate);
    }
  }
  const daysLate = oldest ? Math.max(0, daysBetween(oldest, day)) : 0;
  return { oldestPastDue: oldest, daysLate, pastDueMinor, currency, level: dunningLevelAt(daysLate, levels), missingRates: [...missing] };
}

/**
 * The rules that hold, blocks first, then in the order oldest days, amount, dunning level: the
 * first one is the decision's reason, the others ride along in its details.
 */
export function firedRules(rules: OverdueRules | undefined, facts: OverdueFacts): FiredRule[] {
  if (!rules) return [];
  const fired: FiredRule[] = [];
  if (rules.oldestDays && facts.oldestPastDue && facts.daysLate > rules.oldestDays.days) {
    fired.push({ rule: 'overdueDays', action: rules.oldestDays.action, limit: String(rules.oldestDays.days), actual: String(facts.daysLate) });
  }
  if (rules.amount && facts.pastDueMinor > rules.amount.minor) {
    fired.push({ rule: 'overdueAmount', action: rules.amount.action, limit: minorToString(rules.amount.minor, facts.currency), actual: minorToString(facts.pastDueMinor, facts.currency) });
  }
  if (rules.dunningLevel && facts.level >= rules.dunningLevel.level) {
    fired.push({ rule: 'dunningLevel', action: rules.dunningLevel.action, limit: String(rules.dunningLevel.level), actual: String(facts.level) });
  }
  return [...fired.filter((f) => f.action === 'block'), ...fired.filter((f) => f.action === 'alert')];
}

/** Whether a rule blocks the party: the state whose end is announced as a release. */
export const blocksByRule = (rules: OverdueRules | undefined, facts: OverdueFacts): boolean => firedRules(rules, facts).some((f) => f.action === 'block');

export interface OverdueProblem {
  path: string;
  code: 'overdueRulesObject' | 'overdueRuleUnknown' | 'overdueRuleObject' | 'overdueAction' | 'overdueDays' | 'overdueAmount' | 'overdueLevel';
}

const MONEY = /^\d{1,13}(\.\d{1,2})?$/;
const RULE_KEYS = ['oldestDays', 'amount', 'dunningLevel'] as const;
const wholeIn = (value: unknown, min: number, max: number): value is number => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/**
 * The stored rules (the policy's `overdueRules` JSON) checked and read. Shape:
 * `{ oldestDays?: { days, action }, amount?: { amount: "5000.00", action }, dunningLevel?: { level, action } }`.
 * Null or `{}` is no rule.
 */
export function parseOverdueRules(raw: unknown, currency: string): { rules: OverdueRules; problems: OverdueProblem[] } {
  const problems: OverdueProblem[] = [];
  const rules: OverdueRules = {};
  if (raw === null || raw === undefined) return { rules, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { rules, problems: [{ path: 'overdueRules', code: 'overdueRulesObject' }] };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const path = `overdueRules.${key}`;
    if (!(RULE_KEYS as readonly string[]).includes(key)) {
      problems.push({ path, code: 'overdueRuleUnknown' });
      continue;
    }
    if (value === null) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      problems.push({ path, code: 'overdueRuleObject' });
      continue;
    }
    const rule = value as Record<string, unknown>;
    const action = rule.action ?? 'block';
    if (!OVERDUE_ACTIONS.includes(action as OverdueAction)) problems.push({ path: `${path}.action`, code: 'overdueAction' });
    const a = action as OverdueAction;
    if (key === 'oldestDays') {
      if (!wholeIn(rule.days, 0, 3650)) problems.push({ path: `${path}.days`, code: 'overdueDays' });
      else rules.oldestDays = { days: rule.days, action: a };
    } else if (key === 'amount') {
      if (typeof rule.amount !== 'string' && typeof rule.amount !== 'number') problems.push({ path: `${path}.amount`, code: 'overdueAmount' });
      else if (!MONEY.test(String(rule.amount))) problems.push({ path: `${path}.amount`, code: 'overdueAmount' });
      else rules.amount = { minor: toMinor(String(rule.amount), currency), action: a };
    } else if (!wholeIn(rule.level, 1, 99)) problems.push({ path: `${path}.level`, code: 'overdueLevel' });
    else rules.dunningLevel = { level: rule.level, action: a };
  }
  return { rules: problems.length > 0 ? {} : rules, problems };
}

/** The rules as every response gives them (amounts as decimal strings), or null when none is on. */
export function overdueRulesJson(rules: OverdueRules, currency: string): Record<string, unknown> | null {
  if (!hasOverdueRules(rules)) return null;
  return {
    ...(rules.oldestDays ? { oldestDays: rules.oldestDays } : {}),
    ...(rules.amount ? { amount: { amount: minorToString(rules.amount.minor, currency), action: rules.amount.action } } : {}),
    ...(rules.dunningLevel ? { dunningLevel: rules.dunningLevel } : {}),
  };
}

/** What a decision's details say of the overdue rules: the party's figures and the rules that hold. */
export function overdueDetails(facts: OverdueFacts, fired: FiredRule[]) {
  return {
    oldestPastDue: facts.oldestPastDue,
    daysLate: facts.daysLate,
    pastDue: minorToString(facts.pastDueMinor, facts.currency),
    level: facts.level,
    fired,
  };
}
