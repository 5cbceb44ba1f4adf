import type { Core } from '@strapi/strapi';
import { dueOn } from '../../domain/project-plan';
import { FLOW_UIDS } from '../../domain/flow/edges';
import { refuse } from '../../rules/validation-error';
import { itemSourceWord } from '../billed-once';
import { articleFor, makeNote, specOf, toBill, type Made } from './bill-items';
import { isoDateOf } from './contract-delivery';
import { onlyKnown, today } from './make';
import { day, say } from '../../domain/messages';
import { stateWord, stepWord } from '../../rules/words';

export const PROJECT_UID = 'api::project.project';
const QUOTATION: Made = { uid: FLOW_UIDS.quotation, prefix: 'QUO', state: 'draft', fields: ['number', 'date', 'validUntil'] };
const MADE: Record<string, Made> = {
  delivery: { uid: FLOW_UIDS.delivery, prefix: 'DEL', state: 'delivered', fields: ['number', 'date', 'deliveredOn'] },
  billingTable: { uid: FLOW_UIDS.billingTable, prefix: 'BT', state: 'validated', fields: ['number', 'date'] },
};
const FROM: Record<string, string> = { tasks: 'tasks', schedule: 'billingSchedule' };

const keysOf = (body: Record<string, unknown>): string[] | null => {
  if (body.items === undefined) return null;
  if (!Array.isArray(body.items) || body.items.some((k) => typeof k !== 'string')) refuse('items', say('itemsShape'));
  return body.items as string[];
};

/** The project's items still to quote or bill (or the ones asked), read with the project locked. */
async function itemsOf(strapi: Core.Strapi, projectId: string, to: string, items: string, asked: string[] | null) {
  const spec = specOf(PROJECT_UID, to, items);
  const [{ source, items: free }] = await toBill(strapi, spec, [projectId], { [items]: { populate: { article: { select: ['documentId'] } } }, company: { select: ['documentId'] } });
  const tasks = items === 'tasks';
  if (!spec.sourceStates.includes(source.state)) {
    const state = stateWord(PROJECT_UID, source.state);
    refuse('state', tasks ? say('projectTasksStateBlocks', { source: source.label, state, step: stepWord(spec.verb, 'fp') }) : say('projectScheduleStateBlocks', { source: source.label, state, step: stepWord(spec.verb, 'ms') }));
  }
  for (const key of asked ?? []) {
    if (free.some((i) => i.key === key)) continue;
    const params = { key, source: itemSourceWord(PROJECT_UID, source.row, projectId, 'of'), step: stepWord(spec.verb, 'fp') };
    refuse('items', say(tasks ? 'projectItemNotFreeTask' : 'projectItemNotFreeSchedule', params));
  }
  return { spec, source, free: asked ? free.filter((i) => asked.includes(i.key as string)) : free };
}

const header = (spec: { origin?: string }, row: any, projectId: string) => ({
  ...(spec.origin ? { origin: spec.origin } : {}),
  customer: row.customer?.documentId,
  ...(row.company ? { company: row.company.documentId } : {}),
  currency: row.currency?.documentId,
  project: projectId,
});

/**
 * "Creating a quotation from a schedule and from a task": the project's tasks (planned days at the
 * daily rate) or schedule lines not yet quoted, or the ones named, on one draft quotation for the
 * project's customer, each line naming its item. An item is quoted once until its quotation is
 * refused, expired or superseded.
 */
export async function quoteProject(strapi: Core.Strapi, projectId: string, body: Record<string, unknown>) {
  onlyKnown(body, ['from', 'items', 'article', ...QUOTATION.fields!, 'preview']);
  const from = String(body.from ?? 'tasks');
  if (!FROM[from]) refuse('from', say('fromValues'));
  const asked = keysOf(body);
  return strapi.db.transaction(async () => {
    const { spec, source, free } = await itemsOf(strapi, projectId, FLOW_UIDS.quotation, FROM[from], asked);
    if (free.length === 0) refuse('items', say('projectNothingToQuote', { source: itemSourceWord(PROJECT_UID, source.row, projectId, 'of') }));
    const fallback = free.some((i: any) => !i.article) ? await articleFor(strapi, body, 'projectArticle') : null;
    const lines = free.map((item: any) => {
      const days = from === 'tasks' && item.plannedDays !== null && item.dailyRate !== null;
      return {
        article: item.article?.documentId ?? fallback,
        label: (from === 'tasks' ? item.label : `${item.label ?? source.row.name} (${item.dueDate})`).slice(0, 255),
        quantity: days ? String(item.plannedDays) : '1',
        unitPrice: String(days ? item.dailyRate : from === 'tasks' ? item.plannedAmountExclTax : item.amountExclTax),
        sourceKey: item.key,
      };
    });
    return makeNote(strapi, { ...header(spec, source.row, projectId), lines }, body, QUOTATION);
  });
}

/**
 * A due schedule line billed straight: the project's schedule lines due at `dueDate` (default
 * today) and neither quoted nor billed yet, on one delivery or billing table for its customer.
 */
export async function billSchedule(strapi: Core.Strapi, projectId: string, body: Record<string, unknown>) {
  onlyKnown(body, ['make', 'items', 'dueDate', 'article', 'number', 'date', 'deliveredOn', 'preview']);
  const made = MADE[String(body.make ?? 'delivery')];
  if (!made) refuse('make', say('makeDeliveryOrBillingTable'));
  const at = isoDateOf(body, 'dueDate', today());
  const asked = keysOf(body);
  return strapi.db.transaction(async () => {
    const { spec, source, free } = await itemsOf(strapi, projectId, made.uid, 'billingSchedule', asked);
    const due = dueOn(free, at);
    const of = itemSourceWord(PROJECT_UID, source.row, projectId, 'of');
    if (asked) for (const item of free) if (!due.includes(item)) refuse('items', say('scheduleLineDueAfter', { key: String(item.key), source: of, dueDate: day(String(item.dueDate)), at: day(at) }));
    if (due.length === 0) refuse('items', say('noScheduleLineDue', { source: of, at: day(at) }));
    const fallback = due.some((i: any) => !i.article) ? await articleFor(strapi, body, 'projectArticle') : null;
    const lines = due.map((item: any) => ({
      article: item.article?.documentId ?? fallback,
      label: `${item.label ?? source.row.name} (${item.dueDate})`.slice(0, 255),
      quantity: '1',
      unitPrice: String(item.amountExclTax),
      sourceKey: item.key,
    }));
    return makeNote(strapi, { ...header(spec, source.row, projectId), lines }, { ...body, make: undefined, dueDate: undefined }, made);
  });
}
