import Decimal from 'decimal.js';

/** A priced line as the flow sees it: its own key, and the key of the line it was made from. */
export interface FlowLine {
  key?: string | null;
  sourceKey?: string | null;
  quantity: Decimal.Value;
  amountExclTax: Decimal.Value;
}

/** A document made from a source: its state, amount, lines and how many sources it names. */
export interface MadeDocument {
  documentId: string;
  state: string;
  amountExclTax: Decimal.Value;
  lines: FlowLine[];
  /** how many sources its link names (a grouped invoice names several) */
  sourceCount: number;
}

export interface Taken {
  /** pre-tax amount taken from the source */
  amount: Decimal;
  /** per source line key: the quantity and pre-tax amount taken */
  byLine: Map<string, { quantity: Decimal; amount: Decimal }>;
}

const dec = (value: Decimal.Value | null | undefined) => new Decimal(value === null || value === undefined || value === '' ? 0 : value);

/**
 * What the made documents in `states` take from one source. A made line names its source line by
 * key; the lines of a document made from this source alone that name no source line still take
 * their amount from the source as a whole (a delivery typed by hand against an order).
 */
export function takenFrom(sourceKeys: Iterable<string>, made: MadeDocument[], states: string[]): Taken {
  const keys = new Set(sourceKeys);
  const byLine = new Map<string, { quantity: Decimal; amount: Decimal }>();
  let amount = new Decimal(0);
  for (const doc of made) {
    if (!states.includes(doc.state)) continue;
    for (const line of doc.lines) {
      const key = line.sourceKey ?? undefined;
      if (key && keys.has(key)) {
        const entry = byLine.get(key) ?? { quantity: new Decimal(0), amount: new Decimal(0) };
        entry.quantity = entry.quantity.add(dec(line.quantity));
        entry.amount = entry.amount.add(dec(line.amountExclTax));
        byLine.set(key, entry);
        amount = amount.add(dec(line.amountExclTax));
      } else if (!key && doc.sourceCount === 1) {
        amount = amount.add(dec(line.amountExclTax));
      }
    }
    // a header-only document (no lines) made from this source alone takes its amount
    if (doc.lines.length === 0 && doc.sourceCount === 1) amount = amount.add(dec(doc.amountExclTax));
  }
  return { amount, byLine };
}
