/**
 * The customer's dashboard figures, one currency at a time: amounts in different currencies are
 * never added, as the credit-control statement totals each currency apart (its balance due per
 * currency, net of unallocated payments, is the dashboard's). The customer's own currency comes first; every other currency its
 * documents are in has figures of its own. Pure.
 */
import Decimal from 'decimal.js';
import { billingByGroup, paymentTermsOf, projectProfitability, type BilledLine, type DueAmount, type Group, type ProjectFigures } from './insights';

type InCurrency = { currency: string };

export interface DashboardSums {
  /** the customer's projects and their yearly figures, each in its project's currency */
  projects: (ProjectFigures & InCurrency)[];
  /** what is owed per due day (the statement's open items) */
  owed: (DueAmount & InCurrency)[];
  /** payments on account, deducted from the balance due */
  unallocated: ({ amount: string } & InCurrency)[];
  /** billed pre-tax amounts per year, kind and article family and sub-family */
  billed: ({ year: number; kind: string; family: Group | null; subFamily: Group | null; amountExclTax: string } & InCurrency)[];
}

/**
 * The invoice statement's figures in one currency: `total` is its open items' balance (open invoices
 * less credit notes to apply), `unallocatedPayments` its payments on account, and `balanceDue` the
 * net it claims, the one less the other (negative: in the customer's favour).
 */
function statementFigures(terms: ReturnType<typeof paymentTermsOf>, unallocated: Decimal) {
  return { ...terms, unallocatedPayments: unallocated.toFixed(2), balanceDue: new Decimal(terms.total).minus(unallocated).toFixed(2) };
}

/** Every chart's figures in one currency, from that currency's sums only. */
export function figuresIn(currency: string, sums: DashboardSums, years: number[], today: string) {
  const only = <T extends InCurrency>(rows: T[]): T[] => rows.filter((row) => row.currency === currency);
  const billed = only(sums.billed);
  const lines = (pick: 'family' | 'subFamily'): BilledLine[] =>
    billed.map((sum) => ({ year: sum.year, creditNote: sum.kind === 'creditNote', amountExclTax: sum.amountExclTax, group: sum[pick] }));
  const unallocated = only(sums.unallocated).reduce((total, row) => total.plus(row.amount), new Decimal(0));
  return {
    currency,
    profitability: projectProfitability(only(sums.projects), years),
    paymentTerms: statementFigures(paymentTermsOf(only(sums.owed), today), unallocated),
    billingByFamily: billingByGroup(lines('family'), years),
    billingBySubFamily: billingByGroup(lines('subFamily'), years),
  };
}
export type CurrencyFigures = ReturnType<typeof figuresIn>;

/** Does a currency have anything to show (a chart with a bar, or a payment on account)? */
const shows = (figures: CurrencyFigures) =>
  figures.profitability.years.length > 0 ||
  figures.paymentTerms.bands.some((band) => band.count > 0) ||
  !new Decimal(figures.paymentTerms.unallocatedPayments).isZero() ||
  figures.billingByFamily.years.length > 0;

/**
 * The figures in the customer's currency (always, even empty), and those of each other currency
 * that has any, by code.
 */
export function dashboardByCurrency(main: string, sums: DashboardSums, years: number[], today: string) {
  const all = [...sums.projects, ...sums.owed, ...sums.unallocated, ...sums.billed].map((row) => row.currency);
  const others = [...new Set(all)]
    .filter((currency) => currency !== main)
    .sort()
    .map((currency) => figuresIn(currency, sums, years, today))
    .filter(shows);
  return { ...figuresIn(main, sums, years, today), otherCurrencies: others };
}
