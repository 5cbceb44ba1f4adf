import { fieldName, type Locale } from '../core';
import { fieldError } from './field-error';

export interface PageParams {
  page: number;
  pageSize: number;
}

const whole = (locale: Locale, field: string, raw: unknown, fallback: number, max: number): number => {
  if (raw === undefined || raw === '') return fallback;
  const text = String(raw);
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) throw fieldError(locale, field, 'wholeNumberRange', { field: fieldName(field), max });
  return Number(text);
};

/** `page` and `pageSize` from a query string: a bad one is a 400 naming it (in `locale`), never silently clamped. */
export function pageParams(locale: Locale, query: Record<string, unknown>, defaultSize: number, maxSize = 100): PageParams {
  return { page: whole(locale, 'page', query.page, 1, 1_000_000), pageSize: whole(locale, 'pageSize', query.pageSize, defaultSize, maxSize) };
}

/** A page of results in Strapi's shape: `{ data, meta: { pagination: { page, pageSize, pageCount, total } } }`. */
export function pageOf<T>(data: T[], { page, pageSize }: PageParams, total: number, meta: Record<string, unknown> = {}) {
  return { data, meta: { ...meta, pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
}
