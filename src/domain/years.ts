/**
 * The dashboard's `years` entry: "2025" or "2024,2025"; empty means every year. Pure and free of
 * imports: the server checks the query with it and the admin checks the field with it, so both
 * refuse the same entries. A refusal names its catalog code (src/domain/messages/catalog/insights.ts)
 * and the part that is not a year; each side words it in its reader's language.
 */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2200;

export type YearsRefusalCode = 'insightsYearsNotText' | 'insightsYearsOutOfRange';
export type ParsedYears = { ok: true; years: number[] } | { ok: false; code: YearsRefusalCode; part?: string };

export function parseYears(value: unknown): ParsedYears {
  if (value === undefined || value === null || value === '') return { ok: true, years: [] };
  if (typeof value !== 'string') return { ok: false, code: 'insightsYearsNotText' };
  const years: number[] = [];
  for (const part of value.split(',').map((p) => p.trim())) {
    if (!/^\d{4}$/.test(part) || Number(part) < YEAR_MIN || Number(part) > YEAR_MAX) return { ok: false, code: 'insightsYearsOutOfRange', part };
    if (!years.includes(Number(part))) years.push(Number(part));
  }
  return { ok: true, years: years.sort((a, b) => a - b) };
}
