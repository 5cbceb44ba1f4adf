import { dayOfValue } from './horizon';
import { matches, type DocumentMapping } from './mapping';
import { shareOf, toMinor, type Minor } from './money';

/** A document as the engine sees it: its party, currency and the mapped field values. */
export interface DocumentState {
  documentId: string;
  party: string | null;
  /** the party field that named the party (the customer to bill before the customer) */
  partyField?: string;
  currency: string;
  values: Record<string, unknown>;
}

export interface Contribution {
  party: string;
  bucket: string;
  currency: string;
  minor: Minor;
  /** the delivery day, for a type whose mapping names a `horizonDateField` and a document that has one (horizon.ts) */
  day?: string;
  /** the due day, for a type whose mapping names a `dueDateField` and a document that has one (overdue.ts) */
  due?: string;
}

const maxOf = (values: Minor[]): Minor => values.reduce((a, b) => (b > a ? b : a), 0n);

/** What one document adds to its party's exposure: nothing when it is closed or not counted. */
export function contributionOf(doc: DocumentMapping, state: DocumentState | null): Contribution | null {
  if (!state || !state.party || !doc.bucket || !doc.amountField) return null;
  if (!matches(doc.open, state.values)) return null;
  const { currency, values } = state;
  let minor = toMinor(values[doc.amountField], currency);
  if (doc.minus.length > 0) {
    minor -= maxOf(doc.minus.map((field) => toMinor(values[field], currency)));
    if (minor < 0n) minor = 0n;
  }
  if (doc.unpaidShare) {
    const total = toMinor(values[doc.unpaidShare.totalField], currency);
    const paid = toMinor(values[doc.unpaidShare.paidField], currency);
    const unpaid = total - paid > 0n ? total - paid : 0n;
    minor = total === 0n ? minor : shareOf(minor, unpaid, total);
  }
  const negative = doc.negativeWhen !== undefined && matches(doc.negativeWhen, values);
  const sign = BigInt(doc.sign * (negative ? -1 : 1));
  if (minor === 0n) return null;
  const day = doc.horizonDateField ? dayOfValue(values[doc.horizonDateField]) : undefined;
  const due = doc.dueDateField && matches(doc.dueWhen, values) ? dayOfValue(values[doc.dueDateField]) : undefined;
  return { party: state.party, bucket: doc.bucket, currency, minor: minor * sign, ...(day ? { day } : {}), ...(due ? { due } : {}) };
}

/** Per party, bucket, currency and delivery day: what a write changes (after − before). Zero entries are dropped. */
export function deltasOf(before: (Contribution | null)[], after: (Contribution | null)[]): Contribution[] {
  const sums = new Map<string, Contribution>();
  const add = (c: Contribution | null, factor: bigint) => {
    if (!c) return;
    const key = `${c.party}\u0000${c.bucket}\u0000${c.currency}\u0000${c.day ?? ''}\u0000${c.due ?? ''}`;
    const entry = sums.get(key) ?? Object.assign({}, c, { minor: 0n });
    entry.minor += c.minor * factor;
    sums.set(key, entry);
  };
  before.forEach((c) => add(c, -1n));
  after.forEach((c) => add(c, 1n));
  return [...sums.values()].filter((c) => c.minor !== 0n);
}

/** The contributions summed per party, bucket and currency, whatever their day: the maintained exposure rows. */
export const undated = (contributions: Contribution[]): Contribution[] => deltasOf([], contributions.map((c) => ({ party: c.party, bucket: c.bucket, currency: c.currency, minor: c.minor })));

/** The dated contributions alone: the maintained rows per delivery day (horizon.ts). */
export const dated = (contributions: Contribution[]): Contribution[] =>
  deltasOf([], contributions.filter((c) => c.day !== undefined).map((c) => ({ party: c.party, bucket: c.bucket, currency: c.currency, minor: c.minor, day: c.day })));

/** The open dues: what falls due per party, currency and due day, whatever the bucket (overdue.ts). */
export const dues = (contributions: Contribution[]): Contribution[] =>
  deltasOf([], contributions.filter((c) => c.due !== undefined).map((c) => ({ party: c.party, bucket: '', currency: c.currency, minor: c.minor, due: c.due })));
