// What the admin needs to know of the sales flow: its types, their routes, and from which states a
// document can be made (read from the flow's own edge table, not copied).
import { usePrefixedT } from '../customer-actions/shared';
import { FLOW_EDGES, FLOW_UIDS } from '../../domain/flow/edges';
import type { PreviewLine } from './portion';

export type { Portion, PreviewLine } from './portion';

export { FLOW_UIDS };
/** Maintenance contracts make delivery notes, one per billing period (src/flow/contracts.ts). */
export const CONTRACT_UID = 'api::maintenance-contract.maintenance-contract';
/** The types whose edit view shows the chain. */
export const FLOW_MODELS: string[] = [...Object.values(FLOW_UIDS), CONTRACT_UID];

/** The admin routes' base (src/admin-routes: the content API's sales-flow routes, under the admin). */
export const FLOW_BASE = '/customer-records';

/** Route segment of each flow type (`/quotations/...`, the chain's `:type`). */
export const SEGMENT: Record<string, string> = {
  [FLOW_UIDS.quotation]: 'quotations',
  [FLOW_UIDS.order]: 'orders',
  [FLOW_UIDS.delivery]: 'deliveries',
  [FLOW_UIDS.billingTable]: 'billing-tables',
  [FLOW_UIDS.invoice]: 'invoices',
  [FLOW_UIDS.receipt]: 'receipts',
  [CONTRACT_UID]: 'maintenance-contracts',
};

/** The chain names a type by its singular name (`billing-table`): its uid. */
export const uidOfType = (type: string) => `api::${type}.${type}`;

/** The states a document of `from` can be made into `to` from (`kind` tells an invoice from a credit note). */
export const sourceStates = (from: string, to: string, kind?: string): string[] =>
  FLOW_EDGES.filter((e) => e.from === from && e.to === to && (!kind || !e.when || e.when.in.includes(kind))).flatMap((e) => e.sourceStates);

export const canMake = (from: string, to: string, state: unknown, kind?: string) => sourceStates(from, to, kind).includes(String(state));

export const PREFIX = 'sales-flow.';
/** `t('deliver.title', 'Deliver')` reads `sales-flow.deliver.title`. */
export const useFlowT = () => usePrefixedT(PREFIX);

/** A made document: what the operations answer (the fields the admin shows). */
export interface MadeDocument {
  documentId?: string;
  number?: string | null;
  state?: string | null;
  lines?: PreviewLine[];
  amountExclTax?: string | null;
  taxAmount?: string | null;
  amountInclTax?: string | null;
}

/** The Content Manager's right to write `uid`: what the admin routes ask besides the sales-flow action. */
export const cmRight = (action: 'create' | 'update', uid: string) => [{ action: `plugin::content-manager.explorer.${action}`, subject: uid }];
