import Decimal from 'decimal.js';
import { FLOW_EDGES, edgesFrom, edgesInto } from '../../src/domain/flow/edges';
import { invoiceDerived, invoicedSourceDerived, orderDerived, quotationDerived, receiptDerived } from '../../src/domain/flow/derived';
import { overTaken } from '../../src/domain/flow/over-take';
import { splitLines } from '../../src/domain/flow/split';
import { takenFrom, type MadeDocument } from '../../src/domain/flow/taken';
import { BILLED_ONCE, CREDIT_DOCUMENTS, DERIVED, DOCUMENT_SHAPES, MANAGEMENT_TYPES, PURCHASE_UIDS } from '../../src/domain/management-types';

const made = (state: string, lines: [string | null, number, number][], sourceCount = 1, amount?: number): MadeDocument => ({
  documentId: Math.random().toString(36).slice(2),
  state,
  amountExclTax: String(amount ?? lines.reduce((s, [, , a]) => s + a, 0)),
  lines: lines.map(([sourceKey, quantity, amountExclTax]) => ({ sourceKey, quantity: String(quantity), amountExclTax: String(amountExclTax) })),
  sourceCount,
});

describe('takenFrom', () => {
  test('sums the made lines per source line, in the given states only', () => {
    const taken = takenFrom(['a', 'b'], [made('delivered', [['a', 2, 200], ['b', 1, 50]]), made('draft', [['a', 5, 500]]), made('delivered', [['a', 1, 100]])], ['delivered']);
    expect(taken.amount.toFixed(2)).toBe('350.00');
    expect(taken.byLine.get('a')!.quantity.toString()).toBe('3');
  });
  test('a document made from this source alone takes its unkeyed lines and a header-only amount; a grouped one does not', () => {
    const taken = takenFrom(['a'], [made('issued', [[null, 1, 70]]), made('issued', [], 1, 30), made('issued', [[null, 1, 999]], 2), made('issued', [['z', 1, 5]])], ['issued']);
    expect(taken.amount.toFixed(2)).toBe('100.00');
  });
});

describe('overTaken', () => {
  const source = { label: 'order O-1', amountExclTax: '1000', lines: [{ key: 'a', quantity: '10', label: 'Widget' }] };
  test('a line over its quantity is one error naming the line; within tolerance it passes', () => {
    const held = takenFrom(['a'], [made('delivered', [['a', 10.2, 1020]])], ['delivered']);
    expect(overTaken(source, held, 'delivered', 0).map((e) => e.message)).toEqual(['line 1 (Widget) of order O-1: 10.2 delivered, more than its quantity 10']);
    expect(overTaken(source, held, 'delivered', 2)).toEqual([]);
  });
  test('the whole amount is checked for unkeyed made documents', () => {
    const held = takenFrom(['a'], [made('delivered', [[null, 1, 1000.01]])], ['delivered']);
    expect(overTaken(source, held, 'delivered', 0).map((e) => e.message)).toEqual(['order O-1: 1000.01 delivered, more than its pre-tax amount 1000.00']);
  });
});

describe('splitLines', () => {
  const lines = [
    { key: 'a', quantity: '10', unitPrice: '100', label: 'A' },
    { key: 'b', quantity: '4', unitPrice: '250', label: 'B' },
  ];
  const free = new Map([['a', new Decimal(8)], ['b', new Decimal(4)]]);
  const copy = (l: any) => ({ label: l.label, unitPrice: l.unitPrice });
  test('by quantity: all that is free, or the chosen lines', () => {
    expect(splitLines(lines, free, { by: 'quantity' }, copy).lines.map((l) => [l.sourceKey, l.quantity])).toEqual([['a', '8.000'], ['b', '4.000']]);
    const chosen = splitLines(lines, free, { by: 'quantity', lines: [{ sourceKey: 'b', quantity: '1.5' }] }, copy);
    expect(chosen.lines).toEqual([{ label: 'B', unitPrice: '250', sourceKey: 'b', quantity: '1.500' }]);
    expect(splitLines(lines, free, { by: 'quantity', lines: [{ sourceKey: 'x', quantity: '1' }] }, copy).errors[0].path).toEqual(['lines', 0, 'sourceKey']);
  });
  test('by percentage: that share of each line, at most what is free', () => {
    expect(splitLines(lines, free, { by: 'percentage', percentage: '90' }, copy).lines.map((l) => l.quantity)).toEqual(['8.000', '3.600']);
    expect(splitLines(lines, free, { by: 'percentage', percentage: '0' }, copy).errors[0].path).toEqual(['percentage']);
  });
  test('by amount: spread over what is free, in proportion', () => {
    const split = splitLines(lines, free, { by: 'amount', amount: '900.00' }, copy);
    expect(split.lines.map((l) => l.quantity)).toEqual(['4.000', '2.000']);
    expect(splitLines(lines, free, { by: 'amount', amount: '1800.01' }, copy).errors[0].message).toMatch(/more than the 1800.00 left/);
  });
});

