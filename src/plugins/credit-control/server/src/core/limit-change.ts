// Limit history and four-eyes approval (pure: no Strapi import). A policy change is classified
// by what it does to the limit each gate refuses at; a raise above the configured amount or
// factor, by someone who may not approve, is held as a request until another person approves it.
import Decimal from 'decimal.js';
import { minorToString, toMinor, type Minor } from './money';
import type { OverdueRules } from './overdue';
import type { Mode } from './policy';

/** The policy fields whose changes are kept in the limit history. */
export const LIMIT_FIELDS = ['threshold', 'mode', 'gates', 'horizonDays', 'overdueRules'] as const;
export type LimitField = (typeof LIMIT_FIELDS)[number];

/** What a history row is: a change applied at once, a request and its outcome, or a review with no change. */
export const LIMIT_CHANGE_STATUSES = ['applied', 'pending', 'approved', 'rejected', 'superseded', 'cancelled', 'reviewed'] as const;
export type LimitChangeStatus = (typeof LIMIT_CHANGE_STATUSES)[number];
/** The statuses that count as a review of the limit (the "not reviewed for N months" list). */
export const REVIEWING_STATUSES: LimitChangeStatus[] = ['applied', 'approved', 'rejected', 'reviewed'];

/** The limit part of a policy; `gates` resolved (a stored null is every gate). No policy is `null` (mode none). */
export interface LimitState {
  mode: Mode;
  thresholdMinor: Minor;
  currency: string;
  gates: string[];
  /** the horizon in days (horizon.ts); null: off. Recorded, never held for approval */
  horizonDays?: number | null;
  /** the overdue rules (overdue.ts). Recorded, never held for approval (held with a raise, like the horizon) */
  overdueRules?: OverdueRules;
}

/** Plugin config `limitChanges` as given. */
export interface LimitChangesConfig {
  approval?: { amount?: string; factor?: number | string };
  reviewMonths?: number;
}

/** The approval rule, checked: a raise needs approval above `amount` (in the policy currency) or above `factor` × the old limit. */
export interface ApprovalRule {
  amount?: string;
  factor?: string;
}

export interface FieldChange {
  field: LimitField;
  from: string | string[] | null;
  to: string | string[] | null;
}

export interface Raise {
  /** a gate goes from a limit to none (mode none or alert, a gate left out, a currency change) */
  unbounded: boolean;
  /** the largest raise of one gate's limit, in the new policy's currency (null when unbounded) */
  amountMinor: Minor | null;
  /** that gate's new limit ÷ its old one, a decimal string (null when unbounded or the old limit is 0) */
  factor: string | null;
}

export interface LimitClassification {
  changes: FieldChange[];
  raise: Raise | null;
  needsApproval: boolean;
}

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
const MONEY = /^\d{1,13}(\.\d{1,2})?$/;

/** Config problems, each naming its key (empty: fine). */
export function checkLimitChangesConfig(config: unknown): string[] {
  if (config === undefined || config === null) return [];
  if (typeof config !== 'object' || Array.isArray(config)) return ['limitChanges must be an object'];
  const { approval, reviewMonths } = config as LimitChangesConfig;
  const problems: string[] = [];
  if (approval !== undefined) {
    if (!approval || typeof approval !== 'object') problems.push('limitChanges.approval must be an object { amount?, factor? }');
    else {
      if (approval.amount !== undefined && !MONEY.test(String(approval.amount))) problems.push('limitChanges.approval.amount must be a decimal string like "10000.00"');
      if (approval.factor !== undefined && !(/^\d+(\.\d{1,4})?$/.test(String(approval.factor)) && new D(String(approval.factor)).gt(1))) {
        problems.push('limitChanges.approval.factor must be a number above 1, at most 4 decimals');
      }
    }
  }
  if (reviewMonths !== undefined && !(Number.isInteger(reviewMonths) && reviewMonths >= 1 && reviewMonths <= 120)) problems.push('limitChanges.reviewMonths must be a whole number of months, 1 to 120');
  return problems;
}

/** The approval rule of the config, or null when raises never need approval. */
export function approvalRule(config: LimitChangesConfig | undefined | null): ApprovalRule | null {
  const approval = config?.approval;
  if (!approval || (approval.amount === undefined && approval.factor === undefined)) return null;
  return { ...(approval.amount !== undefined ? { amount: String(approval.amount) } : {}), ...(approval.factor !== undefined ? { factor: String(approval.factor) } : {}) };
}

export const reviewMonthsOf = (config: LimitChangesConfig | undefined | null): number => config?.reviewMonths ?? 12;

/** The limit a gate refuses above: none (null) when the gate is not checked or the mode does not refuse; 0 under blockAll. */
function gateLimit(state: LimitState | null, gate: string): Minor | null {
  if (!state || !state.gates.includes(gate)) return null;
  if (state.mode === 'blockAll') return 0n;
  if (state.mode === 'block') return state.thresholdMinor;
  return null;
}

const sameList = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);
const thresholdText = (s: LimitState | null) => (s ? `${minorToString(s.thresholdMinor, s.currency)} ${s.currency}` : null);

