import { amountForInput, parseAmountInput } from '../../../src/plugins/credit-control/admin/src/utils/amount-input';

describe('an amount as a clerk types it', () => {
  it.each([
    ['7 000,50', 'fr', '7000.50'],
    ['7\u202f000,50', 'fr', '7000.50'],
    ['7\u00a0000,5', 'fr', '7000.5'],
    ['7.000,50', 'fr', '7000.50'],
    ['7000,50', 'fr', '7000.50'],
    ['7000.50', 'fr', '7000.50'],
    ['1 234 567', 'fr', '1234567'],
    ['7,000.50', 'en', '7000.50'],
    ['7000.50', 'en', '7000.50'],
    ['7 000.50', 'en', '7000.50'],
    ['0', 'en', '0'],
  ])('%j in %s is %s', (typed, locale, value) => expect(parseAmountInput(typed, locale)).toBe(value));

  it.each([
    ['7,000.50', 'fr'],
    ['7 000,50', 'en'],
    ['7.00.0', 'fr'],
    ['12,34,56', 'fr'],
    ['abc', 'fr'],
    ['', 'en'],
    ['7.0000,5', 'fr'],
  ])('%j in %s is not an amount', (typed, locale) => expect(parseAmountInput(typed, locale)).toBeNull());

  it('shows a stored amount back with the decimal mark of the language', () => {
    expect(amountForInput('7000.50', 'fr')).toBe('7000,50');
    expect(amountForInput('7000.50', 'en')).toBe('7000.50');
  });
});
