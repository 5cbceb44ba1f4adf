import type { Core } from '@strapi/strapi';
import { checkCustomer, type CustomerFacts } from '../domain/customer-rules';
import { isValidSiret, normalizeIdentifier } from '../domain/identifiers';
import type { RuleError } from '../domain/rule-error';
import { singleRelationRef } from './relation-input';
import type { WriteContext } from './write-context';
import { say } from '../domain/messages';

const present = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * A site's SIRET is a valid SIRET (14 digits, check digit) of its customer's company: when the
 * customer has a SIREN, the SIRET starts with it. Stored normalised (no spaces).
 */
export async function siteRules(strapi: Core.Strapi, write: WriteContext): Promise<RuleError[]> {
  const { data } = write;
  if (!present(data.siret)) return [];
  const siret = normalizeIdentifier(data.siret);
  if (!isValidSiret(siret)) return [{ path: ['siret'], ...say('siretInvalid', { siret }) }];
  data.siret = siret;
  const given = singleRelationRef(data.customer);
  const stored = given === undefined && write.documentId
    ? await strapi.db.query(write.uid as any).findOne({ where: { documentId: write.documentId }, select: ['id'], populate: { customer: { select: ['id'] } } })
    : null;
  const ref = given ?? (stored?.customer ? { id: stored.customer.id } : null);
  const customer: any = ref ? await strapi.db.query('api::customer.customer').findOne({ where: ref, select: ['id', 'siren', 'callName'] }) : null;
  if (customer?.siren && siret.slice(0, 9) !== customer.siren) {
    return [{ path: ['siret'], ...say('siretNotOfCustomer', { siret, customer: customer.callName, siren: customer.siren }) }];
  }
  return [];
}

const IDENTITY = ['siret', 'siren', 'vatNumber'] as const;

/**
 * A supplier's or a group company's SIRET, SIREN and VAT number follow the customer record's
 * identity rules (valid, consistent with each other), stored normalised.
 */
export async function identityRules(strapi: Core.Strapi, write: WriteContext): Promise<RuleError[]> {
  const { data } = write;
  if (!IDENTITY.some((field) => field in data) && !('country' in data)) return [];
  const existing = write.documentId ? await strapi.db.query(write.uid as any).findOne({ where: { documentId: write.documentId } }) : null;
  const merged = { ...(existing ?? {}), ...data } as CustomerFacts;
  const result = checkCustomer({ siret: merged.siret, siren: merged.siren, vatNumber: merged.vatNumber, country: merged.country }, data as CustomerFacts, { reliabilityColourEnabled: false });
  const attributes = (strapi.getModel(write.uid as any)?.attributes ?? {}) as Record<string, unknown>;
  for (const field of IDENTITY) if (result.patch[field] !== undefined && field in attributes) data[field] = result.patch[field];
  return result.errors.filter((e) => [...IDENTITY, 'country'].includes(String(e.path[0]) as never) && String(e.path[0]) in attributes);
}
