import { translate } from '../../src/domain/messages';
import {
  accountingRule,
  checkAccountingConsistency,
  defaultGeneralAccount,
  expectedSubledgerAccount,
  planAccounting,
} from '../../src/domain/accounting';

const rule = { prefix: '411', length: 10 };
const codes = (facts: Parameters<typeof checkAccountingConsistency>[0], holders: string[] = []) =>
  checkAccountingConsistency(facts, rule, holders).issues.map((i) => i.code);

describe('accountingRule', () => {
  it('defaults to 411 and 10 when the company leaves them empty', () => {
    expect(accountingRule(null)).toEqual({ prefix: '411', length: 10 });
    expect(accountingRule({ subledgerAccountPrefix: '  ', subledgerAccountLength: null })).toEqual({ prefix: '411', length: 10 });
  });
  it('takes the company values', () => {
    expect(accountingRule({ subledgerAccountPrefix: '4110', subledgerAccountLength: 8 })).toEqual({ prefix: '4110', length: 8 });
  });
});

describe('expectedSubledgerAccount', () => {
  it.each([
    ['C000012', '411C000012'],
    ['c-12', '4110000C12'],
    ['AB 7', '4110000AB7'],
    ['1234567', '4111234567'],
  ])('code %s → %s', (code, account) => {
    expect(expectedSubledgerAccount(rule, code)).toEqual({ ok: true, account });
  });

  it('follows the prefix and length of the rule', () => {
    expect(expectedSubledgerAccount({ prefix: '41', length: 6 }, 'x9')).toEqual({ ok: true, account: '4100X9' });
  });

  it('refuses a code too long for the rule, saying so', () => {
    const result = expectedSubledgerAccount(rule, 'C00000123');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe("customer code C00000123 is too long for a subledger account: prefix 411 + 9 characters exceed the company's account length of 10");
  });

  it('refuses a code without letters or digits', () => {
    const result = expectedSubledgerAccount(rule, '--');
    expect(result).toEqual({
      ok: false,
      reason: 'customer code "--" has no letter or digit to build a subledger account from',
      said: expect.objectContaining({ code: 'accountCodeWithoutCharacters', params: { code: '--' } }),
    });
    expect(expectedSubledgerAccount(rule, null).ok).toBe(false);
  });
});

describe('defaultGeneralAccount', () => {
  it('right-pads the prefix with 0 to 6 characters', () => {
    expect(defaultGeneralAccount(rule)).toBe('411000');
    expect(defaultGeneralAccount({ prefix: '4117', length: 10 })).toBe('411700');
    expect(defaultGeneralAccount({ prefix: '4111234', length: 12 })).toBe('4111234');
  });
});

