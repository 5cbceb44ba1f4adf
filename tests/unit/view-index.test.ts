import { indexChanges, shownIn, type IndexRow } from '../../src/domain/view-index';

const row = (o: Partial<IndexRow>): IndexRow => ({ customerId: 1, section: 'sales', uid: 'api::invoice.invoice', rank: 3, docId: 10, sortDate: '2025-01-01', undated: 0, shown: 1, ...o });

describe('shownIn', () => {
  it.each([
    [{ states: [], keepNoState: false }, null, true],
    [{ states: ['won'], keepNoState: true }, null, true],
    [{ states: ['confirmed'], keepNoState: false }, null, false],
    [{ states: ['won'], keepNoState: true }, 'won', false],
    [{ states: ['won'], keepNoState: true }, 'open', true],
  ])('%j, state %s: %s', (leaveOut, state, shown) => expect(shownIn(leaveOut, state)).toBe(shown));
});

describe('indexChanges', () => {
  it('leaves a document whose rows are the same alone', () => {
    expect(indexChanges([row({}), row({ customerId: 2 })], [row({ customerId: 2 }), row({})])).toEqual({ docs: [], insert: [], counts: [] });
  });

  it('moves the counts of a document that changes customer, and rewrites its rows', () => {
    const changes = indexChanges([row({ customerId: 1 })], [row({ customerId: 2 })]);
    expect(changes.docs).toEqual([10]);
    expect(changes.insert).toEqual([row({ customerId: 2 })]);
    expect(changes.counts).toEqual([
      { customerId: 1, section: 'sales', uid: 'api::invoice.invoice', delta: -1 },
      { customerId: 2, section: 'sales', uid: 'api::invoice.invoice', delta: 1 },
    ]);
  });

  it('rewrites a date change without moving a count, and counts a signed document out', () => {
    expect(indexChanges([row({})], [row({ sortDate: '2025-02-01' })])).toMatchObject({ docs: [10], counts: [] });
    expect(indexChanges([row({})], [row({ shown: 0 })]).counts).toEqual([{ customerId: 1, section: 'sales', uid: 'api::invoice.invoice', delta: -1 }]);
  });

  it('counts new documents in, deleted ones out, in key order', () => {
    const changes = indexChanges([row({ docId: 5, customerId: 12 })], [row({ docId: 7, customerId: 3 }), row({ docId: 8, customerId: 3 })]);
    expect(changes.docs).toEqual([5, 7, 8]);
    expect(changes.counts).toEqual([
      { customerId: 3, section: 'sales', uid: 'api::invoice.invoice', delta: 2 },
      { customerId: 12, section: 'sales', uid: 'api::invoice.invoice', delta: -1 },
    ]);
  });
});
