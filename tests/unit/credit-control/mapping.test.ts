import { checkMapping, matches, type DescribeModel, type FieldPredicate } from '../../../src/plugins/credit-control/server/src/core';

const CUSTOMER = 'api::customer.customer';
const CURRENCY = 'api::currency.currency';
const INVOICE = 'api::invoice.invoice';
const RECEIPT = 'api::receipt.receipt';
const ISSUE = 'api::helpdesk-issue.helpdesk-issue';
const CONTRACT = 'api::maintenance-contract.maintenance-contract';

const rel = (target: string) => ({ type: 'relation', relation: 'manyToOne', target });
const decimal = { type: 'decimal' };
const MODELS: Record<string, ReturnType<DescribeModel>> = {
  [CUSTOMER]: { name: { type: 'string' } },
  [CURRENCY]: { code: { type: 'string' } },
  [CONTRACT]: { customer: rel(CUSTOMER) },
  'api::affiliation-link.affiliation-link': { member: rel(CUSTOMER), parent: rel(CUSTOMER), kind: { type: 'enumeration' } },
  [INVOICE]: {
    number: { type: 'string' },
    customer: rel(CUSTOMER),
    customerToBill: rel(CUSTOMER),
    company: rel('api::company.company'),
    contract: rel(CONTRACT),
    currency: rel(CURRENCY),
    kind: { type: 'enumeration', enum: ['invoice', 'creditNote'] },
    status: { type: 'enumeration', enum: ['draft', 'issued', 'partiallyPaid', 'paid', 'cancelled'] },
    amountExclTax: decimal,
    amountInclTax: decimal,
    amountPaid: decimal,
  },
  [RECEIPT]: { customer: rel(CUSTOMER), currency: rel(CURRENCY), amount: decimal, allocatedAmount: decimal, status: { type: 'enumeration' } },
  [ISSUE]: { customer: rel(CUSTOMER), contract: rel(CONTRACT), channel: { type: 'enumeration' } },
};
const describeModel: DescribeModel = (uid) => MODELS[uid];

const invoiceDoc = (over: Record<string, unknown> = {}) => ({
  gate: 'invoices',
  partyField: 'customer',
  bucket: 'invoices',
  amountField: 'amountExclTax',
  currencyField: 'currency',
  ...over,
});
const raw = (documents: Record<string, unknown>, over: Record<string, unknown> = {}) => ({
  party: { uid: CUSTOMER, labelField: 'name' },
  currency: { default: 'eur', uid: CURRENCY, codeField: 'code' },
  documents,
  ...over,
});

