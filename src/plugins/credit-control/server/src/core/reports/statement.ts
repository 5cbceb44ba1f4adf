import type { Minor } from '../money';
import { ageBalances, dueOn, emptyAgeing, AGEING_BANDS, type Ageing } from './ageing';

export interface PartyInfo {
  documentId: string;
  code: string;
  /** the name it is called by (lists, pickers) */
  name: string;
  /** the name letters and statements are addressed to (`reports.party.legalNameField`, else `name`) */
  legalName: string;
  address: string[];
  professional: boolean;
}

export interface InvoiceRow {
  documentId: string;
  number: string;
  date: string | null;
  dueDate: string | null;
  /** as stored: positive for invoices and credit notes alike */
  totalMinor: Minor;
  paidMinor: Minor;
  currency: string;
  creditNote: boolean;
}

export interface PaymentRow {
  documentId: string;
  number: string;
  date: string | null;
  amountMinor: Minor;
  allocatedMinor: Minor;
  currency: string;
}

/** An invoice as the statement shows it: signed (credit notes negative), balance = total − paid. */
export interface OpenItem extends InvoiceRow {
  signedTotalMinor: Minor;
  signedPaidMinor: Minor;
  balanceMinor: Minor;
}

export interface CurrencyTotals {
  currency: string;
  totalMinor: Minor;
  paidMinor: Minor;
  /** the open items' balance (invoices less credit notes still to apply) */
  balanceMinor: Minor;
  paymentsMinor: Minor;
  /** the listed payments' parts not allocated to an invoice */
  unallocatedMinor: Minor;
  /** balance due: the open items' balance less the unallocated payments (negative: in the customer's favour) */
  dueMinor: Minor;
  ageing: Ageing;
}

export interface StatementSection {
  party: PartyInfo;
  items: OpenItem[];
  payments: PaymentRow[];
  totals: CurrencyTotals[];
}

export function openItem(row: InvoiceRow): OpenItem {
  const sign = row.creditNote ? -1n : 1n;
  return { ...row, signedTotalMinor: sign * row.totalMinor, signedPaidMinor: sign * row.paidMinor, balanceMinor: sign * (row.totalMinor - row.paidMinor) };
}

const emptyTotals = (currency: string): CurrencyTotals => ({ currency, totalMinor: 0n, paidMinor: 0n, balanceMinor: 0n, paymentsMinor: 0n, unallocatedMinor: 0n, dueMinor: 0n, ageing: emptyAgeing() });

/**
 * One customer's section: its open items (a zero balance is not an open item), by due date then
 * number; its payments by date; and totals and ageing per currency (amounts are never converted).
 * The balance due in a currency is its open items' balance less its listed payments' unallocated
 * parts (the payments the criteria keep: dated in the period, neither after `paymentsUntil` nor after `asOf`).
 * A customer with neither open item nor payment has no section (null).
 */
export function buildSection(party: PartyInfo, invoices: InvoiceRow[], payments: PaymentRow[], asOf: string): StatementSection | null {
  const items = invoices
    .map(openItem)
    .filter((item) => item.balanceMinor !== 0n)
    .sort((a, b) => (dueOn(a) ?? '').localeCompare(dueOn(b) ?? '') || a.number.localeCompare(b.number));
  const sortedPayments = [...payments].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.number.localeCompare(b.number));
  if (items.length === 0 && sortedPayments.length === 0) return null;
  const byCurrency = new Map<string, CurrencyTotals>();
  const totalsOf = (currency: string) => byCurrency.get(currency) ?? byCurrency.set(currency, emptyTotals(currency)).get(currency)!;
  for (const item of items) {
    const t = totalsOf(item.currency);
    t.totalMinor += item.signedTotalMinor;
    t.paidMinor += item.signedPaidMinor;
    t.balanceMinor += item.balanceMinor;
  }
  for (const currency of byCurrency.keys()) {
    byCurrency.get(currency)!.ageing = ageBalances(items.filter((i) => i.currency === currency), asOf);
  }
  for (const payment of sortedPayments) {
    const t = totalsOf(payment.currency);
    t.paymentsMinor += payment.amountMinor;
    t.unallocatedMinor += payment.amountMinor - payment.allocatedMinor;
  }
  for (const t of byCurrency.values()) t.dueMinor = t.balanceMinor - t.unallocatedMinor;
  const totals = [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
  return { party, items, payments: sortedPayments, totals };
}

/** Adds a section's totals into the grand totals (per currency). */
export function addTotals(grand: Map<string, CurrencyTotals>, section: StatementSection): void {
  for (const t of section.totals) {
    const g = grand.get(t.currency) ?? grand.set(t.currency, emptyTotals(t.currency)).get(t.currency)!;
    g.totalMinor += t.totalMinor;
    g.paidMinor += t.paidMinor;
    g.balanceMinor += t.balanceMinor;
    g.paymentsMinor += t.paymentsMinor;
    g.unallocatedMinor += t.unallocatedMinor;
    g.dueMinor += t.dueMinor;
    for (const b of AGEING_BANDS) g.ageing[b] += t.ageing[b];
  }
}
