/** Shapes shared by the seed phases. */
import type { Core } from '@strapi/strapi';
import type { AccountingRule } from '../../src/domain/accounting';
import type { BulkWriter } from './bulk-insert';
import type { Day } from './dates';
import type { Rng } from './prng';
import type { Progress } from './progress';

export interface SeedOptions {
  /** customers and prospects to create (default 200; demo: 40) */
  customers?: number;
  /** management objects to create (default 5000; demo: 2000) */
  documents?: number;
  /** PRNG seed (default 42): the same options give the same rows */
  seed?: number;
  /** progress bars on stderr */
  progress?: boolean;
  /** rows per INSERT statement, capped by the database's bind-variable limit (default 5000) */
  batchSize?: number;
  /** the small demo set; does nothing when customers already exist */
  demo?: boolean;
  /** the "today" of the data set, YYYY-MM-DD (default: today, UTC); not after the run's day */
  asOf?: string;
  /** the run's clock (default: now): no timestamp the seed writes is after it */
  now?: Date;
  /** hash every written row into report.fingerprint (default: on up to 100,000 documents) */
  fingerprint?: boolean;
}

export interface PartySummary {
  id: number;
  documentId: string;
  code: string;
  callName: string;
  /** management objects of this customer that are open in the credit-control sense */
  openDocuments: number;
}

export interface SeedReport {
  skipped: boolean;
  message: string;
  seed: number;
  asOf: string;
  elapsedMs: number;
  /** rows per content type, e.g. { 'api::invoice.invoice': 1500 } */
  counts: Record<string, number>;
  /** rows per database table, link and component tables included */
  rows: Record<string, number>;
  totalRows: number;
  managementObjects: number;
  /** benchmark fixtures: the customer with very many open documents, and one with about a hundred */
  bigCustomer: PartySummary | null;
  smallCustomer: PartySummary | null;
  /** the ordinary customer whose dashboard has every chart filled (the demo's showcase) */
  featuredCustomer: PartySummary | null;
  fingerprint: string | null;
}

export interface CurrencyRef {
  id: number;
  code: string;
  minorUnits: number;
}
export interface VatRef {
  id: number;
  code: string;
  /** rate in basis points: 20 % → 2000, 5.5 % → 550 */
  rateBp: number;
  rate: string;
}
export interface PaymentTermRef {
  id: number;
  code: string;
  days: number;
  endOfMonth: boolean;
}
export interface ArticleRef {
  id: number;
  code: string;
  label: string;
  priceCents: number;
  unit: string;
  vat: VatRef;
  family: string;
}
export interface Reference {
  currencies: Record<string, CurrencyRef>;
  vat: Record<string, VatRef>;
  /** the zero-rate code used for EU and export customers */
  vatZero: VatRef;
  paymentTerms: PaymentTermRef[];
  functionalAreas: Record<'FRANCE' | 'UE' | 'EXPORT', number>;
  articles: ArticleRef[];
  trainingArticles: ArticleRef[];
  linkTypes: Record<'SOLDTOPARTY' | 'TO_BILL', number>;
}

export interface EmployeeRef {
  id: number;
  name: string;
  isSalesman: boolean;
}
export interface CompanyRef {
  id: number;
  code: string;
  name: string;
  numbering: 'automatic' | 'manual';
  prefix: string;
  reliabilityColour: boolean;
  /** the subledger rule of its management rules: its customers' accounts are derived with it */
  accountingRule: AccountingRule;
  divisions: { id: number; entityIds: number[] }[];
  employees: EmployeeRef[];
  salesmen: EmployeeRef[];
}

export type PartyRole = 'big' | 'small' | 'funder' | 'normal';

export interface DueScheduleLine {
  projectId: number;
  key: string;
  label: string;
  dueDay: number;
  amountCents: number;
  articleId: number;
}

/** A task or billing-schedule line of a draft or active project, that a quotation may be made from. */
export interface QuotableItem {
  projectId: number;
  /** the project's start and end: it is quoted from 30 days before its start (a draft one from 180), until it ends */
  startDay: number;
  endDay: number;
  /** a draft project is at its proposal stage: quoted by the first quotation from 180 days before its start */
  draft: boolean;
  from: 'task' | 'schedule';
  key: string;
  label: string;
  /** thousandths: planned days of a task, 1 for a schedule line */
  quantity: number;
  priceCents: number;
  amountCents: number;
  articleId: number;
}

/** An expense report drafted before the ledger (side-documents.ts): the ledger may rebill its expenses. */
export interface ExpenseReportDraft {
  projectId: number;
  currencyId: number;
  employee: EmployeeRef;
  day: number;
  state: string;
  lines: { date: string; nature: string; label: string; cents: number; rebillable: boolean; key: string }[];
  /** what delivery notes rebilled of it (cents), and those notes' ids once written */
  rebilledCents: number;
  deliveryIds: number[];
}

export interface PartyRef {
  index: number;
  id: number;
  documentId: string;
  code: string;
  callName: string;
  kind: 'customer' | 'prospect';
  country: string;
  company: CompanyRef;
  currency: CurrencyRef;
  /** FR: French VAT; EU: intra-community (0 %, not exempt); EXPORT: exempt */
  vatMode: 'FR' | 'EU' | 'EXPORT';
  salesmanId: number | null;
  paymentTerm: PaymentTermRef;
  billingSiteId: number | null;
  deliverySiteId: number | null;
  mainContactId: number | null;
  toBillId: number | null;
  openedOn: Day;
  /** asOf, or the day the customer was closed */
  activeUntil: Day;
  projectIds: number[];
  /** the due billing-schedule lines of the active projects it is the customer of (billed straight, plan-fulfilment.ts) */
  dueSchedule: DueScheduleLine[];
  /** the tasks and schedule lines of the projects it is the customer of, but cancelled ones (quoted, plan-quotations.ts) */
  quotable: QuotableItem[];
  /** the expense reports on the projects it is the customer of (rebilled in its ledger, plan-fulfilment.ts) */
  expenseReports: ExpenseReportDraft[];
  role: PartyRole;
  isGroup: boolean;
  /** an internal customer: the company of the group it stands for (its ledger sub-contracts that company's orders) */
  representedCompanyId: number | null;
  payer: 'good' | 'late' | 'bad';
  /** the one ordinary customer shaped so that every chart of its dashboard has data: most documents, projects, open invoices */
  featured: boolean;
}

export interface SeedContext {
  strapi: Core.Strapi;
  writer: BulkWriter;
  progress: Progress;
  /** documentIds come from their own stream */
  ids: Rng;
  asOf: Day;
  /** the latest moment a row may carry (epoch ms): the run's clock, or the end of `asOf` when that is earlier */
  now: number;
  /** first day of the management-object window (4 years before asOf) */
  start: Day;
  /** small runs get 1–4 lines and every optional relation; big runs 1 line and the essential ones */
  rich: boolean;
}
