import Decimal from 'decimal.js';
import type { SourceLine } from '../../domain/flow/split';
import type { RuleError } from '../../domain/rule-error';
import { refuse } from '../../rules/validation-error';
import { copyLine } from './make';

/**
 * Lines of a customer's order passed to another party at another price (a purchase, a
 * sub-contract): the chosen lines (all by default) and quantities (what is left by default),
 * never more than is left of a line, each at the price given on it or at `pricePercent` of the
 * sale price. Pure but for the refusals of a malformed body.
 */
export interface Pick { sourceKey: string; quantity?: unknown; unitPrice?: unknown }

export function picksOf(body: Record<string, unknown>): { picks: Pick[] | null; percent: Decimal | null } {
  const percent = body.pricePercent === undefined ? null : new Decimal(String(body.pricePercent));
  if (percent && (percent.isNaN() || percent.lte(0) || percent.gt(1000))) refuse('pricePercent', 'pricePercent must be a percentage of the sale price above 0');
  const asked = body.lines;
  if (asked !== undefined && (!Array.isArray(asked) || asked.some((l) => !l || typeof l !== 'object' || typeof (l as any).sourceKey !== 'string'))) {
    refuse('lines', 'lines must be a list of { sourceKey, quantity?, unitPrice? }');
  }
  return { picks: (asked as Pick[] | undefined) ?? null, percent };
}

export function pricedPicks(
  lines: SourceLine[],
  picks: Pick[] | null,
  percent: Decimal | null,
  taken: Map<string, Decimal>,
  words: { source: string; verb: string }
): { lines: Record<string, unknown>[]; errors: RuleError[] } {
  const errors: RuleError[] = [];
  const made = (picks ?? lines.map((l): Pick => ({ sourceKey: l.key }))).map((pick, index) => {
    const source = lines.find((l) => l.key === pick.sourceKey);
    if (!source) {
      errors.push({ path: ['lines', index, 'sourceKey'], message: `sourceKey ${pick.sourceKey} names no line of ${words.source}` });
      return null;
    }
    const name = source.label ?? source.key;
    const left = new Decimal(source.quantity).sub(taken.get(source.key) ?? 0);
    const quantity = pick.quantity === undefined ? left : new Decimal(String(pick.quantity));
    if (quantity.isNaN() || quantity.lte(0)) errors.push({ path: ['lines', index, 'quantity'], message: left.lte(0) ? `line ${name} is already ${words.verb} in full` : 'quantity must be above 0' });
    else if (quantity.gt(left)) errors.push({ path: ['lines', index, 'quantity'], message: `${quantity.toFixed()} is more than the ${left.toFixed()} left to be ${words.verb} of line ${name}` });
    const unitPrice = pick.unitPrice !== undefined ? new Decimal(String(pick.unitPrice)) : percent ? new Decimal(source.unitPrice).mul(percent).div(100).toDecimalPlaces(2) : null;
    if (!unitPrice) errors.push({ path: ['lines', index, 'unitPrice'], message: 'give the price: unitPrice on the line, or pricePercent of the sale price' });
    else if (unitPrice.isNaN() || unitPrice.lt(0)) errors.push({ path: ['lines', index, 'unitPrice'], message: 'unitPrice must be 0 or more' });
    const ok = (d: Decimal | null) => d !== null && !d.isNaN();
    return { ...copyLine(source), quantity: ok(quantity) ? quantity.toFixed(3) : '0', unitPrice: ok(unitPrice) ? unitPrice!.toFixed(2) : '0', sourceKey: source.key };
  });
  return { lines: made.filter((l): l is NonNullable<typeof l> => l !== null), errors };
}
