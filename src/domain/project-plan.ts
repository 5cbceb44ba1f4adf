import Decimal from 'decimal.js';
import type { RuleError } from './rule-error';
import { amount as amountParam, num, say } from './messages';

/**
 * A project's plan (spec, "Creating a quotation from a schedule and from a task"): tasks priced
 * at planned days × daily rate (or a planned amount), and a billing schedule of dated lines worth
 * an amount or a percentage of the project's amount. Pure: decimal strings in, decimal strings out.
 */

export interface TaskInput { plannedDays?: unknown; dailyRate?: unknown; plannedAmountExclTax?: unknown; [field: string]: unknown }
export interface ScheduleInput { percentage?: unknown; amountExclTax?: unknown; dueDate?: unknown; [field: string]: unknown }

const given = (v: unknown) => v !== undefined && v !== null && v !== '';
const dec = (v: unknown) => new Decimal(String(v));
const money = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

/** Each task's planned amount (days × rate when both are given), and what is wrong with the tasks. */
export function priceTasks(tasks: TaskInput[]): { tasks: TaskInput[]; errors: RuleError[] } {
  const errors: RuleError[] = [];
  const out = tasks.map((task, index) => {
    if (given(task.plannedDays) && given(task.dailyRate)) {
      const amount = money(dec(task.plannedDays).mul(dec(task.dailyRate)));
      if (given(task.plannedAmountExclTax) && !dec(task.plannedAmountExclTax).eq(amount)) {
        errors.push({ path: ['tasks', index, 'plannedAmountExclTax'], ...say('projectTaskAmountNotProduct', { amount: amountParam(amount) }) });
      }
      return { ...task, plannedAmountExclTax: amount };
    }
    if (!given(task.plannedAmountExclTax)) errors.push({ path: ['tasks', index, 'plannedAmountExclTax'], ...say('projectTaskNeedsPrice') });
    return task;
  });
  return { tasks: out, errors };
}

/**
 * Each schedule line's amount (a percentage of the project's amount, when given), and what is
 * wrong with the schedule: a line with neither, a percentage without a project amount, a schedule
 * worth more than the project.
 */
export function priceSchedule(lines: ScheduleInput[], projectAmount: unknown): { lines: ScheduleInput[]; errors: RuleError[] } {
  const errors: RuleError[] = [];
  let total = new Decimal(0);
  const out = lines.map((line, index) => {
    const path = ['billingSchedule', index];
    let amount: Decimal | null = null;
    if (given(line.percentage)) {
      if (!given(projectAmount)) errors.push({ path: [...path, 'percentage'], ...say('projectPercentageNeedsAmount') });
      else {
        amount = new Decimal(money(dec(projectAmount).mul(dec(line.percentage)).div(100)));
        if (given(line.amountExclTax) && !dec(line.amountExclTax).eq(amount)) {
          errors.push({ path: [...path, 'amountExclTax'], ...say('projectScheduleAmountNotPercentage', { percentage: num(String(line.percentage)), amount: amountParam(amount) }) });
        }
      }
    } else if (given(line.amountExclTax)) amount = dec(line.amountExclTax);
    else errors.push({ path: [...path, 'amountExclTax'], ...say('projectScheduleLineNeedsAmount') });
    if (amount) total = total.add(amount);
    return amount ? { ...line, amountExclTax: amount.toFixed(2) } : line;
  });
  if (given(projectAmount) && total.gt(dec(projectAmount))) {
    errors.push({ path: ['billingSchedule'], ...say('projectScheduleAboveProject', { total: amountParam(total), projectAmount: amountParam(dec(projectAmount)) }) });
  }
  return { lines: out, errors };
}

/** The schedule lines due at `at` (YYYY-MM-DD): due on or before it. */
export const dueOn = <T extends Record<string, unknown>>(lines: T[], at: string): T[] => lines.filter((l) => typeof l.dueDate === 'string' && l.dueDate <= at);
