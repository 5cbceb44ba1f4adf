import { checkReportsMapping } from '../../../src/plugins/credit-control/server/src/core/reports/mapping';

const INV = 'api::invoice.invoice';
const models: Record<string, Record<string, any>> = {
  'api::customer.customer': { code: { type: 'string' }, name: { type: 'string' } },
  'api::company.company': { name: { type: 'string' } },
  [INV]: {
    customer: { type: 'relation', target: 'api::customer.customer' },
    number: { type: 'string' },
    date: { type: 'date' },
    dueDate: { type: 'date' },
    total: { type: 'decimal' },
    paid: { type: 'decimal' },
    paidOn: { type: 'date' },
    status: { type: 'string' },
  },
  'api::payment.payment': {
    customer: { type: 'relation', target: 'api::customer.customer' },
    number: { type: 'string' },
    date: { type: 'date' },
    amount: { type: 'decimal' },
  },
};
const raw = (paidOnField?: string) => ({
  party: { codeField: 'code', nameField: 'name' },
  company: { uid: 'api::company.company', nameField: 'name' },
  invoices: {
    uid: INV,
    partyField: 'customer',
    numberField: 'number',
    dateField: 'date',
    dueDateField: 'dueDate',
    totalField: 'total',
    paidField: 'paid',
    ...(paidOnField === undefined ? {} : { paidOnField }),
    open: { field: 'status', in: ['open'] },
  },
  payments: { uid: 'api::payment.payment', partyField: 'customer', numberField: 'number', dateField: 'date', amountField: 'amount' },
});

describe('reports.invoices.paidOnField (payment behaviour)', () => {
  it.each<[string, string | undefined, string | undefined, string[]]>([
    ['absent: feature off, no problem', undefined, undefined, []],
    ['a date field', 'paidOn', 'paidOn', []],
    ['unknown field', 'settledOn', 'settledOn', ['reports.invoices.paidOnField: "api::invoice.invoice" has no field "settledOn"']],
    ['not a date', 'total', 'total', ['reports.invoices.paidOnField: "api::invoice.invoice.total" is a decimal field, not a date']],
  ])('%s', (_name, given, expected, problems) => {
    const out = checkReportsMapping(raw(given), 'api::customer.customer', (uid) => models[uid]);
    expect(out.problems).toEqual(problems);
    expect(out.reports?.invoices.paidOnField).toBe(expected);
  });
});