/** Which limit fields change, old → new (the threshold with its currency). */
export function limitFieldChanges(before: LimitState | null, after: LimitState | null): FieldChange[] {
  const changes: FieldChange[] = [];
  if ((before?.mode ?? 'none') !== (after?.mode ?? 'none')) changes.push({ field: 'mode', from: before?.mode ?? 'none', to: after?.mode ?? 'none' });
  const [t0, t1] = [thresholdText(before), thresholdText(after)];
  if ((before || after) && t0 !== t1 && (before?.thresholdMinor ?? 0n) + (after?.thresholdMinor ?? 0n) > 0n) changes.push({ field: 'threshold', from: t0, to: t1 });
  if (before && after && !sameList(before.gates, after.gates)) changes.push({ field: 'gates', from: [...before.gates].sort(), to: [...after.gates].sort() });
  const [h0, h1] = [before?.horizonDays ?? null, after?.horizonDays ?? null];
  if (h0 !== h1) changes.push({ field: 'horizonDays', from: h0 === null ? null : String(h0), to: h1 === null ? null : String(h1) });
  const [o0, o1] = [overdueRuleTexts(before), overdueRuleTexts(after)];
  if ((o0 ?? []).join('|') !== (o1 ?? []).join('|')) changes.push({ field: 'overdueRules', from: o0, to: o1 });
  return changes;
}

/**
 * The overdue rules as the history keeps them, one text a rule in a fixed order, null for none:
 * `oldestDays 30 block`, `amount 5000.00 EUR alert`, `dunningLevel 2 block` (the amount in the policy's currency).
 */
export function overdueRuleTexts(state: LimitState | null): string[] | null {
  const rules = state?.overdueRules;
  if (!rules) return null;
  const texts = [
    ...(rules.oldestDays ? [`oldestDays ${rules.oldestDays.days} ${rules.oldestDays.action}`] : []),
    ...(rules.amount ? [`amount ${minorToString(rules.amount.minor, state!.currency)} ${state!.currency} ${rules.amount.action}`] : []),
    ...(rules.dunningLevel ? [`dunningLevel ${rules.dunningLevel.level} ${rules.dunningLevel.action}`] : []),
  ];
  return texts.length ? texts : null;
}

/** The policy's `overdueRules` JSON back from the history's texts (applying a held request). */
export function overdueRulesOfTexts(texts: string[] | null): Record<string, unknown> | null {
  if (!texts?.length) return null;
  const rules: Record<string, unknown> = {};
  for (const text of texts) {
    const [key, value, ...rest] = text.split(' ');
    const action = rest[rest.length - 1];
    if (key === 'oldestDays') rules.oldestDays = { days: Number(value), action };
    if (key === 'amount') rules.amount = { amount: value, action };
    if (key === 'dunningLevel') rules.dunningLevel = { level: Number(value), action };
  }
  return rules;
}

/** How much the change raises the most raised gate's limit; null when no gate's limit goes up. */
export function raiseOf(before: LimitState | null, after: LimitState | null, allGates: string[]): Raise | null {
  let best: Raise | null = null;
  for (const gate of allGates) {
    const from = gateLimit(before, gate);
    if (from === null) continue; // nothing was refused on this gate: no change can raise it
    const to = gateLimit(after, gate);
    if (to === null || (to > 0n && after!.currency !== before!.currency)) return { unbounded: true, amountMinor: null, factor: null };
    if (to <= from) continue;
    // rounded up to 4 decimals: "above a factor" (itself of at most 4 decimals) reads the same on it
    const factor = from === 0n ? null : new D(to.toString()).div(from.toString()).toDecimalPlaces(4, Decimal.ROUND_UP).toString();
    if (!best || to - from > best.amountMinor!) best = { unbounded: false, amountMinor: to - from, factor };
  }
  return best;
}

/** Whether a raise needs an approver under `rule`: unbounded always; else above the amount, or above the factor (any raise from 0). */
export function raiseNeedsApproval(raise: Raise | null, rule: ApprovalRule | null, currency: string): boolean {
  if (!raise || !rule) return false;
  if (raise.unbounded) return true;
  if (rule.amount !== undefined && raise.amountMinor! > toMinor(rule.amount, currency)) return true;
  if (rule.factor !== undefined && (raise.factor === null || new D(raise.factor).gt(rule.factor))) return true;
  return false;
}

/** A change of a party's policy: what changes, whether it raises a limit, and whether that raise needs approval. */
export function classifyLimitChange(before: LimitState | null, after: LimitState | null, allGates: string[], rule: ApprovalRule | null): LimitClassification {
  const changes = limitFieldChanges(before, after);
  const raise = changes.length ? raiseOf(before, after, allGates) : null;
  return { changes, raise, needsApproval: raiseNeedsApproval(raise, rule, after?.currency ?? before?.currency ?? 'EUR') };
}

export interface Person {
  type: string;
  id: string | null;
}

/** Why an approver may not decide a request (null: they may). The requester may not approve or reject their own request. */
export function approvalRefusal(request: { status: LimitChangeStatus; requester: Person }, approver: Person & { canApprove: boolean }): 'limitRequestNotPending' | 'limitApproveForbidden' | 'limitSelfApproval' | null {
  if (!approver.canApprove) return 'limitApproveForbidden';
  if (request.requester.type === approver.type && request.requester.id !== null && request.requester.id === approver.id) return 'limitSelfApproval';
  if (request.status !== 'pending') return 'limitRequestNotPending';
  return null;
}

/** The policy patch that applies a request: its `to` values (threshold split into amount and currency). */
export function patchOfRequest(changes: FieldChange[]): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const change of changes) {
    if (change.field === 'mode') patch.mode = change.to;
    if (change.field === 'gates') patch.gates = change.to;
    if (change.field === 'horizonDays') patch.horizonDays = change.to === null ? null : Number(change.to);
    if (change.field === 'overdueRules') patch.overdueRules = overdueRulesOfTexts(Array.isArray(change.to) ? change.to : null);
    if (change.field === 'threshold' && typeof change.to === 'string') {
      const [amount, currency] = change.to.split(' ');
      Object.assign(patch, { threshold: amount, currency });
    }
  }
  return patch;
}
