/**
 * Helpers shared by the phases: timestamps and documentIds, and exact money on integer cents.
 * Line amount = quantity × unit price rounded half-up to the cent; VAT per rate on the sum of the
 * bases, rounded half-up; incl. = excl. + tax (the rule of src/domain/document-totals.ts).
 */
import type { ModelWriter, Row } from './bulk-insert';
import { msOf, type Day } from './dates';
import type { Rng } from './prng';
import type { ArticleRef, SeedContext, VatRef } from './types';

/**
 * The moment `seconds` after midnight of `day`, never after the run's clock (`ctx.now`): on the
 * run's own day, the hours still to come are squeezed into the hours gone by (order kept), so the
 * admin never reads "edited in 5 hours".
 */
export function momentOf(ctx: Pick<SeedContext, 'now'>, day: Day, seconds: number): number {
  const at = msOf(day, seconds);
  if (at <= ctx.now) return at;
  const midnight = msOf(day);
  if (midnight > ctx.now) return ctx.now;
  return midnight + Math.floor((seconds * (ctx.now - midnight)) / 86400);
}

/** documentId + creation time during office hours of `day` (+ a later update time if given). */
export function stamp(ctx: SeedContext, rng: Rng, day: Day, updatedDay?: Day) {
  const at = momentOf(ctx, day, rng.int(8 * 3600, 18 * 3600));
  const updatedAt = updatedDay !== undefined && updatedDay > day ? Math.max(at, momentOf(ctx, updatedDay, rng.int(8 * 3600, 18 * 3600))) : at;
  return { documentId: ctx.ids.documentId(), at, updatedAt };
}

/** 12345 → "123.45" (exact, no float formatting). */
export function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 2500 (thousandths) → "2.500". */
export const quantityText = (thousandths: number): string =>
  `${Math.floor(thousandths / 1000)}.${String(thousandths % 1000).padStart(3, '0')}`;

export interface LineDraft {
  article: ArticleRef;
  label: string;
  /** quantity in thousandths */
  quantity: number;
  priceCents: number;
  vat: VatRef;
  /** the line's own key, and the key of the line it was made from (the sales flow's links) */
  key?: string;
  sourceKey?: string | null;
}
export interface PricedLine extends LineDraft {
  amountCents: number;
}
export interface Totals {
  lines: PricedLine[];
  exclCents: number;
  taxCents: number;
  inclCents: number;
}

/** Half-up division of non-negative integers. */
const divRound = (numerator: number, divisor: number): number => Math.floor((numerator + divisor / 2) / divisor);

export function priceLines(drafts: LineDraft[]): Totals {
  const bases = new Map<number, number>();
  let exclCents = 0;
  const lines = drafts.map((line) => {
    const amountCents = divRound(line.quantity * line.priceCents, 1000);
    bases.set(line.vat.rateBp, (bases.get(line.vat.rateBp) ?? 0) + amountCents);
    exclCents += amountCents;
    return { ...line, amountCents };
  });
  let taxCents = 0;
  for (const [rateBp, base] of bases) taxCents += divRound(base * rateBp, 10000);
  return { lines, exclCents, taxCents, inclCents: exclCents + taxCents };
}

/** A plausible quantity (in thousandths) for an article's unit. */
export function quantityFor(rng: Rng, unit: string): number {
  switch (unit) {
    case 'jour':
      return rng.chance(0.2) ? rng.int(1, 9) * 1000 + 500 : rng.int(1, 15) * 1000;
    case 'heure':
      return rng.int(1, 40) * 500;
    case 'km':
      return rng.int(40, 900) * 1000;
    case 'forfait':
    case 'an':
      return 1000;
    case 'mois':
      return rng.int(1, 12) * 1000;
    case 'couvert':
      return rng.int(4, 60) * 1000;
    default:
      return rng.int(1, 25) * 1000;
  }
}

/** Writes priced lines as the `lines` component of a document (with article and VAT-code relations). */
export function writeLines(owner: ModelWriter, lineModel: ModelWriter, ownerId: number, lines: PricedLine[]): void {
  lines.forEach((line, index) => {
    const data: Row = {
      label: line.label,
      quantity: quantityText(line.quantity),
      unitPrice: money(line.priceCents),
      vatRate: line.vat.rate,
      amountExclTax: money(line.amountCents),
      key: line.key ?? null,
      sourceKey: line.sourceKey ?? null,
    };
    const lineId = owner.component('lines', ownerId, data, index + 1);
    lineModel.link('article', lineId, line.article.id);
    lineModel.link('vatCode', lineId, line.vat.id);
  });
}

/** Largest-remainder split of `total` over `weights`: integer parts that add up exactly. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left -= 1) out[order[k][1]] += 1;
  return out;
}
