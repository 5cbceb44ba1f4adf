import type { Core } from '@strapi/strapi';
import type { FieldPredicate, Mapping, ReportsMapping } from '../core';
import { ambientConnection } from './ambient-connection';
import { findAllInBatches, keysetBatches } from './batched-reads';
import { keyedPopulate, keyedRows, keyedSelect, type KeyedRows } from './keyed-rows';
import { anyLinkedIds, linkedIds, whereExceeds, whereLinkedToDocuments, whereUnlinked } from './linked-rows';
import { publishedOnly } from './draft-publish';

/** Bounds on a date column: `[operator, day]` pairs. */
export type DayBounds = ['>=' | '<=' | '<', string][];

const OPERATORS = { '>=': '$gte', '<=': '$lte', '<': '$lt' } as const;
const engineBounds = (bounds: DayBounds) => Object.fromEntries(bounds.map(([op, day]) => [OPERATORS[op], day]));
const engineWhere = (p: FieldPredicate | undefined) => (p ? { [p.field]: p.in ? { $in: p.in } : { $notIn: p.notIn ?? [] } } : {});

export interface InvoiceRead {
  parties: string[];
  /** the invoice's date */
  dated: DayBounds;
  /** its due date (a missing one: its date stands in) */
  due: DayBounds;
  /** open credit notes whatever their due date */
  creditNotesAnyDue: boolean;
}

export interface PaymentRead {
  parties: string[];
  dated: DayBounds;
  /** only payments not wholly allocated */
  unallocatedOnly: boolean;
}

/**
 * The reports' open invoices and payments, as the query engine's rows (`{ party: { documentId } }`,
 * the currency's code), the fields asked and `id`/`documentId`. Read as keyed rows (keyed-rows.ts):
 * a batch in one statement with its party and currency, where the query engine spends three and
 * converts every row (a thousand dunning letters read tens of thousands of rows). The query engine
 * reads when a relation or a compared date has a shape keyed rows do not handle (a datetime
 * compares as stored).
 */
