import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { checkHeaderTotals, completeHeaderTotals, computeLineTotals, headerTotalsOnUpdate, type LineInput } from '../domain/document-totals';
import { parseMoney, sumMoney } from '../domain/money';
import { DOCUMENT_SHAPES } from '../domain/management-types';
import type { RuleError } from '../domain/rule-error';
import { singleRelationRef } from './relation-input';
import type { WriteContext } from './write-context';

const given = (value: unknown) => value !== undefined && value !== null && value !== '';

async function vatRates(strapi: Core.Strapi, lines: LineInput[]): Promise<(Decimal.Value | undefined)[]> {
  const refs = lines.map((line) => (given(line.vatRate) ? undefined : singleRelationRef(line.vatCode)));
  const ids = refs.flatMap((ref) => (ref && 'id' in ref ? [ref.id] : []));
  const documentIds = refs.flatMap((ref) => (ref && 'documentId' in ref ? [ref.documentId] : []));
  if (ids.length + documentIds.length === 0) return refs.map(() => undefined);
  const rows: { id: number; documentId: string; rate: number | string }[] = await strapi.db
    .query('api::vat-code.vat-code')
    .findMany({ where: { $or: [{ id: { $in: ids } }, { documentId: { $in: documentIds } }] }, select: ['id', 'documentId', 'rate'] });
  return refs.map((ref) => {
    if (!ref) return undefined;
    const row = rows.find((r) => ('id' in ref ? r.id === ref.id : r.documentId === ref.documentId));
    return row ? String(row.rate) : undefined;
  });
}

/** Amounts the rules compute (line amounts, totals, allocated amount) must fit DECIMAL(15,2), as inputs must. */
const COMPUTED_AMOUNTS = ['amountExclTax', 'taxAmount', 'amountInclTax', 'allocatedAmount'];

function checkComputedRange(data: Record<string, unknown>, linesField: string | undefined): RuleError[] {
  const errors: RuleError[] = [];
  const check = (value: unknown, path: (string | number)[]) => {
    if (!given(value)) return;
    const parsed = parseMoney(value, { label: String(path[path.length - 1]) });
    if (!parsed.ok) errors.push({ path, message: parsed.reason });
  };
  const lines = linesField ? data[linesField] : undefined;
  if (Array.isArray(lines)) lines.forEach((line, index) => check(line?.amountExclTax, [linesField!, index, 'amountExclTax']));
  for (const field of COMPUTED_AMOUNTS) check(data[field], [field]);
  return errors;
}

/**
 * A header amount that is the sum of its items (training lines, receipt allocations): filled in
 * when missing, refused when it disagrees. Bad item amounts are reported by the decimal check.
 */
function sumInto(
  data: Record<string, unknown>,
  merged: Record<string, unknown>,
  items: Record<string, unknown>[],
  itemField: string,
  totalField: string,
  itemsLabel: string
): RuleError[] {
  const amounts = items.map((item) => parseMoney(item?.[itemField]));
  if (!amounts.every((a) => a.ok)) return [];
  const total = sumMoney(amounts.map((a) => (a.ok ? a.value : 0))).toFixed(2);
  const errors: RuleError[] = [];
  if (given(data[totalField]) && !new Decimal(String(data[totalField])).eq(total)) {
    errors.push({ path: [totalField], message: `${totalField} must equal the sum of the ${itemsLabel} (${total})` });
  }
  data[totalField] = total;
  merged[totalField] = total;
  return errors;
}

const load = (strapi: Core.Strapi, write: WriteContext, populate: string[]) =>
  write.documentId ? strapi.db.query(write.uid).findOne({ where: { documentId: write.documentId }, populate }) : null;

/** Lines add up to the document, parts never exceed their whole, and dates run forward. */
export async function managementRules(strapi: Core.Strapi, write: WriteContext): Promise<RuleError[]> {
  const shape = DOCUMENT_SHAPES[write.uid];
  if (!shape) return [];
  const { data } = write;
  const errors: RuleError[] = [];
  const linesField = shape.pricedLines ?? shape.amountLines;
  // the stored lines only judge header totals given without lines (below): not read otherwise
  const headerTotalsGiven = ['amountExclTax', 'taxAmount', 'amountInclTax'].some((field) => field in data);
  const existing = await load(strapi, write, linesField && !Array.isArray(data[linesField]) && headerTotalsGiven ? [linesField] : []);
  const merged: Record<string, unknown> = { ...(existing ?? {}), ...data };

  if (shape.pricedLines && Array.isArray(data[shape.pricedLines]) && (data[shape.pricedLines] as unknown[]).length > 0) {
    const lines = data[shape.pricedLines] as LineInput[];
    const rates = await vatRates(strapi, lines);
    const result = computeLineTotals(lines, (_line, index) => rates[index]);
    errors.push(...result.errors, ...checkHeaderTotals(data, result.totals));
    if (result.errors.length === 0) {
      data[shape.pricedLines] = result.lines;
      Object.assign(data, result.totals);
      Object.assign(merged, result.totals);
    }
  } else if (shape.amountLines && Array.isArray(data[shape.amountLines]) && (data[shape.amountLines] as unknown[]).length > 0) {
    errors.push(...sumInto(data, merged, data[shape.amountLines] as Record<string, unknown>[], 'amountExclTax', 'amountExclTax', 'lines'));
  } else if (linesField && existing && Array.isArray(existing[linesField]) && existing[linesField].length > 0) {
    for (const field of ['amountExclTax', 'taxAmount', 'amountInclTax']) {
      if (given(data[field]) && !new Decimal(String(data[field])).eq(String(existing[field]))) {
        errors.push({ path: [field], message: `${field} comes from the lines: change the lines instead` });
      }
    }
  } else if (['amountExclTax', 'taxAmount', 'amountInclTax'].some((f) => f in data) && 'taxAmount' in (strapi.getModel(write.uid as any)?.attributes ?? {})) {
    const header = completeHeaderTotals(existing ? headerTotalsOnUpdate(data, existing) : merged);
    errors.push(...header.errors);
    Object.assign(data, header.totals);
    Object.assign(merged, header.totals);
  }

  if (shape.allocations && Array.isArray(data.allocations) && data.allocations.length > 0) {
    errors.push(...sumInto(data, merged, data.allocations as Record<string, unknown>[], 'amount', 'allocatedAmount', 'allocations'));
  }

  errors.push(...checkComputedRange(data, linesField));

  for (const [part, whole] of shape.notAbove ?? []) {
    const p = parseMoney(merged[part]);
    const w = parseMoney(merged[whole]);
    if ((part in data || whole in data) && p.ok && w.ok && p.value.gt(w.value)) {
      errors.push({ path: [part in data ? part : whole], message: `${part} (${p.value.toFixed(2)}) must not exceed ${whole} (${w.value.toFixed(2)})` });
    }
  }
  for (const [earlier, later] of shape.dateOrder ?? []) {
    const from = merged[earlier];
    const to = merged[later];
    if ((earlier in data || later in data) && typeof from === 'string' && typeof to === 'string' && to < from) {
      errors.push({ path: [later in data ? later : earlier], message: `${later} (${to}) must not be before ${earlier} (${from})` });
    }
  }
  return errors;
}
