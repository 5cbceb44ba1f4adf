import {
  contributionOf,
  deltasOf,
  type Contribution,
  type DocumentMapping,
  type DocumentState,
} from '../../../src/plugins/credit-control/server/src/core';
import {
  HELPDESK_ISSUE,
  INVOICE,
  OPPORTUNITY,
  ORDER,
  RECEIPT,
  REGISTRATION_FILE,
  documentMapping,
  invoice,
  receipt,
  state,
} from './fixtures';

const QUOTATION = documentMapping({
  uid: 'api::quotation.quotation',
  gate: 'quotations',
  bucket: 'quotations',
  amountField: 'amountExclTax',
  open: { field: 'status', notIn: ['signed', 'refused', 'expired'] },
});

const order = (status: string, amount: unknown, delivered: unknown, invoiced: unknown) =>
  state({ status, amountExclTax: amount, deliveredAmountExclTax: delivered, invoicedAmountExclTax: invoiced });

describe('contributionOf: what an open document counts, per bucket', () => {
  it.each<[string, DocumentMapping, DocumentState, bigint]>([
    ['an open opportunity counts its expected pre-tax amount', OPPORTUNITY, state({ status: 'open', expectedAmountExclTax: '2500.00' }), 250_000n],
    ['an open quotation counts its pre-tax amount', QUOTATION, state({ status: 'sent', amountExclTax: 1200 }), 120_000n],
    ['an order counts amount − max(delivered, invoiced): invoiced is larger', ORDER, order('confirmed', '1000.00', '300.00', '450.00'), 55_000n],
    ['an order counts amount − max(delivered, invoiced): delivered is larger', ORDER, order('partiallyDelivered', '1000.00', '700.00', '450.00'), 30_000n],
    ['an order with nothing delivered or invoiced counts in full', ORDER, order('confirmed', '1000.00', null, null), 100_000n],
    ['an invoice counts the pre-tax unpaid share: 1000 × (1200 − 600) / 1200', INVOICE, invoice('1000.00', '1200.00', '600.00', { status: 'partiallyPaid' }), 50_000n],
    ['an unpaid invoice counts its whole pre-tax amount', INVOICE, invoice('6000.00', '7200.00', '0'), 600_000n],
    ['an invoice with no amountPaid counts its whole pre-tax amount', INVOICE, invoice('1600.00', '1920.00', null), 160_000n],
    ['the unpaid share rounds to the cent: 100 × 110 / 120 = 91.666…', INVOICE, invoice('100.00', '120.00', '10.00'), 9_167n],
    ['the unpaid share rounds half-up: 1.01 × 1 / 2 = 0.505', INVOICE, invoice('1.01', '2.00', '1.00'), 51n],
    ['a credit note counts negative', INVOICE, invoice('200.00', '240.00', '0', { kind: 'creditNote' }), -20_000n],
    ['a half-applied credit note counts its negative remaining share', INVOICE, invoice('200.00', '240.00', '120.00', { kind: 'creditNote' }), -10_000n],
    ['a receipt counts −amount while unallocated', RECEIPT, receipt('500.00', '0'), -50_000n],
    ['a receipt counts −(amount − allocatedAmount)', RECEIPT, receipt('500.00', '200.00', { status: 'partiallyAllocated' }), -30_000n],
    ['a registration file counts the amount allocated to the donor', REGISTRATION_FILE, state({ status: 'open', allocatedAmount: '350.00', amountExclTax: '900.00' }), 35_000n],
    ['SQLite float 0.1 + 0.2 counts 0.30', OPPORTUNITY, state({ status: 'open', expectedAmountExclTax: 0.1 + 0.2 }), 30n],
    ['SQLite float 1234.5699999999 counts 1234.57', OPPORTUNITY, state({ status: 'open', expectedAmountExclTax: 1234.5699999999 }), 123_457n],
    ['SQLite floats on an invoice round before the share', INVOICE, invoice(1234.5699999999, 1481.4840000001, 0.1 + 0.2 - 0.3), 123_457n],
    ['SQLite floats on an order remainder', ORDER, order('confirmed', 1000.0000000001, 0.1 + 0.2, 0), 99_970n],
  ])('%s', (_label, mapping, doc, minor) => {
    expect(contributionOf(mapping, doc)).toEqual({ party: 'c1', bucket: mapping.bucket, currency: 'EUR', minor });
  });

  it.each<[string, DocumentMapping, DocumentState | null]>([
    ['a won opportunity', OPPORTUNITY, state({ status: 'won', expectedAmountExclTax: '2500.00' })],
    ['a lost opportunity', OPPORTUNITY, state({ status: 'lost', expectedAmountExclTax: '2500.00' })],
    ['a cancelled opportunity', OPPORTUNITY, state({ status: 'cancelled', expectedAmountExclTax: '2500.00' })],
    ['a signed quotation', QUOTATION, state({ status: 'signed', amountExclTax: 1200 })],
    ['a draft order', ORDER, order('draft', '1000.00', '0', '0')],
    ['a cancelled order', ORDER, order('cancelled', '1000.00', '0', '0')],
    ['an invoiced order', ORDER, order('invoiced', '1000.00', '1000.00', '1000.00')],
    ['an order fully delivered', ORDER, order('delivered', '1000.00', '1000.00', '0')],
    ['an over-invoiced order (never below 0)', ORDER, order('confirmed', '1000.00', '0', '1200.00')],
    ['a paid invoice', INVOICE, invoice('1000.00', '1200.00', '1200.00', { status: 'paid' })],
    ['a cancelled invoice', INVOICE, invoice('1000.00', '1200.00', '0', { status: 'cancelled' })],
    ['an invoice paid in full but not yet marked paid', INVOICE, invoice('1000.00', '1200.00', '1200.00', { status: 'partiallyPaid' })],
    ['an overpaid invoice (never below 0)', INVOICE, invoice('1000.00', '1200.00', '1300.00', { status: 'partiallyPaid' })],
    ['a fully applied credit note', INVOICE, invoice('200.00', '240.00', '240.00', { kind: 'creditNote', status: 'paid' })],
    ['a fully allocated receipt', RECEIPT, receipt('500.00', '500.00', { status: 'allocated' })],
    ['a receipt allocated in full but still marked partial', RECEIPT, receipt('500.00', '500.00', { status: 'partiallyAllocated' })],
    ['a cancelled receipt', RECEIPT, receipt('500.00', '0', { status: 'cancelled' })],
    ['a cancelled registration file', REGISTRATION_FILE, state({ status: 'cancelled', allocatedAmount: '350.00' })],
    ['a zero amount', OPPORTUNITY, state({ status: 'open', expectedAmountExclTax: '0.00' })],
    ['a missing amount', OPPORTUNITY, state({ status: 'open', expectedAmountExclTax: null })],
    ['an amount that rounds to zero cents', OPPORTUNITY, state({ status: 'open', expectedAmountExclTax: 0.004 })],
    ['a document with no party', OPPORTUNITY, state({ status: 'open', expectedAmountExclTax: '2500.00' }, null)],
    ['a deleted document (no state)', OPPORTUNITY, null],
    ['a gated-only type (no bucket)', HELPDESK_ISSUE, state({ status: 'open', amountExclTax: '100.00' })],
  ])('%s contributes null', (_label, mapping, doc) => {
    expect(contributionOf(mapping, doc)).toBeNull();
  });

  it('keeps the document currency and party', () => {
    expect(contributionOf(OPPORTUNITY, state({ status: 'open', expectedAmountExclTax: '1234' }, 'c9', 'JPY'))).toEqual({
      party: 'c9',
      bucket: 'opportunities',
      currency: 'JPY',
      minor: 1234n,
    });
  });
});

