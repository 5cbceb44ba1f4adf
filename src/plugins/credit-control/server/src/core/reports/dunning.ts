import Decimal from 'decimal.js';
import { PLAIN_DECIMAL, minorUnitsOf, toMinor, type Minor } from '../money';
import { daysBetween } from './dates';
import type { InvoiceRow, PaymentRow } from './statement';

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
  /** days since the invoice reached the level below before this one may follow it (null: 0) */
  minDaysSincePrevious?: number | null;
  /** sent by registered letter with acknowledgement of receipt (a formal notice), said at its head */
  registeredMail?: boolean | null;
  /** claims the fixed recovery indemnity per invoice from professional customers (art. L441-10) */
  claimsIndemnity?: boolean | null;
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
  /** the day (a run's as-of date) it first reached that rank; null if never dunned */
  lastReachedOn?: string | null;
}

export interface DunningLine extends DunnableInvoice {
  daysOverdue: number;
  level: DunningLevel;
  interestMinor: Minor;
}

/**
 * The level an invoice reaches on `asOf`. A first letter takes the highest level its delay reaches
 * (an invoice 679 days late is not "probably an oversight"). Once dunned, an invoice climbs one rank
 * per letter, when its delay reaches the next level and that level's interval since the invoice
 * reached the one below has passed (rerunning a batch the same day does not escalate); otherwise
 * it stays at its level, never lower. Null: the delay reaches no level yet.
 */
export function levelFor(
  daysOverdue: number,
  history: { rank: number; reachedOn?: string | null } | null,
  asOf: string,
  levels: DunningLevel[]
): DunningLevel | null {
  return levelAmong(daysOverdue, history, asOf, byRank(levels));
}

const byRank = (levels: DunningLevel[]): DunningLevel[] => [...levels].sort((a, b) => a.rank - b.rank);

/** `levelFor` on levels already in rank order (a run sorts them once, not per invoice). */
function levelAmong(daysOverdue: number, history: { rank: number; reachedOn?: string | null } | null, asOf: string, sorted: DunningLevel[]): DunningLevel | null {
  let byDelay: DunningLevel | null = null;
  for (const l of sorted) if (daysOverdue >= l.minDaysOverdue) byDelay = l;
  if (history === null) return byDelay;
  let last: DunningLevel | null = null;
  for (const l of sorted) if (l.rank <= history.rank) last = l;
  const next = sorted.find((l) => l.rank > history.rank) ?? null;
  const waited = history.reachedOn ? daysBetween(history.reachedOn, asOf) : Number.POSITIVE_INFINITY;
  if (next && daysOverdue >= next.minDaysOverdue && waited >= (next.minDaysSincePrevious ?? 0)) return next;
  return last ?? byDelay;
}

/**
 * balance × annual rate × days / 365, rounded half-up to the currency's minor unit: exact on bigints
 * (the balance is already in minor units), a Decimal only for a rate written with an exponent.
 */
export function interestOf(balanceMinor: Minor, annualRatePercent: string | number | null, days: number, currency: string): Minor {
  if (!annualRatePercent || days <= 0 || balanceMinor <= 0n) return 0n;
  const rate = PLAIN_DECIMAL.exec(String(annualRatePercent));
  if (!rate) {
    const scale = minorUnitsOf(currency);
    const balance = new Decimal(balanceMinor.toString()).div(new Decimal(10).pow(scale));
    const interest = balance.mul(new Decimal(String(annualRatePercent))).div(100).mul(days).div(365);
    return toMinor(interest.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP).toFixed(scale), currency);
  }
  const fraction = rate[3] ?? '';
  const numerator = balanceMinor * BigInt(`${rate[2]}${fraction}`) * BigInt(days);
  const denominator = 36500n * 10n ** BigInt(fraction.length);
  const rounded = (2n * numerator + denominator) / (2n * denominator);
  return rate[1] ? -rounded : rounded;
}

/** Invoices due before `dueBefore` with a balance, each with its days overdue as of `asOf`, its level and interest. */
export function dunningLines(invoices: DunnableInvoice[], criteria: { dueBefore: string; asOf: string }, levels: DunningLevel[]): DunningLine[] {
  const lines: DunningLine[] = [];
  const sorted = byRank(levels);
  for (const invoice of invoices) {
    if (invoice.balanceMinor <= 0n || !(invoice.dueDate < criteria.dueBefore)) continue;
    const daysOverdue = daysBetween(invoice.dueDate, criteria.asOf);
    if (daysOverdue <= 0) continue;
    const history = invoice.lastRank === null ? null : { rank: invoice.lastRank, reachedOn: invoice.lastReachedOn ?? null };
    const level = levelAmong(daysOverdue, history, criteria.asOf, sorted);
    if (!level) continue;
    lines.push({ ...invoice, daysOverdue, level, interestMinor: interestOf(invoice.balanceMinor, level.interestRate, daysOverdue, invoice.currency) });
  }
  // ISO days order as text; only numbers due the same day need the locale's order
  return lines.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number.localeCompare(b.number)));
}

