import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { checkHeaderTotals, completeHeaderTotals, computeLineTotals, headerTotalsOnUpdate, type LineInput } from '../domain/document-totals';
import { parseMoney, sumMoney } from '../domain/money';
import { DOCUMENT_SHAPES } from '../domain/management-types';
import { amount, day, say } from '../domain/messages';
import type { RuleError } from '../domain/rule-error';
import { singleRelationRef } from './relation-input';
import { asSaid } from './said';
import { fieldWord } from './words';
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

function checkComputedRange(uid: string, data: Record<string, unknown>, linesField: string | undefined): RuleError[] {
  const errors: RuleError[] = [];
  const check = (value: unknown, path: (string | number)[]) => {
    if (!given(value)) return;
    // a line's amount reads like the document's (Montant HT)
    const parsed = parseMoney(value, { label: fieldWord(uid, String(path[path.length - 1])) });
    if (!parsed.ok) errors.push({ path, ...asSaid(parsed.reason) });
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
  notTheSum: 'amountNotSumOfLines' | 'allocatedNotSumOfAllocations'
): RuleError[] {
  const amounts = items.map((item) => parseMoney(item?.[itemField]));
  if (!amounts.every((a) => a.ok)) return [];
  const total = sumMoney(amounts.map((a) => (a.ok ? a.value : 0))).toFixed(2);
  const errors: RuleError[] = [];
  if (given(data[totalField]) && !new Decimal(String(data[totalField])).eq(total)) {
    errors.push({ path: [totalField], ...say(notTheSum, { total: amount(total) }) });
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
    errors.push(...sumInto(data, merged, data[shape.amountLines] as Record<string, unknown>[], 'amountExclTax', 'amountExclTax', 'amountNotSumOfLines'));
  } else if (linesField && existing && Array.isArray(existing[linesField]) && existing[linesField].length > 0) {
    for (const field of ['amountExclTax', 'taxAmount', 'amountInclTax']) {
      if (given(data[field]) && !new Decimal(String(data[field])).eq(String(existing[field]))) {
        errors.push({ path: [field], ...say('totalFromLines', { field: fieldWord(write.uid, field) }) });
      }
    }
  } else if (['amountExclTax', 'taxAmount', 'amountInclTax'].some((f) => f in data) && 'taxAmount' in (strapi.getModel(write.uid as any)?.attributes ?? {})) {
    const header = completeHeaderTotals(existing ? headerTotalsOnUpdate(data, existing) : merged);
    errors.push(...header.errors);
    Object.assign(data, header.totals);
    Object.assign(merged, header.totals);
  }

  if (shape.allocations && Array.isArray(data.allocations) && data.allocations.length > 0) {
    errors.push(...sumInto(data, merged, data.allocations as Record<string, unknown>[], 'amount', 'allocatedAmount', 'allocatedNotSumOfAllocations'));
  }

  errors.push(...checkComputedRange(write.uid, data, linesField));

  for (const [part, whole] of shape.notAbove ?? []) {
    const p = parseMoney(merged[part]);
    const w = parseMoney(merged[whole]);
    if ((part in data || whole in data) && p.ok && w.ok && p.value.gt(w.value)) {
      const params = { part: fieldWord(write.uid, part), partAmount: amount(p.value), whole: fieldWord(write.uid, whole), wholeAmount: amount(w.value) };
      errors.push({ path: [part in data ? part : whole], ...say('partExceedsWhole', params) });
    }
  }
  for (const [earlier, later] of shape.dateOrder ?? []) {
    const from = merged[earlier];
    const to = merged[later];
    if ((earlier in data || later in data) && typeof from === 'string' && typeof to === 'string' && to < from) {
      const params = { later: fieldWord(write.uid, later), to: day(to), earlier: fieldWord(write.uid, earlier), from: day(from) };
      errors.push({ path: [later in data ? later : earlier], ...say('dateBeforeEarlier', params) });
    }
  }
  return errors;
}
