import Decimal from 'decimal.js';
import { parseMoney, roundToMinor } from './money';
import type { RuleError } from './rule-error';
import { amount as amountParam, say, text } from './messages';
import { totalsWords } from './messages/catalog/totals';

export interface LineInput {
  quantity?: unknown;
  unitPrice?: unknown;
  vatRate?: unknown;
  amountExclTax?: unknown;
  [key: string]: unknown;
}

export interface Totals {
  amountExclTax: string;
  taxAmount: string;
  amountInclTax: string;
}

export interface TotalsResult {
  /** lines with amountExclTax and vatRate filled in */
  lines: LineInput[];
  totals: Totals;
  errors: RuleError[];
}

const QUANTITY_SCALE = 3;

const parseRate = (value: unknown): Decimal | undefined => {
  if (value === undefined || value === null || value === '') return undefined;
  const parsed = parseMoney(value, { scale: 2 });
  return parsed.ok ? parsed.value : undefined;
};

const sameAmount = (given: unknown, expected: Decimal): boolean => {
  const parsed = parseMoney(given);
  return parsed.ok && parsed.value.eq(expected);
};

/**
 * Line amount = quantity × unit price, rounded to the cent. VAT is computed per rate on the
 * sum of the bases (as on a French invoice), so the tax does not drift with the line count.
 * `rateOf(line)` gives the VAT rate (percent) for a line that carries a VAT code but no rate.
 */
export function computeLineTotals(
  lines: LineInput[],
  rateOf: (line: LineInput, index: number) => Decimal.Value | undefined = () => undefined
): TotalsResult {
  const errors: RuleError[] = [];
  const base = new Map<string, Decimal>();
  let exclTax = new Decimal(0);
  const out = lines.map((line, index) => {
    const path = ['lines', index];
    const quantity = parseMoney(line.quantity, { scale: QUANTITY_SCALE, label: text(totalsWords.quantity) });
    const unitPrice = parseMoney(line.unitPrice, { label: text(totalsWords.unitPrice) });
    if (!quantity.ok) errors.push({ path: [...path, 'quantity'], ...quantity.said });
    if (!unitPrice.ok) errors.push({ path: [...path, 'unitPrice'], ...unitPrice.said });
    if (!quantity.ok || !unitPrice.ok) return line;

    const amount = roundToMinor(quantity.value.mul(unitPrice.value));
    if (line.amountExclTax !== undefined && line.amountExclTax !== null && !sameAmount(line.amountExclTax, amount)) {
      errors.push({ path: [...path, 'amountExclTax'], ...say('totalsLineAmountNotProduct', { amount: amountParam(amount) }) });
    }
    const rate = parseRate(line.vatRate) ?? parseRate(rateOf(line, index)) ?? new Decimal(0);
    const key = rate.toFixed(2);
    base.set(key, (base.get(key) ?? new Decimal(0)).add(amount));
    exclTax = exclTax.add(amount);
    return { ...line, amountExclTax: amount.toFixed(2), vatRate: rate.toFixed(2) };
  });

  let tax = new Decimal(0);
  for (const [rate, amount] of base) tax = tax.add(roundToMinor(amount.mul(rate).div(100)));
  return {
    lines: out,
    totals: {
      amountExclTax: exclTax.toFixed(2),
      taxAmount: tax.toFixed(2),
      amountInclTax: exclTax.add(tax).toFixed(2),
    },
    errors,
  };
}

/** Header amounts given by the caller must agree with the computed totals. */
export function checkHeaderTotals(given: Partial<Record<keyof Totals, unknown>>, totals: Totals): RuleError[] {
  const errors: RuleError[] = [];
  for (const field of ['amountExclTax', 'taxAmount', 'amountInclTax'] as const) {
    const value = given[field];
    if (value === undefined || value === null) continue;
    if (!sameAmount(value, new Decimal(totals[field]))) {
      errors.push({ path: [field], ...say('totalsHeaderNotLineSum', { field: text(totalsWords[field]), total: amountParam(totals[field]) }) });
    }
  }
  return errors;
}

/** A document without lines: excl. tax + tax = incl. tax, the missing one filled in. */
export function completeHeaderTotals(given: Partial<Record<keyof Totals, unknown>>): {
  totals: Partial<Totals>;
  errors: RuleError[];
} {
  const excl = parseMoney(given.amountExclTax);
  if (!excl.ok) return { totals: {}, errors: [] };
  const tax = given.taxAmount === undefined || given.taxAmount === null ? undefined : parseMoney(given.taxAmount);
  const incl =
    given.amountInclTax === undefined || given.amountInclTax === null ? undefined : parseMoney(given.amountInclTax);
  if (tax && !tax.ok) return { totals: {}, errors: [] };
  if (incl && !incl.ok) return { totals: {}, errors: [] };
  const taxValue = tax?.ok ? tax.value : incl?.ok ? incl.value.sub(excl.value) : new Decimal(0);
  const inclValue = excl.value.add(taxValue);
  if (incl?.ok && !incl.value.eq(inclValue)) {
    return {
      totals: {},
      errors: [{ path: ['amountInclTax'], ...say('totalsInclNotExclPlusTax', { amount: amountParam(inclValue) }) }],
    };
  }
  if (taxValue.isNegative()) {
    return { totals: {}, errors: [{ path: ['amountInclTax'], ...say('totalsInclBelowExcl') }] };
  }
  return {
    totals: { amountExclTax: excl.value.toFixed(2), taxAmount: taxValue.toFixed(2), amountInclTax: inclValue.toFixed(2) },
    errors: [],
  };
}

/**
 * The header amounts of an update of a document without lines, as a create would take them: the
 * caller's amounts, the stored pre-tax amount when it is not sent, and for what is not sent the
 * same derivation as on a create (incl. tax = excl. + tax; tax = incl. − excl.). When only the
 * pre-tax amount changes, the tax keeps the document's stored ratio (20 on 100 becomes 40 on 200):
 * keeping the old tax or the old total would silently change the VAT rate.
 */
export function headerTotalsOnUpdate(
  sent: Partial<Record<keyof Totals, unknown>>,
  stored: Partial<Record<keyof Totals, unknown>>
): Partial<Record<keyof Totals, unknown>> {
  const has = (field: keyof Totals) => sent[field] !== undefined;
  const input: Partial<Record<keyof Totals, unknown>> = {
    amountExclTax: has('amountExclTax') ? sent.amountExclTax : stored.amountExclTax,
    taxAmount: sent.taxAmount,
    amountInclTax: sent.amountInclTax,
  };
  if (has('taxAmount') || has('amountInclTax')) return input;
  const storedExcl = stored.amountExclTax == null ? undefined : roundToMinor(String(stored.amountExclTax));
  const storedTax = stored.taxAmount == null ? new Decimal(0) : roundToMinor(String(stored.taxAmount));
  const excl = parseMoney(input.amountExclTax);
  if (!excl.ok || storedExcl === undefined) return input;
  input.taxAmount = storedExcl.isZero() ? storedTax.toFixed(2) : roundToMinor(excl.value.mul(storedTax).div(storedExcl)).toFixed(2);
  return input;
}
