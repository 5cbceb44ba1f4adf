import type { Minor } from '../money';
import { daysBetween } from './dates';

export const BUCKETS = ['notDue', 'd1to30', 'd31to60', 'd61to90', 'over90'] as const;
export type Bucket = (typeof BUCKETS)[number];
export type Ageing = Record<Bucket, Minor>;

export const emptyAgeing = (): Ageing => ({ notDue: 0n, d1to30: 0n, d31to60: 0n, d61to90: 0n, over90: 0n });

/** Bucket of a balance due on `dueDate`, as of `asOf` (no due date: not due). */
export function bucketOf(dueDate: string | null, asOf: string): Bucket {
  if (!dueDate) return 'notDue';
  const late = daysBetween(dueDate, asOf);
  if (late <= 0) return 'notDue';
  if (late <= 30) return 'd1to30';
  if (late <= 60) return 'd31to60';
  if (late <= 90) return 'd61to90';
  return 'over90';
}

/** Sums balances into the five buckets; credit notes (negative balances) lower their bucket. */
export function ageBalances(items: { dueDate: string | null; balanceMinor: Minor }[], asOf: string): Ageing {
  const ageing = emptyAgeing();
  for (const item of items) ageing[bucketOf(item.dueDate, asOf)] += item.balanceMinor;
  return ageing;
}
