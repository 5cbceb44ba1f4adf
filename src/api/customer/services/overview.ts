import type { Core } from '@strapi/strapi';
import { SIGNED_STATES } from '../../../domain/insights';
import { PURCHASE_UIDS } from '../../../domain/management-types';
import { whereLinkedTo, whereLinkedToAny } from '../../../repositories/sql';
import { managementTypes, partyWhere } from './management-objects';
import { say } from '../../../domain/messages';
import { notFound } from '../../../rules/said-errors';

const CUSTOMER = 'api::customer.customer';
type CanRead = (uid: string) => boolean;
const SUPPLIER = 'api::supplier.supplier';
/** Not sales: events have their own section, helpdesk issues are support. */
const NOT_SALES = ['api::event.event', 'api::helpdesk-issue.helpdesk-issue'];
/** The first of these a type has is the row's amount. */
const AMOUNT_FIELDS = ['amountExclTax', 'expectedAmountExclTax', 'annualAmountExclTax', 'amount'];
const LABEL_FIELDS = ['title', 'sessionTitle', 'reference'];

const attributesOf = (strapi: Core.Strapi, uid: string) => (strapi.getModel(uid as any) as any).attributes as Record<string, any>;
const amountOf = (value: unknown) => (value === null || value === undefined ? null : String(value));
const personName = (p: { firstName?: string | null; lastName?: string | null } | null | undefined) =>
  p ? [p.firstName, p.lastName].filter(Boolean).join(' ') || null : null;

