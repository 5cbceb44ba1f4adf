import type { Core } from '@strapi/strapi';
import { soldToPartiesOf } from '../domain/billing-resolution';
import type { RuleError } from '../domain/rule-error';
import { billingDefaults, type ResolvedBilling } from '../api/business-link/services/resolver';
import { findProject } from '../repositories/projects';
import { singleRelationRef, type RelationRef } from './relation-input';
import { hasAttribute, isManagementUid } from './management-types';
import { substituteLineVat } from './line-vat';
import type { WriteContext } from './write-context';
import { say } from '../domain/messages';

const resolver = (strapi: Core.Strapi) => strapi.service('api::business-link.resolver') as unknown as {
  resolve(soldTo: RelationRef | undefined, project?: RelationRef | null, given?: RelationRef): Promise<ResolvedBilling | null>;
};

/** Fills a field the caller left out; a field the caller gave (even null) is theirs. */
function fill(strapi: Core.Strapi, write: WriteContext, field: string, documentId: string | null | undefined) {
  if (documentId && write.data[field] === undefined && hasAttribute(strapi, write.uid, field)) write.data[field] = documentId;
}

/**
 * A new management object starts from its customer (spec, "Creating a management object" and
 * "Billing"): the project's sold-to party, the customer to bill of its default business link, that
 * customer's billing site, payment terms and currency, and the salesman.
 */
async function prefillNew(strapi: Core.Strapi, write: WriteContext): Promise<{ errors: RuleError[]; billed?: ResolvedBilling }> {
  const { data } = write;
  const errors: RuleError[] = [];
  const projectRef = hasAttribute(strapi, write.uid, 'project') ? singleRelationRef(data.project) : undefined;
  let customerRef = singleRelationRef(data.customer);
  if (projectRef) {
    const project = await findProject(strapi, projectRef);
    if (project) {
      const soldToParties = soldToPartiesOf(project);
      if (project.multiCustomer && !customerRef) {
        errors.push({ path: ['customer'], ...say('projectSeveralCustomers', { project: project.code }) });
      } else if (project.multiCustomer && customerRef) {
        const ref = customerRef;
        const known = soldToParties.some((p) => ('id' in ref ? p.id === ref.id : p.documentId === ref.documentId));
        if (!known) errors.push({ path: ['customer'], ...say('customerNotOfProject', { project: project.code }) });
      } else if (!customerRef) {
        const soldTo = project.endCustomer ?? soldToParties[0] ?? project.customer;
        if (soldTo) {
          data.customer = soldTo.documentId;
          customerRef = { id: soldTo.id };
        }
      }
    }
  }
  if (!customerRef || errors.length > 0) return { errors };

  const givenToBill = hasAttribute(strapi, write.uid, 'customerToBill') ? singleRelationRef(data.customerToBill) : undefined;
  const billed = await resolver(strapi).resolve(customerRef, projectRef ?? null, givenToBill ?? undefined);
  if (!billed) return { errors };
  for (const [field, documentId] of Object.entries(billingDefaults(billed))) fill(strapi, write, field, documentId);
  return { errors, billed };
}

/** Pre-fill of new management objects, and VAT equivalences on the lines of every write. */
export async function managementPrefill(strapi: Core.Strapi, write: WriteContext): Promise<RuleError[]> {
  if (!isManagementUid(write.uid)) return [];
  const result = write.action === 'create' ? await prefillNew(strapi, write) : { errors: [] as RuleError[], billed: undefined };
  if (result.errors.length > 0) return result.errors;
  if (Array.isArray(write.data.lines) && write.data.lines.length > 0) {
    return substituteLineVat(strapi, write, result.billed?.customerToBill ?? null);
  }
  return [];
}
