import type { Core } from '@strapi/strapi';
import type { RelationRef } from '../rules/relation-input';

export const CUSTOMER_UID = 'api::customer.customer';

type Ref = { id: number; documentId: string };

/** What creating a management object needs to know of a customer. */
export interface CustomerFacts extends Ref {
  kind: 'prospect' | 'customer';
  code: string | null;
  callName: string;
  closedOn: string | null;
  holdbackDays: number | null;
  reliabilityColour: string | null;
  company: (Ref & { name: string; defaultHoldbackDays: number | null; managementRules: { reliabilityColour?: boolean | null } | null }) | null;
  paymentTerm: Ref | null;
  currency: (Ref & { code: string }) | null;
  salesman: Ref | null;
  salesmen: { isMain?: boolean | null; employee: Ref | null }[];
  functionalArea: (Ref & { equivalences: { sourceVatCode: Ref | null; targetVatCode: Ref | null }[] }) | null;
}

const REF = { select: ['id', 'documentId'] };

export async function findCustomer(strapi: Core.Strapi, ref: RelationRef | undefined): Promise<CustomerFacts | null> {
  if (!ref) return null;
  return strapi.db.query(CUSTOMER_UID).findOne({
    where: ref,
    select: ['id', 'documentId', 'kind', 'code', 'callName', 'closedOn', 'holdbackDays', 'reliabilityColour'],
    populate: {
      company: { select: ['id', 'documentId', 'name', 'defaultHoldbackDays'], populate: { managementRules: true } },
      paymentTerm: REF,
      currency: { select: ['id', 'documentId', 'code'] },
      salesman: REF,
      salesmen: { populate: { employee: REF } },
      functionalArea: { ...REF, populate: { equivalences: { populate: { sourceVatCode: REF, targetVatCode: REF } } } },
    },
  });
}

/** The salesman of the record, else its main salesman assignment, else its first one. */
export function salesmanOf(customer: CustomerFacts): Ref | null {
  if (customer.salesman) return customer.salesman;
  const assignments = (customer.salesmen ?? []).filter((s) => s.employee);
  return (assignments.find((s) => s.isMain) ?? assignments[0])?.employee ?? null;
}

/** The colour is shown only where the company's CLIPRO_COULEUR management rule enables it. */
export const reliabilityColourOf = (customer: CustomerFacts): string | null =>
  customer.company?.managementRules?.reliabilityColour ? customer.reliabilityColour : null;