export interface LetterTotals {
  currency: string;
  balanceMinor: Minor;
  interestMinor: Minor;
  /** the level's dunning fee, once per letter */
  feeMinor: Minor;
  /** the fixed recovery indemnity, per invoice in its currency (RECOVERY_INDEMNITY) */
  indemnityMinor: Minor;
  /** how many invoices the indemnity counts */
  indemnityCount: number;
  /** open credit notes, due or not, deducted (at most what is claimed) */
  creditNotesMinor: Minor;
  /** payments received and not allocated to an invoice, deducted after the credit notes */
  unallocatedMinor: Minor;
  /** what the letter claims: balances, interest, fee and indemnity, less the deductions */
  totalMinor: Minor;
}

/** What a party has to its credit, per currency: open credit notes and unallocated payments. */
export type PartyCredits = Map<string, { creditNotesMinor: Minor; unallocatedMinor: Minor }>;

/**
 * The letter's level is the highest its invoices reached; its fee is charged once, in the first
 * currency. With `indemnity` (a professional customer, and a level that claims it), each invoice in
 * the indemnity's currency adds the fixed recovery indemnity. The party's open credit notes and
 * unallocated payments in a currency are deducted from what is claimed in it, never below zero; a
 * letter whose every currency is covered by them claims nothing and is not sent (null).
 */
export function letterOf(
  lines: DunningLine[],
  indemnity?: { amount: string; currency: string } | null,
  credits: PartyCredits = new Map()
): { level: DunningLevel; totals: LetterTotals[] } | null {
  if (lines.length === 0) return null;
  const level = lines.reduce((top, l) => (l.level.rank > top.rank ? l.level : top), lines[0].level);
  const claimed = level.claimsIndemnity && indemnity ? indemnity : null;
  const byCurrency = new Map<string, LetterTotals>();
  for (const line of lines) {
    const t =
      byCurrency.get(line.currency) ??
      byCurrency
        .set(line.currency, { currency: line.currency, balanceMinor: 0n, interestMinor: 0n, feeMinor: 0n, indemnityMinor: 0n, indemnityCount: 0, creditNotesMinor: 0n, unallocatedMinor: 0n, totalMinor: 0n })
        .get(line.currency)!;
    t.balanceMinor += line.balanceMinor;
    t.interestMinor += line.interestMinor;
    if (claimed && line.currency === claimed.currency) {
      t.indemnityMinor += toMinor(claimed.amount, claimed.currency);
      t.indemnityCount += 1;
    }
  }
  const totals = [...byCurrency.values()];
  totals[0].feeMinor = toMinor(level.fee ?? 0, totals[0].currency);
  const atMost = (amount: Minor, limit: Minor): Minor => (amount < 0n ? 0n : amount > limit ? limit : amount);
  for (const t of totals) {
    const gross = t.balanceMinor + t.interestMinor + t.feeMinor + t.indemnityMinor;
    const credit = credits.get(t.currency);
    t.creditNotesMinor = atMost(credit?.creditNotesMinor ?? 0n, gross);
    t.unallocatedMinor = atMost(credit?.unallocatedMinor ?? 0n, gross - t.creditNotesMinor);
    t.totalMinor = gross - t.creditNotesMinor - t.unallocatedMinor;
  }
  if (totals.every((t) => t.totalMinor === 0n)) return null;
  return { level, totals };
}

/** A party's open credit notes (what is left of each) and its payments' unallocated parts, per currency. */
export function creditsOf(open: InvoiceRow[], payments: PaymentRow[]): PartyCredits {
  const credits: PartyCredits = new Map();
  const of = (currency: string) => credits.get(currency) ?? credits.set(currency, { creditNotesMinor: 0n, unallocatedMinor: 0n }).get(currency)!;
  for (const row of open) if (row.creditNote && row.totalMinor > row.paidMinor) of(row.currency).creditNotesMinor += row.totalMinor - row.paidMinor;
  for (const p of payments) if (p.amountMinor > p.allocatedMinor) of(p.currency).unallocatedMinor += p.amountMinor - p.allocatedMinor;
  return credits;
}

/** Replaces {{name}} placeholders; unknown ones stay visible so that a template typo shows. */
export const renderTemplate = (template: string, vars: Record<string, string>): string =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in vars ? vars[name] : whole));
