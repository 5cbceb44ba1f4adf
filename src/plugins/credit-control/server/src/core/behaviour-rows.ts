/**
 * From the grouped SQL rows (per party, currency and half of the window) to each party's payment
 * behaviour. Pure: the window's bounds and the fold are unit-tested without a database.
 */
import { convertMinor, type Minor } from './money';
import type { RateOf } from './exposure';
import { behaviourFigures, suggestedColour, type BehaviourFigures, type Colour, type ColourThresholds, type HalfAggregate } from './payment-behaviour';

export interface BehaviourWindow {
  /** the window is (from, to]: invoices dated after `from`, up to `to` included */
  from: string;
  /** the previous half is (from, mid], the last half (mid, to] */
  mid: string;
  to: string;
  previousDays: number;
  lastDays: number;
}

/** One row of the grouped read: a party's invoices of one currency in one half (0 previous, 1 last). */
export interface BehaviourRow {
  party: string;
  currency: string;
  half: 0 | 1;
  decided: number;
  late: number;
  daysLateSum: number;
  invoicedMinor: Minor;
  openMinor: Minor;
}

export interface PartyBehaviour {
  figures: BehaviourFigures;
  suggested: Colour | null;
  /** the currency DSO's amounts were summed in */
  currency: string;
  /** currencies with no rate to `currency`: their invoices count, their amounts are left out of DSO */
  missingRates: string[];
}

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `months` whole months before `iso`, on the same day or the month's last (31 March − 1 month = 28/29 February). */
export function monthsBefore(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 - months;
  const d = Number(iso.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return isoOf(Date.UTC(year, month, Math.min(d, last)));
}

/** The rolling window ending on `to`, split in two halves of `months / 2` months. */
export function behaviourWindow(to: string, months: number): BehaviourWindow {
  const from = monthsBefore(to, months);
  const mid = monthsBefore(to, months / 2);
  return { from, mid, to, previousDays: (dayOf(mid) - dayOf(from)) / DAY, lastDays: (dayOf(to) - dayOf(mid)) / DAY };
}

const emptyHalf = (days: number): HalfAggregate => ({ decided: 0, late: 0, daysLateSum: 0, invoicedMinor: 0n, openMinor: 0n, days });

/** Each listed party's behaviour (a party with no invoice in the window gets figures with no data). */
export function partyBehaviours(parties: string[], rows: BehaviourRow[], window: BehaviourWindow, currency: string, rateOf: RateOf, thresholds: ColourThresholds): Map<string, PartyBehaviour> {
  const halves = new Map<string, [HalfAggregate, HalfAggregate]>();
  const missing = new Map<string, Set<string>>();
  for (const party of parties) halves.set(party, [emptyHalf(window.previousDays), emptyHalf(window.lastDays)]);
  for (const row of rows) {
    const pair = halves.get(row.party);
    if (!pair) continue;
    const h = pair[row.half];
    h.decided += row.decided;
    h.late += row.late;
    h.daysLateSum += row.daysLateSum;
    const rate = row.currency === currency ? '1' : rateOf(row.currency, currency);
    if (rate === undefined) {
      (missing.get(row.party) ?? missing.set(row.party, new Set()).get(row.party)!).add(row.currency);
      continue;
    }
    h.invoicedMinor += convertMinor(row.invoicedMinor, row.currency, currency, rate);
    h.openMinor += convertMinor(row.openMinor, row.currency, currency, rate);
  }
  const out = new Map<string, PartyBehaviour>();
  for (const [party, [previous, last]] of halves) {
    const figures = behaviourFigures(previous, last);
    out.set(party, { figures, suggested: suggestedColour(figures, thresholds), currency, missingRates: [...(missing.get(party) ?? [])].sort() });
  }
  return out;
}
