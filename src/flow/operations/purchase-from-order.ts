import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { FLOW_UIDS } from '../../domain/flow/edges';
import { SUPPLIER_ORDER_UID } from '../../domain/management-types';
import { refuse, throwIfErrors } from '../../rules/validation-error';
import type { RuleError } from '../../domain/rule-error';
import { idsReaching } from '../link-tables';
import { callerFields, copyLine, numberFor, onlyKnown, priced, readSource, sourceLines, today } from './make';

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
  if (typeof body.supplier !== 'string' || body.supplier === '') refuse('supplier', 'supplier is required: the documentId of the supplier bought from');
  const purpose = body.purpose ?? 'resale';
  if (!PURPOSES.includes(String(purpose))) refuse('purpose', `purpose must be ${PURPOSES.join(' or ')}`);
  const percent = body.pricePercent === undefined ? null : new Decimal(String(body.pricePercent));
  if (percent && (percent.isNaN() || percent.lte(0) || percent.gt(1000))) refuse('pricePercent', 'pricePercent must be a percentage of the sale price above 0');
  const asked = body.lines;
  if (asked !== undefined && (!Array.isArray(asked) || asked.some((l) => !l || typeof l !== 'object' || typeof (l as any).sourceKey !== 'string'))) {
    refuse('lines', 'lines must be a list of { sourceKey, quantity?, unitPrice? }');
  }
  return strapi.db.transaction(async () => {
    const supplier: any = await strapi.db.query('api::supplier.supplier').findOne({ where: { documentId: body.supplier }, select: ['id', 'documentId'] });
    if (!supplier) refuse('supplier', `no supplier ${body.supplier}`);
    const order = await readSource(strapi, FLOW_UIDS.order, orderId, 'order', SUPPLIER_ORDER_UID);
    if (!BUYABLE.includes(order.state)) refuse('state', `order ${order.number} is ${order.state}: purchases are made for a confirmed order`);
    const bought = await boughtFor(strapi, orderId);
    const lines = sourceLines(order);
    const picks = (asked as any[] | undefined) ?? lines.map((l) => ({ sourceKey: l.key }));
    const errors: RuleError[] = [];
    const made = picks.map((pick: any, index: number) => {
      const source = lines.find((l) => l.key === pick.sourceKey);
      if (!source) {
        errors.push({ path: ['lines', index, 'sourceKey'], message: `sourceKey ${pick.sourceKey} names no line of order ${order.number}` });
        return null;
      }
      const left = new Decimal(source.quantity).sub(bought.get(source.key) ?? 0);
      const quantity = pick.quantity === undefined ? left : new Decimal(String(pick.quantity));
      if (quantity.isNaN() || quantity.lte(0)) errors.push({ path: ['lines', index, 'quantity'], message: left.lte(0) ? `line ${source.label ?? source.key} is already bought in full` : 'quantity must be above 0' });
      else if (quantity.gt(left)) errors.push({ path: ['lines', index, 'quantity'], message: `${quantity.toFixed()} is more than the ${left.toFixed()} left to buy of line ${source.label ?? source.key}` });
      const unitPrice = pick.unitPrice !== undefined ? new Decimal(String(pick.unitPrice)) : percent ? new Decimal(source.unitPrice).mul(percent).div(100).toDecimalPlaces(2) : null;
      if (!unitPrice) errors.push({ path: ['lines', index, 'unitPrice'], message: 'give the purchase price: unitPrice on the line, or pricePercent of the sale price' });
      else if (unitPrice.isNaN() || unitPrice.lt(0)) errors.push({ path: ['lines', index, 'unitPrice'], message: 'unitPrice must be 0 or more' });
      return { ...copyLine(source), quantity: quantity.isNaN() ? '0' : quantity.toFixed(3), unitPrice: unitPrice && !unitPrice.isNaN() ? unitPrice.toFixed(2) : '0', sourceKey: source.key };
    });
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
