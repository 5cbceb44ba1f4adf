import Decimal from 'decimal.js';
import { minorUnitsOf, toMinor, type Minor } from '../money';
import { daysBetween } from './dates';

export interface DunningLevel {
  code: string;
  name: string;
  rank: number;
  minDaysOverdue: number;
  subject: string;
  body: string;
  /** decimal string or number, in the letter's currency; charged once per letter */
  fee: string | number | null;
  /** annual %, applied to each invoice's balance at this level */
  interestRate: string | number | null;
  /** letter language (fr|en); `locale` is reserved by Strapi */
  language: string;
}

export interface DunnableInvoice {
  documentId: string;
  number: string;
  date: string | null;
  dueDate: string;
  balanceMinor: Minor;
  currency: string;
  /** rank of the last level this invoice reached (dunning records), null if never dunned */
  lastRank: number | null;
}

export interface DunningLine extends DunnableInvoice {
  daysOverdue: number;
  level: DunningLevel;
  interestMinor: Minor;
}

/**
 * The level an invoice reaches. Levels are climbed one step per run and never go down: a formal
 * notice always follows a firm reminder, even when the delay alone would already justify it.
 * A first run sends the lowest level the delay reaches; later runs go one rank up if the delay
 * reaches it, else repeat the last level. Null: the delay reaches no level yet.
 */
export function levelFor(daysOverdue: number, lastRank: number | null, levels: DunningLevel[]): DunningLevel | null {
  const sorted = [...levels].sort((a, b) => a.rank - b.rank);
  const reached = sorted.filter((l) => daysOverdue >= l.minDaysOverdue);
  if (lastRank === null) return reached[0] ?? null;
  const last = sorted.filter((l) => l.rank <= lastRank).pop() ?? null;
  const next = sorted.find((l) => l.rank > lastRank) ?? null;
  if (next && daysOverdue >= next.minDaysOverdue) return next;
  return last ?? reached[0] ?? null;
}

/** balance × annual rate × days / 365, rounded half-up to the currency's minor unit. */
export function interestOf(balanceMinor: Minor, annualRatePercent: string | number | null, days: number, currency: string): Minor {
  if (!annualRatePercent || days <= 0 || balanceMinor <= 0n) return 0n;
  const scale = minorUnitsOf(currency);
  const balance = new Decimal(balanceMinor.toString()).div(new Decimal(10).pow(scale));
  const interest = balance.mul(new Decimal(String(annualRatePercent))).div(100).mul(days).div(365);
  return toMinor(interest.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP).toFixed(scale), currency);
}

/** Invoices due before `dueBefore` with a balance, each with its days overdue as of `asOf`, its level and interest. */
export function dunningLines(invoices: DunnableInvoice[], criteria: { dueBefore: string; asOf: string }, levels: DunningLevel[]): DunningLine[] {
  const lines: DunningLine[] = [];
  for (const invoice of invoices) {
    if (invoice.balanceMinor <= 0n || !(invoice.dueDate < criteria.dueBefore)) continue;
    const daysOverdue = daysBetween(invoice.dueDate, criteria.asOf);
    if (daysOverdue <= 0) continue;
    const level = levelFor(daysOverdue, invoice.lastRank, levels);
    if (!level) continue;
    lines.push({ ...invoice, daysOverdue, level, interestMinor: interestOf(invoice.balanceMinor, level.interestRate, daysOverdue, invoice.currency) });
  }
  return lines.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number));
}

export interface LetterTotals {
  currency: string;
  balanceMinor: Minor;
  interestMinor: Minor;
  feeMinor: Minor;
  totalMinor: Minor;
}

/** The letter's level is the highest its invoices reached; its fee is charged once, in the first currency. */
export function letterOf(lines: DunningLine[]): { level: DunningLevel; totals: LetterTotals[] } | null {
  if (lines.length === 0) return null;
  const level = lines.reduce((top, l) => (l.level.rank > top.rank ? l.level : top), lines[0].level);
  const byCurrency = new Map<string, LetterTotals>();
  for (const line of lines) {
    const t = byCurrency.get(line.currency) ?? byCurrency.set(line.currency, { currency: line.currency, balanceMinor: 0n, interestMinor: 0n, feeMinor: 0n, totalMinor: 0n }).get(line.currency)!;
    t.balanceMinor += line.balanceMinor;
    t.interestMinor += line.interestMinor;
  }
  const totals = [...byCurrency.values()];
  totals[0].feeMinor = toMinor(level.fee ?? 0, totals[0].currency);
  for (const t of totals) t.totalMinor = t.balanceMinor + t.interestMinor + t.feeMinor;
  return { level, totals };
}

/** Replaces {{name}} placeholders; unknown ones stay visible so that a template typo shows. */
export const renderTemplate = (template: string, vars: Record<string, string>): string =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in vars ? vars[name] : whole));
