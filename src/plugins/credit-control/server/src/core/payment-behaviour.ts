/**
 * Payment behaviour of a party over a rolling window (pure: no Strapi).
 * SQL aggregates invoices per half-window; this turns the aggregates into figures,
 * a trend (last half vs previous half) and a suggested reliability colour.
 */
export type Colour = 'green' | 'amber' | 'red';
export type Trend = 'improving' | 'stable' | 'worsening' | 'unknown';

/** One aggregated half-window (credit notes already excluded). */
export interface HalfAggregate {
  /** Invoices whose outcome is known: paid, or open and past due. */
  decided: number;
  /** Of those, paid after the due date or still open past due. */
  late: number;
  /** Sum of days late over the late invoices (open ones counted up to asOf). */
  daysLateSum: number;
  /** Sum of invoice totals issued in the half, minor units. */
  invoicedMinor: bigint;
  /** Still unpaid (total − paid) of those invoices at asOf, minor units. */
  openMinor: bigint;
  /** Days in the half-window. */
  days: number;
}

export interface BehaviourFigures {
  invoices: number;
  /** Days sales outstanding: open / invoiced × days in the window, rounded. */
  dso: number | null;
  averageDaysLate: number | null;
  /** Percent of decided invoices that were late, 0–100 rounded. */
  lateSharePercent: number | null;
  trend: Trend;
}

export interface ColourThresholds {
  amber: { lateSharePercent: number; averageDaysLate: number };
  red: { lateSharePercent: number; averageDaysLate: number };
}

/** Days late of one invoice at asOf; null when not decided yet (open, not yet due). */
export function daysLate(dueDate: Date, paidOn: Date | null, asOf: Date): number | null {
  const end = paidOn ?? asOf;
  const days = Math.floor((end.getTime() - dueDate.getTime()) / 86_400_000);
  if (!paidOn && days <= 0) return null;
  return Math.max(0, days);
}

const sum = (a: HalfAggregate, b: HalfAggregate): HalfAggregate => ({
  decided: a.decided + b.decided,
  late: a.late + b.late,
  daysLateSum: a.daysLateSum + b.daysLateSum,
  invoicedMinor: a.invoicedMinor + b.invoicedMinor,
  openMinor: a.openMinor + b.openMinor,
  days: a.days + b.days,
});

const share = (h: HalfAggregate): number | null => (h.decided === 0 ? null : Math.round((h.late * 100) / h.decided));

/** Trend of the late share: a change of `stableBand` points or less is stable. */
export function trendOf(previous: HalfAggregate, last: HalfAggregate, stableBand = 5): Trend {
  const before = share(previous);
  const now = share(last);
  if (before === null || now === null) return 'unknown';
  if (now < before - stableBand) return 'improving';
  if (now > before + stableBand) return 'worsening';
  return 'stable';
}

export function behaviourFigures(previous: HalfAggregate, last: HalfAggregate): BehaviourFigures {
  const all = sum(previous, last);
  const dso =
    all.invoicedMinor <= 0n ? null : Number((all.openMinor * BigInt(all.days) * 2n + all.invoicedMinor) / (all.invoicedMinor * 2n));
  return {
    invoices: all.decided,
    dso,
    averageDaysLate: all.late === 0 ? (all.decided === 0 ? null : 0) : Math.round(all.daysLateSum / all.late),
    lateSharePercent: share(all),
    trend: trendOf(previous, last),
  };
}

/** Suggested colour: red if any red threshold is reached, amber likewise, else green; null without data. */
export function suggestedColour(f: BehaviourFigures, t: ColourThresholds): Colour | null {
  if (f.lateSharePercent === null) return null;
  const reached = (x: { lateSharePercent: number; averageDaysLate: number }) =>
    f.lateSharePercent! >= x.lateSharePercent || (f.averageDaysLate ?? 0) >= x.averageDaysLate;
  if (reached(t.red)) return 'red';
  if (reached(t.amber)) return 'amber';
  return 'green';
}

/** One invoice as the SQL aggregate sees it (the definition the grouped query mirrors). */
export interface BehaviourInvoice {
  dueDate: Date;
  paidOn: Date | null;
  totalMinor: bigint;
  paidMinor: bigint;
  creditNote: boolean;
}

/**
 * Reference aggregation of a half-window: credit notes are left out; an invoice is paid
 * only when `paidOn` is set (a partial payment leaves it open, its remainder counts in DSO).
 * The service does the same in one grouped SQL query; this is for tests and documentation.
 */
export function aggregateHalf(invoices: BehaviourInvoice[], asOf: Date, days: number): HalfAggregate {
  const h: HalfAggregate = { decided: 0, late: 0, daysLateSum: 0, invoicedMinor: 0n, openMinor: 0n, days };
  for (const inv of invoices) {
    if (inv.creditNote) continue;
    h.invoicedMinor += inv.totalMinor;
    if (!inv.paidOn) h.openMinor += inv.totalMinor - inv.paidMinor;
    const late = daysLate(inv.dueDate, inv.paidOn, asOf);
    if (late === null) continue;
    h.decided += 1;
    if (late > 0) {
      h.late += 1;
      h.daysLateSum += late;
    }
  }
  return h;
}
