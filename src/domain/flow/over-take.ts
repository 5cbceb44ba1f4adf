import Decimal from 'decimal.js';
import type { RuleError } from '../rule-error';
import type { Taken } from './taken';
import { amount, num, say, type Param } from '../messages';
import { flowVerb } from './wording';

export interface SourceDocument {
  /** as messages name it: a string, or documentLabel(uid, number) to read right in French */
  label: Param;
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
      const params = { line: index + 1, name, source: source.label, taken: num(taken.quantity), verb: flowVerb(verb, 'feminine'), quantity: num(new Decimal(line.quantity)) };
      errors.push({ path: [linesField], ...say('flowLineOverTaken', params) });
    }
  });
  const whole = new Decimal(source.amountExclTax);
  // a line over its quantity is the reason the total is over too: say it once
  if (errors.length === 0 && held.amount.gt(whole.mul(factor).toDecimalPlaces(2, Decimal.ROUND_HALF_UP))) {
    const params = { source: source.label, amount: amount(held.amount), verb: flowVerb(verb, 'masculine'), whole: amount(whole) };
    errors.push({ path: [linesField], ...say('flowAmountOverTaken', params) });
  }
  return errors;
}
