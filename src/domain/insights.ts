/**
 * Aggregations behind the customer's 360 view and dashboard (spec, "Accessing the sales dashboard",
 * "Displaying the customer's profitability chart"). Pure: no Strapi import; money with decimal.js.
 * Amounts come in as numbers (SQLite) or strings (Postgres) and go out as fixed 2-decimal strings.
 */
import Decimal from 'decimal.js';
import { SIGNED_STATES } from './management-types';
import { say, text, type Said } from './messages';
import { insightsWords } from './messages/catalog/insights';
import { YEAR_MAX, YEAR_MIN, type YearsRefusalCode } from './years';

type Amount = number | string | null | undefined;
const dec = (value: Amount): Decimal => (value === null || value === undefined || value === '' ? new Decimal(0) : new Decimal(String(value)));
const money = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
/** a percentage of `whole`, 2 decimals; 0 when the whole is 0 */
const percent = (part: Decimal, whole: Decimal) => (whole.isZero() ? '0.00' : part.div(whole).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));

/**
 * States in which a sales object is signed, i.e. agreed by the customer, so the 360 view leaves it out:
 * a won opportunity (it became an order), a signed (or ordered) quotation, an order once confirmed (an
 * order is the customer's commitment: confirmed and every later step), a validated registration file, a
 * contract in force. Deliveries, billing tables, invoices and receipts have no signature: all are shown.
 * Declared per type in management-types.ts.
 */
export { SIGNED_STATES };

export const isSigned = (uid: string, state: string | null | undefined): boolean => Boolean(state && SIGNED_STATES[uid]?.includes(state));

// ---------------------------------------------------------------- project profitability

export interface ProjectFigures {
  documentId: string;
  code?: string | null;
  name?: string | null;
  yearlyFigures?: { year: number; revenue: Amount; cost: Amount }[] | null;
}

export interface ProfitRow {
  revenue: string;
  cost: string;
  margin: string;
  /** margin / revenue in % */
  marginRate: string;
}

const profitRow = (revenue: Decimal, cost: Decimal): ProfitRow => ({
  revenue: money(revenue),
  cost: money(cost),
  margin: money(revenue.minus(cost)),
  marginRate: percent(revenue.minus(cost), revenue),
});

/**
 * Revenue, cost and margin per year (all projects summed) and per project ("per amount": the projects
 * ranked by revenue over the chosen years). `years` empty or absent = every year present.
 */
export function projectProfitability(projects: ProjectFigures[], years?: number[]) {
  const keep = (year: number) => !years?.length || years.includes(year);
  const perYear = new Map<number, { revenue: Decimal; cost: Decimal }>();
  const perProject = projects.map((project) => {
    let revenue = new Decimal(0);
    let cost = new Decimal(0);
    for (const figure of project.yearlyFigures ?? []) {
      if (!keep(figure.year)) continue;
      const row = perYear.get(figure.year) ?? { revenue: new Decimal(0), cost: new Decimal(0) };
      row.revenue = row.revenue.plus(dec(figure.revenue));
      row.cost = row.cost.plus(dec(figure.cost));
      perYear.set(figure.year, row);
      revenue = revenue.plus(dec(figure.revenue));
      cost = cost.plus(dec(figure.cost));
    }
    return { project, revenue, cost };
  });
  return {
    years: [...perYear.entries()].sort(([a], [b]) => a - b).map(([year, r]) => ({ year, ...profitRow(r.revenue, r.cost) })),
    projects: perProject
      .filter((p) => !p.revenue.isZero() || !p.cost.isZero())
      .sort((a, b) => b.revenue.comparedTo(a.revenue) || a.project.documentId.localeCompare(b.project.documentId))
      .map((p) => ({ documentId: p.project.documentId, code: p.project.code ?? null, name: p.project.name ?? null, ...profitRow(p.revenue, p.cost) })),
  };
}

// ---------------------------------------------------------------- payment terms

/**
 * Term bands of the dashboard: how many days are LEFT until an open invoice falls due (the statement's
 * ageing bands count days late instead; "bucket" is the credit exposure's word).
 */
export const TERM_BANDS = ['overdue', 'dueIn0to30', 'dueIn31to60', 'dueIn61to90', 'dueAfter90'] as const;
export type TermBand = (typeof TERM_BANDS)[number];

export interface OpenInvoice {
  amountInclTax: Amount;
  amountPaid: Amount;
  dueDate?: string | null;
  date?: string | null;
  /** a credit note still to apply: owed to the customer, counted negative */
  creditNote?: boolean;
}

const DAY = 86_400_000;
const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);

/** Band of `days` remaining until the due date (negative: overdue). */
export function termBand(days: number): TermBand {
  if (days < 0) return 'overdue';
  if (days <= 30) return 'dueIn0to30';
  if (days <= 60) return 'dueIn31to60';
  if (days <= 90) return 'dueIn61to90';
  return 'dueAfter90';
}

/**
 * The first due day of each band after `overdue`, on `today`: a due day before the first is overdue,
 * one before the k-th edge is in band k. The database groups what is owed by these edges, so that a
 * long history's due days come back as at most one row per band.
 */
