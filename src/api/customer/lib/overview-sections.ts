/**
 * The paged sections of a customer's 360 view (spec, "Accessing the sales dashboard"): each reads one
 * page in SQL (LIMIT/OFFSET), with its total. The view's first load and "next page" read the same way.
 */
import type { Core } from '@strapi/strapi';
import { AMOUNT_FIELDS, firstOf, LABEL_FIELDS } from '../../../domain/shown-fields';
import { viewIndexOf } from '../../../hooks/customer-view-index';
import type { PageParams } from '../../../http/paging';
import { whereLinkedTo } from '../../../repositories/sql';
import { purchaseParts, salesParts, type IndexedSection, type SectionPart } from './section-parts';

export const SECTIONS = ['contacts', 'events', 'sales', 'purchases', 'suppliers'] as const;
export type SectionName = (typeof SECTIONS)[number];
export const isSection = (name: unknown): name is SectionName => (SECTIONS as readonly unknown[]).includes(name);

/** May the caller read that type (the Content Manager's right): what it may not read stays out. */
export type CanRead = (uid: string) => boolean;
type Row = Record<string, unknown>;
export interface SectionPage {
  rows: Row[];
  total: number;
  hidden: boolean;
  byType?: { type: string; uid: string; total: number }[];
}

const SUPPLIER = 'api::supplier.supplier';

const attributesOf = (strapi: Core.Strapi, uid: string) => (strapi.getModel(uid as any) as any).attributes as Record<string, any>;
const amountOf = (value: unknown) => (value === null || value === undefined ? null : String(value));
const personName = (p: { firstName?: string | null; lastName?: string | null } | null | undefined) =>
  p ? [p.firstName, p.lastName].filter(Boolean).join(' ') || null : null;
const withoutId = ({ id: _id, ...rest }: Row) => rest;
const pageWindow = ({ page, pageSize }: PageParams) => ({ limit: pageSize, offset: (page - 1) * pageSize });

/** A merged list's part: how its page rows are read and shown. */
interface ListPart {
  part: SectionPart;
  select: string[];
  populate?: object;
  show: (row: any) => Row;
}

