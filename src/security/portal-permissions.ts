import type { Core } from '@strapi/strapi';
import { PORTAL_CREATE_UIDS, PORTAL_MANAGEMENT_UIDS } from '../domain/management-types';
import { idsOwnedBy, whereLinkedTo } from '../repositories/sql';

/** The customer portal's users-permissions role: what its users may call, and which records they own. */

export const PORTAL_ROLE_TYPE = 'portal';
export const PORTAL_ROLE_NAME = 'Customer portal';

/** Types a portal user reads, each scoped to the user's customer (see scopeWhere). */
export const PORTAL_SCOPED_UIDS: readonly string[] = [
  'api::customer.customer',
  'api::site.site',
  'api::contact.contact',
  // the management types declared with portal visibility: invoices, help-desk issues, and its own
  // maintenance contracts (an issue names one, and the contract's call-taking rule applies)
  ...PORTAL_MANAGEMENT_UIDS,
];

export const PORTAL_READ_ACTIONS = PORTAL_SCOPED_UIDS.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);

/** The statement of the user's own customer (the plugin checks the party through the partyScope hook: credit-hooks.ts). */
export const PORTAL_STATEMENT_ACTIONS: string[] = ['plugin::credit-control.reports.partyStatement'];

export const PORTAL_WRITE_ACTIONS = PORTAL_CREATE_UIDS.map((uid) => `${uid}.create`);

export const PORTAL_ACTIONS = [...PORTAL_READ_ACTIONS, ...PORTAL_STATEMENT_ACTIONS, ...PORTAL_WRITE_ACTIONS];

/** Help-desk fields a portal user may set; the rest (customer, channel, number, state...) is forced or left to the back office. */
export const PORTAL_HELPDESK_FIELDS = ['title', 'description', 'priority', 'contact', 'contract'];

export const isPortalScoped = (uid: string): boolean => PORTAL_SCOPED_UIDS.includes(uid);

/** The owner condition of a scoped type, as a where on `uid`. */
export type OwnerWhere = (uid: string) => Record<string, unknown>;

/**
 * The records of `uid` that customer `customerId` owns, as a query `where` (valid in document-
 * service filters, populate filters and db.query). An invoice belongs to its party, as for the
 * credit engine: the customer to bill when there is one, else the ordering customer. The owned ids
 * are a subquery of the link tables read from the customer's side: a where through the relation
 * (`{ customer: { id } }`) left-joins the whole table of the type first, and a portal list of a
 * customer's few invoices scanned every invoice of the base.
 */
export function scopeWhere(strapi: Core.Strapi, uid: string, customerId: number): Record<string, unknown> {
  switch (uid) {
    case 'api::customer.customer':
      return { id: customerId };
    case 'api::invoice.invoice':
      return { id: { $in: idsOwnedBy(strapi, uid, ['customerToBill', 'customer'], customerId) } };
    default:
      return whereLinkedTo(strapi, uid, ['customer'], customerId);
  }
}

/**
 * The same owner condition written through the relations, for a filter that must be written back in
 * GraphQL syntax (a subquery cannot be): a GraphQL relation field's filter, whose rows the parent's
 * link already narrows to a few.
 */
export function scopeWhereByRelation(uid: string, customerId: number): Record<string, unknown> {
  switch (uid) {
    case 'api::customer.customer':
      return { id: customerId };
    case 'api::invoice.invoice':
      return {
        $or: [
          { customerToBill: { id: customerId } },
          { $and: [{ customerToBill: { id: { $null: true } } }, { customer: { id: customerId } }] },
        ],
      };
    default:
      return { customer: { id: customerId } };
  }
}

/** The owner condition of every scoped type for customer `customerId`, as subqueries (scopeWhere). */
export const ownedBy = (strapi: Core.Strapi, customerId: number): OwnerWhere => (uid) => scopeWhere(strapi, uid, customerId);
