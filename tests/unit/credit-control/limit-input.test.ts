import { checkDefaultPolicyBy, insuranceInput, keyValueOf, parseDefaultParty, defaultPolicyParty, temporaryLimitInput, translate } from '../../../src/plugins/credit-control/server/src/core';

// The bodies of the limit routes and the default-policy mapping, checked (pure): every problem on its field.
const KNOWN = ['EUR', 'USD'];
const paths = (checked: { problems: { path: string[]; code: string }[] }) => checked.problems.map((p) => `${p.path.join('.')}:${p.code}`);

describe('temporaryLimitInput', () => {
  it('accepts a raise for whole days, in the policy currency by default', () => {
    const checked = temporaryLimitInput({ data: { amount: '15000.50', from: '2026-03-01', to: '2026-03-31', reason: ' season ' } }, 'EUR', KNOWN);
    expect(checked.value).toEqual({ amountMinor: 1_500_050n, currency: 'EUR', from: '2026-03-01', to: '2026-03-31', reason: 'season' });
  });
  it.each([
    [{ amount: '-5', from: '2026-03-01', to: '2026-03-31' }, ['amount:limitAmountFormat']],
    [{ amount: '0', from: '2026-03-01', to: '2026-03-31' }, ['amount:limitAmountFormat']],
    [{ amount: '12,5', from: '2026-03-01', to: '2026-03-31' }, ['amount:limitAmountFormat']],
    [{ amount: '100', from: '2026-03-31', to: '2026-03-01' }, ['to:notBefore']],
    [{ amount: '100', from: '2026-02-30', to: '31/03/2026' }, ['from:isoDay', 'to:isoDay']],
    [{ amount: '100', from: '2026-13-01', to: '2026-03-31' }, ['from:isoDay']],
    [{ amount: '100', from: '2026-03-01', to: '2026-03-31', currency: 'XYZ' }, ['currency:unknownCurrency']],
    [{ amount: '100', from: '2026-03-01', to: '2026-03-31', colour: 'red' }, ['colour:limitUnknownField']],
  ])('refuses %p on its field', (data, expected) => {
    expect(paths(temporaryLimitInput({ data }, 'EUR', KNOWN))).toEqual(expected);
  });
  it('says it in French too', () => {
    const [p] = temporaryLimitInput({ data: { amount: '100', from: '2026-03-31', to: '2026-03-01' } }, 'EUR', KNOWN).problems;
    expect(translate(p, 'en')).toBe('to must not be before from');
    expect(translate(p, 'fr')).toBe('« Au » ne doit pas précéder « Du »');
  });
});

describe('insuranceInput', () => {
  it('accepts a cover without expiry', () => {
    expect(insuranceInput({ data: { insurer: 'Coface', reference: 'C-9', insuredAmount: '8000', currency: 'usd' } }, 'EUR', KNOWN).value).toEqual({
      insurer: 'Coface', reference: 'C-9', insuredMinor: 800_000n, currency: 'USD', expiresOn: null,
    });
  });
  it('names each bad field', () => {
    expect(paths(insuranceInput({ data: { insurer: '', insuredAmount: '-1', expiresOn: 'soon' } }, 'EUR', KNOWN))).toEqual([
      'insurer:requiredText', 'reference:requiredText', 'insuredAmount:insuredAmountFormat', 'expiresOn:isoDay',
    ]);
    expect(paths(insuranceInput(undefined, 'EUR', KNOWN))).toContain('data:limitInputObject');
  });
});

describe('default policies: keys from the mapping', () => {
  const customer: Record<string, any> = {
    company: { type: 'relation', relation: 'manyToOne', target: 'api::company.company' },
    sites: { type: 'relation', relation: 'oneToMany', target: 'api::site.site' },
    marketing: { type: 'component', component: 'customer.marketing', repeatable: false },
    kind: { type: 'enumeration', enum: ['customer'] },
    logo: { type: 'media' },
  };
  const describe_ = (uid: string) => (uid === 'api::customer.customer' ? customer : undefined);
  const components = (uid: string) => (uid === 'customer.marketing' ? { family: { type: 'string' }, keywords: { type: 'json' } } : undefined);

  it('accepts a to-one relation, a component field and a scalar, in order', () => {
    const raw = [{ key: 'family', field: 'marketing.family' }, { key: 'company', field: 'company' }, { key: 'kind', field: 'kind' }];
    expect(checkDefaultPolicyBy(raw, 'api::customer.customer', describe_, components)).toEqual({ keys: raw, problems: [] });
  });
  it('names every bad key and field', () => {
    const raw = [{ key: 'sites', field: 'sites' }, { key: 'x', field: 'nope' }, { key: 'kw', field: 'marketing.keywords' }, { key: 'm', field: 'marketing.nope' }, { key: 'logo', field: 'logo' }, { key: 'bad key', field: 'kind' }];
    expect(checkDefaultPolicyBy(raw, 'api::customer.customer', describe_, components).problems).toEqual([
      'party.defaultPolicyBy[0].field: "api::customer.customer.sites" is a oneToMany relation, not a to-one relation',
      'party.defaultPolicyBy[1].field: "api::customer.customer" has no field "nope"',
      'party.defaultPolicyBy[2].field: "marketing.keywords" is a json field, not a text or number',
      'party.defaultPolicyBy[3].field: component "customer.marketing" has no field "nope"',
      'party.defaultPolicyBy[4].field: "api::customer.customer.logo" is a media field, not a text, number or to-one relation',
      'party.defaultPolicyBy[5].key must be a word of letters, digits, - or _ (at most 32)',
    ]);
  });
  it('takes a labelField on a relation key only, checked on the target', () => {
    const company = { name: { type: 'string' } };
    const withCompany = (uid: string) => (uid === 'api::company.company' ? company : describe_(uid));
    expect(checkDefaultPolicyBy([{ key: 'company', field: 'company', labelField: 'name' }], 'api::customer.customer', withCompany, components)).toEqual({ keys: [{ key: 'company', field: 'company', labelField: 'name' }], problems: [] });
    expect(checkDefaultPolicyBy([{ key: 'company', field: 'company', labelField: 'nom' }, { key: 'kind', field: 'kind', labelField: 'name' }], 'api::customer.customer', withCompany, components).problems).toEqual([
      'party.defaultPolicyBy[0].labelField: "api::company.company" has no field "nom"',
      'party.defaultPolicyBy[1].labelField is for a relation key only',
    ]);
  });
  it('reads a party’s value for a key from its populated row', () => {
    const row = { kind: 'customer', company: { documentId: 'co1' }, marketing: { family: 'Industry' } };
    expect([keyValueOf(row, 'company'), keyValueOf(row, 'marketing.family'), keyValueOf(row, 'kind'), keyValueOf({ company: null, marketing: null }, 'marketing.family')]).toEqual(['co1', 'Industry', 'customer', null]);
  });
  it('stores a default policy under @key:value, which no party documentId can be', () => {
    expect(defaultPolicyParty('company', 'co1')).toBe('@company:co1');
    expect(parseDefaultParty('@family:Agri:food')).toEqual({ key: 'family', value: 'Agri:food' });
    expect(parseDefaultParty('abc123')).toBeNull();
    // a request's party may be anything: never a default policy, never a throw
    for (const party of [[], {}, 42, null, undefined, ['@family:x']]) expect(parseDefaultParty(party)).toBeNull();
  });
});