export function reportRows(strapi: Core.Strapi, mapping: Mapping, r: ReportsMapping) {
  const isDay = (uid: string, field: string) => (strapi.db.metadata.get(uid as any) as any).attributes[field]?.type === 'date';

  const predicate = (q: any, rows: KeyedRows, p: FieldPredicate | undefined) => {
    if (!p) return;
    if (p.in) q.whereIn(rows.column(p.field), p.in);
    else q.whereNotIn(rows.column(p.field), p.notIn ?? []);
  };
  const bounded = (q: any, column: string, bounds: DayBounds) => bounds.forEach(([op, day]) => q.where(column, op, day));

  /** Every row of `query` in id order, a keyset batch a statement. */
  const all = async (rows: KeyedRows, query: any): Promise<any[]> => {
    const out: any[] = [];
    for await (const batch of keysetBatches((afterId, size) => query.clone().where('t.id', '>', afterId).orderBy('t.id', 'asc').limit(size))) out.push(...rows.toRows(batch));
    return out;
  };

  return {
    /** Open invoices linked to the parties by their first party field set (one read per field: an `or` across relations scans every invoice). */
    async invoices(read: InvoiceRead, fields: string[]): Promise<any[]> {
      const i = r.invoices;
      // a credit note's predicate compares numbers as numbers, as the query engine gives them
      const numbers = i.creditNote ? [i.creditNote.field] : [];
      const rows = keyedRows(strapi, mapping, { uid: i.uid, fields, partyFields: i.partyFields, currencyField: i.currencyField, numbers });
      const days = read.dated.length + read.due.length === 0 || (isDay(i.uid, i.dateField) && isDay(i.uid, i.dueDateField));
      const out: any[] = [];
      for (const [k, field] of i.partyFields.entries()) {
        const linked = linkedIds(strapi, i.uid, field, read.parties);
        const earlier = i.partyFields.slice(0, k).map((f) => anyLinkedIds(strapi, i.uid, f));
        if (!rows.supported || !days || !linked || earlier.some((e) => !e)) {
          out.push(...(await invoicesViaEngine(read, fields, k)));
          continue;
        }
        const query = rows.select(await ambientConnection(strapi)).whereIn(`t.${linked.column}`, linked.ids);
        earlier.forEach((e) => query.whereNotIn(`t.${e!.column}`, e!.ids));
        predicate(query, rows, i.open);
        bounded(query, rows.column(i.dateField), read.dated);
        if (read.due.length > 0) {
          query.where((w: any) => {
            w.where((d: any) => bounded(d, rows.column(i.dueDateField), read.due));
            w.orWhere((d: any) => bounded(d.whereNull(rows.column(i.dueDateField)), rows.column(i.dateField), read.due));
            if (read.creditNotesAnyDue && i.creditNote) w.orWhere((d: any) => predicate(d, rows, i.creditNote));
          });
        }
        out.push(...(await all(rows, query)));
      }
      return out;
    },

    /** Counted payments of the parties. */
    async payments(read: PaymentRead, fields: string[]): Promise<any[]> {
      const p = r.payments;
      const rows = keyedRows(strapi, mapping, { uid: p.uid, fields, partyFields: [p.partyField], currencyField: p.currencyField });
      const linked = linkedIds(strapi, p.uid, p.partyField, read.parties);
      if (!rows.supported || !linked || (read.dated.length > 0 && !isDay(p.uid, p.dateField))) return paymentsViaEngine(read, fields);
      const query = rows.select(await ambientConnection(strapi)).whereIn(`t.${linked.column}`, linked.ids);
      predicate(query, rows, p.counted);
      bounded(query, rows.column(p.dateField), read.dated);
      if (read.unallocatedOnly && p.allocatedField) query.whereRaw('?? > coalesce(??, 0)', [rows.column(p.amountField), rows.column(p.allocatedField)]);
      return all(rows, query);
    },
  };

  /** The invoices whose party is their `k`-th party field, through the query engine. */
  function invoicesViaEngine(read: InvoiceRead, fields: string[], k: number): Promise<any[]> {
    const i = r.invoices;
    const due = engineBounds(read.due);
    const where = [
      ...i.partyFields.slice(0, k).map((f) => whereUnlinked(strapi, i.uid, f)),
      whereLinkedToDocuments(strapi, i.uid, i.partyFields[k], read.parties),
      engineWhere(i.open),
      publishedOnly(strapi, i.uid),
      read.dated.length ? { [i.dateField]: engineBounds(read.dated) } : {},
      read.due.length
        ? { $or: [{ [i.dueDateField]: due }, { [i.dueDateField]: { $null: true }, [i.dateField]: due }, ...(read.creditNotesAnyDue && i.creditNote ? [engineWhere(i.creditNote)] : [])] }
        : {},
    ];
    return findAllInBatches(strapi, i.uid, { where: { $and: where }, populate: keyedPopulate(i, mapping), select: keyedSelect({ fields, currencyField: i.currencyField }, mapping) });
  }

  function paymentsViaEngine(read: PaymentRead, fields: string[]): Promise<any[]> {
    const p = r.payments;
    const where = [
      whereLinkedToDocuments(strapi, p.uid, p.partyField, read.parties),
      engineWhere(p.counted),
      publishedOnly(strapi, p.uid),
      read.dated.length ? { [p.dateField]: engineBounds(read.dated) } : {},
      read.unallocatedOnly && p.allocatedField ? whereExceeds(strapi, p.uid, p.amountField, p.allocatedField) : {},
    ];
    const spec = { fields, partyFields: [p.partyField], currencyField: p.currencyField };
    return findAllInBatches(strapi, p.uid, { where: { $and: where }, populate: keyedPopulate(spec, mapping), select: keyedSelect(spec, mapping) });
  }
}
