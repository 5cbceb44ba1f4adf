import Decimal from 'decimal.js';
import { DERIVED, type DerivedSpec } from '../management-types';

/** What the flow derives on each type is declared with the type (management-types.ts). */
export { DERIVED, type DerivedSpec };

const dec = (value: unknown) => new Decimal(value === null || value === undefined || value === '' ? 0 : String(value));
const money = (value: Decimal) => value.toFixed(2);

/**
 * A quotation: superseded once revised (back to sent if its revision goes), ordered, partly
 * ordered, or back to signed when its orders are gone.
 */
export function quotationDerived(current: { state: string; amountExclTax: unknown }, ordered: Decimal, revised = false) {
  let state = current.state;
  if (revised) state = 'superseded';
  else if (state === 'superseded') state = 'sent';
  if (state !== 'superseded' && state !== 'refused' && state !== 'expired') {
    if (ordered.gt(0) && ordered.gte(dec(current.amountExclTax))) state = 'ordered';
    else if (ordered.gt(0)) state = 'partiallyOrdered';
    else if (state === 'ordered' || state === 'partiallyOrdered') state = 'signed';
  }
  return { orderedAmountExclTax: money(ordered), state };
}

/** An order: what its deliveries and billing tables took, what was invoiced of them, what is left. */
export function orderDerived(
  current: { state: string; amountExclTax: unknown },
  taken: { delivered: Decimal; billingTables: Decimal; invoiced: Decimal }
) {
  const amount = dec(current.amountExclTax);
  const passedOn = taken.delivered.add(taken.billingTables);
  const remaining = Decimal.max(amount.sub(passedOn), 0);
  let state = current.state;
  if (state !== 'draft' && state !== 'cancelled') {
    if (amount.gt(0) && taken.invoiced.gte(amount)) state = 'invoiced';
    else if (passedOn.gt(0) && passedOn.gte(amount)) state = 'delivered';
    else if (passedOn.gt(0)) state = 'partiallyDelivered';
    else state = 'confirmed';
  }
  return {
    deliveredAmountExclTax: money(taken.delivered),
    billingTablesAmountExclTax: money(taken.billingTables),
    invoicedAmountExclTax: money(taken.invoiced),
    remainingAmountExclTax: money(remaining),
    state,
  };
}

/** A delivery or billing table: invoiced once its invoices cover it. */
export function invoicedSourceDerived(current: { state: string; amountExclTax: unknown }, invoiced: Decimal, openState: string) {
  let state = current.state;
  const whole = dec(current.amountExclTax);
  if (state === 'invoiced' || state === openState) state = invoiced.gt(0) && invoiced.gte(whole) ? 'invoiced' : openState;
  return { invoicedAmountExclTax: money(invoiced), state };
}

/** An invoice: paid by the receipts allocated to it (tax included), credited by its credit notes. */
export function invoiceDerived(
  current: { state: string; amountInclTax: unknown; date?: string | null },
  paid: { amount: Decimal; lastDate: string | null },
  credited: Decimal
) {
  let state = current.state;
  const total = dec(current.amountInclTax);
  if (state !== 'draft' && state !== 'cancelled') {
    if (paid.amount.gt(0) && paid.amount.gte(total)) state = 'paid';
    else if (paid.amount.gt(0)) state = 'partiallyPaid';
    else state = 'issued';
  }
  return {
    amountPaid: money(paid.amount),
    // a payment received before the invoice (an advance) pays it on the invoice's date
    paidOn: state === 'paid' && paid.lastDate ? (current.date && current.date > paid.lastDate ? current.date : paid.lastDate) : null,
    creditedAmountExclTax: money(credited),
    state,
  };
}

/** A receipt: allocated by its allocations. */
export function receiptDerived(current: { state: string; amount: unknown }, allocated: Decimal) {
  let state = current.state;
  if (state !== 'cancelled') {
    if (allocated.gt(0) && allocated.gte(dec(current.amount))) state = 'allocated';
    else if (allocated.gt(0)) state = 'partiallyAllocated';
    else state = 'unallocated';
  }
  return { allocatedAmount: money(allocated), state };
}
