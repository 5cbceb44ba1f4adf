/** Shared fixtures for the credit-control core tests: mappings shaped like this app's config. */
import {
  contributionOf,
  defaultPolicy,
  type Contribution,
  type DocumentMapping,
  type DocumentState,
  type Policy,
} from '../../../src/plugins/credit-control/server/src/core';

export const GATES = [
  'opportunities',
  'quotations',
  'orders',
  'deliveries',
  'billingTables',
  'invoices',
  'trainingOpportunities',
  'registrationFiles',
  'maintenanceContracts',
] as const;

export const BUCKETS = [
  'opportunities',
  'quotations',
  'orders',
  'deliveries',
  'billingTables',
  'invoices',
  'receipts',
  'trainingOpportunities',
  'registrationFiles',
];

/** A normalised DocumentMapping with the defaults checkMapping would give. */
export function documentMapping(over: Partial<DocumentMapping> & { uid: string }): DocumentMapping {
  return { gate: '', partyFields: ['customer'], sign: 1, minus: [], gatedActions: ['create', 'update', 'delete'], ...over };
}

export const OPPORTUNITY = documentMapping({
  uid: 'api::opportunity.opportunity',
  gate: 'opportunities',
  bucket: 'opportunities',
  amountField: 'expectedAmountExclTax',
  open: { field: 'status', notIn: ['won', 'lost', 'cancelled'] },
});

export const ORDER = documentMapping({
  uid: 'api::order.order',
  gate: 'orders',
  bucket: 'orders',
  amountField: 'amountExclTax',
  minus: ['deliveredAmountExclTax', 'invoicedAmountExclTax'],
  open: { field: 'status', in: ['confirmed', 'partiallyDelivered', 'delivered'] },
});

export const INVOICE = documentMapping({
  uid: 'api::invoice.invoice',
  gate: 'invoices',
  bucket: 'invoices',
  amountField: 'amountExclTax',
  unpaidShare: { paidField: 'amountPaid', totalField: 'amountInclTax' },
  open: { field: 'status', notIn: ['paid', 'cancelled'] },
  negativeWhen: { field: 'kind', in: ['creditNote'] },
});

/** Counted (receipts lower exposure) but never gated, as in config/plugins.ts: the spec has no receipt checkbox. */
export const RECEIPT = documentMapping({
  uid: 'api::receipt.receipt',
  gate: '',
  gatedActions: [],
  bucket: 'receipts',
  amountField: 'amount',
  sign: -1,
  minus: ['allocatedAmount'],
  open: { field: 'status', notIn: ['allocated', 'cancelled'] },
});

export const REGISTRATION_FILE = documentMapping({
  uid: 'api::registration-file.registration-file',
  gate: 'registrationFiles',
  bucket: 'registrationFiles',
  partyFields: ['donorCustomer'],
  amountField: 'allocatedAmount',
  open: { field: 'status', notIn: ['cancelled'] },
});

/** Gated only: a help-desk issue counts in no bucket and is checked on create only. */
export const HELPDESK_ISSUE = documentMapping({
  uid: 'api::helpdesk-issue.helpdesk-issue',
  gate: 'maintenanceContracts',
  gatedActions: ['create'],
});

let counter = 0;
export function state(values: Record<string, unknown>, party: string | null = 'c1', currency = 'EUR'): DocumentState {
  counter += 1;
  return { documentId: `doc${counter}`, party, currency, values };
}

export const invoice = (excl: unknown, incl: unknown, paid: unknown, extra: Record<string, unknown> = {}, party = 'c1') =>
  state({ kind: 'invoice', status: 'issued', amountExclTax: excl, amountInclTax: incl, amountPaid: paid, ...extra }, party);

export const receipt = (amount: unknown, allocated: unknown, extra: Record<string, unknown> = {}, party = 'c1') =>
  state({ status: 'unallocated', amount, allocatedAmount: allocated, ...extra }, party);

/** Contributions of a list of (mapping, state) pairs, through the real function. */
export const contributionsOf = (docs: [DocumentMapping, DocumentState | null][]): (Contribution | null)[] =>
  docs.map(([mapping, doc]) => contributionOf(mapping, doc));

export const policy = (over: Partial<Policy> = {}): Policy => ({
  ...defaultPolicy('EUR', [...GATES], BUCKETS),
  thresholdMinor: 700_000n,
  ...over,
});
