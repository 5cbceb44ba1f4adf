/**
 * Calendar arithmetic on whole days (days since 1970-01-01, UTC), with a cache of
 * 'YYYY-MM-DD' strings: a million documents format many dates.
 */
export type Day = number;

const MS_PER_DAY = 86400000;
const cache = new Map<Day, string>();

export const dayOf = (iso: string): Day => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RangeError(`expected a YYYY-MM-DD date, got "${iso}"`);
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a date: "${iso}"`);
  return Math.floor(ms / MS_PER_DAY);
};

export const todayUtc = (at: Date = new Date()): string => at.toISOString().slice(0, 10);

export const isoDate = (day: Day): string => {
  let text = cache.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    cache.set(day, text);
  }
  return text;
};

export const yearOf = (day: Day): number => Number(isoDate(day).slice(0, 4));

/** Epoch milliseconds of a moment in the day: `seconds` after midnight UTC. */
export const msOf = (day: Day, seconds = 0): number => day * MS_PER_DAY + seconds * 1000;

/** Last day of the month that contains `day`. */
export const endOfMonth = (day: Day): Day => {
  const d = new Date(day * MS_PER_DAY);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / MS_PER_DAY);
};

/** First day of a year. */
export const startOfYear = (year: number): Day => Math.floor(Date.UTC(year, 0, 1) / MS_PER_DAY);

/** Due date of a payment term: `days` after the date, then to the end of that month when asked. */
export const dueDay = (day: Day, days: number, toEndOfMonth: boolean): Day => {
  const raw = day + days;
  return toEndOfMonth ? endOfMonth(raw) : raw;
};
