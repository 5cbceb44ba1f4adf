import type { Minor } from '../money';
import { daysBetween } from './dates';

/**
 * Ageing bands of a statement: how many days a balance is LATE (past its due date) on the as-of date.
 * "Bucket" is the exposure's word (what counts in the outstanding); a band is a span of days.
 */
export const AGEING_BANDS = ['notDue', 'late1to30', 'late31to60', 'late61to90', 'lateOver90'] as const;
export type AgeingBand = (typeof AGEING_BANDS)[number];
export type Ageing = Record<AgeingBand, Minor>;

export const emptyAgeing = (): Ageing => ({ notDue: 0n, late1to30: 0n, late31to60: 0n, late61to90: 0n, lateOver90: 0n });

/**
 * The one rule for a missing due date (the app's dashboard follows it too): a document without a
 * due date falls due on its own date; one without either date is not late.
 */
export const dueOn = (doc: { dueDate: string | null; date: string | null }): string | null => doc.dueDate || doc.date || null;

/** Band of a balance due on `dueDate`, as of `asOf` (no date: not due). */
export function ageingBand(dueDate: string | null, asOf: string): AgeingBand {
  if (!dueDate) return 'notDue';
  const late = daysBetween(dueDate, asOf);
  if (late <= 0) return 'notDue';
  if (late <= 30) return 'late1to30';
  if (late <= 60) return 'late31to60';
  if (late <= 90) return 'late61to90';
  return 'lateOver90';
}

/** Sums balances into the five bands; credit notes (negative balances) lower their band. */
export function ageBalances(items: { dueDate: string | null; date: string | null; balanceMinor: Minor }[], asOf: string): Ageing {
  const ageing = emptyAgeing();
  for (const item of items) ageing[ageingBand(dueOn(item), asOf)] += item.balanceMinor;
  return ageing;
}