describe('checkMapping: a valid mapping', () => {
  const config = raw(
    {
      [INVOICE]: invoiceDoc({
        partyField: ['customerToBill', 'customer'],
        unpaidShare: { paidField: 'amountPaid', totalField: 'amountInclTax' },
        open: { field: 'status', notIn: ['paid', 'cancelled'] },
        negativeWhen: { field: 'kind', in: ['creditNote'] },
        labelField: 'number',
      }),
      [RECEIPT]: { partyField: 'customer', bucket: 'receipts', amountField: 'amount', sign: -1, minus: 'allocatedAmount' },
      [ISSUE]: { gate: 'maintenanceContracts', partyField: 'customer', gatedActions: ['create'] },
    },
    {
      callTaking: {
        uid: ISSUE,
        partyField: 'customer',
        contractField: 'contract',
        channelField: 'channel',
        invoices: { uid: INVOICE, partyField: 'customer', contractField: 'contract', unpaid: { field: 'status', notIn: ['paid', 'cancelled'] } },
      },
      groups: { uid: 'api::affiliation-link.affiliation-link', memberField: 'member', parentField: 'parent', where: { field: 'kind', in: ['group'] } },
    },
  );
  const { mapping, problems } = checkMapping(config, describeModel);

  it('has no problem', () => expect(problems).toEqual([]));

  it('normalises the party and the currency (upper case)', () => {
    expect(mapping.party).toEqual({ uid: CUSTOMER, labelField: 'name' });
    expect(mapping.currency).toEqual({ default: 'EUR', uid: CURRENCY, codeField: 'code' });
  });

  it.each<[string, string, unknown]>([
    ['partyField string → partyFields array', RECEIPT, { partyFields: ['customer'] }],
    ['partyField array keeps its order', INVOICE, { partyFields: ['customerToBill', 'customer'] }],
    ['default sign is 1', INVOICE, { sign: 1 }],
    ['sign -1 kept', RECEIPT, { sign: -1 }],
    ['minus string → array', RECEIPT, { minus: ['allocatedAmount'] }],
    ['no minus → empty array', INVOICE, { minus: [] }],
    ['default gatedActions are create, update, delete', INVOICE, { gatedActions: ['create', 'update', 'delete'] }],
    ['no gate: counted, never gated', RECEIPT, { gate: '', gatedActions: [], bucket: 'receipts' }],
    ['gatedActions kept', ISSUE, { gatedActions: ['create'], gate: 'maintenanceContracts', bucket: undefined }],
    ['predicates kept', INVOICE, { open: { field: 'status', in: undefined, notIn: ['paid', 'cancelled'] }, negativeWhen: { field: 'kind', in: ['creditNote'], notIn: undefined } }],
    ['unpaidShare kept', INVOICE, { unpaidShare: { paidField: 'amountPaid', totalField: 'amountInclTax' }, labelField: 'number' }],
  ])('%s', (_label, uid, expected) => {
    expect(mapping.documents[uid]).toMatchObject(expected as object);
    expect(mapping.documents[uid].uid).toBe(uid);
  });

  it('keeps call taking and groups', () => {
    expect(mapping.callTaking).toMatchObject({ uid: ISSUE, partyField: 'customer', invoices: { uid: INVOICE, unpaid: { field: 'status', notIn: ['paid', 'cancelled'] } } });
    expect(mapping.groups).toMatchObject({ memberField: 'member', parentField: 'parent', where: { field: 'kind', in: ['group'] } });
  });

  it("excludes credit notes from call taking's unpaid invoices: the invoice mapping's negativeWhen by default", () => {
    expect(mapping.callTaking!.invoices.excludeWhen).toEqual({ field: 'kind', in: ['creditNote'] });
  });

  it('takes an explicit callTaking.invoices.excludeWhen over negativeWhen, and none when the invoice type is not mapped', () => {
    const callTaking = (invoices: Record<string, unknown>) => ({
      callTaking: { uid: ISSUE, partyField: 'customer', invoices: { uid: INVOICE, partyField: 'customer', unpaid: { field: 'status', in: ['issued'] }, ...invoices } },
    });
    const explicit = checkMapping(raw({ [INVOICE]: invoiceDoc({ negativeWhen: { field: 'kind', in: ['creditNote'] } }) }, callTaking({ excludeWhen: { field: 'status', in: ['draft'] } })), describeModel);
    expect(explicit.problems).toEqual([]);
    expect(explicit.mapping.callTaking!.invoices.excludeWhen).toEqual({ field: 'status', in: ['draft'] });
    const unmapped = checkMapping(raw({}, callTaking({})), describeModel);
    expect(unmapped.problems).toEqual([]);
    expect(unmapped.mapping.callTaking!.invoices.excludeWhen).toBeUndefined();
  });

  it('defaults the currency to EUR with codeField "code"', () => {
    const { mapping: bare, problems: none } = checkMapping({ party: { uid: CUSTOMER }, documents: {} }, describeModel);
    expect(none).toEqual([]);
    expect(bare.currency).toEqual({ default: 'EUR', uid: undefined, codeField: 'code' });
  });
});

