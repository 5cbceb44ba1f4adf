/**
 * The management objects, one declaration each (DESIGN, "Two houses"): how the credit engine counts
 * and gates it, what the domain rules keep consistent, which states mean "signed", what the flow
 * derives on it, and whether the customer portal sees it. Every list that needs the types is built
 * from here (config/plugins.ts, src/rules, src/domain/insights.ts, src/security, src/flow), so the next
 * type is one entry. Pure data: no Strapi import.
 */

import type { BilledOnce, DerivedSpec, MadeFrom, ManagementShape } from './document-declarations';

export type { BilledOnce, DerivedSpec, MadeFrom, ManagementShape };

/** The credit-control plugin's mapping entry for the type (see the plugin README, "Mapping"). */
export type CreditMapping = Record<string, unknown>;

export interface ManagementType {
  uid: string;
  credit: CreditMapping;
  shape: ManagementShape;
  /** states in which the customer has agreed to it: the 360 view leaves signed objects out */
  signedStates?: string[];
  derived?: DerivedSpec;
  madeFrom?: MadeFrom[];
  billedOnce?: BilledOnce[];
  /** the portal user reads their customer's own records of this type, and may create them */
  portal?: { read: true; create?: boolean };
}

/** The customer a document is billed to: its customer to bill when set, else its customer (the first one set). */
export const BILLED_TO: readonly string[] = ['customerToBill', 'customer'];
const BILLED = [...BILLED_TO];
/** Invoices and credit notes still owed or still to apply: the statement's open items and the dashboard's balance due. */
export const OWED_INVOICE_STATES: readonly string[] = ['issued', 'partiallyPaid'];
/** The states of an invoice or credit note the dashboard counts as billed (drafts and cancelled ones are not). */
export const BILLED_INVOICE_STATES: readonly string[] = ['issued', 'partiallyPaid', 'paid'];
const PROJECT_UID = 'api::project.project';
/** A quotation in these states no longer holds what it quoted. */
const QUOTATION_FREE = ['refused', 'expired', 'superseded'];
const INVOICE_COUNTED = ['draft', 'issued', 'partiallyPaid', 'paid'];

