import Decimal from 'decimal.js';

/**
 * A maintenance contract's billing periods (spec, "Generating a delivery note from a contract").
 * Periods follow the billing frequency from the start date (1, 3 or 12 months), the last one cut
 * at the end date and its amount prorated by days. A period is due on its first day (maintenance
 * is billed in advance). Pure: dates are ISO strings (YYYY-MM-DD), amounts decimal strings.
 */

export type BillingFrequency = 'monthly' | 'quarterly' | 'yearly';
export const MONTHS_PER_PERIOD: Record<BillingFrequency, number> = { monthly: 1, quarterly: 3, yearly: 12 };

export interface ContractTerms {
  startDate: string;
  endDate?: string | null;
  billingFrequency: BillingFrequency;
  annualAmountExclTax: string | number | null;
}

export interface Period {
  start: string;
  end: string;
  amountExclTax: string;
}

const DAY = 86_400_000;
const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (time: number) => new Date(time).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((toTime(to) - toTime(from)) / DAY) + 1;

/** `months` after `iso`, kept on the start's day of month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = m - 1 + months;
  const year = y + Math.floor(total / 12);
  const month = ((total % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return toIso(Date.UTC(year, month, Math.min(d, last)));
}

export const dayBefore = (iso: string) => toIso(toTime(iso) - DAY);

/** The n-th period (from 0), counted from the start date so months never drift; null past the end. */
export function periodAt(terms: ContractTerms, index: number): Period | null {
  const step = MONTHS_PER_PERIOD[terms.billingFrequency] ?? 12;
  const start = addMonths(terms.startDate, index * step);
  if (terms.endDate && start > terms.endDate) return null;
  const fullEnd = dayBefore(addMonths(terms.startDate, (index + 1) * step));
  const end = terms.endDate && terms.endDate < fullEnd ? terms.endDate : fullEnd;
  let amount = new Decimal(String(terms.annualAmountExclTax ?? 0)).mul(step).div(12);
  if (end !== fullEnd) amount = amount.mul(daysBetween(start, end)).div(daysBetween(start, fullEnd));
  return { start, end, amountExclTax: amount.toDecimalPlaces(2).toFixed(2) };
}

/** The periods that start on or before `until` (all of them up to the end date when it is earlier). */
export function periodsUntil(terms: ContractTerms, until: string): Period[] {
  const periods: Period[] = [];
  for (let index = 0; ; index += 1) {
    const period = periodAt(terms, index);
    if (!period || period.start > until) return periods;
    periods.push(period);
  }
}

/** The period that starts on `start`, or null when no period of the contract starts that day. */
export function periodStartingOn(terms: ContractTerms, start: string): Period | null {
  if (start < terms.startDate) return null;
  const found = periodsUntil(terms, start);
  const last = found[found.length - 1];
  return last && last.start === start ? last : null;
}

/** The periods due at `at` that no delivery note holds yet, oldest first. */
export const duePeriods = (terms: ContractTerms, billedStarts: ReadonlySet<string>, at: string): Period[] =>
  periodsUntil(terms, at).filter((p) => !billedStarts.has(p.start));

/** The first period no delivery note holds, due or not; null once every period up to the end is billed. */
export function nextPeriod(terms: ContractTerms, billedStarts: ReadonlySet<string>): Period | null {
  for (let index = 0; ; index += 1) {
    const period = periodAt(terms, index);
    if (!period || !billedStarts.has(period.start)) return period;
  }
}

/** What the contract's delivery notes hold: the end of the last billed period and the amount billed. */
export function contractDerived(billed: { periodEnd: string | null; amountExclTax: string | number | null }[]) {
  let until: string | null = null;
  let amount = new Decimal(0);
  for (const b of billed) {
    if (b.periodEnd && (!until || b.periodEnd > until)) until = b.periodEnd;
    amount = amount.add(String(b.amountExclTax ?? 0));
  }
  return { billedUntil: until, billedAmountExclTax: amount.toFixed(2) };
}
