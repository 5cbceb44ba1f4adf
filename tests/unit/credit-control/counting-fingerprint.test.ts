import { countingFingerprint, type Mapping } from '../../../src/plugins/credit-control/server/src/core';

const doc = (over: Record<string, unknown> = {}) => ({
  uid: 'api::invoice.invoice', gate: 'invoices', partyFields: ['customer'], bucket: 'invoices', amountField: 'amount', currencyField: 'currency',
  sign: 1, minus: [], gatedActions: ['create', 'update', 'delete'], labelField: 'number', open: { field: 'state', in: ['issued'] }, ...over,
});
const mapping = (over: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
  ({ party: { uid: 'api::customer.customer' }, currency: { default: 'EUR' }, documents: { 'api::invoice.invoice': doc(over), ...extra } }) as unknown as Mapping;
const noDraft = () => false;

// What decides a contribution changes the fingerprint (the engine then reconciles at boot); labels and gates do not.
test.each([
  ['the open predicate', { open: { field: 'state', in: ['issued', 'partiallyPaid'] } }],
  ['a minus field', { minus: ['paid'] }],
  ['the amount field', { amountField: 'remaining' }],
  ['the unpaid share', { unpaidShare: { paidField: 'paid', totalField: 'total' } }],
])('%s changes it', (_name, over) => {
  expect(countingFingerprint(mapping(over), noDraft)).not.toBe(countingFingerprint(mapping(), noDraft));
});

test('a new counted type or draft & publish changes it; a label, a gate or a gated-only type does not', () => {
  const base = countingFingerprint(mapping(), noDraft);
  expect(countingFingerprint(mapping({}, { 'api::receipt.receipt': doc({ uid: 'api::receipt.receipt', bucket: 'receipts', sign: -1 }) }), noDraft)).not.toBe(base);
  expect(countingFingerprint(mapping(), () => true)).not.toBe(base);
  expect(countingFingerprint(mapping({ labelField: 'code', gate: 'other' }), noDraft)).toBe(base);
  expect(countingFingerprint(mapping({}, { 'api::issue.issue': doc({ uid: 'api::issue.issue', bucket: undefined }) }), noDraft)).toBe(base);
});