export const MANAGEMENT_TYPES: ManagementType[] = [
  {
    uid: 'api::opportunity.opportunity',
    credit: {
      // counting what is not yet sold is the clerk's choice, not a default (spec: "the management objects to block")
      gate: 'opportunities', bucket: 'opportunities', countedByDefault: false, partyField: 'customer', amountField: 'expectedAmountExclTax',
      currencyField: 'currency', open: { field: 'state', in: ['open'] }, labelField: 'number',
    },
    shape: { dateOrder: [['date', 'expectedCloseDate'], ['date', 'closedOn']] },
    signedStates: ['won'],
  },
  {
    uid: 'api::quotation.quotation',
    credit: {
      gate: 'quotations', bucket: 'quotations', partyField: BILLED, amountField: 'amountExclTax', currencyField: 'currency',
      open: { field: 'state', in: ['draft', 'sent', 'signed', 'partiallyOrdered'] }, minus: 'orderedAmountExclTax', labelField: 'number',
      // a policy's horizon leaves out what delivers more than N days away (plugin README, "Horizon")
      horizonDateField: 'deliveryDate',
    },
    shape: { pricedLines: 'lines', dateOrder: [['date', 'validUntil'], ['date', 'signedOn']] },
    signedStates: ['signed', 'partiallyOrdered', 'ordered'],
    derived: { fields: ['orderedAmountExclTax'], states: ['ordered', 'partiallyOrdered', 'superseded'] },
    // a project's tasks and billing schedule lines, quoted once (a quotation refused, expired or superseded frees them)
    billedOnce: [
      {
        from: PROJECT_UID, link: 'project', single: true, items: 'tasks', amountField: 'plannedAmountExclTax', sourceStates: ['draft', 'active'],
        party: ['customer'], takenField: 'quotedAmountExclTax', origin: 'task', freeIn: QUOTATION_FREE, verb: 'quoted',
      },
      {
        from: PROJECT_UID, link: 'project', single: true, items: 'billingSchedule', sourceStates: ['draft', 'active'],
        party: ['customer'], takenField: 'quotedAmountExclTax', origin: 'schedule', freeIn: QUOTATION_FREE, verb: 'quoted',
      },
    ],
  },
  {
    // along the sales flow one euro counts once: each source counts what was not yet made into the next
    // document, derived from the links (README, "The sales flow")
    uid: 'api::order.order',
    credit: {
      gate: 'orders', bucket: 'orders', partyField: BILLED, amountField: 'remainingAmountExclTax', currencyField: 'currency',
      open: { field: 'state', in: ['confirmed', 'partiallyDelivered', 'delivered'] }, labelField: 'number',
      horizonDateField: 'deliveryDate',
    },
    shape: { pricedLines: 'lines' },
    signedStates: ['confirmed', 'partiallyDelivered', 'delivered', 'invoiced'],
    derived: {
      fields: ['deliveredAmountExclTax', 'billingTablesAmountExclTax', 'invoicedAmountExclTax', 'remainingAmountExclTax'],
      states: ['partiallyDelivered', 'delivered', 'invoiced'],
    },
    madeFrom: [{
      from: 'api::quotation.quotation', link: 'quotation', many: false,
      takesIn: ['confirmed', 'partiallyDelivered', 'delivered', 'invoiced'], holdsIn: ['draft', 'confirmed', 'partiallyDelivered', 'delivered', 'invoiced'],
      takenField: 'orderedAmountExclTax', sourceStates: ['draft', 'sent', 'signed', 'partiallyOrdered'], verb: 'ordered',
    }],
  },
  {
    uid: 'api::delivery.delivery',
    credit: {
      gate: 'deliveries', bucket: 'deliveries', partyField: BILLED, amountField: 'amountExclTax', currencyField: 'currency',
      open: { field: 'state', in: ['delivered'] }, minus: 'invoicedAmountExclTax', labelField: 'number',
    },
    shape: { pricedLines: 'lines', dateOrder: [['date', 'deliveredOn']] },
    derived: { fields: ['invoicedAmountExclTax'], states: ['invoiced'] },
    madeFrom: [{
      from: 'api::order.order', link: 'order', many: false, takesIn: ['delivered', 'invoiced'], holdsIn: ['draft', 'delivered', 'invoiced'],
      takenField: 'deliveredAmountExclTax', sourceStates: ['confirmed', 'partiallyDelivered'], verb: 'delivered',
    }],
    billedOnce: [
      {
        from: 'api::expense-report.expense-report', link: 'expenseReports', items: 'lines', itemWhen: { field: 'rebillable', in: [true] },
        sourceStates: ['approved'], keepsSourceState: true, party: ['project', 'customer'], takenField: 'rebilledAmountExclTax', origin: 'expensesRebilling', verb: 'rebilled',
      },
      {
        from: 'api::training-opportunity.training-opportunity', link: 'trainingOpportunities', items: 'trainingLines', itemWhen: { field: 'held', in: [true] },
        sourceStates: ['won'], keepsSourceState: true, party: ['customer'], takenField: 'deliveredAmountExclTax', origin: 'trainingSession', verb: 'delivered',
      },
      // a due schedule line billed straight, without a quotation
      {
        from: PROJECT_UID, link: 'project', single: true, items: 'billingSchedule', sourceStates: ['active'],
        party: ['customer'], takenField: 'billedAmountExclTax', origin: 'schedule', verb: 'billed',
      },
    ],
  },
  {
    uid: 'api::billing-table.billing-table',
    credit: {
      gate: 'billingTables', bucket: 'billingTables', partyField: BILLED, amountField: 'amountExclTax', currencyField: 'currency',
      open: { field: 'state', in: ['draft', 'validated'] }, minus: 'invoicedAmountExclTax', labelField: 'number',
    },
    shape: { pricedLines: 'lines' },
    derived: { fields: ['invoicedAmountExclTax'], states: ['invoiced'] },
    madeFrom: [{
      from: 'api::order.order', link: 'order', many: false, takesIn: ['draft', 'validated', 'invoiced'], holdsIn: ['draft', 'validated', 'invoiced'],
      takenField: 'billingTablesAmountExclTax', sourceStates: ['confirmed', 'partiallyDelivered'], verb: 'put in a billing table',
    }],
    billedOnce: [{
      from: PROJECT_UID, link: 'project', single: true, items: 'billingSchedule', sourceStates: ['active'],
      party: ['customer'], takenField: 'billedAmountExclTax', verb: 'billed',
    }],
  },
  {
    uid: 'api::invoice.invoice',
    credit: {
      gate: 'invoices', bucket: 'invoices', partyField: BILLED, amountField: 'amountExclTax', currencyField: 'currency',
      open: { field: 'state', in: ['draft', 'issued', 'partiallyPaid'] }, unpaidShare: { paidField: 'amountPaid', totalField: 'amountInclTax' },
      negativeWhen: { field: 'kind', in: ['creditNote'] }, labelField: 'number',
      // what falls due, per due date, for the overdue rules: issued invoices and credit notes, not drafts
      dueDateField: 'dueDate', dueWhen: { field: 'state', in: ['issued', 'partiallyPaid'] },
    },
    shape: { pricedLines: 'lines', notAbove: [['amountPaid', 'amountInclTax']], dateOrder: [['date', 'dueDate'], ['date', 'paidOn']] },
    derived: { fields: ['amountPaid', 'paidOn', 'creditedAmountExclTax'], states: ['partiallyPaid', 'paid'] },
    // the billing tool invoices deliveries and billing tables; a credit note credits an invoice
    madeFrom: [
      {
        from: 'api::delivery.delivery', link: 'deliveries', many: true, when: { field: 'kind', in: ['invoice'] },
        takesIn: INVOICE_COUNTED, holdsIn: INVOICE_COUNTED, takenField: 'invoicedAmountExclTax', sourceStates: ['delivered'], verb: 'invoiced',
      },
      {
        from: 'api::billing-table.billing-table', link: 'billingTables', many: true, when: { field: 'kind', in: ['invoice'] },
        takesIn: INVOICE_COUNTED, holdsIn: INVOICE_COUNTED, takenField: 'invoicedAmountExclTax', sourceStates: ['draft', 'validated'], verb: 'invoiced',
      },
      {
        from: 'api::invoice.invoice', link: 'creditedInvoice', many: false, when: { field: 'kind', in: ['creditNote'] },
        takesIn: INVOICE_COUNTED, holdsIn: INVOICE_COUNTED, takenField: 'creditedAmountExclTax', sourceStates: ['issued', 'partiallyPaid', 'paid'], verb: 'credited',
      },
    ],
    portal: { read: true },
  },
  {
    uid: 'api::receipt.receipt',
    // counted (they lower exposure) but not gated: the spec has no receipt checkbox, and a payment is never refused
    credit: {
      bucket: 'receipts', partyField: 'customer', amountField: 'amount', sign: -1, currencyField: 'currency',
      open: { field: 'state', notIn: ['cancelled', 'allocated'] }, minus: ['allocatedAmount'], labelField: 'number',
    },
    shape: { notAbove: [['allocatedAmount', 'amount']], allocations: true },
    derived: { fields: ['allocatedAmount'], states: ['unallocated', 'partiallyAllocated', 'allocated'], reopenAs: 'unallocated' },
  },
  {
    uid: 'api::training-opportunity.training-opportunity',
    credit: {
      gate: 'trainingOpportunities', bucket: 'trainingOpportunities', countedByDefault: false, partyField: 'customer', amountField: 'amountExclTax',
      currencyField: 'currency', open: { field: 'state', in: ['open'] }, labelField: 'number',
    },
    shape: { amountLines: 'trainingLines' },
    signedStates: ['won'],
    derived: { fields: ['deliveredAmountExclTax'], states: [] },
  },
  {
    uid: 'api::registration-file.registration-file',
    credit: {
      gate: 'registrationFiles', bucket: 'registrationFiles', partyField: 'donorCustomer', amountField: 'allocatedAmount',
      currencyField: 'currency', open: { field: 'state', in: ['open', 'validated'] }, labelField: 'number',
    },
    shape: { notAbove: [['allocatedAmount', 'amountExclTax']] },
    signedStates: ['validated', 'invoiced'],
  },
  {
    // gated through the creation of help-desk issues; counted in no bucket
    uid: 'api::maintenance-contract.maintenance-contract',
    credit: {},
    shape: { dateOrder: [['startDate', 'endDate']] },
    signedStates: ['active', 'suspended', 'terminated'],
    // one delivery note per billing period (src/flow/contracts.ts): what they billed is derived
    derived: { fields: ['billedUntil', 'billedAmountExclTax'], states: [] },
    portal: { read: true },
  },
  {
    uid: 'api::helpdesk-issue.helpdesk-issue',
    credit: { gate: 'maintenanceContracts', partyField: 'customer', gatedActions: ['create'], labelField: 'number' },
    shape: {},
    portal: { read: true, create: true },
  },
];