export function termBandEdges(today: string): string[] {
  const now = dayNumber(today);
  return [0, 31, 61, 91].map((days) => new Date((now + days) * DAY).toISOString().slice(0, 10));
}

/** Open invoices (or credit notes) that fall due on one day, and what they still owe (a group the database summed). */
export interface DueAmount {
  /** the due date, or the invoice date when there is none (null: neither) */
  dueOn: string | null;
  count: number;
  /** what is left: incl. tax less paid (applied, for a credit note), as stored (positive) */
  remaining: Amount;
  creditNote?: boolean;
}

/**
 * Open invoices' remaining amounts (incl. tax minus paid) by days left to the due date, on `today` (ISO
 * date). A missing due date follows the credit statement's rule: the invoice falls due on its own date,
 * and one without either date is not overdue (due today).
 */
export function paymentTerms(invoices: OpenInvoice[], today: string) {
  const owed: DueAmount[] = invoices
    .map((invoice) => ({ dueOn: invoice.dueDate || invoice.date || null, count: 1, remaining: dec(invoice.amountInclTax).minus(dec(invoice.amountPaid)).toFixed(), creditNote: invoice.creditNote }))
    .filter((row) => !new Decimal(row.remaining).isZero());
  return paymentTermsOf(owed, today);
}

/**
 * `paymentTerms` over amounts already grouped by due day (only items with something left). The
 * statement's balance due: open invoices less the credit notes still to apply (each in the band of its
 * own due date, negative); `invoices` and `creditNotes` are its two parts.
 */
export function paymentTermsOf(owed: DueAmount[], today: string) {
  const totals = new Map<TermBand, { count: number; amount: Decimal }>(TERM_BANDS.map((b) => [b, { count: 0, amount: new Decimal(0) }]));
  const now = dayNumber(today);
  let invoices = new Decimal(0);
  let creditNotes = new Decimal(0);
  for (const { dueOn, count, remaining, creditNote } of owed) {
    const row = totals.get(termBand(dueOn ? dayNumber(dueOn) - now : 0))!;
    row.count += count;
    row.amount = creditNote ? row.amount.minus(dec(remaining)) : row.amount.plus(dec(remaining));
    if (creditNote) creditNotes = creditNotes.plus(dec(remaining));
    else invoices = invoices.plus(dec(remaining));
  }
  return {
    bands: TERM_BANDS.map((band) => ({ band, count: totals.get(band)!.count, amount: money(totals.get(band)!.amount) })),
    invoices: money(invoices),
    creditNotes: money(creditNotes),
    total: money(invoices.minus(creditNotes)),
  };
}

// ---------------------------------------------------------------- billing by family

export interface Group {
  documentId: string;
  code?: string | null;
  label?: string | null;
}

export interface BilledLine {
  year: number;
  /** credit notes count negative */
  creditNote: boolean;
  amountExclTax: Amount;
  group: Group | null;
}

/** Key of the lines whose article has no family (or no article at all). */
export const NO_GROUP = 'none';

/**
 * Billed pre-tax amount per year and group (article family or sub-family), each group's share of
 * the year's total in %, and every group seen (for a stable chart legend).
 */
export function billingByGroup(lines: BilledLine[], years?: number[]) {
  const keep = (year: number) => !years?.length || years.includes(year);
  const groups = new Map<string, Group>();
  const perYear = new Map<number, Map<string, Decimal>>();
  for (const line of lines) {
    if (!keep(line.year)) continue;
    const key = line.group?.documentId ?? NO_GROUP;
    if (!groups.has(key)) groups.set(key, line.group ?? { documentId: NO_GROUP, code: null, label: null });
    const year = perYear.get(line.year) ?? new Map<string, Decimal>();
    const amount = dec(line.amountExclTax);
    year.set(key, (year.get(key) ?? new Decimal(0)).plus(line.creditNote ? amount.negated() : amount));
    perYear.set(line.year, year);
  }
  const order = [...groups.values()].sort((a, b) => (a.documentId === NO_GROUP ? 1 : b.documentId === NO_GROUP ? -1 : (a.code ?? a.label ?? '').localeCompare(b.code ?? b.label ?? '')));
  return {
    groups: order.map((g) => ({ key: g.documentId, code: g.code ?? null, label: g.label ?? null })),
    years: [...perYear.entries()]
      .sort(([a], [b]) => a - b)
      .map(([year, amounts]) => {
        const total = [...amounts.values()].reduce((s, v) => s.plus(v), new Decimal(0));
        return {
          year,
          total: money(total),
          groups: order.filter((g) => amounts.has(g.documentId)).map((g) => ({ key: g.documentId, amount: money(amounts.get(g.documentId)!), share: percent(amounts.get(g.documentId)!, total) })),
        };
      }),
  };
}

/** The `years` entry (shared with the admin, which checks the field with it). */
export { parseYears } from './years';

/** A refused `years` entry as a message, the field named in the reader's language (years as written, not as figures). */
export const yearsRefusal = (refused: { code: YearsRefusalCode; part?: string }): Said =>
  say(refused.code, { field: text(insightsWords.years), min: String(YEAR_MIN), max: String(YEAR_MAX), ...(refused.part !== undefined ? { part: refused.part } : {}) });
