import { refuse } from '../rules/validation-error';
import { say } from '../domain/messages';

export interface PageParams {
  page: number;
  pageSize: number;
}

const whole = (field: string, raw: unknown, fallback: number, max: number): number => {
  if (raw === undefined || raw === '') return fallback;
  const text = String(raw);
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) refuse(field, say('wholeNumberFrom1', { field, max }));
  return Number(text);
};

/**
 * `page` and `pageSize` from a query string, for every paged route of the app: a bad one is a 400
 * naming it, never silently clamped (the credit-control plugin answers by the same rule).
 */
export function pageParams(query: Record<string, unknown>, defaultSize = 25, maxSize = 100): PageParams {
  return { page: whole('page', query.page, 1, 1_000_000), pageSize: whole('pageSize', query.pageSize, defaultSize, maxSize) };
}

/** A page of results in Strapi's shape: `{ data, meta: { pagination: { page, pageSize, pageCount, total } } }`. */
export function pageOf<T>(data: T[], { page, pageSize }: PageParams, total: number, meta: Record<string, unknown> = {}) {
  return { data, meta: { ...meta, pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
}
