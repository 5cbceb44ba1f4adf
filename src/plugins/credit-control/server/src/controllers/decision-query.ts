import { SEARCH_MAX_LENGTH, fieldName, list, type Locale } from '../core';
import { DECISION_KINDS, DECISION_OUTCOMES, type DecisionFilters } from '../services/audit';
import { fieldError } from '../services/field-error';
import { pageParams, type PageParams } from '../services/paging';

type Query = Record<string, unknown>;

const text = (locale: Locale, query: Query, field: string): string | undefined => {
  const value = query[field];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw fieldError(locale, field, 'textOnce', { field: fieldName(field) });
  return value;
};

const oneOf = <T extends string>(locale: Locale, query: Query, field: string, allowed: readonly T[]): T | undefined => {
  const value = text(locale, query, field);
  if (value !== undefined && !allowed.includes(value as T)) throw fieldError(locale, field, 'notOneOf', { field: fieldName(field), allowed: list(allowed) });
  return value as T | undefined;
};

const date = (locale: Locale, query: Query, field: string): Date | undefined => {
  const value = text(locale, query, field);
  if (value === undefined) return undefined;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw fieldError(locale, field, 'isoDateTime', { field: fieldName(field) });
  return parsed;
};

/** A text searched for: at most SEARCH_MAX_LENGTH characters (blank: no search). */
export const searchText = (locale: Locale, query: Query, field: string): string | undefined => {
  const value = text(locale, query, field)?.trim();
  if (value && value.length > SEARCH_MAX_LENGTH) throw fieldError(locale, field, 'textTooLong', { field: fieldName(field), max: SEARCH_MAX_LENGTH });
  return value || undefined;
};

/** `partyName`, or its short form `q`: not both. */
const partyName = (locale: Locale, query: Query): string | undefined => {
  const long = searchText(locale, query, 'partyName');
  const short = searchText(locale, query, 'q');
  if (long !== undefined && short !== undefined) throw fieldError(locale, 'q', 'partyNameOrQ');
  return long ?? short;
};

/** The decision log's query string: every bad parameter is a 400 naming it, in the reader's language. */
export function decisionQuery(locale: Locale, query: Query = {}): { filters: DecisionFilters; paging: PageParams } {
  const filters: DecisionFilters = {
    party: text(locale, query, 'party'),
    partyName: partyName(locale, query),
    outcome: oneOf(locale, query, 'outcome', DECISION_OUTCOMES),
    kind: oneOf(locale, query, 'kind', DECISION_KINDS),
    actor: text(locale, query, 'actor'),
    from: date(locale, query, 'from'),
    to: date(locale, query, 'to'),
  };
  if (filters.from && filters.to && filters.from > filters.to) throw fieldError(locale, 'to', 'notBefore', { field: fieldName('to'), other: fieldName('from') });
  return { filters, paging: pageParams(locale, query, 50) };
}
