import Decimal from 'decimal.js';
import type { BilledOnce } from '../management-types';
import type { RuleError } from '../rule-error';
import { say, type Param } from '../messages';
import { flowVerb, itemCondition } from './wording';

/**
 * Items billed once each (an expense rebilled, a held training session delivered): a made line
 * names its item by `sourceKey`; no two documents that are not cancelled hold one item. Pure.
 */

export interface Item {
  key: string | null;
  amountExclTax?: string | number | null;
  [field: string]: unknown;
}
export interface ItemSource {
  documentId: string;
  /** the source as messages name it: a string, or documentLabel(uid, number) to read right in French */
  label: Param;
  state: string;
  items: Item[];
}
export interface Holder {
  documentId: string;
  number: string;
  state: string;
  sourceKeys: string[];
}

export const billable = (spec: Pick<BilledOnce, 'itemWhen'>, item: Item): boolean => !spec.itemWhen || spec.itemWhen.in.includes(item[spec.itemWhen.field] as never);

/** The item keys each holder holds, but those in a freeing state (cancelled) and `except` (the document being written). */
export function heldBy(holders: Holder[], except?: string, freeIn: readonly string[] = ['cancelled']): Map<string, Holder> {
  const held = new Map<string, Holder>();
  for (const holder of holders) {
    if (freeIn.includes(holder.state) || holder.documentId === except) continue;
    for (const key of holder.sourceKeys) held.set(key, holder);
  }
  return held;
}

/**
 * A made document's lines against its item sources: a line that names an item names one of a
 * linked source that may be billed, and that no other document holds.
 */
export function billedOnceErrors(spec: Pick<BilledOnce, 'itemWhen' | 'verb'>, sources: ItemSource[], lines: { sourceKey?: string | null }[], held: Map<string, Holder>): RuleError[] {
  const items = new Map<string, { item: Item; source: ItemSource }>();
  for (const source of sources) for (const item of source.items) if (item.key) items.set(item.key, { item, source });
  const errors: RuleError[] = [];
  const verb = flowVerb(spec.verb, 'masculine');
  lines.forEach((line, index) => {
    if (!line.sourceKey) return;
    const found = items.get(line.sourceKey);
    const path = ['lines', index, 'sourceKey'];
    if (!found) return; // another link's line (an order's), or none: checked there
    const source = found.source.label;
    if (!billable(spec, found.item)) errors.push({ path, ...say('flowItemNotBillable', { source, verb, ...itemCondition(spec.itemWhen) }) });
    const other = held.get(line.sourceKey);
    if (other) errors.push({ path, ...say('flowItemAlreadyHeld', { source, verb, holder: other.number }) });
  });
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (!line.sourceKey || !items.has(line.sourceKey)) return;
    if (seen.has(line.sourceKey)) errors.push({ path: ['lines', index, 'sourceKey'], ...say('flowItemTwice', { source: items.get(line.sourceKey)!.source.label }) });
    seen.add(line.sourceKey);
  });
  return errors;
}

/** A source after its own write: the items its documents hold are still there, and still billable. */
export function itemSourceErrors(spec: Pick<BilledOnce, 'itemWhen' | 'verb' | 'items'>, source: ItemSource, held: Map<string, Holder>): RuleError[] {
  const errors: RuleError[] = [];
  const verb = flowVerb(spec.verb, 'masculine');
  const byKey = new Map(source.items.filter((i) => i.key).map((i) => [i.key as string, i]));
  for (const [key, holder] of held) {
    const item = byKey.get(key);
    if (!item) errors.push({ path: [spec.items], ...say('flowHeldItemRemoved', { verb, holder: holder.number }) });
    else if (!billable(spec, item)) errors.push({ path: [spec.items], ...say('flowHeldItemMustStay', { verb, holder: holder.number, field: itemCondition(spec.itemWhen).field }) });
  }
  return errors;
}

/** What the held items of a source come to (its derived figure). */
export function billedAmount(source: Pick<ItemSource, 'items'>, held: Map<string, Holder>, amountField = 'amountExclTax'): string {
  return source.items.reduce((sum, item) => (item.key && held.has(item.key) ? sum.add(String(item[amountField] ?? 0)) : sum), new Decimal(0)).toFixed(2);
}

/** The items of the sources still to bill: billable, held by none. */
export const itemsToBill = (spec: Pick<BilledOnce, 'itemWhen'>, source: ItemSource, held: Map<string, Holder>): Item[] =>
  source.items.filter((item) => item.key && billable(spec, item) && !held.has(item.key));
