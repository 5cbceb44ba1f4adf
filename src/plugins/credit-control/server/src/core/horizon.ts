// The horizon (SAP's dynamic check): a policy may leave out of the exposure the documents whose
// delivery date is more than N days away. Pure (no Strapi), unit-tested alone.
import type { Contribution } from './contribution';
import type { ExposureRow } from './exposure';
import type { Minor } from './money';

/** A maintained row of dated contributions: what a party's documents delivering on `day` add to a bucket. */
export interface DatedRow {
  bucket: string;
  currency: string;
  /** the delivery day, ISO YYYY-MM-DD */
  day: string;
  minor: Minor;
}

/** The policy's horizon in whole days: null is no horizon (everything counts). */
export const MAX_HORIZON_DAYS = 3650;

/** A date field's value as an ISO day; undefined when empty or not a date (the document stays counted). */
export function dayOfValue(value: unknown): string | undefined {
  if (typeof value === 'number') return dayOfValue(new Date(value));
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const day = value.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
}

/** The last counted delivery day: `day` + N days (UTC calendar days). */
export function horizonUntil(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** Beyond the horizon: a dated contribution whose delivery day is after the last counted day. */
export const beyondHorizon = (c: { day?: string }, until: string): boolean => Boolean(c.day && c.day > until);

export interface HorizonApplied {
  days: number;
  /** the last counted delivery day */
  until: string;
  /** the maintained exposure less what delivers after `until` */
  exposureRows: ExposureRow[];
  /** the write's deltas that count (those delivering after `until` add nothing) */
  counted: Contribution[];
  /** what the horizon left out of the exposure before the write, per bucket and currency */
  leftOut: ExposureRow[];
  /** what it left out of the write's own deltas */
  leftOutOfWrite: Contribution[];
}

/** Sums rows per bucket and currency, dropping zeros. */
function perBucket(rows: { bucket: string; currency: string; minor: Minor }[]): ExposureRow[] {
  const sums = new Map<string, ExposureRow>();
  for (const r of rows) {
    const key = `${r.bucket}\u0000${r.currency}`;
    const entry = sums.get(key) ?? { bucket: r.bucket, currency: r.currency, minor: 0n };
    entry.minor += r.minor;
    sums.set(key, entry);
  }
  return [...sums.values()].filter((r) => r.minor !== 0n);
}

/**
 * Applies a horizon of `days` at `day`: the dated rows delivering after day + days are taken off
 * the maintained exposure (which holds every document, dated or not), and the write's deltas
 * delivering then add nothing. Documents with no delivery date stay counted.
 */
export function applyHorizon(exposureRows: ExposureRow[], dated: DatedRow[], counted: Contribution[], days: number, day: string): HorizonApplied {
  const until = horizonUntil(day, days);
  const leftOut = perBucket(dated.filter((r) => beyondHorizon(r, until)));
  const minus = new Map(leftOut.map((r) => [`${r.bucket}\u0000${r.currency}`, r.minor]));
  const rows = exposureRows.map((r) => ({ bucket: r.bucket, currency: r.currency, minor: r.minor - (minus.get(`${r.bucket}\u0000${r.currency}`) ?? 0n) }));
  return {
    days,
    until,
    exposureRows: rows,
    counted: counted.filter((c) => !beyondHorizon(c, until)),
    leftOut,
    leftOutOfWrite: counted.filter((c) => beyondHorizon(c, until)),
  };
}