/**
 * Documents that are no management object (not the customer's, never counted in credit): the
 * expense reports the flow rebills from, and the purchase side. The same rules and derived figures.
 */
export interface OtherDocumentType {
  uid: string;
  shape?: ManagementShape;
  derived?: DerivedSpec;
  signedStates?: string[];
}
export const SUPPLIER_ORDER_UID = 'api::supplier-order.supplier-order';
export const SUPPLIER_INVOICE_UID = 'api::supplier-invoice.supplier-invoice';
export const OTHER_DOCUMENT_TYPES: OtherDocumentType[] = [
  // its total is the sum of its expenses, kept by the flow like the figure it rebills
  { uid: 'api::expense-report.expense-report', derived: { fields: ['amountExclTax', 'rebilledAmountExclTax'], states: [] } },
  // what its tasks and schedule lines were quoted and billed for (src/flow/billed-once.ts)
  { uid: PROJECT_UID, derived: { fields: ['quotedAmountExclTax', 'billedAmountExclTax'], states: [] } },
  // a supplier order is signed once the supplier confirmed it; a supplier invoice has no signature
  { uid: SUPPLIER_ORDER_UID, shape: { pricedLines: 'lines', dateOrder: [['date', 'expectedOn']] }, signedStates: ['confirmed', 'received', 'invoiced'] },
  { uid: SUPPLIER_INVOICE_UID, shape: { pricedLines: 'lines', dateOrder: [['date', 'dueDate']] } },
];
export const PURCHASE_UIDS = [SUPPLIER_ORDER_UID, SUPPLIER_INVOICE_UID];