describe('deltasOf: what a write changes, per party, bucket and currency', () => {
  const inv = (party: string, excl: string, extra: Record<string, unknown> = {}) =>
    contributionOf(INVOICE, invoice(excl, excl, '0', extra, party));
  const entry = (party: string, bucket: string, minor: bigint, currency = 'EUR'): Contribution => ({ party, bucket, currency, minor });

  it.each<[string, (Contribution | null)[], (Contribution | null)[], Contribution[]]>([
    ['create: nothing before', [null], [inv('c1', '6000.00')], [entry('c1', 'invoices', 600_000n)]],
    ['status change to paid: nothing after', [inv('c1', '6000.00')], [inv('c1', '6000.00', { status: 'paid' })], [entry('c1', 'invoices', -600_000n)]],
    ['reopening a paid invoice', [inv('c1', '6000.00', { status: 'paid' })], [inv('c1', '6000.00')], [entry('c1', 'invoices', 600_000n)]],
    ['delete', [inv('c1', '6000.00')], [null], [entry('c1', 'invoices', -600_000n)]],
    ['amount edit', [inv('c1', '6000.00')], [inv('c1', '6500.00')], [entry('c1', 'invoices', 50_000n)]],
    ['amount lowered', [inv('c1', '6000.00')], [inv('c1', '5999.99')], [entry('c1', 'invoices', -1n)]],
    [
      'move to another party: a write on both',
      [inv('c1', '1600.00')],
      [inv('c2', '1600.00')],
      [entry('c1', 'invoices', -160_000n), entry('c2', 'invoices', 160_000n)],
    ],
    [
      'move and edit at once',
      [inv('c1', '1600.00')],
      [inv('c2', '1700.00')],
      [entry('c1', 'invoices', -160_000n), entry('c2', 'invoices', 170_000n)],
    ],
    [
      'an invoice turned into a credit note',
      [inv('c1', '200.00')],
      [inv('c1', '200.00', { kind: 'creditNote' })],
      [entry('c1', 'invoices', -40_000n)],
    ],
    [
      'a currency change is two entries',
      [entry('c1', 'orders', 10_000n, 'EUR')],
      [entry('c1', 'orders', 10_000n, 'USD')],
      [entry('c1', 'orders', -10_000n, 'EUR'), entry('c1', 'orders', 10_000n, 'USD')],
    ],
    [
      'a receipt allocated further lowers its negative count',
      [contributionOf(RECEIPT, receipt('500.00', '0'))],
      [contributionOf(RECEIPT, receipt('500.00', '200.00', { status: 'partiallyAllocated' }))],
      [entry('c1', 'receipts', 20_000n)],
    ],
    ['an edit that changes no amount', [inv('c1', '6000.00')], [inv('c1', '6000.00', { number: 'F-2' })], []],
    ['a write on a closed document', [inv('c1', '6000.00', { status: 'paid' })], [inv('c1', '6500.00', { status: 'paid' })], []],
    ['nothing at all', [], [], []],
  ])('%s', (_label, before, after, expected) => {
    const deltas = deltasOf(before, after);
    expect(deltas).toHaveLength(expected.length);
    expect(deltas).toEqual(expect.arrayContaining(expected));
  });

  it('does not mutate the contributions it is given', () => {
    const before = inv('c1', '100.00');
    const after = inv('c1', '300.00');
    deltasOf([before, before], [after]);
    expect(before?.minor).toBe(10_000n);
    expect(after?.minor).toBe(30_000n);
  });
});