describe('checkAccountingConsistency', () => {
  it('a booked customer with the expected account and general account is consistent', () => {
    expect(checkAccountingConsistency({ kind: 'customer', code: 'C12', subledgerAccount: '4110000C12', generalAccount: '411000' }, rule)).toEqual({
      consistent: true,
      expected: '4110000C12',
      issues: [],
    });
  });

  it('reports a missing account of a booked customer, with the expected one', () => {
    const result = checkAccountingConsistency({ kind: 'customer', code: 'C12' }, rule);
    expect(result.consistent).toBe(false);
    expect(result.issues).toEqual([{ field: 'subledgerAccount', code: 'missingAccount', message: 'the customer has no subledger account (expected 4110000C12)' }]);
  });

  it('a prospect or a not-booked customer without account is consistent', () => {
    expect(codes({ kind: 'prospect', code: 'P1' })).toEqual([]);
    expect(codes({ kind: 'customer', code: 'C1', notBooked: true })).toEqual([]);
  });

  it('reports a wrong prefix, a wrong length and a code mismatch, each in words', () => {
    const result = checkAccountingConsistency({ kind: 'customer', code: 'C12', subledgerAccount: '401C12' }, rule);
    expect(result.issues.map((i) => i.message)).toEqual([
      "subledger account 401C12 does not start with the company's prefix 411",
      "subledger account 401C12 has 6 characters, the company's rule requires 10",
      'subledger account 401C12 does not match customer code C12 (expected 4110000C12)',
    ]);
  });

  it('reports an account of the right shape that belongs to another code', () => {
    expect(codes({ kind: 'customer', code: 'C12', subledgerAccount: '4110000C13' })).toEqual(['codeMismatch']);
  });

  it('names the other customers holding the same account', () => {
    const result = checkAccountingConsistency({ kind: 'customer', code: 'C12', subledgerAccount: '4110000C12' }, rule, ['C13 Beta SA']);
    expect(result.issues).toEqual([{ field: 'subledgerAccount', code: 'usedByAnother', message: 'subledger account 4110000C12 is also used by C13 Beta SA' }]);
  });

  it('reports a not-booked customer that has an account', () => {
    expect(codes({ kind: 'customer', code: 'C12', notBooked: true, subledgerAccount: '4110000C12' })).toEqual(['notBookedWithAccount']);
  });

  it('reports a general account outside the prefix', () => {
    const result = checkAccountingConsistency({ kind: 'customer', code: 'C12', subledgerAccount: '4110000C12', generalAccount: '401000' }, rule);
    expect(result.issues).toEqual([{ field: 'generalAccount', code: 'generalAccountOutsidePrefix', message: 'general account 401000 is not under the prefix 411' }]);
  });

  it('reports a code too long to build the account', () => {
    const result = checkAccountingConsistency({ kind: 'customer', code: 'C0000000123' }, rule);
    expect(result.expected).toBeNull();
    expect(result.issues.map((i) => i.code)).toEqual(['missingAccount', 'cannotBuild']);
    expect(result.issues[1].field).toBe('code');
    expect(result.issues[1].message).toMatch(/too long/);
  });
});

describe('planAccounting', () => {
  const customer = { kind: 'customer', code: 'C000012', label: 'C000012 Client SA' };
  it('sets, replaces or leaves the account built from the code, and fills an empty general account', () => {
    expect(planAccounting(customer, rule)).toEqual({ ok: true, change: 'set', current: null, account: '411C000012', generalAccount: '411000' });
    expect(planAccounting({ ...customer, subledgerAccount: ' 4110000099 ', generalAccount: '411100' }, rule)).toEqual({
      ok: true, change: 'replace', current: '4110000099', account: '411C000012', generalAccount: null,
    });
    expect(planAccounting({ ...customer, subledgerAccount: '411C000012', generalAccount: '411000' }, rule)).toMatchObject({ ok: true, change: 'none', generalAccount: null });
    // a wider rule books a manual code as it is: DUR-00001 → 411DUR00001
    expect(planAccounting({ ...customer, code: 'DUR-00001' }, { prefix: '411', length: 11 })).toMatchObject({ ok: true, account: '411DUR00001' });
  });
  it('says why it cannot, on the field to fix', () => {
    expect(planAccounting({ ...customer, kind: 'prospect' }, rule)).toMatchObject({ ok: false, field: 'kind' });
    expect(planAccounting({ ...customer, notBooked: true }, rule)).toMatchObject({ ok: false, field: 'notBooked' });
    // coded: the reader's language, not the English reason
    const prospect = planAccounting({ ...customer, kind: 'prospect' }, rule);
    expect(!prospect.ok && translate(prospect.said, 'fr')).toBe('C000012 Client SA est un prospect : transformez-le en client avant de le gérer en comptabilité');
    expect(planAccounting({ ...customer, code: 'DUR-00001' }, rule)).toMatchObject({
      ok: false, field: 'code', said: { code: 'accountCodeTooLong' }, reason: "customer code DUR00001 is too long for a subledger account: prefix 411 + 8 characters exceed the company's account length of 10",
    });
    expect(planAccounting(customer, rule, ['C000013 Autre SARL'])).toMatchObject({
      ok: false, field: 'subledgerAccount', said: { code: 'subledgerAccountUsedBy' }, reason: 'subledger account 411C000012 is already used by C000013 Autre SARL', holders: ['C000013 Autre SARL'],
    });
  });
});
