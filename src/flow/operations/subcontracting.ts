import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { FLOW_UIDS } from '../../domain/flow/edges';
import { refuse, throwIfErrors } from '../../rules/validation-error';
import { idsReaching } from '../link-tables';
import { callerFields, numberFor, onlyKnown, priced, readSource, sourceLines, today } from './make';
import { picksOf, pricedPicks } from './priced-picks';
import { say } from '../../domain/messages';
import { documentWord, stateWord } from '../../rules/words';

const FIELDS = ['number', 'date', 'validUntil', 'customerReference'];
const LINK = 'subcontractedFrom';
const MADE = { quotation: { uid: FLOW_UIDS.quotation, prefix: 'QUO', state: 'draft' }, order: { uid: FLOW_UIDS.order, prefix: 'ORD', state: 'confirmed' } } as const;
/** Sub-contracts that still hold a part of the order: orders not cancelled, quotations not yet decided. */
const HOLDING: Record<string, string[]> = {
  [FLOW_UIDS.order]: ['draft', 'confirmed', 'partiallyDelivered', 'delivered', 'invoiced'],
  [FLOW_UIDS.quotation]: ['draft', 'sent', 'signed'],
};
const SUBCONTRACTABLE = ['confirmed', 'partiallyDelivered'];

/** Per order line: the quantity already sub-contracted by quotations and orders that still hold it. */
async function subcontracted(strapi: Core.Strapi, orderId: string): Promise<Map<string, Decimal>> {
  const taken = new Map<string, Decimal>();
  for (const [uid, states] of Object.entries(HOLDING)) {
    const ids = await idsReaching(strapi, uid, [LINK], [orderId]);
    if (ids.length === 0) continue;
    const rows: any[] = await strapi.db.query(uid as any).findMany({ where: { id: { $in: ids }, state: { $in: states } }, select: ['id'], populate: { lines: { select: ['id', 'sourceKey', 'quantity'] } } });
    for (const line of rows.flatMap((r) => r.lines ?? [])) {
      if (line.sourceKey) taken.set(line.sourceKey, (taken.get(line.sourceKey) ?? new Decimal(0)).add(String(line.quantity ?? 0)));
    }
  }
  return taken;
}

/**
 * "Creating an internal / a group sub-contracting quotation (order)": a company of the group does
 * part of a customer's order; it gets a quotation or an order addressed to the internal customer
 * that stands for the ordering company (a customer of the performing company, of type internal,
 * whose `representedCompany` is the ordering one), linked to the source order. Internal when both
 * are one company, group otherwise. The credit check judges it for that internal customer, under
 * its own policy, as a quotations or orders write. One transaction with the order locked.
 */
export async function subcontractOrder(strapi: Core.Strapi, orderId: string, body: Record<string, unknown>) {
  onlyKnown(body, [...FIELDS, 'company', 'make', 'lines', 'pricePercent', 'preview']);
  if (typeof body.company !== 'string' || body.company === '') refuse('company', say('subcontractCompanyRequired'));
  const kind = (body.make ?? 'quotation') as keyof typeof MADE;
  if (!MADE[kind]) refuse('make', say('makeQuotationOrOrder'));
  const { picks, percent } = picksOf(body);
  return strapi.db.transaction(async () => {
    const performer: any = await strapi.db.query('api::company.company').findOne({ where: { documentId: body.company }, select: ['id', 'documentId', 'name'] });
    if (!performer) refuse('company', say('noCompany', { company: String(body.company) }));
    const order = await readSource(strapi, FLOW_UIDS.order, orderId, 'order', MADE[kind].uid);
    if (!SUBCONTRACTABLE.includes(order.state)) refuse('state', say('orderNotSubcontractable', { order: order.number, state: stateWord(FLOW_UIDS.order, order.state) }));
    const orderer = order.company?.documentId;
    if (!orderer) refuse('company', say('orderNoCompany', { order: order.number }));
    const internal: any = await strapi.db.query('api::customer.customer').findOne({
      where: { customerType: 'internal', company: { documentId: performer.documentId }, representedCompany: { documentId: orderer } },
      select: ['id', 'documentId'],
      orderBy: { id: 'asc' },
    });
    if (!internal) {
      refuse('company', say('noInternalCustomer', { company: performer.name }));
    }
    const { lines, errors } = pricedPicks(sourceLines(order), picks, percent, await subcontracted(strapi, orderId), { source: documentWord(FLOW_UIDS.order, order.number, 'of'), verb: 'sub-contracted' });
    throwIfErrors(errors);
    const made = MADE[kind];
    const data: Record<string, unknown> = {
      customer: internal.documentId,
      company: performer.documentId,
      currency: order.currency?.documentId,
      origin: performer.documentId === orderer ? 'internalSubcontracting' : 'groupSubcontracting',
      state: made.state,
      date: today(),
      ...callerFields(body, kind === 'quotation' ? FIELDS.filter((f) => f !== 'customerReference') : FIELDS.filter((f) => f !== 'validUntil')),
      [LINK]: order.documentId,
      lines,
    };
    if (body.preview === true || body.preview === 'true') return { preview: true, data: priced(data) };
    if (!data.number) data.number = await numberFor(strapi, made.uid, made.prefix, String(data.date));
    return { preview: false, data: await strapi.documents(made.uid as any).create({ data: data as any, populate: ['lines'] as any }) };
  });
}
