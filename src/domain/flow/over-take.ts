import Decimal from 'decimal.js';
import type { RuleError } from '../rule-error';
import type { Taken } from './taken';

export interface SourceDocument {
  label: string;
  amountExclTax: Decimal.Value;
  lines: { key?: string | null; quantity: Decimal.Value; label?: string | null }[];
}

/**
 * Made documents never take more than their source holds: per line in quantity, and in pre-tax
 * amount overall, within `tolerancePercent` (a small overrun a back office accepts).
 * `held` counts every made document that is not cancelled, the one being written included.
 */
export function overTaken(source: SourceDocument, held: Taken, verb: string, tolerancePercent: Decimal.Value, linesField = 'lines'): RuleError[] {
  const factor = new Decimal(1).add(new Decimal(tolerancePercent).div(100));
  const errors: RuleError[] = [];
  source.lines.forEach((line, index) => {
    const taken = line.key ? held.byLine.get(line.key) : undefined;
    if (!taken) return;
    const limit = new Decimal(line.quantity).mul(factor);
    if (taken.quantity.gt(limit)) {
      const name = line.label ? ` (${line.label})` : '';
      errors.push({
        path: [linesField],
        message: `line ${index + 1}${name} of ${source.label}: ${taken.quantity.toString()} ${verb}, more than its quantity ${new Decimal(line.quantity).toString()}`,
      });
    }
  });
  const whole = new Decimal(source.amountExclTax);
  // a line over its quantity is the reason the total is over too: say it once
  if (errors.length === 0 && held.amount.gt(whole.mul(factor).toDecimalPlaces(2, Decimal.ROUND_HALF_UP))) {
    errors.push({
      path: [linesField],
      message: `${source.label}: ${held.amount.toFixed(2)} ${verb}, more than its pre-tax amount ${whole.toFixed(2)}`,
    });
  }
  return errors;
}
