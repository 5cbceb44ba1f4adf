import type { Core } from '@strapi/strapi';
import { say, type Said } from '../domain/messages';
import type { RuleError } from '../domain/rule-error';

export type InputProblem = RuleError & { path: string[] };

const DATE_TYPES = ['date', 'datetime', 'time'];
const SYSTEM_DATES: Record<string, string> = { createdAt: 'datetime', updatedAt: 'datetime', publishedAt: 'datetime' };
const LIST_OPERATORS = ['$in', '$notIn'];
const PRESENCE_OPERATORS = ['$null', '$notNull'];

const problem = (path: string[], said: Said): InputProblem => ({ path, ...said });

/** `[a, b]`, or the object qs makes of a long list (`{ '0': a, '21': b }`). */
function asList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object' && Object.keys(value).every((k) => /^\d+$/.test(k))) return Object.values(value);
  return null;
}

/** A real calendar date (2026-02-30 is not), a parseable date-time, or a HH:mm[:ss[.SSS]] time. */
export function isValidDateValue(type: string, value: unknown): boolean {
  if (typeof value !== 'string' || value === '') return false;
  if (type === 'time') return /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?$/.test(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})(?=$|T| )/.exec(value);
  if (match) {
    const [y, m, d] = match.slice(1).map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  } else if (type === 'date') return false;
  return !Number.isNaN(Date.parse(value));
}

function checkDateOperand(type: string, value: unknown, path: string[]): InputProblem[] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const out: InputProblem[] = [];
    for (const [op, operand] of Object.entries(value)) {
      const at = [...path, op];
      if (PRESENCE_OPERATORS.includes(op)) continue;
      if (op === '$and' || op === '$or') {
        const list = asList(operand);
        if (!list) out.push(problem(at, say('filterNotList', { path: at.join('.') })));
        else list.forEach((item, i) => out.push(...checkDateOperand(type, item, [...at, String(i)])));
      } else if (op === '$not') out.push(...checkDateOperand(type, operand, at));
      else if (op === '$between') {
        const list = asList(operand);
        if (!list || list.length !== 2) out.push(problem(at, say('filterTwoDates', { path: at.join('.') })));
        else list.forEach((item, i) => out.push(...checkDateOperand(type, item, [...at, String(i)])));
      } else if (LIST_OPERATORS.includes(op)) {
        const list = asList(operand) ?? [operand];
        list.forEach((item, i) => out.push(...checkDateOperand(type, item, [...at, String(i)])));
      } else out.push(...checkDateOperand(type, operand, at));
    }
    return out;
  }
  const params = { path: path.join('.'), value: JSON.stringify(value) };
  return isValidDateValue(type, value) ? [] : [problem(path, say(type === 'time' ? 'filterInvalidTime' : type === 'date' ? 'filterInvalidDate' : 'filterInvalidDatetime', params))];
}

const LOGICAL_KEYS = ['$and', '$or', '$not'];
const isScalar = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** Each operator's operand: a value, or a list of values for `$in`, `$notIn`, `$between` (an object there is a 500 in the query engine). */
function checkOperands(conditions: Record<string, unknown>, path: string[]): InputProblem[] {
  const out: InputProblem[] = [];
  for (const [op, operand] of Object.entries(conditions)) {
    if (!op.startsWith('$') || LOGICAL_KEYS.includes(op)) continue;
    const at = [...path, op];
    const list = LIST_OPERATORS.includes(op) || op === '$between' ? asList(operand) ?? [operand] : [operand];
    if (!list.every(isScalar)) out.push(problem(at, say(list.length > 1 ? 'filterValuesNotObject' : 'filterValueNotObject', { path: at.join('.') })));
  }
  return out;
}

/**
 * Operators put straight on a relation compare the related record's id, one at a time: Strapi
 * throws (a 500) on two ("Only one operator key is allowed in a relation where clause").
 */
function checkRelationOperators(conditions: Record<string, unknown>, path: string[]): InputProblem[] {
  const operators = Object.keys(conditions).filter((key) => key.startsWith('$') && !LOGICAL_KEYS.includes(key));
  const out = checkOperands(conditions, path);
  if (operators.length > 1) {
    const field = path[path.length - 1];
    const params = { path: path.join('.'), operators: operators.join(', '), field, first: operators[0], second: operators[1] };
    out.push(problem(path, say('filterOneOperatorPerRelation', params)));
  }
  return out;
}

/**
 * Problems in a `filters` query parameter that Strapi would answer with a 500: logical operators
 * that are not lists, `$not` that is not an object, impossible dates (2026-02-30) on date fields.
 * Walks relations and components into their own attributes. Unknown fields are left to Strapi,
 * which refuses them with a 400.
 */
export function checkFilters(strapi: Core.Strapi, uid: string | undefined, filters: unknown, path: string[], depth = 0): InputProblem[] {
  if (filters === undefined) return [];
  if (depth > 20) return [problem(path, say('filtersTooDeep'))];
  if (filters === null || typeof filters !== 'object' || Array.isArray(filters)) return [problem(path, say('filterNotObject', { path: path.join('.') }))];
  const model = uid ? (strapi.getModel(uid as any) as any) : undefined;
  const out: InputProblem[] = [];
  for (const [key, value] of Object.entries(filters)) {
    const at = [...path, key];
    if (key === '$and' || key === '$or') {
      const list = asList(value);
      if (!list) out.push(problem(at, say('filterNotListOfConditions', { path: at.join('.') })));
      else list.forEach((item, i) => out.push(...checkFilters(strapi, uid, item, [...at, String(i)], depth + 1)));
      continue;
    }
    if (key === '$not') {
      out.push(...checkFilters(strapi, uid, value, at, depth + 1));
      continue;
    }
    if (!model) continue;
    const attribute = model.attributes?.[key];
    const dateType = SYSTEM_DATES[key] ?? (DATE_TYPES.includes(attribute?.type) ? attribute.type : undefined);
    if (dateType) out.push(...checkDateOperand(dateType, value, at));
    else if (attribute?.type === 'relation' && attribute.target && value && typeof value === 'object' && !Array.isArray(value)) {
      out.push(...checkRelationOperators(value as Record<string, unknown>, at));
      out.push(...checkFilters(strapi, attribute.target, value, at, depth + 1));
    } else if (attribute && value && typeof value === 'object' && !Array.isArray(value) && attribute.type !== 'component') {
      out.push(...checkOperands(value as Record<string, unknown>, at));
    } else if (attribute?.type === 'component' && value && typeof value === 'object' && !Array.isArray(value)) {
      out.push(...checkFilters(strapi, attribute.component, value, at, depth + 1));
    }
  }
  return out;
}
