import type { Core } from '@strapi/strapi';
import { priceSchedule, priceTasks, type ScheduleInput, type TaskInput } from '../domain/project-plan';
import type { RuleError } from '../domain/rule-error';
import type { WriteContext } from './write-context';

/**
 * A project's tasks are priced (days × rate) and its billing schedule is worth no more than the
 * project, each line's amount following its percentage of the project's amount. A new project
 * amount re-prices the stored schedule (its rows keep their keys by id).
 */
export async function projectRules(strapi: Core.Strapi, write: WriteContext): Promise<RuleError[]> {
  const { data } = write;
  const errors: RuleError[] = [];
  if (Array.isArray(data.tasks)) {
    const priced = priceTasks(data.tasks as TaskInput[]);
    data.tasks = priced.tasks;
    errors.push(...priced.errors);
  }
  if (!Array.isArray(data.billingSchedule) && data.amountExclTax === undefined) return errors;
  const stored: any = write.documentId
    ? await strapi.db.query(write.uid as any).findOne({ where: { documentId: write.documentId }, select: ['id', 'amountExclTax'], populate: { billingSchedule: { populate: { article: { select: ['documentId'] } } } } })
    : null;
  const schedule = (Array.isArray(data.billingSchedule) ? data.billingSchedule : (stored?.billingSchedule ?? [])) as ScheduleInput[];
  if (schedule.length === 0) return errors;
  const amount = data.amountExclTax !== undefined ? data.amountExclTax : stored?.amountExclTax;
  // the stored rows as a client would send them back: a percentage line's amount is priced again
  const asSent = (l: any) => ({ id: l.id, key: l.key, dueDate: l.dueDate, label: l.label, percentage: l.percentage, amountExclTax: l.percentage === null ? l.amountExclTax : undefined, article: l.article?.documentId ?? null });
  const priced = priceSchedule(Array.isArray(data.billingSchedule) ? schedule : schedule.map(asSent), amount);
  data.billingSchedule = priced.lines;
  errors.push(...priced.errors);
  return errors;
}