describe('derived figures and states', () => {
  test('quotation: partly ordered, ordered, back to signed, superseded by a revision', () => {
    expect(quotationDerived({ state: 'sent', amountExclTax: 100 }, new Decimal(40)).state).toBe('partiallyOrdered');
    expect(quotationDerived({ state: 'partiallyOrdered', amountExclTax: 100 }, new Decimal(100)).state).toBe('ordered');
    expect(quotationDerived({ state: 'ordered', amountExclTax: 100 }, new Decimal(0)).state).toBe('signed');
    expect(quotationDerived({ state: 'sent', amountExclTax: 100 }, new Decimal(0), true).state).toBe('superseded');
    expect(quotationDerived({ state: 'superseded', amountExclTax: 100 }, new Decimal(0), false).state).toBe('sent');
  });
  test('order: what is left counts; draft and cancelled orders keep their state', () => {
    const zero = new Decimal(0);
    expect(orderDerived({ state: 'confirmed', amountExclTax: 1000 }, { delivered: new Decimal(300), billingTables: new Decimal(200), invoiced: zero })).toEqual({
      deliveredAmountExclTax: '300.00', billingTablesAmountExclTax: '200.00', invoicedAmountExclTax: '0.00', remainingAmountExclTax: '500.00', state: 'partiallyDelivered',
    });
    expect(orderDerived({ state: 'partiallyDelivered', amountExclTax: 1000 }, { delivered: new Decimal(1020), billingTables: zero, invoiced: zero }).remainingAmountExclTax).toBe('0.00');
    expect(orderDerived({ state: 'delivered', amountExclTax: 1000 }, { delivered: new Decimal(1000), billingTables: zero, invoiced: new Decimal(1000) }).state).toBe('invoiced');
    expect(orderDerived({ state: 'cancelled', amountExclTax: 1000 }, { delivered: zero, billingTables: zero, invoiced: zero }).state).toBe('cancelled');
  });
  test('delivery, invoice and receipt', () => {
    expect(invoicedSourceDerived({ state: 'delivered', amountExclTax: 100 }, new Decimal(100), 'delivered').state).toBe('invoiced');
    expect(invoicedSourceDerived({ state: 'invoiced', amountExclTax: 100 }, new Decimal(0), 'delivered').state).toBe('delivered');
    expect(invoiceDerived({ state: 'issued', amountInclTax: 120, date: '2026-03-01' }, { amount: new Decimal(120), lastDate: '2026-02-01' }, new Decimal(0))).toEqual({
      amountPaid: '120.00', paidOn: '2026-03-01', creditedAmountExclTax: '0.00', state: 'paid',
    });
    expect(invoiceDerived({ state: 'paid', amountInclTax: 120 }, { amount: new Decimal(20), lastDate: '2026-02-01' }, new Decimal(0)).state).toBe('partiallyPaid');
    expect(receiptDerived({ state: 'allocated', amount: 50 }, new Decimal(0)).state).toBe('unallocated');
    expect(receiptDerived({ state: 'cancelled', amount: 50 }, new Decimal(50)).state).toBe('cancelled');
  });
});

describe('the management types registry', () => {
  test('every flow edge joins two declared types, and each source holds the field its made documents fill', () => {
    const uids = MANAGEMENT_TYPES.map((t) => t.uid);
    for (const edge of FLOW_EDGES) {
      expect(uids).toEqual(expect.arrayContaining([edge.from, edge.to]));
      expect(DERIVED[edge.from].fields).toContain(edge.takenField);
    }
    expect(edgesInto('api::invoice.invoice').map((e) => e.link)).toEqual(['deliveries', 'billingTables', 'creditedInvoice']);
    expect(edgesFrom('api::order.order').map((e) => e.to)).toEqual(['api::delivery.delivery', 'api::billing-table.billing-table']);
  });
  test('every item source derives what its billed items come to; purchases and expense reports are never counted', () => {
    for (const spec of BILLED_ONCE) expect(DERIVED[spec.from].fields).toContain(spec.takenField);
    expect(BILLED_ONCE.map((s) => [s.to, s.from, s.items])).toEqual([
      ['api::quotation.quotation', 'api::project.project', 'tasks'],
      ['api::quotation.quotation', 'api::project.project', 'billingSchedule'],
      ['api::delivery.delivery', 'api::expense-report.expense-report', 'lines'],
      ['api::delivery.delivery', 'api::training-opportunity.training-opportunity', 'trainingLines'],
      ['api::delivery.delivery', 'api::project.project', 'billingSchedule'],
      ['api::billing-table.billing-table', 'api::project.project', 'billingSchedule'],
    ]);
    // a project's schedule line is held once whether quoted or billed straight: one component, several ways
    expect(new Set(BILLED_ONCE.filter((s) => s.from === 'api::project.project').map((s) => s.link))).toEqual(new Set(['project']));
    for (const uid of [...PURCHASE_UIDS, 'api::expense-report.expense-report']) {
      expect(Object.keys(CREDIT_DOCUMENTS)).not.toContain(uid);
      expect(MANAGEMENT_TYPES.map((t) => t.uid)).not.toContain(uid);
    }
    expect(DOCUMENT_SHAPES['api::supplier-order.supplier-order']).toMatchObject({ pricedLines: 'lines' });
  });
  test('the credit mapping counts each source by what is left of it', () => {
    expect(CREDIT_DOCUMENTS['api::order.order']).toMatchObject({ amountField: 'remainingAmountExclTax' });
    expect(CREDIT_DOCUMENTS['api::delivery.delivery']).toMatchObject({ minus: 'invoicedAmountExclTax' });
    expect(CREDIT_DOCUMENTS['api::quotation.quotation']).toMatchObject({ minus: 'orderedAmountExclTax' });
    expect(Object.keys(CREDIT_DOCUMENTS)).not.toContain('api::maintenance-contract.maintenance-contract');
  });
});
