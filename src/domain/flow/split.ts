import Decimal from 'decimal.js';
import type { RuleError } from '../rule-error';
import { amount as amountParam, say } from '../messages';

export interface SourceLine {
  key: string;
  quantity: Decimal.Value;
  unitPrice: Decimal.Value;
  [field: string]: unknown;
}

/** How much of a source to pass on: chosen quantities per line, a share of every line, or an amount. */
export type Portion =
  | { by: 'quantity'; lines?: { sourceKey: string; quantity: Decimal.Value }[] }
  | { by: 'percentage'; percentage: Decimal.Value }
  | { by: 'amount'; amount: Decimal.Value };

export interface MadeLine {
  sourceKey: string;
  quantity: string;
  [field: string]: unknown;
}

const QUANTITY_SCALE = 3;
const toQuantity = (value: Decimal) => value.toDecimalPlaces(QUANTITY_SCALE, Decimal.ROUND_HALF_UP);

/**
 * The lines of a document made from `source`, given what is still free on each source line
 * (`free`: quantity not yet held by another made document). Copies what the source line says
 * (article, label, price, VAT) and sets the quantity; the totals rule prices it.
 *  - quantity: the chosen lines and quantities (all that is free when none is chosen);
 *  - percentage: that share of each line's quantity (40 % of 10 units: 4), at most what is free;
 *  - amount: that pre-tax amount, spread over the free lines in proportion to what is free on them.
 */
export function splitLines(
  source: SourceLine[],
  free: Map<string, Decimal>,
  portion: Portion,
  copy: (line: SourceLine) => Record<string, unknown>
): { lines: MadeLine[]; errors: RuleError[] } {
  const errors: RuleError[] = [];
  const freeOf = (line: SourceLine) => Decimal.max(free.get(line.key) ?? new Decimal(line.quantity), 0);
  const wanted = new Map<string, Decimal>();

  if (portion.by === 'quantity') {
    const chosen = portion.lines;
    if (!chosen || chosen.length === 0) source.forEach((line) => wanted.set(line.key, freeOf(line)));
    else {
      chosen.forEach((pick, index) => {
        const line = source.find((l) => l.key === pick?.sourceKey);
        const quantity = pick && isDecimal(pick.quantity) ? new Decimal(pick.quantity as Decimal.Value) : undefined;
        if (!line) errors.push({ path: ['lines', index, 'sourceKey'], ...say('flowSplitNoSourceLine', { key: String(pick?.sourceKey) }) });
        else if (!quantity || quantity.lte(0) || quantity.decimalPlaces() > QUANTITY_SCALE) {
          errors.push({ path: ['lines', index, 'quantity'], ...say('flowSplitQuantity') });
        } else wanted.set(line.key, (wanted.get(line.key) ?? new Decimal(0)).add(quantity));
      });
    }
  } else if (portion.by === 'percentage') {
    const percentage = isDecimal(portion.percentage) ? new Decimal(portion.percentage as Decimal.Value) : undefined;
    if (!percentage || percentage.lte(0) || percentage.gt(100)) errors.push({ path: ['percentage'], ...say('flowSplitPercentage') });
    else source.forEach((line) => wanted.set(line.key, Decimal.min(toQuantity(new Decimal(line.quantity).mul(percentage).div(100)), freeOf(line))));
  } else if (portion.by === 'amount') {
    const amount = isDecimal(portion.amount) ? new Decimal(portion.amount as Decimal.Value) : undefined;
    const freeAmount = source.reduce((sum, line) => sum.add(freeOf(line).mul(line.unitPrice)), new Decimal(0));
    if (!amount || amount.lte(0) || amount.decimalPlaces() > 2) errors.push({ path: ['amount'], ...say('flowSplitAmount') });
    else if (amount.gt(freeAmount.toDecimalPlaces(2))) {
      errors.push({ path: ['amount'], ...say('flowSplitAmountAboveFree', { amount: amountParam(amount), free: amountParam(freeAmount) }) });
    } else {
      const share = amount.div(freeAmount);
      source.forEach((line) => wanted.set(line.key, Decimal.min(toQuantity(freeOf(line).mul(share)), freeOf(line))));
    }
  } else errors.push({ path: ['by'], ...say('flowSplitBy') });

  const lines: MadeLine[] = [];
  for (const line of source) {
    const quantity = wanted.get(line.key);
    if (!quantity || quantity.lte(0)) continue;
    lines.push({ ...copy(line), sourceKey: line.key, quantity: quantity.toFixed(QUANTITY_SCALE) });
  }
  if (errors.length === 0 && lines.length === 0) errors.push({ path: ['lines'], ...say('flowSplitNothingLeft') });
  return { lines, errors };
}

function isDecimal(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim());
}