describe('checkMapping: each problem names the uid and the field', () => {
  const doc = `documents["${INVOICE}"]`;
  it.each<[string, unknown, string[]]>([
    ['an unknown document uid', raw({ 'api::nope.nope': invoiceDoc() }), ['documents["api::nope.nope"]: "api::nope.nope" is not a content type of this app']],
    ['a missing amount field', raw({ [INVOICE]: invoiceDoc({ amountField: 'amountHT' }) }), [`${doc}.amountField: "${INVOICE}" has no field "amountHT"`]],
    ['a missing party field', raw({ [INVOICE]: invoiceDoc({ partyField: 'client' }) }), [`${doc}.partyField: "${INVOICE}" has no field "client"`]],
    ['a non-numeric amount field', raw({ [INVOICE]: invoiceDoc({ amountField: 'number' }) }), [`${doc}.amountField: "${INVOICE}.number" is a string field, not a number`]],
    ['a non-numeric minus field', raw({ [INVOICE]: invoiceDoc({ minus: ['status'] }) }), [`${doc}.minus: "${INVOICE}.status" is a enumeration field, not a number`]],
    [
      'a party relation to the wrong target',
      raw({ [INVOICE]: invoiceDoc({ partyField: 'company' }) }),
      [`${doc}.partyField: "${INVOICE}.company" points to "api::company.company", not to "${CUSTOMER}"`],
    ],
    ['a party field that is not a relation', raw({ [INVOICE]: invoiceDoc({ partyField: 'number' }) }), [`${doc}.partyField: "${INVOICE}.number" is a string field, not a relation`]],
    ['a bucket without amountField', raw({ [INVOICE]: invoiceDoc({ amountField: undefined }) }), [`${doc}: a bucket needs an amountField`]],
    ['a missing partyField', raw({ [INVOICE]: invoiceDoc({ partyField: undefined }) }), [`${doc}.partyField is missing`]],
    ['a bad sign', raw({ [INVOICE]: invoiceDoc({ sign: 2 }) }), [`${doc}.sign must be 1 or -1`]],
    ['a currency field that is not a relation', raw({ [INVOICE]: invoiceDoc({ currencyField: 'number' }) }), [`${doc}.currencyField: "${INVOICE}.number" is a string field, not a relation`]],
    [
      'without a currency type, a currency field that cannot hold a code',
      raw({ [INVOICE]: invoiceDoc({ currencyField: 'amountPaid' }) }, { currency: { default: 'EUR' } }),
      [`${doc}.currencyField: "${INVOICE}.amountPaid" is a decimal field, not a text field holding a currency code`],
    ],
    ['without a currency type, a text currency field', raw({ [INVOICE]: invoiceDoc({ currencyField: 'number' }) }, { currency: { default: 'EUR' } }), []],
    [
      'an unpaidShare field that does not exist',
      raw({ [INVOICE]: invoiceDoc({ unpaidShare: { paidField: 'paid', totalField: 'amountInclTax' } }) }),
      [`${doc}.unpaidShare.paidField: "${INVOICE}" has no field "paid"`],
    ],
    [
      'a malformed predicate',
      raw({ [INVOICE]: invoiceDoc({ open: { field: 'status' } }) }),
      [`${doc}.open: expected { field, in: [...] } or { field, notIn: [...] }`],
    ],
    ['a predicate on a missing field', raw({ [INVOICE]: invoiceDoc({ open: { field: 'state', notIn: ['paid'] } }) }), [`${doc}.open: "${INVOICE}" has no field "state"`]],
    ['a missing party uid', raw({}, { party: {} }), ['party.uid is missing: name the content type that holds credit policies']],
    [
      'an unknown party uid',
      raw({ [INVOICE]: invoiceDoc() }, { party: { uid: 'api::client.client' } }),
      ['party.uid "api::client.client" is not a content type of this app', `${doc}.partyField: "${INVOICE}.customer" points to "${CUSTOMER}", not to "api::client.client"`],
    ],
    ['a party label field that does not exist', raw({}, { party: { uid: CUSTOMER, labelField: 'callName' } }), [`party.labelField: "${CUSTOMER}" has no field "callName"`]],
    ['a party code field that does not exist', raw({}, { party: { uid: CUSTOMER, labelField: 'name', codeField: 'code' } }), [`party.codeField: "${CUSTOMER}" has no field "code"`]],
    ['an unknown currency uid', raw({}, { currency: { uid: 'api::devise.devise' } }), ['currency.uid "api::devise.devise" is not a content type of this app']],
    ['a missing currency code field', raw({}, { currency: { uid: CURRENCY, codeField: 'iso' } }), [`currency.codeField: "${CURRENCY}" has no field "iso"`]],
    [
      'an unknown call-taking uid',
      raw({}, { callTaking: { uid: 'api::ticket.ticket', partyField: 'customer', invoices: { uid: INVOICE, partyField: 'customer' } } }),
      ['callTaking: "api::ticket.ticket" is not a content type of this app'],
    ],
    [
      'a call-taking invoice party to the wrong target',
      raw({}, { callTaking: { uid: ISSUE, partyField: 'customer', invoices: { uid: INVOICE, partyField: 'company' } } }),
      [`callTaking.invoices.partyField: "${INVOICE}.company" points to "api::company.company", not to "${CUSTOMER}"`],
    ],
    [
      'a call-taking excludeWhen on a missing field',
      raw({}, { callTaking: { uid: ISSUE, partyField: 'customer', invoices: { uid: INVOICE, partyField: 'customer', excludeWhen: { field: 'type', in: ['credit'] } } } }),
      [`callTaking.invoices.excludeWhen: "${INVOICE}" has no field "type"`],
    ],
    [
      'a call-taking excludeWhen that is not a predicate',
      raw({}, { callTaking: { uid: ISSUE, partyField: 'customer', invoices: { uid: INVOICE, partyField: 'customer', excludeWhen: 'creditNote' } } }),
      ['callTaking.invoices.excludeWhen: expected { field, in: [...] } or { field, notIn: [...] }'],
    ],
    [
      'a group field that does not exist',
      raw({}, { groups: { uid: 'api::affiliation-link.affiliation-link', memberField: 'child', parentField: 'parent' } }),
      ['groups.memberField: "api::affiliation-link.affiliation-link" has no field "child"'],
    ],
  ])('%s', (_label, config, expected) => {
    expect(checkMapping(config, describeModel).problems).toEqual(expected);
  });

  it('lists every problem at once', () => {
    const config = raw({ [INVOICE]: invoiceDoc({ amountField: 'number', partyField: 'company', sign: 0 }), 'api::nope.nope': {} });
    expect(checkMapping(config, describeModel).problems).toHaveLength(4);
  });
});

describe('matches', () => {
  it.each<[string, FieldPredicate | undefined, Record<string, unknown>, boolean]>([
    ['no predicate holds', undefined, { status: 'paid' }, true],
    ['in: listed', { field: 'kind', in: ['creditNote'] }, { kind: 'creditNote' }, true],
    ['in: not listed', { field: 'kind', in: ['creditNote'] }, { kind: 'invoice' }, false],
    ['in: missing value', { field: 'kind', in: ['creditNote'] }, {}, false],
    ['notIn: listed', { field: 'status', notIn: ['paid', 'cancelled'] }, { status: 'paid' }, false],
    ['notIn: not listed', { field: 'status', notIn: ['paid', 'cancelled'] }, { status: 'issued' }, true],
    ['notIn: missing value', { field: 'status', notIn: ['paid'] }, {}, true],
    ['booleans', { field: 'closed', in: [false] }, { closed: false }, true],
  ])('%s → %s', (_label, predicate, row, expected) => {
    expect(matches(predicate, row)).toBe(expected);
  });
});
