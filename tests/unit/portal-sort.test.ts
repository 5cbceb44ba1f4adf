import { sortPaths } from '../../src/security/portal-sort';

describe('the field paths a sort names', () => {
  it('reads strings, comma lists, arrays and nested objects', () => {
    expect(sortPaths('number:desc')).toEqual([['number']]);
    expect(sortPaths('number, customer.callName:asc')).toEqual([['number'], ['customer', 'callName']]);
    expect(sortPaths(['date:asc', 'customer.contacts.lastName'])).toEqual([['date'], ['customer', 'contacts', 'lastName']]);
    expect(sortPaths({ customer: { callName: 'desc' }, number: 'asc' })).toEqual([['customer', 'callName'], ['number']]);
    expect(sortPaths([{ customer: { sites: { name: 'asc' } } }])).toEqual([['customer', 'sites', 'name']]);
  });

  it('names nothing when there is no sort', () => {
    expect(sortPaths(undefined)).toEqual([]);
    expect(sortPaths(null)).toEqual([]);
    expect(sortPaths('')).toEqual([]);
  });
});
