/**
 * The sales flow: which document is made from which, through which link, and what the source
 * keeps of it. Pure data: the flow middleware, the operations and the tests read it.
 */

export const FLOW_UIDS = {
  quotation: 'api::quotation.quotation',
  order: 'api::order.order',
  delivery: 'api::delivery.delivery',
  billingTable: 'api::billing-table.billing-table',
  invoice: 'api::invoice.invoice',
  receipt: 'api::receipt.receipt',
} as const;

export interface StatePredicate {
  field: string;
  in: string[];
}

export interface FlowEdge {
  /** the source type */
  from: string;
  /** the type made from it */
  to: string;
  /** the made document's relation to its source (or sources, `many`) */
  link: string;
  many: boolean;
  /** the made document belongs to this edge only when this holds (an invoice vs a credit note) */
  when?: StatePredicate;
  /** states of the made document in which it counts in place of its source: the source stops counting that part */
  takesIn: string[];
  /** states of the made document that hold their quantities against the source (every state but cancelled) */
  holdsIn: string[];
  /** the source's header field holding what its made documents took (pre-tax) */
  takenField: string;
  /** states of the source a document may be made from */
  sourceStates: string[];
  /** what making the document is called, for messages */
  verb: string;
}

const INVOICE_COUNTED = ['draft', 'issued', 'partiallyPaid', 'paid'];

export const FLOW_EDGES: FlowEdge[] = [
  {
    from: FLOW_UIDS.quotation, to: FLOW_UIDS.order, link: 'quotation', many: false,
    takesIn: ['confirmed', 'partiallyDelivered', 'delivered', 'invoiced'],
    holdsIn: ['draft', 'confirmed', 'partiallyDelivered', 'delivered', 'invoiced'],
    takenField: 'orderedAmountExclTax', sourceStates: ['draft', 'sent', 'signed', 'partiallyOrdered'], verb: 'ordered',
  },
  {
    from: FLOW_UIDS.order, to: FLOW_UIDS.delivery, link: 'order', many: false,
    takesIn: ['delivered', 'invoiced'], holdsIn: ['draft', 'delivered', 'invoiced'],
    takenField: 'deliveredAmountExclTax', sourceStates: ['confirmed', 'partiallyDelivered'], verb: 'delivered',
  },
  {
    from: FLOW_UIDS.order, to: FLOW_UIDS.billingTable, link: 'order', many: false,
    takesIn: ['draft', 'validated', 'invoiced'], holdsIn: ['draft', 'validated', 'invoiced'],
    takenField: 'billingTablesAmountExclTax', sourceStates: ['confirmed', 'partiallyDelivered'], verb: 'put in a billing table',
  },
  {
    from: FLOW_UIDS.delivery, to: FLOW_UIDS.invoice, link: 'deliveries', many: true, when: { field: 'kind', in: ['invoice'] },
    takesIn: INVOICE_COUNTED, holdsIn: INVOICE_COUNTED,
    takenField: 'invoicedAmountExclTax', sourceStates: ['delivered'], verb: 'invoiced',
  },
  {
    from: FLOW_UIDS.billingTable, to: FLOW_UIDS.invoice, link: 'billingTables', many: true, when: { field: 'kind', in: ['invoice'] },
    takesIn: INVOICE_COUNTED, holdsIn: INVOICE_COUNTED,
    takenField: 'invoicedAmountExclTax', sourceStates: ['draft', 'validated'], verb: 'invoiced',
  },
  {
    from: FLOW_UIDS.invoice, to: FLOW_UIDS.invoice, link: 'creditedInvoice', many: false, when: { field: 'kind', in: ['creditNote'] },
    takesIn: INVOICE_COUNTED, holdsIn: INVOICE_COUNTED,
    takenField: 'creditedAmountExclTax', sourceStates: ['issued', 'partiallyPaid', 'paid'], verb: 'credited',
  },
];

export const edgesInto = (uid: string): FlowEdge[] => FLOW_EDGES.filter((e) => e.to === uid);
export const edgesFrom = (uid: string): FlowEdge[] => FLOW_EDGES.filter((e) => e.from === uid);
export const appliesTo = (edge: FlowEdge, doc: Record<string, unknown>): boolean =>
  !edge.when || edge.when.in.includes(String(doc[edge.when.field] ?? ''));
