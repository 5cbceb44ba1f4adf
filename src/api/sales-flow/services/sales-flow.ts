import type { Core } from '@strapi/strapi';
import { FLOW_UIDS } from '../../../domain/flow/edges';
import { allocate, unallocate } from '../../../flow/operations/allocate';
import { invoiceSources } from '../../../flow/operations/billing-tool';
import { chainOf } from '../../../flow/operations/chain';
import { contractBillingRun, contractBillingRuns, startContractBilling } from '../../../flow/operations/contract-billing-run';
import { deliveryFromContract } from '../../../flow/operations/contract-delivery';
import { rebillExpenses } from '../../../flow/operations/expenses-rebilling';
import { billSchedule, quoteProject } from '../../../flow/operations/project-items';
import { purchaseForOrder } from '../../../flow/operations/purchase-from-order';
import { subcontractOrder } from '../../../flow/operations/subcontracting';
import { deliverSessions } from '../../../flow/operations/training-delivery';
import { passOn } from '../../../flow/operations/pass-on';
import { reviseQuotation } from '../../../flow/operations/revise';
import { refuse } from '../../../rules/validation-error';
import { CONTRACT_UID } from '../../../flow/contracts';
import { say } from '../../../domain/messages';

/** Route segment → document type, for the chain of any flow document. */
export const CHAIN_TYPES: Record<string, string> = {
  quotations: FLOW_UIDS.quotation,
  orders: FLOW_UIDS.order,
  deliveries: FLOW_UIDS.delivery,
  'billing-tables': FLOW_UIDS.billingTable,
  invoices: FLOW_UIDS.invoice,
  receipts: FLOW_UIDS.receipt,
  'maintenance-contracts': CONTRACT_UID,
};

/** The operations of the sales flow (src/flow/operations), one entry point for REST, GraphQL and the admin. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  orderFromQuotation: (documentId: string, body: Record<string, unknown>) => passOn(strapi, 'orderFromQuotation', documentId, body),
  reviseQuotation: (documentId: string, body: Record<string, unknown>) => reviseQuotation(strapi, documentId, body),
  deliveryFromOrder: (documentId: string, body: Record<string, unknown>) => passOn(strapi, 'deliveryFromOrder', documentId, body),
  billingTableFromOrder: (documentId: string, body: Record<string, unknown>) => passOn(strapi, 'billingTableFromOrder', documentId, body),
  creditNoteFromInvoice: (documentId: string, body: Record<string, unknown>) => passOn(strapi, 'creditNoteFromInvoice', documentId, body),
  deliveryFromContract: (documentId: string, body: Record<string, unknown>) => deliveryFromContract(strapi, documentId, body),
  quoteProject: (documentId: string, body: Record<string, unknown>) => quoteProject(strapi, documentId, body),
  billSchedule: (documentId: string, body: Record<string, unknown>) => billSchedule(strapi, documentId, body),
  rebillExpenses: (documentId: string, body: Record<string, unknown>) => rebillExpenses(strapi, documentId, body),
  subcontractOrder: (documentId: string, body: Record<string, unknown>) => subcontractOrder(strapi, documentId, body),
  purchaseForOrder: (documentId: string, body: Record<string, unknown>) => purchaseForOrder(strapi, documentId, body),
  deliverSessions: (documentId: string, body: Record<string, unknown>) => deliverSessions(strapi, documentId, body),
  startContractBilling: (body: Record<string, unknown>) => startContractBilling(strapi, body),
  contractBillingRun: (documentId: string) => contractBillingRun(strapi, documentId),
  contractBillingRuns: () => contractBillingRuns(strapi),
  invoiceSources: (body: Record<string, unknown>) => invoiceSources(strapi, body),
  allocate: (documentId: string, body: Record<string, unknown>) => allocate(strapi, documentId, body),
  unallocate: (documentId: string, invoice: string, body: Record<string, unknown>) => unallocate(strapi, documentId, invoice, body),
  chain(type: string, documentId: string) {
    const uid = CHAIN_TYPES[type];
    if (!uid) refuse('type', say('chainTypeValues', { values: Object.keys(CHAIN_TYPES).join(', ') }));
    return chainOf(strapi, uid, documentId);
  },
});
