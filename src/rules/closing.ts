import type { Core } from '@strapi/strapi';
import { isoDay, isPartyClosed, isSiteClosed } from '../domain/closing';
import type { RuleError } from '../domain/rule-error';
import { findSite } from '../repositories/business-links';
import { findCustomer } from '../repositories/customers';
import { isManagementUid, relationFieldsTo } from './management-types';
import { singleRelationRef, type RelationRef } from './relation-input';
import type { WriteContext } from './write-context';
import { day, say } from '../domain/messages';

const SITE = 'api::site.site';
const CUSTOMER = 'api::customer.customer';
/** A closed customer still pays what it owes: its receipts are recorded and allocated. */
const PAYMENT = 'api::receipt.receipt';

const sameRef = (row: { id: number; documentId: string } | null | undefined, ref: NonNullable<RelationRef>) =>
  Boolean(row) && ('id' in ref ? row!.id === ref.id : row!.documentId === ref.documentId);

/**
 * A closed site is not used on a new management object, nor a customer past its closure date
 * (spec, Sites and Miscellaneous). An object already linked to them can still be edited, and a
 * closed customer's payments are still recorded.
 */
export async function closingRules(strapi: Core.Strapi, write: WriteContext): Promise<RuleError[]> {
  if (!isManagementUid(write.uid)) return [];
  const checks = [
    ...relationFieldsTo(strapi, write.uid, SITE).map((field) => ({ field, target: SITE })),
    ...relationFieldsTo(strapi, write.uid, CUSTOMER).map((field) => ({ field, target: CUSTOMER })),
  ].flatMap(({ field, target }) => {
    const ref = singleRelationRef(write.data[field]);
    return ref ? [{ field, target, ref }] : [];
  });
  if (checks.length === 0) return [];
  const stored = write.documentId
    ? await strapi.db.query(write.uid).findOne({
        where: { documentId: write.documentId },
        select: ['id'],
        populate: Object.fromEntries(checks.map(({ field }) => [field, { select: ['id', 'documentId'] }])),
      })
    : null;
  const today = isoDay();
  const errors: RuleError[] = [];
  for (const { field, target, ref } of checks) {
    if (stored && sameRef(stored[field], ref)) continue; // kept, not newly used
    if (target === SITE) {
      const site = await findSite(strapi, ref);
      if (site && isSiteClosed(site, today)) {
        errors.push({ path: [field], ...(site.closedOn ? say('siteClosedSince', { site: site.name, since: day(site.closedOn) }) : say('siteClosed', { site: site.name })) });
      }
    } else {
      const party = await findCustomer(strapi, ref);
      if (party && isPartyClosed(party, today) && write.uid !== PAYMENT) {
        errors.push({ path: [field], ...say('customerClosedOn', { customer: party.callName, closedOn: day(String(party.closedOn)) }) });
      }
    }
  }
  return errors;
}