/** The customer's 360 view (spec, "Accessing the sales dashboard"): each section capped at `limit` rows, with its total. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  // every where reaches the customer through the link tables: a where through the relation scans
  // the whole table of a type on SQLite (~1 s a view at a million objects)
  const linkedTo = (uid: string, path: string[], customerId: number) => whereLinkedTo(strapi, uid, path, customerId);

  /** Unsigned sales objects of every type, newest first; `limit` per type is enough to take the newest `limit` overall. */
  async function sales(customerId: number, limit: number, canRead: CanRead) {
    const types = managementTypes(strapi).filter((t) => !NOT_SALES.includes(t.uid) && canRead(t.uid));
    const perType = await Promise.all(
      types.map(async (t) => {
        const attributes = attributesOf(strapi, t.uid);
        const signed = SIGNED_STATES[t.uid] ?? [];
        const where = signed.length
          ? { $and: [partyWhere(strapi, t, customerId), { $or: [{ state: { $null: true } }, { state: { $notIn: signed } }] }] }
          : partyWhere(strapi, t, customerId);
        const amountField = AMOUNT_FIELDS.find((f) => f in attributes);
        const labelField = LABEL_FIELDS.find((f) => f in attributes);
        const select = ['documentId', 'number', 'state', t.sortField, amountField, labelField, 'amountInclTax', 'kind'].filter((f): f is string => Boolean(f && (f in attributes || f === 'documentId')));
        const query = strapi.db.query(t.uid as any);
        const [rows, total] = await Promise.all([
          query.findMany({ where, select, orderBy: [{ [t.sortField]: 'desc' }, { id: 'desc' }], limit, populate: 'currency' in attributes ? { currency: { select: ['code'] } } : undefined }),
          query.count({ where }),
        ]);
        return {
          total,
          type: { type: t.type, uid: t.uid, total },
          rows: rows.map((row: any) => ({
            uid: t.uid,
            type: t.type,
            documentId: row.documentId,
            number: row.number ?? null,
            label: labelField ? (row[labelField] ?? null) : null,
            kind: row.kind ?? null,
            date: row[t.sortField] ?? null,
            state: row.state ?? null,
            amountExclTax: amountField ? amountOf(row[amountField]) : null,
            amountInclTax: amountOf(row.amountInclTax),
            currency: row.currency?.code ?? null,
          })),
        };
      })
    );
    const rows = perType
      .flatMap((p) => p.rows)
      .sort((a, b) => String(b.date ?? '').localeCompare(String(a.date ?? '')) || a.type.localeCompare(b.type))
      .slice(0, limit);
    return { rows, total: perType.reduce((s, p) => s + p.total, 0), byType: perType.map((p) => p.type).filter((t) => t.total > 0) };
  }

  /**
   * Purchase documents of the customer's linked suppliers and those made for its orders, unsigned
   * supplier orders and every supplier invoice (like the sales section), newest first.
   */
  async function purchases(customerId: number, limit: number, canRead: CanRead) {
    const types = PURCHASE_UIDS.filter(canRead);
    const perType = await Promise.all(
      types.map(async (uid) => {
        const signed = SIGNED_STATES[uid] ?? [];
        const concerns = whereLinkedToAny(strapi, uid, [['supplier', 'linkedProspect'], ['salesOrder', 'customer'], ['salesOrder', 'customerToBill']], customerId);
        const where = signed.length ? { $and: [concerns, { state: { $notIn: signed } }] } : concerns;
        const query = strapi.db.query(uid as any);
        const [rows, total] = await Promise.all([
          query.findMany({
            where,
            select: ['id', 'documentId', 'number', 'state', 'date', 'amountExclTax', 'amountInclTax'],
            orderBy: [{ date: 'desc' }, { id: 'desc' }],
            limit,
            populate: { currency: { select: ['code'] }, supplier: { select: ['documentId', 'callName'] }, salesOrder: { select: ['documentId', 'number'] } },
          }),
          query.count({ where }),
        ]);
        return {
          total,
          rows: rows.map((row: any) => ({
            uid,
            type: uid.split('.').pop() as string,
            documentId: row.documentId,
            number: row.number ?? null,
            supplier: row.supplier?.callName ?? null,
            salesOrder: row.salesOrder?.number ?? null,
            date: row.date ?? null,
            state: row.state ?? null,
            amountExclTax: amountOf(row.amountExclTax),
            amountInclTax: amountOf(row.amountInclTax),
            currency: row.currency?.code ?? null,
          })),
        };
      })
    );
    const rows = perType.flatMap((p) => p.rows).sort((a, b) => String(b.date ?? '').localeCompare(String(a.date ?? '')) || a.type.localeCompare(b.type)).slice(0, limit);
    return { rows, total: perType.reduce((sum, p) => sum + p.total, 0), hidden: types.length === 0 };
  }

  async function section(canRead: CanRead, uid: string, where: object, options: { limit: number; orderBy: object[]; select?: string[]; populate?: object }) {
    if (!canRead(uid)) return { rows: [], total: 0, hidden: true };
    const query = strapi.db.query(uid as any);
    const [rows, total] = await Promise.all([query.findMany({ where, ...options }), query.count({ where })]);
    return { rows, total, hidden: false };
  }

  return {
    /** `canRead(uid)`: may the caller read that type (the Content Manager's right); sections and sales types it may not read stay out. */
    async overview(documentId: string, limit: number, canRead: CanRead = () => true) {
      const customer: any = await strapi.db.query(CUSTOMER).findOne({
        where: { documentId },
        select: ['documentId', 'kind', 'code', 'callName', 'corporateName', 'country', 'notes'],
        populate: { address: true, contactDetails: true },
      });
      if (!customer) throw notFound(say('noCustomerOrProspect', { documentId }));
      const byCustomer = (uid: string) => linkedTo(uid, ['customer'], customer.id);
      const person = { select: ['documentId', 'firstName', 'lastName'] };
      const [headOffice, contacts, events, salesRows, suppliers, purchaseRows] = await Promise.all([
        !canRead('api::site.site') ? null : strapi.db.query('api::site.site').findOne({ where: { ...byCustomer('api::site.site'), isHeadOffice: true }, select: ['documentId', 'name'], populate: { address: true, contactDetails: true } }),
        section(canRead, 'api::contact.contact', byCustomer('api::contact.contact'), {
          limit,
          orderBy: [{ isMainContact: 'desc' }, { lastName: 'asc' }, { id: 'asc' }],
          select: ['documentId', 'civility', 'firstName', 'lastName', 'jobTitle', 'email', 'phone', 'mobile', 'isMainContact', 'isFinancialContact'],
        }),
        section(canRead, 'api::event.event', byCustomer('api::event.event'), {
          limit,
          orderBy: [{ date: 'desc' }, { id: 'desc' }],
          select: ['documentId', 'type', 'subject', 'date', 'done'],
          populate: { contact: person, employee: person },
        }),
        sales(customer.id, limit, canRead),
        section(canRead, SUPPLIER, linkedTo(SUPPLIER, ['linkedProspect'], customer.id), { limit, orderBy: [{ callName: 'asc' }], select: ['documentId', 'code', 'callName', 'corporateName', 'siret'] }),
        purchases(customer.id, limit, canRead),
      ]);
      const { id: _id, address, contactDetails, notes, ...record } = customer;
      return {
        customer: { uid: CUSTOMER, ...record },
        address: {
          address: address ? stripIds(address) : null,
          contactDetails: contactDetails ? stripIds(contactDetails) : null,
          headOffice: headOffice ? { uid: 'api::site.site', documentId: headOffice.documentId, name: headOffice.name, address: stripIds(headOffice.address), contactDetails: stripIds(headOffice.contactDetails) } : null,
        },
        notes: notes ?? null,
        contacts: { total: contacts.total, hidden: contacts.hidden, rows: contacts.rows.map((c: any) => ({ uid: 'api::contact.contact', ...withoutId(c) })) },
        events: {
          total: events.total,
          hidden: events.hidden,
          rows: events.rows.map((e: any) => ({
            uid: 'api::event.event',
            ...withoutId(e),
            contact: personName(e.contact),
            employee: personName(e.employee),
          })),
        },
        sales: salesRows,
        // the purchase documents of the linked suppliers and of the customer's orders, and the linked suppliers
        purchases: {
          total: purchaseRows.total,
          hidden: purchaseRows.hidden,
          rows: purchaseRows.rows,
          suppliers: { total: suppliers.total, hidden: suppliers.hidden, rows: suppliers.rows.map((s: any) => ({ uid: SUPPLIER, ...withoutId(s) })) },
        },
      };
    },
  };
};

function withoutId<T extends { id?: unknown }>(row: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = row;
  return rest;
}

function stripIds(component: Record<string, unknown> | null | undefined) {
  if (!component) return null;
  const { id: _id, __component: _c, ...rest } = component as Record<string, unknown>;
  return rest;
}