export const MANAGEMENT_UIDS: readonly string[] = MANAGEMENT_TYPES.map((t) => t.uid);
const byUid = <T>(pick: (t: ManagementType) => T | undefined): Record<string, T> =>
  Object.fromEntries(MANAGEMENT_TYPES.flatMap((t) => (pick(t) === undefined ? [] : [[t.uid, pick(t) as T]])));

/** The credit plugin's `documents` mapping: the types it counts or gates. */
export const CREDIT_DOCUMENTS: Record<string, CreditMapping> = byUid((t) => (Object.keys(t.credit).length > 0 ? t.credit : undefined));
export const MANAGEMENT_SHAPES: Record<string, ManagementShape> = byUid((t) => (Object.keys(t.shape).length > 0 ? t.shape : undefined));
export const SIGNED_STATES: Record<string, readonly string[]> = {
  ...byUid((t) => t.signedStates),
  ...Object.fromEntries(OTHER_DOCUMENT_TYPES.filter((t) => t.signedStates).map((t) => [t.uid, t.signedStates!])),
};
/** What the domain rules keep consistent on every document type, management objects or not. */
export const DOCUMENT_SHAPES: Record<string, ManagementShape> = {
  ...MANAGEMENT_SHAPES,
  ...Object.fromEntries(OTHER_DOCUMENT_TYPES.filter((t) => t.shape).map((t) => [t.uid, t.shape!])),
};
export const DERIVED: Record<string, DerivedSpec> = {
  ...byUid((t) => t.derived),
  ...Object.fromEntries(OTHER_DOCUMENT_TYPES.filter((t) => t.derived).map((t) => [t.uid, t.derived!])),
};
export const BILLED_ONCE: (BilledOnce & { to: string })[] = MANAGEMENT_TYPES.flatMap((t) => (t.billedOnce ?? []).map((b) => ({ ...b, to: t.uid })));
export const PORTAL_MANAGEMENT_UIDS: string[] = MANAGEMENT_TYPES.filter((t) => t.portal?.read).map((t) => t.uid);
export const PORTAL_CREATE_UIDS: string[] = MANAGEMENT_TYPES.filter((t) => t.portal?.create).map((t) => t.uid);
