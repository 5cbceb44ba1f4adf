import { dashboardByCurrency, type DashboardSums } from '../../src/domain/dashboard-currencies';

// The dashboard never adds amounts of two currencies: each currency's charts and balance due come
// from its own documents, as the statement totals each currency apart.
const TODAY = '2026-06-15';
const family = { documentId: 'f1', code: 'F1', label: 'Hardware' };
const sums: DashboardSums = {
  projects: [
    { documentId: 'p1', code: 'P1', currency: 'EUR', yearlyFigures: [{ year: 2025, revenue: '1000.00', cost: '600.00' }] },
    { documentId: 'p2', code: 'P2', currency: 'USD', yearlyFigures: [{ year: 2025, revenue: '500.00', cost: '100.00' }] },
  ],
  owed: [
    { currency: 'EUR', dueOn: '2026-06-01', count: 1, remaining: '1200.00' },
    { currency: 'EUR', dueOn: '2026-06-01', count: 1, remaining: '120.00', creditNote: true },
    { currency: 'USD', dueOn: '2026-07-01', count: 2, remaining: '700.50' },
  ],
  unallocated: [
    { currency: 'EUR', amount: '300.00' },
    { currency: 'USD', amount: '0.00' },
    // a payment on account in a third currency, and nothing else in it
    { currency: 'GBP', amount: '40.00' },
    // a currency whose payments are all allocated: nothing to show
    { currency: 'CHF', amount: '0.00' },
  ],
  billed: [
    { currency: 'EUR', year: 2025, kind: 'invoice', family, subFamily: null, amountExclTax: '1000.00' },
    { currency: 'USD', year: 2025, kind: 'invoice', family, subFamily: null, amountExclTax: '583.75' },
  ],
};

it("keeps the customer's currency at the top level, from its own documents only", () => {
  const figures = dashboardByCurrency('EUR', sums, [], TODAY);
  expect(figures.currency).toBe('EUR');
  expect(figures.paymentTerms).toMatchObject({ invoices: '1200.00', creditNotes: '120.00', total: '1080.00', unallocatedPayments: '300.00', balanceDue: '780.00' });
  expect(figures.paymentTerms.bands.find((b) => b.band === 'overdue')).toEqual({ band: 'overdue', count: 2, amount: '1080.00' });
  expect(figures.profitability.years).toEqual([{ year: 2025, revenue: '1000.00', cost: '600.00', margin: '400.00', marginRate: '40.00' }]);
  expect(figures.billingByFamily.years).toEqual([{ year: 2025, total: '1000.00', groups: [{ key: 'f1', amount: '1000.00', share: '100.00' }] }]);
});

it('gives each other currency with something to show its own figures, by code', () => {
  const { otherCurrencies } = dashboardByCurrency('EUR', sums, [], TODAY);
  expect(otherCurrencies.map((f) => f.currency)).toEqual(['GBP', 'USD']);
  const [gbp, usd] = otherCurrencies;
  expect(gbp.paymentTerms).toMatchObject({ total: '0.00', unallocatedPayments: '40.00', balanceDue: '-40.00' });
  expect(usd.paymentTerms).toMatchObject({ invoices: '700.50', creditNotes: '0.00', total: '700.50', unallocatedPayments: '0.00', balanceDue: '700.50' });
  expect(usd.paymentTerms.bands.find((b) => b.band === 'dueIn0to30')).toEqual({ band: 'dueIn0to30', count: 2, amount: '700.50' });
  expect(usd.profitability.projects).toEqual([expect.objectContaining({ documentId: 'p2', revenue: '500.00', margin: '400.00' })]);
  expect(usd.billingByFamily.years[0].total).toBe('583.75');
});

it("shows the customer's currency even when all its documents are in another", () => {
  const figures = dashboardByCurrency('CHF', sums, [], TODAY);
  expect(figures.currency).toBe('CHF');
  expect(figures.paymentTerms.total).toBe('0.00');
  expect(figures.otherCurrencies.map((f) => f.currency)).toEqual(['EUR', 'GBP', 'USD']);
});
