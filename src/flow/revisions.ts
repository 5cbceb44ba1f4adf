import type { Core } from '@strapi/strapi';
import { FLOW_UIDS } from '../domain/flow/edges';
import type { RuleError } from '../domain/rule-error';
import { lockDocuments, type StoredDocument } from './documents';
import { say } from '../domain/messages';
import { stateWord } from '../rules/words';

/** States a quotation may be revised from: the latest version, not yet ordered, refused or expired. */
export const REVISABLE = ['draft', 'sent', 'signed'];
export const REVISION_POPULATE = { revisionOf: { select: ['documentId', 'number', 'state'], populate: { customer: { select: ['documentId'] } } } };

export const revisedId = (quotation: StoredDocument | null): string | null => quotation?.revisionOf?.documentId ?? null;

/**
 * "Reviewing a quotation": a revision names the quotation it replaces, which stops counting
 * (superseded). Only the latest, open version of one customer's quotation can be revised, once.
 */
export async function revisionErrors(strapi: Core.Strapi, before: StoredDocument | null, after: StoredDocument): Promise<RuleError[]> {
  const revised = after.revisionOf;
  if (!revised || revisedId(before) === revised.documentId) return [];
  await lockDocuments(strapi, FLOW_UIDS.quotation, [revised.documentId]);
  const errors: RuleError[] = [];
  if (revised.documentId === after.documentId) errors.push({ path: ['revisionOf'], ...say('quotationRevisesItself') });
  if (revised.customer?.documentId !== after.customer?.documentId) errors.push({ path: ['revisionOf'], ...say('revisedOtherCustomer', { quotation: revised.number }) });
  if (!REVISABLE.includes(revised.state)) errors.push({ path: ['revisionOf'], ...say('quotationNotRevisable', { quotation: revised.number, state: stateWord(FLOW_UIDS.quotation, revised.state) }) });
  const others = await strapi.db.query(FLOW_UIDS.quotation as any).count({ where: { revisionOf: { documentId: revised.documentId }, documentId: { $ne: after.documentId } } });
  if (others > 0) errors.push({ path: ['revisionOf'], ...say('quotationAlreadyRevised', { quotation: revised.number }) });
  return errors;
}
