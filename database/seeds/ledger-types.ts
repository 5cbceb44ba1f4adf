/**
 * One party's sales ledger, drafted in memory before it is written: what each document was
 * made from, so that its derived figures and state follow from the links (src/flow/derive.ts)
 * before the row exists. Money in integer cents, quantities in thousandths.
 */
import type { Period } from '../../src/domain/flow/contract-periods';
import type { Totals } from './common';
import type { Day } from './dates';
import type { ContractRef } from './sales-documents';
import type { ExpenseReportDraft } from './types';

/** Fields and state the flow derives, as the row stores them (see ledger-derived.ts). */
export type Derived = Record<string, string | null>;

interface Drafted {
  day: Day;
  totals: Totals;
  /** the state a clerk set (draft, sent, confirmed, delivered, issued, cancelled…); the flow derives the rest */
  state: string;
  derived: Derived;
  /** the row id, once written */
  id: number;
}

export interface QuotationDraft extends Drafted {
  /** what became of it: an order, a revision, or none (open, refused, expired) */
  fate: 'order' | 'revise' | 'none';
  signedDay: Day | null;
  revision: number;
  revisionOf: QuotationDraft | null;
  revisedBy: QuotationDraft | null;
  origin: string;
  orders: OrderDraft[];
  number: string | null;
  /** made from a project's tasks or schedule lines: the project, and what its items come to (cents) */
  projectId?: number;
  quotedCents?: number;
  /** a sub-contract: the customer's order it does part of */
  subcontractedFromId?: number;
}

export interface OrderDraft extends Drafted {
  quotation: QuotationDraft | null;
  origin: string;
  /** a sub-contract: the customer's order it does part of */
  subcontractedFromId?: number;
  deliveries: SourceDraft[];
  billingTables: SourceDraft[];
}

/** A delivery or a billing table: made from an order or a contract's period, or typed on its own; invoiced later. */
export interface SourceDraft extends Drafted {
  type: 'delivery' | 'billingTable';
  order: OrderDraft | null;
  /** a contract's delivery note: the contract and the period it bills */
  contract: ContractRef | null;
  period: Period | null;
  /** deliveredOn of a delivery */
  doneDay: Day | null;
  origin: string | null;
  /** a due schedule line billed straight: its project */
  projectId?: number;
  /** held training sessions delivered: their opportunity */
  trainingOpportunityId?: number;
  /** expenses rebilled: the reports they come from */
  expenseReports?: ExpenseReportDraft[];
  invoices: InvoiceDraft[];
}

export interface InvoiceDraft extends Drafted {
  kind: 'invoice' | 'creditNote';
  due: Day;
  /** billed ahead of the service, due on an agreed day rather than by the party's payment term */
  billedAhead?: boolean;
  /** disputed by the customer: paid months after its due date, whatever the payer (plan-receipts.ts) */
  disputed?: boolean;
  sources: SourceDraft[];
  /** a credit note's invoice, and an invoice's credit notes */
  credited: InvoiceDraft | null;
  creditNotes: InvoiceDraft[];
  payments: { receipt: ReceiptDraft; cents: number }[];
}

export interface ReceiptDraft {
  day: Day;
  cents: number;
  allocations: { invoice: InvoiceDraft; cents: number }[];
  state: string;
  derived: Derived;
  /** who paid: the party, or its customer to bill */
  customerId: number;
  id: number;
}

export interface Ledger {
  quotations: QuotationDraft[];
  orders: OrderDraft[];
  deliveries: SourceDraft[];
  billingTables: SourceDraft[];
  invoices: InvoiceDraft[];
  receipts: ReceiptDraft[];
}
