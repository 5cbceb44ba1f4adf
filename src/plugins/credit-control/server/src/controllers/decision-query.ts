import { SEARCH_MAX_LENGTH } from '../core';
import { DECISION_KINDS, DECISION_OUTCOMES, type DecisionFilters } from '../services/audit';
import { fieldError } from '../services/field-error';
import { pageParams, type PageParams } from '../services/paging';

const text = (query: Record<string, unknown>, field: string): string | undefined => {
  const value = query[field];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw fieldError(field, `${field} must be given once, as text`);
  return value;
};

const oneOf = <T extends string>(query: Record<string, unknown>, field: string, allowed: readonly T[]): T | undefined => {
  const value = text(query, field);
  if (value !== undefined && !allowed.includes(value as T)) throw fieldError(field, `${field} must be one of: ${allowed.join(', ')}`);
  return value as T | undefined;
};

const date = (query: Record<string, unknown>, field: string): Date | undefined => {
  const value = text(query, field);
  if (value === undefined) return undefined;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw fieldError(field, `${field} must be an ISO 8601 date or date-time`);
  return parsed;
};

/** A text searched for: at most SEARCH_MAX_LENGTH characters (blank: no search). */
export const searchText = (query: Record<string, unknown>, field: string): string | undefined => {
  const value = text(query, field)?.trim();
  if (value && value.length > SEARCH_MAX_LENGTH) throw fieldError(field, `${field} must be at most ${SEARCH_MAX_LENGTH} characters`);
  return value || undefined;
};

/** `partyName`, or its short form `q`: not both. */
const partyName = (query: Record<string, unknown>): string | undefined => {
  const long = searchText(query, 'partyName');
  const short = searchText(query, 'q');
  if (long !== undefined && short !== undefined) throw fieldError('q', 'give partyName or q, not both');
  return long ?? short;
};

/** The decision log's query string: every bad parameter is a 400 naming it. */
export function decisionQuery(query: Record<string, unknown> = {}): { filters: DecisionFilters; paging: PageParams } {
  const filters: DecisionFilters = {
    party: text(query, 'party'),
    partyName: partyName(query),
    outcome: oneOf(query, 'outcome', DECISION_OUTCOMES),
    kind: oneOf(query, 'kind', DECISION_KINDS),
    actor: text(query, 'actor'),
    from: date(query, 'from'),
    to: date(query, 'to'),
  };
  if (filters.from && filters.to && filters.from > filters.to) throw fieldError('to', 'to must not be before from');
  return { filters, paging: pageParams(query, 50) };
}
