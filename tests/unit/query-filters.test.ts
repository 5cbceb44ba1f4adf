import { checkFilters, isValidDateValue } from '../../src/security/query-filters';

// The filter checks of src/middlewares/input-guard.ts, on a small fake model.
const models: Record<string, any> = {
  'api::invoice.invoice': { attributes: { date: { type: 'date' }, number: { type: 'string' }, customer: { type: 'relation', target: 'api::customer.customer' } } },
  'api::customer.customer': { attributes: { since: { type: 'datetime' }, opensAt: { type: 'time' } } },
};
const strapi = { getModel: (uid: string) => models[uid] } as any;
const check = (filters: unknown) => checkFilters(strapi, 'api::invoice.invoice', filters, ['filters']).map((p) => `${p.path.join('.')}: ${p.message}`);

describe('isValidDateValue', () => {
  it.each([
    ['date', '2026-02-28', true],
    ['date', '2024-02-29', true],
    ['date', '2026-02-30', false],
    ['date', '2026-13-01', false],
    ['date', 'not-a-date', false],
    ['date', '2026-02-28T10:00:00Z', true],
    ['datetime', '2026-01-01T25:61:00Z', false],
    ['datetime', '2026-01-01T10:00:00.000Z', true],
    ['time', '23:59:59.999', true],
    ['time', '25:00', false],
    ['date', 20260228, false],
    ['date', '', false],
  ] as const)('%s %p → %p', (type, value, expected) => {
    expect(isValidDateValue(type, value)).toBe(expected);
  });
});

describe('checkFilters', () => {
  it('accepts well-formed filters, unknown fields included (Strapi refuses those itself)', () => {
    expect(check({ $or: [{ number: 'A' }, { date: { $gte: '2026-01-01' } }], unknown: { $eq: 1 } })).toEqual([]);
    expect(check({ customer: { since: { $between: ['2026-01-01', '2026-02-01'] }, $null: false } })).toEqual([]);
  });

  it('names logical operators that are not lists and impossible dates, through relations', () => {
    expect(check({ $or: 'x' })).toEqual(['filters.$or: filters.$or must be a list of conditions']);
    expect(check({ date: { $gt: '2026-02-30' } })).toEqual(['filters.date.$gt: filters.date.$gt: "2026-02-30" is not a valid date']);
    expect(check({ customer: { since: { $between: ['x'] } } })).toEqual(['filters.customer.since.$between: filters.customer.since.$between needs two dates']);
    expect(check({ createdAt: { $in: ['2026-01-01', 'soon'] } })).toEqual(['filters.createdAt.$in.1: filters.createdAt.$in.1: "soon" is not a valid datetime']);
    expect(check('x')).toEqual(['filters: filters must be an object of conditions']);
  });
});
