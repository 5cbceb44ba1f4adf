import { fieldName, list, problem, type Problem } from '../messages';
import { parseDay, today } from './dates';
import { REPORT_LOCALES, type ReportLocale } from './format';

/** A bad criterion: its path, its code and its message (English; the API answers in the reader's language). */
export type CriteriaError = Problem;

export interface StatementCriteria {
  company?: string;
  division?: string;
  entity?: string;
  codeFrom?: string;
  codeTo?: string;
  /** invoices and payments dated between */
  from?: string;
  to?: string;
  /** invoices due by (inclusive) */
  dueBy?: string;
  /** payments later than this (or than `asOf`) are left out */
  paymentsUntil?: string;
  /** ageing date; defaults to today */
  asOf: string;
  sort: 'name' | 'code';
  locale: ReportLocale;
  /** single-customer form */
  party?: string;
}

export interface DunningCriteria {
  dueBefore: string;
  asOf: string;
  codeFrom?: string;
  codeTo?: string;
  format: 'letter' | 'summary';
  locale: ReportLocale;
  /** one party (its documentId): the record's own letter, whether or not it has a code */
  party?: string;
  /** a level's code forced on every overdue invoice (the clerk's choice); by delay and history when absent */
  level?: string;
}

const text = (input: Record<string, unknown>, key: string, errors: CriteriaError[], max = 64): string | undefined => {
  const value = input[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > max) {
    errors.push(problem([key], 'criterionText', { field: fieldName(key), max }));
    return undefined;
  }
  return value;
};

const day = (input: Record<string, unknown>, key: string, errors: CriteriaError[], required = false): string | undefined => {
  const value = input[key];
  if (value === undefined || value === null || value === '') {
    if (required) errors.push(problem([key], 'dayRequired', { field: fieldName(key) }));
    return undefined;
  }
  const parsed = parseDay(value);
  if (!parsed) errors.push(problem([key], 'dayInvalid', { field: fieldName(key), got: String(value).slice(0, 40) }));
  return parsed ?? undefined;
};

const oneOf = <T extends string>(input: Record<string, unknown>, key: string, allowed: readonly T[], fallback: T, errors: CriteriaError[]): T => {
  const value = input[key];
  if (value === undefined || value === null || value === '') return fallback;
  if (!allowed.includes(value as T)) {
    errors.push(problem([key], 'notOneOfGot', { field: fieldName(key), allowed: list(allowed), got: String(value).slice(0, 40) }));
    return fallback;
  }
  return value as T;
};

export const STATEMENT_KEYS = ['company', 'division', 'entity', 'codeFrom', 'codeTo', 'from', 'to', 'dueBy', 'paymentsUntil', 'asOf', 'sort', 'locale'];
export const DUNNING_KEYS = ['dueBefore', 'asOf', 'codeFrom', 'codeTo', 'party', 'format', 'locale', 'level'];

/** Criteria are an object of known keys: a typo must not silently widen a report that records. */
function knownKeys(input: unknown, allowed: string[], errors: CriteriaError[]): Record<string, unknown> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    errors.push(problem([], 'criteriaNotObject'));
    return {};
  }
  for (const key of Object.keys(input)) {
    if (!allowed.includes(key)) errors.push(problem([key], 'notCriterion', { field: fieldName(key), allowed: list(allowed) }));
  }
  return input as Record<string, unknown>;
}

const ordered = (errors: CriteriaError[], a: [string, string | undefined], b: [string, string | undefined]) => {
  if (a[1] !== undefined && b[1] !== undefined && a[1] > b[1]) errors.push(problem([b[0]], 'notBefore', { field: fieldName(b[0]), other: fieldName(a[0]) }));
};

/** Reads the statement's selection criteria (query string or body); `extraKeys` are the caller's own fields, any other key is refused. */
export function parseStatementCriteria(raw: unknown, now = today(), extraKeys: string[] = []): { criteria: StatementCriteria; errors: CriteriaError[] } {
  const errors: CriteriaError[] = [];
  const input = knownKeys(raw, [...STATEMENT_KEYS, ...extraKeys], errors);
  const criteria: StatementCriteria = {
    company: text(input, 'company', errors),
    division: text(input, 'division', errors),
    entity: text(input, 'entity', errors),
    codeFrom: text(input, 'codeFrom', errors),
    codeTo: text(input, 'codeTo', errors),
    from: day(input, 'from', errors),
    to: day(input, 'to', errors),
    dueBy: day(input, 'dueBy', errors),
    paymentsUntil: day(input, 'paymentsUntil', errors),
    asOf: day(input, 'asOf', errors) ?? now,
    sort: oneOf(input, 'sort', ['name', 'code'] as const, 'name', errors),
    locale: oneOf(input, 'locale', REPORT_LOCALES, 'fr', errors),
  };
  ordered(errors, ['from', criteria.from], ['to', criteria.to]);
  ordered(errors, ['codeFrom', criteria.codeFrom], ['codeTo', criteria.codeTo]);
  return { criteria, errors };
}

/** Reads the dunning criteria: invoices due before, as of (the dunning date), customer code between or one party, format. */
export function parseDunningCriteria(raw: unknown, now = today(), extraKeys: string[] = []): { criteria: DunningCriteria; errors: CriteriaError[] } {
  const errors: CriteriaError[] = [];
  const input = knownKeys(raw, [...DUNNING_KEYS, ...extraKeys], errors);
  const asOf = day(input, 'asOf', errors) ?? now;
  const criteria: DunningCriteria = {
    dueBefore: day(input, 'dueBefore', errors) ?? asOf,
    asOf,
    codeFrom: text(input, 'codeFrom', errors),
    codeTo: text(input, 'codeTo', errors),
    party: text(input, 'party', errors),
    format: oneOf(input, 'format', ['letter', 'summary'] as const, 'letter', errors),
    locale: oneOf(input, 'locale', REPORT_LOCALES, 'fr', errors),
    level: text(input, 'level', errors),
  };
  ordered(errors, ['codeFrom', criteria.codeFrom], ['codeTo', criteria.codeTo]);
  return { criteria, errors };
}
