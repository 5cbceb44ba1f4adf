// What the allocation modal reads: the receipt's allocations and the customer's open invoices.
import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { FLOW_UIDS } from './flow';

/** Money as whole cents (the admin receives decimals as JSON numbers; amounts stay far below 2^53 cents). */
export const toCents = (value: unknown) => Math.round(Number(value ?? 0) * 100);
export const fromCents = (cents: number) => (cents / 100).toFixed(2);

/** Invoices that still owe (a paid one owes nothing); the allocation rule checks the rest (src/flow/allocations.ts). */
const OWING_STATES = ['issued', 'partiallyPaid'];

export interface Allocation {
  id: number;
  amount: number;
  invoice: { documentId: string; number: string } | null;
}
export interface ReceiptState {
  amount: number;
  allocatedAmount: number;
  state: string;
  allocations: Allocation[];
}
export interface OpenInvoice {
  documentId: string;
  number: string;
  date: string | null;
  state: string;
  amountInclTax: number;
  /** what it still owes, in cents */
  owed: number;
}

/** The receipt as stored (its allocations with their invoices), read again on each `version`. */
export const useReceipt = (documentId: string | undefined, version: number) => {
  const { get } = useFetchClient();
  const [receipt, setReceipt] = React.useState<ReceiptState | null>(null);
  const [error, setError] = React.useState<unknown>(null);
  React.useEffect(() => {
    if (!documentId) return;
    let live = true;
    (async () => {
      const { data } = await get<any>(`/content-manager/collection-types/${FLOW_UIDS.receipt}/${documentId}`);
      const doc = data.data;
      // the Content Manager counts relations in components: each allocation's invoice is asked apart
      const allocations: Allocation[] = await Promise.all(
        (doc.allocations ?? []).map(async (a: any) => {
          const found = await get<any>(`/content-manager/relations/sales.receipt-allocation/${a.id}/invoice`);
          return { id: a.id, amount: a.amount, invoice: found.data?.results?.[0] ?? null };
        })
      );
      if (live) setReceipt({ amount: doc.amount, allocatedAmount: doc.allocatedAmount ?? 0, state: doc.state, allocations });
    })().catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [documentId, version, get]);
  return { receipt, error };
};

/** The party's invoices a receipt can still pay (oldest first), with what each owes. */
export const useOpenInvoices = (party: string | null | undefined, version: number) => {
  const { get } = useFetchClient();
  const [invoices, setInvoices] = React.useState<OpenInvoice[] | null>(null);
  const [error, setError] = React.useState<unknown>(null);
  React.useEffect(() => {
    if (!party) return;
    let live = true;
    (async () => {
      const found: OpenInvoice[] = [];
      for (const state of OWING_STATES) {
        const { data } = await get<any>(`/customer-records/customers/${party}/management-objects`, { params: { type: 'invoices', state, pageSize: 100 } });
        for (const row of data.data) {
          if (row.kind !== 'invoice') continue;
          found.push({ ...row, owed: toCents(row.amountInclTax) - toCents(row.amountPaid) });
        }
      }
      if (live) setInvoices(found.filter((i) => i.owed > 0).sort((a, b) => String(a.date).localeCompare(String(b.date))));
    })().catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [party, version, get]);
  return { invoices, error };
};
