/**
 * How a document is passed on in parts (an order in several deliveries or billing tables):
 * whole lines shared out (by quantity), or a percentage of every line with the last part taking
 * the rest. Parts that pass on all of it must add up to the source to the cent on every line
 * (per-part rounding would leave a cent open or take one too many): a split that does not falls
 * back to fewer parts.
 */
import type { PricedLine } from './common';
import type { Rng } from './prng';

export type Part = { line: PricedLine; quantity: number }[];

/** A line amount in cents, as priceLines rounds it (half-up on quantity × price). */
const amountOf = (quantity: number, priceCents: number) => Math.floor((quantity * priceCents + 500) / 1000);

/** `percent` of a quantity (thousandths): whole units when the quantity is in whole units. */
function shareOf(quantity: number, percent: number): number {
  if (quantity % 1000 === 0) return Math.round((quantity * percent) / 100000) * 1000;
  return Math.round((quantity * percent) / 100);
}

function byLines(rng: Rng, lines: PricedLine[], count: number): Part[] {
  const parts: Part[] = Array.from({ length: count }, () => []);
  lines.forEach((line, index) => parts[index < count ? index : rng.int(0, count - 1)].push({ line, quantity: line.quantity }));
  return parts;
}

function byPercentages(rng: Rng, lines: PricedLine[], count: number): Part[] | null {
  const percents = count === 2 ? [rng.pick([30, 40, 50, 60, 70])] : [rng.pick([20, 30, 40]), rng.pick([20, 30, 40])];
  const parts: Part[] = Array.from({ length: count }, () => []);
  for (const line of lines) {
    let left = line.quantity;
    percents.forEach((percent, index) => {
      const quantity = Math.min(left, shareOf(line.quantity, percent));
      if (quantity > 0) parts[index].push({ line, quantity });
      left -= quantity;
    });
    if (left > 0) parts[count - 1].push({ line, quantity: left });
  }
  return parts.every((part) => part.length > 0) ? parts : null;
}

/** Every line passed on whole, to the cent. */
function exact(parts: Part[], lines: PricedLine[]): boolean {
  return lines.every((line) => {
    let quantity = 0;
    let cents = 0;
    for (const part of parts) {
      for (const pick of part) {
        if (pick.line !== line) continue;
        quantity += pick.quantity;
        cents += amountOf(pick.quantity, line.priceCents);
      }
    }
    return quantity === line.quantity && cents === line.amountCents;
  });
}

/** All of the lines, in `count` parts (or fewer when a split would not add up). */
export function splitWhole(rng: Rng, lines: PricedLine[], count: number): Part[] {
  for (let n = count; n > 1; n -= 1) {
    const parts = lines.length >= n && rng.chance(0.5) ? byLines(rng, lines, n) : byPercentages(rng, lines, n);
    if (parts && exact(parts, lines)) return parts;
  }
  return [lines.map((line) => ({ line, quantity: line.quantity }))];
}

/** A first part only: `percent` of every line (at least something of one line). */
export function firstPart(lines: PricedLine[], percent: number): Part {
  const part = lines.map((line) => ({ line, quantity: shareOf(line.quantity, percent) })).filter((pick) => pick.quantity > 0);
  return part.length > 0 ? part : [{ line: lines[0], quantity: Math.max(1, Math.floor(lines[0].quantity / 2)) }];
}
