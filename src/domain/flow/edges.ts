import { MANAGEMENT_TYPES, type MadeFrom } from '../management-types';

/**
 * The sales flow: which document is made from which, through which link, and what the source
 * keeps of it. Pure: the flow middleware, the operations and the tests read it.
 */

export const FLOW_UIDS = {
  quotation: 'api::quotation.quotation',
  order: 'api::order.order',
  delivery: 'api::delivery.delivery',
  billingTable: 'api::billing-table.billing-table',
  invoice: 'api::invoice.invoice',
  receipt: 'api::receipt.receipt',
} as const;

/** An edge of the flow: a type made from a source type, as declared with the made type (management-types.ts). */
export interface FlowEdge extends MadeFrom {
  /** the type made from the source */
  to: string;
}

export const FLOW_EDGES: FlowEdge[] = MANAGEMENT_TYPES.flatMap((type) => (type.madeFrom ?? []).map((edge) => ({ ...edge, to: type.uid })));

export const edgesInto = (uid: string): FlowEdge[] => FLOW_EDGES.filter((e) => e.to === uid);
export const edgesFrom = (uid: string): FlowEdge[] => FLOW_EDGES.filter((e) => e.from === uid);
export const appliesTo = (edge: FlowEdge, doc: Record<string, unknown>): boolean =>
  !edge.when || edge.when.in.includes(String(doc[edge.when.field] ?? ''));
