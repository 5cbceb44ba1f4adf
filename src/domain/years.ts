/**
 * The dashboard's `years` entry: "2025" or "2024,2025"; empty means every year. Pure and free of
 * imports: the server checks the query with it and the admin checks the field with it, so both
 * refuse the same entries (the admin in the clerk's language, before asking the server).
 */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2200;

export type ParsedYears = { ok: true; years: number[] } | { ok: false; reason: string; part?: string };

export function parseYears(value: unknown): ParsedYears {
  if (value === undefined || value === null || value === '') return { ok: true, years: [] };
  if (typeof value !== 'string') return { ok: false, reason: 'must be a comma-separated list of years' };
  const years: number[] = [];
  for (const part of value.split(',').map((p) => p.trim())) {
    if (!/^\d{4}$/.test(part) || Number(part) < YEAR_MIN || Number(part) > YEAR_MAX) {
      return { ok: false, reason: `must be years between ${YEAR_MIN} and ${YEAR_MAX} separated by commas (got "${part}")`, part };
    }
    if (!years.includes(Number(part))) years.push(Number(part));
  }
  return { ok: true, years: years.sort((a, b) => a - b) };
}
