/**
 * A stored date as the API gives it: ISO 8601. SQLite hands back epoch milliseconds (a number,
 * or digits in a string), Postgres a Date; the same response shape comes out of both.
 */
export function toIsoDate(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date =
    value instanceof Date ? value : typeof value === 'number' || /^\d+$/.test(String(value)) ? new Date(Number(value)) : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
