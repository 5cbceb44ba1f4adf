/**
 * What the 360 view's merged sections (sales, purchases) hold, declared once: for each type, how a
 * document reaches the customer (paths of relations), the date it sorts on, the states left out, and
 * its rank among the section's types (same date: the section orders by type). The maintained index
 * (src/repositories/customer-view-index.ts) is built from it, and so is the union read of the links
 * it replaced (the tests' oracle).
 */
import type { Core } from '@strapi/strapi';
import { SIGNED_STATES } from '../../../domain/insights';
import { PURCHASE_UIDS } from '../../../domain/management-types';
import type { IndexedPart } from '../../../domain/view-index';
import type { MergedPart } from '../../../repositories/newest-across';
import { idsLinkedToAny } from '../../../repositories/sql';
import { managementTypes } from '../services/management-objects';

export const INDEXED_SECTIONS = ['sales', 'purchases'] as const;
export type IndexedSection = (typeof INDEXED_SECTIONS)[number];

export interface SectionPart extends IndexedPart {
  section: IndexedSection;
  /** the type's name as the section shows it */
  type: string;
}

/** Not sales: events have their own section, helpdesk issues are support. */
const NOT_SALES = ['api::event.event', 'api::helpdesk-issue.helpdesk-issue'];
/** A purchase document is the customer's through its supplier's linked prospect, or the sales order it was made for. */
const PURCHASE_PATHS = [['supplier', 'linkedProspect'], ['salesOrder', 'customer'], ['salesOrder', 'customerToBill']];

/** The sales section's types: unsigned management objects, by type name. */
export function salesParts(strapi: Core.Strapi): SectionPart[] {
  return managementTypes(strapi)
    .filter((t) => !NOT_SALES.includes(t.uid))
    .sort((a, b) => a.type.localeCompare(b.type))
    .map((t, rank) => ({
      section: 'sales', uid: t.uid, type: t.type, rank, paths: t.partyFields.map((field) => [field]), dateField: t.sortField,
      leaveOut: { states: SIGNED_STATES[t.uid] ?? [], keepNoState: true },
    }));
}

/** The purchases section's types: unsigned supplier orders and every supplier invoice, by uid. */
export function purchaseParts(): SectionPart[] {
  return [...PURCHASE_UIDS].sort((a, b) => a.localeCompare(b)).map((uid, rank) => ({
    section: 'purchases', uid, type: uid.split('.').pop() as string, rank, paths: PURCHASE_PATHS, dateField: 'date',
    leaveOut: { states: SIGNED_STATES[uid] ?? [], keepNoState: false },
  }));
}

export const sectionParts = (strapi: Core.Strapi): SectionPart[] => [...salesParts(strapi), ...purchaseParts()];

/** A part as the union read of the customer's link rows takes it (`newestAcross`): the index's oracle. */
export const unionPart = (strapi: Core.Strapi, part: SectionPart, customerId: number): MergedPart => ({
  uid: part.uid,
  ids: idsLinkedToAny(strapi, part.uid, part.paths, customerId),
  dateField: part.dateField,
  leaveOut: part.leaveOut,
});
