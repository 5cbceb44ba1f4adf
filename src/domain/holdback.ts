import Decimal from 'decimal.js';
import { parseMoney } from './money';
import type { RuleError } from './rule-error';
import { amount as amountParam, day, num, say } from './messages';

/** Holdback (retenue de garantie) of an invoice: the amount withheld and the day it falls due. */
export interface HoldbackInput {
  /** percentage of the amount incl. tax; when given the amount is computed from it */
  holdbackRate?: unknown;
  holdbackAmount?: unknown;
  holdbackDueDate?: unknown;
  amountInclTax?: unknown;
  date?: unknown;
}

export interface HoldbackResult {
  errors: RuleError[];
  patch: { holdbackAmount?: string | null; holdbackDueDate?: string | null };
}

const given = (value: unknown) => value !== undefined && value !== null && value !== '';

/** `date` + `days` calendar days, as an ISO date (UTC arithmetic: no DST shift). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The due date is the invoice date plus the customer's holdback days, or the company's when the
 * customer has none (spec, Finances tab). `days` is that already-chosen number.
 */
export function computeHoldback(input: HoldbackInput, days: number): HoldbackResult {
  const errors: RuleError[] = [];
  const patch: HoldbackResult['patch'] = {};
  let amount: Decimal | null = null;
  const total = given(input.amountInclTax) ? parseMoney(input.amountInclTax) : null;
  if (given(input.holdbackRate)) {
    const rate = new Decimal(String(input.holdbackRate));
    if (rate.lt(0) || rate.gt(100)) {
      errors.push({ path: ['holdbackRate'], ...say('holdbackRateOutOfRange', { rate: num(rate) }) });
    } else if (!total?.ok) {
      errors.push({ path: ['holdbackRate'], ...say('holdbackRateNeedsTotal') });
    } else {
      amount = total.value.mul(rate).div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      if (given(input.holdbackAmount) && !new Decimal(String(input.holdbackAmount)).eq(amount)) {
        errors.push({ path: ['holdbackAmount'], ...say('holdbackAmountNotRate', { rate: num(rate), total: amountParam(total.value), amount: amountParam(amount) }) });
      }
    }
  } else if (given(input.holdbackAmount)) {
    const parsed = parseMoney(input.holdbackAmount, { label: 'holdbackAmount' });
    if (parsed.ok) amount = parsed.value;
  }
  if (amount && total?.ok && amount.gt(total.value)) {
    errors.push({ path: ['holdbackAmount'], ...say('holdbackAboveTotal', { amount: amountParam(amount), total: amountParam(total.value) }) });
  }
  if (amount) patch.holdbackAmount = amount.toFixed(2);
  const due = amount && amount.gt(0) && typeof input.date === 'string' ? addDays(input.date, days) : null;
  if (given(input.holdbackDueDate) && input.holdbackDueDate !== due) {
    const said = due ? say('holdbackDueDateComputed', { days, due: day(due) }) : say('holdbackDueDateNeedsAmount');
    errors.push({ path: ['holdbackDueDate'], ...said });
  }
  patch.holdbackDueDate = due;
  return { errors, patch };
}
