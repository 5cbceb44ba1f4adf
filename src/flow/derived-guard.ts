import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { DERIVED } from '../domain/flow/derived';
import type { RuleError } from '../domain/rule-error';
import { isFlowWrite } from './flow-context';
import { say } from '../domain/messages';
import { fieldWord, stateWord } from '../rules/words';

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const sameValue = (given: unknown, current: unknown): boolean => {
  if (text(given) === text(current)) return true;
  const numeric = /^-?\d+(\.\d+)?$/;
  if (numeric.test(text(given)) && numeric.test(text(current) || '0')) return new Decimal(text(given)).eq(text(current) || '0');
  return false;
};

/**
 * A client may not type what the flow derives: a derived figure given with another value than the
 * stored one (the admin sends the whole record back, unchanged values pass), or a state only the
 * flow sets. The message names the field and where its value comes from. Derived figures are
 * dropped from the write (the rules below must not read them as the caller's); the errors are
 * reported with the other rules' so the caller sees every problem at once.
 */
export async function derivedFieldErrors(strapi: Core.Strapi, uid: string, data: Record<string, unknown>, documentId?: string): Promise<RuleError[]> {
  const spec = DERIVED[uid];
  if (!spec || isFlowWrite()) return [];
  const given = [...spec.fields, 'state'].filter((field) => data[field] !== undefined);
  if (given.length === 0) return [];
  const attributes = ((strapi.getModel(uid as any) as any)?.attributes ?? {}) as Record<string, any>;
  const current: Record<string, unknown> = documentId
    ? ((await strapi.db.query(uid as any).findOne({ where: { documentId }, select: given })) ?? {})
    : Object.fromEntries(given.map((field) => [field, attributes[field]?.default ?? null]));
  const errors: RuleError[] = [];
  for (const field of spec.fields) {
    if (data[field] === undefined) continue;
    // sent back unchanged (the admin form) it passes; either way the flow keeps the field, not the caller
    if (!sameValue(data[field], current[field])) errors.push({ path: [field], ...say('derivedField', { field: fieldWord(uid, field) }) });
    delete data[field];
  }
  const state = data.state;
  if (state !== undefined && state !== current.state) {
    if (spec.states.includes(String(state)) && state !== spec.reopenAs) {
      errors.push({ path: ['state'], ...say('derivedState', { state: stateWord(uid, state) }) });
    } else if (documentId && spec.states.includes(String(current.state)) && state !== 'cancelled') {
      errors.push({ path: ['state'], ...say('derivedStateOnlyCancel', { state: stateWord(uid, current.state) }) });
    }
    if (errors.some((e) => e.path[0] === 'state')) delete data.state;
  }
  return errors;
}
