import Decimal from 'decimal.js';
import type { SourceLine } from '../../domain/flow/split';
import type { RuleError } from '../../domain/rule-error';
import { refuse } from '../../rules/validation-error';
import { copyLine } from './make';
import { num, say } from '../../domain/messages';
import { stepWord } from '../../rules/words';

/**
 * Lines of a customer's order passed to another party at another price (a purchase, a
 * sub-contract): the chosen lines (all by default) and quantities (what is left by default),
 * never more than is left of a line, each at the price given on it or at `pricePercent` of the
 * sale price. Pure but for the refusals of a malformed body.
 */
export interface Pick { sourceKey: string; quantity?: unknown; unitPrice?: unknown }

export function picksOf(body: Record<string, unknown>): { picks: Pick[] | null; percent: Decimal | null } {
  const percent = body.pricePercent === undefined ? null : new Decimal(String(body.pricePercent));
  if (percent && (percent.isNaN() || percent.lte(0) || percent.gt(1000))) refuse('pricePercent', say('pricePercentPositive'));
  const asked = body.lines;
  if (asked !== undefined && (!Array.isArray(asked) || asked.some((l) => !l || typeof l !== 'object' || typeof (l as any).sourceKey !== 'string'))) {
    refuse('lines', say('picksShape'));
  }
  return { picks: (asked as Pick[] | undefined) ?? null, percent };
}

export function pricedPicks(
  lines: SourceLine[],
  picks: Pick[] | null,
  percent: Decimal | null,
  taken: Map<string, Decimal>,
  /** the source as "of" it (documentWord's 'of'), and the step the lines take ("bought") */
  words: { source: string; verb: string }
): { lines: Record<string, unknown>[]; errors: RuleError[] } {
  const errors: RuleError[] = [];
  const made = (picks ?? lines.map((l): Pick => ({ sourceKey: l.key }))).map((pick, index) => {
    const source = lines.find((l) => l.key === pick.sourceKey);
    if (!source) {
      errors.push({ path: ['lines', index, 'sourceKey'], ...say('pickNoLine', { sourceKey: pick.sourceKey, source: words.source }) });
      return null;
    }
    const name = String(source.label ?? source.key);
    const left = new Decimal(source.quantity).sub(taken.get(source.key) ?? 0);
    const quantity = pick.quantity === undefined ? left : new Decimal(String(pick.quantity));
    if (quantity.isNaN() || quantity.lte(0)) errors.push({ path: ['lines', index, 'quantity'], ...(left.lte(0) ? say('pickLineDone', { line: name, step: stepWord(words.verb, 'fs') }) : say('quantityAboveZero')) });
    else if (quantity.gt(left)) {
      errors.push({ path: ['lines', index, 'quantity'], ...say('pickTooMuch', { quantity: num(quantity.toFixed()), left: num(left.toFixed()), step: stepWord(words.verb, 'infinitive'), line: name }) });
    }
    const unitPrice = pick.unitPrice !== undefined ? new Decimal(String(pick.unitPrice)) : percent ? new Decimal(source.unitPrice).mul(percent).div(100).toDecimalPlaces(2) : null;
    if (!unitPrice) errors.push({ path: ['lines', index, 'unitPrice'], ...say('pickPriceNeeded') });
    else if (unitPrice.isNaN() || unitPrice.lt(0)) errors.push({ path: ['lines', index, 'unitPrice'], ...say('unitPriceNotNegative') });
    const ok = (d: Decimal | null) => d !== null && !d.isNaN();
    return { ...copyLine(source), quantity: ok(quantity) ? quantity.toFixed(3) : '0', unitPrice: ok(unitPrice) ? unitPrice!.toFixed(2) : '0', sourceKey: source.key };
  });
  return { lines: made.filter((l): l is NonNullable<typeof l> => l !== null), errors };
}
