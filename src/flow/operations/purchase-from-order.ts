import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { FLOW_UIDS } from '../../domain/flow/edges';
import { SUPPLIER_ORDER_UID } from '../../domain/management-types';
import { refuse, throwIfErrors } from '../../rules/validation-error';
import { idsReaching } from '../link-tables';
import { callerFields, numberFor, onlyKnown, priced, readSource, sourceLines, today } from './make';
import { pricedPicks, picksOf } from './priced-picks';
import { say } from '../../domain/messages';
import { documentWord, orList, stateWord } from '../../rules/words';

const FIELDS = ['number', 'date', 'expectedOn', 'supplierReference', 'state'];
const PURPOSES = ['resale', 'subcontracting'];
/** Orders the customer has committed to: what is bought for them. */
const BUYABLE = ['confirmed', 'partiallyDelivered', 'delivered', 'invoiced'];

/** Per sales-order line: the quantity already bought for it by supplier orders that are not cancelled. */
async function boughtFor(strapi: Core.Strapi, orderId: string): Promise<Map<string, Decimal>> {
  const ids = await idsReaching(strapi, SUPPLIER_ORDER_UID, ['salesOrder'], [orderId]);
  const bought = new Map<string, Decimal>();
  if (ids.length === 0) return bought;
  const rows: any[] = await strapi.db.query(SUPPLIER_ORDER_UID as any).findMany({
    where: { id: { $in: ids }, state: { $ne: 'cancelled' } },
    select: ['id'],
    populate: { lines: { select: ['id', 'sourceKey', 'quantity'] } },
  });
  for (const line of rows.flatMap((r) => r.lines ?? [])) {
    if (line.sourceKey) bought.set(line.sourceKey, (bought.get(line.sourceKey) ?? new Decimal(0)).add(String(line.quantity ?? 0)));
  }
  return bought;
}

/**
 * A purchase for a customer's order (buy for resale, or sub-contract the work): a supplier order
 * linked to the sales order, a line per chosen order line (never more than is left to buy of it),
 * at the purchase price given per line or as a share of the sale price. Purchases never count in
 * the customer's credit exposure. One transaction with the order locked.
 */
export async function purchaseForOrder(strapi: Core.Strapi, orderId: string, body: Record<string, unknown>) {
  onlyKnown(body, [...FIELDS, 'supplier', 'purpose', 'lines', 'pricePercent', 'preview']);
  if (typeof body.supplier !== 'string' || body.supplier === '') refuse('supplier', say('supplierRequired'));
  const purpose = body.purpose ?? 'resale';
  if (!PURPOSES.includes(String(purpose))) refuse('purpose', say('purposeValues', { values: orList(PURPOSES) }));
  const { picks, percent } = picksOf(body);
  return strapi.db.transaction(async () => {
    const supplier: any = await strapi.db.query('api::supplier.supplier').findOne({ where: { documentId: body.supplier }, select: ['id', 'documentId'] });
    if (!supplier) refuse('supplier', say('noSupplier', { supplier: String(body.supplier) }));
    const order = await readSource(strapi, FLOW_UIDS.order, orderId, 'order', SUPPLIER_ORDER_UID);
    if (!BUYABLE.includes(order.state)) refuse('state', say('orderNotBuyable', { order: order.number, state: stateWord(FLOW_UIDS.order, order.state) }));
    const { lines: made, errors } = pricedPicks(sourceLines(order), picks, percent, await boughtFor(strapi, orderId), { source: documentWord(FLOW_UIDS.order, order.number, 'of'), verb: 'bought' });
    throwIfErrors(errors);
    const data: Record<string, unknown> = {
      supplier: supplier.documentId,
      ...(order.company?.documentId ? { company: order.company.documentId } : {}),
      currency: order.currency?.documentId,
      salesOrder: order.documentId,
      purpose,
      state: 'draft',
      date: today(),
      ...callerFields(body, FIELDS),
      lines: made,
    };
    if (body.preview === true || body.preview === 'true') return { preview: true, data: priced(data) };
    if (!data.number) data.number = await numberFor(strapi, SUPPLIER_ORDER_UID, 'PO', String(data.date));
    return { preview: false, data: await strapi.documents(SUPPLIER_ORDER_UID as any).create({ data: data as any, populate: ['lines'] as any }) };
  });
}
