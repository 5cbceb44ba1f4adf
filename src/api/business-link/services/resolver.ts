import type { Core } from '@strapi/strapi';
import { chooseBillingSite, resolveCustomerToBill, type BillingSource, type SiteFacts } from '../../../domain/billing-resolution';
import { isoDay } from '../../../domain/closing';
import { findCustomerSites, findToBillLinks } from '../../../repositories/business-links';
import { findCustomer, reliabilityColourOf, salesmanOf, type CustomerFacts } from '../../../repositories/customers';
import { findProject } from '../../../repositories/projects';
import type { RelationRef } from '../../../rules/relation-input';
import { shown } from '../../../rules/said';

export interface ResolvedBilling {
  soldTo: CustomerFacts;
  customerToBill: CustomerFacts;
  billingSite: SiteFacts | null;
  source: BillingSource;
  linkDocumentId: string | null;
  candidates: { link: string; customerToBill: string }[];
  project: { id: number; documentId: string; code: string; multiCustomer: boolean } | null;
  warnings: string[];
}

/**
 * What a new management object takes from its resolved billing, as document-service input.
 * Left empty, the customer to bill is the customer itself: moving the customer then moves the credit.
 */
export function billingDefaults(resolved: ResolvedBilling): Record<string, string | undefined> {
  const { soldTo, customerToBill } = resolved;
  return {
    customerToBill: resolved.source === 'self' || resolved.source === 'given' ? undefined : customerToBill.documentId,
    billingSite: resolved.billingSite?.documentId,
    paymentTerm: (customerToBill.paymentTerm ?? soldTo.paymentTerm)?.documentId,
    currency: (customerToBill.currency ?? soldTo.currency)?.documentId,
    salesman: salesmanOf(soldTo)?.documentId,
    company: soldTo.company?.documentId,
  };
}

/** Customers as the API shows them next to a management object: with their reliability colour. */
export const presentParty = (c: CustomerFacts) => ({
  documentId: c.documentId,
  code: c.code,
  callName: c.callName,
  kind: c.kind,
  reliabilityColour: reliabilityColourOf(c),
});

/** Answers, for a sold-to customer (and a project), which customer to bill and at which site. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * `given` is a customer to bill the caller chose: it is kept, and its billing site is the one of
   * the sold-to party's link to it when there is one.
   */
  async resolve(
    soldToRef: RelationRef | undefined,
    projectRef?: RelationRef | null,
    given?: RelationRef,
    today = isoDay()
  ): Promise<ResolvedBilling | null> {
    const soldTo = await findCustomer(strapi, soldToRef ?? undefined);
    if (!soldTo) return null;
    const project = projectRef ? await findProject(strapi, projectRef) : null;
    const links = await findToBillLinks(strapi, soldTo.id);
    let resolution = resolveCustomerToBill(soldTo, links, project);
    let customerToBill: CustomerFacts | null;
    if (given) {
      customerToBill = await findCustomer(strapi, given);
      if (!customerToBill) return null;
      const chosen = customerToBill;
      const toChosen = links.filter((l) => l.linkedCustomer.id === chosen.id);
      const link = toChosen.find((l) => l.projectId === project?.id) ?? toChosen.find((l) => l.projectId === null) ?? null;
      resolution = { customerToBill: chosen, source: 'given', link, candidates: [], warnings: [] };
    } else {
      customerToBill = resolution.customerToBill.id === soldTo.id ? soldTo : await findCustomer(strapi, { id: resolution.customerToBill.id });
      if (!customerToBill) return null;
    }
    const sites = await findCustomerSites(strapi, customerToBill.id);
    const site = chooseBillingSite(resolution.link, sites, today);
    return {
      soldTo,
      customerToBill,
      billingSite: site.site,
      source: resolution.source,
      linkDocumentId: resolution.link?.documentId ?? null,
      candidates: resolution.candidates.map((l) => ({ link: l.documentId, customerToBill: l.linkedCustomer.documentId })),
      project: project ? { id: project.id, documentId: project.documentId, code: project.code, multiCustomer: project.multiCustomer } : null,
      warnings: [...resolution.warnings, ...site.warnings],
    };
  },

  present(resolved: ResolvedBilling) {
    return {
      customer: presentParty(resolved.soldTo),
      customerToBill: presentParty(resolved.customerToBill),
      billingSite: resolved.billingSite ? { documentId: resolved.billingSite.documentId, name: resolved.billingSite.name } : null,
      source: resolved.source,
      link: resolved.linkDocumentId,
      candidates: resolved.candidates,
      project: resolved.project ? { documentId: resolved.project.documentId, code: resolved.project.code } : null,
      warnings: resolved.warnings.map(shown),
    };
  },
});
