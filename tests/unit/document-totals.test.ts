import { completeHeaderTotals, headerTotalsOnUpdate } from '../../src/domain/document-totals';

// An update of a document without lines derives what a create derives (input-shapes API test).
const update = (sent: Record<string, unknown>, stored: Record<string, unknown>) => completeHeaderTotals(headerTotalsOnUpdate(sent, stored));

describe('header totals of an update without lines', () => {
  const stored = { amountExclTax: 100, taxAmount: 20, amountInclTax: 120 };

  it.each([
    ['only the pre-tax amount: the tax keeps its ratio', { amountExclTax: '250.00' }, ['250.00', '50.00', '300.00']],
    ['a ratio that does not divide evenly is rounded to the cent', { amountExclTax: '33.33' }, ['33.33', '6.67', '40.00']],
    ['only the tax: the total follows', { taxAmount: '5.50' }, ['100.00', '5.50', '105.50']],
    ['only the total: the tax follows', { amountInclTax: '110.00' }, ['100.00', '10.00', '110.00']],
    ['pre-tax and tax: the total follows', { amountExclTax: '10.00', taxAmount: '1.00' }, ['10.00', '1.00', '11.00']],
  ])('%s', (_label, sent, expected) => {
    const { totals, errors } = update(sent, stored);
    expect(errors).toEqual([]);
    expect([totals.amountExclTax, totals.taxAmount, totals.amountInclTax]).toEqual(expected);
  });

  it('reads stored SQLite floats exactly (0.1 + 0.2 noise is rounded to the cent)', () => {
    const { totals } = update({ amountExclTax: '200.00' }, { amountExclTax: 0.1 + 99.9, taxAmount: 0.1 + 0.2, amountInclTax: 100.3 });
    expect(totals).toEqual({ amountExclTax: '200.00', taxAmount: '0.60', amountInclTax: '200.60' });
  });

  it('a document stored at zero keeps its stored tax', () => {
    const { totals } = update({ amountExclTax: '80.00' }, { amountExclTax: 0, taxAmount: 0, amountInclTax: 0 });
    expect(totals).toEqual({ amountExclTax: '80.00', taxAmount: '0.00', amountInclTax: '80.00' });
  });

  it('amounts that disagree are refused on amountInclTax', () => {
    const { errors } = update({ amountExclTax: '100.00', taxAmount: '20.00', amountInclTax: '999.00' }, stored);
    expect(errors.map((e) => e.path)).toEqual([['amountInclTax']]);
  });
});
