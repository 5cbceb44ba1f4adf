/** Answers of GET /customer-records/customers/:documentId/overview and /dashboard. */
export interface Address { line1?: string | null; line2?: string | null; line3?: string | null; postalCode?: string | null; city?: string | null; region?: string | null; country?: string | null }
export interface ContactDetails { phone?: string | null; mobile?: string | null; fax?: string | null; email?: string | null; website?: string | null }
export interface Row { uid: string; documentId: string }
export interface SalesRow extends Row { type: string; number: string | null; label: string | null; kind: string | null; date: string | null; state: string | null; amountExclTax: string | null; amountInclTax: string | null; currency: string | null }
export interface PurchaseRow extends Row { type: string; number: string | null; supplier: string | null; salesOrder: string | null; date: string | null; state: string | null; amountExclTax: string | null; amountInclTax: string | null; currency: string | null }

export interface Overview {
  customer: Row & { kind: string; code: string | null; callName: string; corporateName: string | null; country: string };
  address: { address: Address | null; contactDetails: ContactDetails | null; headOffice: (Row & { name: string; address: Address | null; contactDetails: ContactDetails | null }) | null };
  notes: string | null;
  contacts: { total: number; hidden: boolean; rows: (Row & { civility: string | null; firstName: string | null; lastName: string | null; jobTitle: string | null; email: string | null; phone: string | null; mobile: string | null; isMainContact: boolean; isFinancialContact: boolean })[] };
  events: { total: number; hidden: boolean; rows: (Row & { type: string; subject: string | null; date: string | null; done: boolean | null; contact: string | null; employee: string | null })[] };
  sales: { total: number; rows: SalesRow[]; byType: { type: string; uid: string; total: number }[] };
  purchases: {
    total: number;
    hidden: boolean;
    rows: PurchaseRow[];
    suppliers: { total: number; hidden: boolean; rows: (Row & { code: string | null; callName: string; corporateName: string | null; siret: string | null })[] };
  };
}

export interface ProfitRow { revenue: string; cost: string; margin: string; marginRate: string }
export interface GroupBilling {
  groups: { key: string; code: string | null; label: string | null }[];
  years: { year: number; total: string; groups: { key: string; amount: string; share: string }[] }[];
}
/** One currency's figures: amounts in different currencies are never added (the statement totals each apart). */
export interface CurrencyFigures {
  currency: string;
  profitability: { years: (ProfitRow & { year: number })[]; projects: (ProfitRow & { documentId: string; code: string | null; name: string | null })[] };
  /** the statement's figures: `total` = open items' balance = `invoices` less `creditNotes`; `balanceDue` = `total` less `unallocatedPayments` */
  paymentTerms: { bands: { band: string; count: number; amount: string }[]; invoices: string; creditNotes: string; total: string; unallocatedPayments: string; balanceDue: string };
  billingByFamily: GroupBilling;
  billingBySubFamily: GroupBilling;
}
/** The figures in the customer's currency, and each other currency its documents are in. */
export interface Dashboard extends CurrencyFigures {
  customer: { documentId: string; code: string | null; callName: string };
  years: number[];
  today: string;
  otherCurrencies: CurrencyFigures[];
}