export function overviewSections(strapi: Core.Strapi) {
  /** One type's rows, a page of them in SQL. */
  async function single(canRead: CanRead, uid: string, where: object, page: PageParams, options: { orderBy: object[]; select: string[]; populate?: object }, show: (row: any) => Row) {
    if (!canRead(uid)) return { rows: [], total: 0, hidden: true };
    const query = strapi.db.query(uid as any);
    const [rows, total] = await Promise.all([query.findMany({ where, ...options, ...pageWindow(page) }), query.count({ where })]);
    return { rows: rows.map(show), total, hidden: false };
  }

  /**
   * Several types merged newest first: the page's (type, id) and the totals from the maintained
   * index (a range of it, whatever the customer's history), then those rows only.
   */
  async function merged(customerId: number, section: IndexedSection, parts: ListPart[], page: PageParams) {
    const { totals, rows } = await viewIndexOf(strapi).page(customerId, section, parts.map((p) => p.part), page);
    const loaded = await Promise.all(
      parts.map(async (part, i) => {
        const ids = rows.filter((r) => r.part === i).map((r) => r.id);
        if (!ids.length) return new Map<number, any>();
        const found = await strapi.db.query(part.part.uid as any).findMany({ where: { id: { $in: ids } }, select: ['id', ...part.select], populate: part.populate });
        return new Map(found.map((row: any) => [Number(row.id), row]));
      })
    );
    const shown = rows.map((r) => loaded[r.part].get(r.id)).map((row, n) => (row ? parts[rows[n].part].show(row) : null));
    return { totals, rows: shown.filter((row): row is Row => row !== null) };
  }

  const byCustomer = (uid: string, customerId: number) => whereLinkedTo(strapi, uid, ['customer'], customerId);

  return {
    contacts: (customerId: number, page: PageParams, canRead: CanRead) =>
      single(canRead, 'api::contact.contact', byCustomer('api::contact.contact', customerId), page, {
        orderBy: [{ isMainContact: 'desc' }, { lastName: 'asc' }, { id: 'asc' }],
        select: ['id', 'documentId', 'civility', 'firstName', 'lastName', 'jobTitle', 'email', 'phone', 'mobile', 'isMainContact', 'isFinancialContact'],
      }, (c) => ({ uid: 'api::contact.contact', ...withoutId(c) })),

    events: (customerId: number, page: PageParams, canRead: CanRead) => {
      const person = { select: ['documentId', 'firstName', 'lastName'] };
      return single(canRead, 'api::event.event', byCustomer('api::event.event', customerId), page, {
        orderBy: [{ date: 'desc' }, { id: 'desc' }],
        select: ['id', 'documentId', 'type', 'subject', 'date', 'done'],
        populate: { contact: person, employee: person },
      }, (e) => ({ uid: 'api::event.event', ...withoutId(e), contact: personName(e.contact), employee: personName(e.employee) }));
    },

    suppliers: (customerId: number, page: PageParams, canRead: CanRead) =>
      single(canRead, SUPPLIER, whereLinkedTo(strapi, SUPPLIER, ['linkedProspect'], customerId), page, {
        orderBy: [{ callName: 'asc' }, { id: 'asc' }],
        select: ['id', 'documentId', 'code', 'callName', 'corporateName', 'siret'],
      }, (s) => ({ uid: SUPPLIER, ...withoutId(s) })),

    /** Unsigned sales objects of every type the caller may read, newest first. */
    async sales(customerId: number, page: PageParams, canRead: CanRead): Promise<SectionPage> {
      // same date: by type name, as the list always showed them
      const types = salesParts(strapi).filter((t) => canRead(t.uid));
      const parts: ListPart[] = types.map((t) => {
        const attributes = attributesOf(strapi, t.uid);
        const amountField = firstOf(AMOUNT_FIELDS, attributes);
        const labelField = firstOf(LABEL_FIELDS, attributes);
        return {
          part: t,
          select: ['documentId', 'number', 'state', t.dateField, amountField, labelField, 'amountInclTax', 'kind'].filter((f): f is string => Boolean(f && (f in attributes || f === 'documentId'))),
          populate: 'currency' in attributes ? { currency: { select: ['code'] } } : undefined,
          show: (row) => ({
            uid: t.uid,
            type: t.type,
            documentId: row.documentId,
            number: row.number ?? null,
            label: labelField ? (row[labelField] ?? null) : null,
            kind: row.kind ?? null,
            date: row[t.dateField] ?? null,
            state: row.state ?? null,
            amountExclTax: amountField ? amountOf(row[amountField]) : null,
            amountInclTax: amountOf(row.amountInclTax),
            currency: row.currency?.code ?? null,
          }),
        };
      });
      const { totals, rows } = await merged(customerId, 'sales', parts, page);
      const byType = types.map((t, i) => ({ type: t.type, uid: t.uid, total: totals[i] })).filter((t) => t.total > 0);
      return { rows, total: totals.reduce((s, n) => s + n, 0), hidden: false, byType };
    },

    /**
     * Purchase documents of the customer's linked suppliers and those made for its orders, unsigned
     * supplier orders and every supplier invoice (like the sales section), newest first.
     */
    async purchases(customerId: number, page: PageParams, canRead: CanRead): Promise<SectionPage> {
      const types = purchaseParts().filter((t) => canRead(t.uid));
      const parts: ListPart[] = types.map(({ uid, ...part }) => ({
        part: { uid, ...part },
        select: ['documentId', 'number', 'state', 'date', 'amountExclTax', 'amountInclTax'],
        populate: { currency: { select: ['code'] }, supplier: { select: ['documentId', 'callName'] }, salesOrder: { select: ['documentId', 'number'] } },
        show: (row) => ({
          uid,
          type: part.type,
          documentId: row.documentId,
          number: row.number ?? null,
          supplier: row.supplier?.callName ?? null,
          salesOrder: row.salesOrder?.number ?? null,
          date: row.date ?? null,
          state: row.state ?? null,
          amountExclTax: amountOf(row.amountExclTax),
          amountInclTax: amountOf(row.amountInclTax),
          currency: row.currency?.code ?? null,
        }),
      }));
      const { totals, rows } = await merged(customerId, 'purchases', parts, page);
      return { rows, total: totals.reduce((s, n) => s + n, 0), hidden: types.length === 0 };
    },
  } satisfies Record<SectionName, (customerId: number, page: PageParams, canRead: CanRead) => Promise<SectionPage>>;
}
