import {
  contentFields,
  findPartyReferences,
  hasValue,
  linkKeyFields,
  mergeContent,
  mergeSalesmen,
  planLinks,
  type ModelShape,
} from '../../src/domain/transfer';

const PARTY = 'api::customer.customer';

const party: ModelShape = {
  attributes: {
    kind: { type: 'enumeration' },
    code: { type: 'string' },
    callName: { type: 'string' },
    company: { type: 'relation', relation: 'manyToOne', target: 'api::company.company' },
    corporateName: { type: 'string' },
    notes: { type: 'text' },
    isGroup: { type: 'boolean' },
    holdbackDays: { type: 'integer' },
    currency: { type: 'relation', relation: 'manyToOne', target: 'api::currency.currency' },
    address: { type: 'component', component: 'shared.address', repeatable: false },
    salesmen: { type: 'component', component: 'customer.salesman-assignment', repeatable: true },
    sites: { type: 'relation', relation: 'oneToMany', target: 'api::site.site', mappedBy: 'customer' },
    createdAt: { type: 'datetime' },
  },
};

describe('findPartyReferences', () => {
  const models: Record<string, ModelShape> = {
    [PARTY]: party,
    'api::site.site': { attributes: { customer: { type: 'relation', relation: 'manyToOne', target: PARTY, mappedBy: undefined } } },
    'api::project.project': {
      attributes: {
        customers: { type: 'relation', relation: 'manyToMany', target: PARTY },
        endCustomer: { type: 'relation', relation: 'manyToOne', target: PARTY },
        currency: { type: 'relation', relation: 'manyToOne', target: 'api::currency.currency' },
      },
    },
    'api::other.other': { attributes: { back: { type: 'relation', relation: 'oneToMany', target: PARTY, mappedBy: 'other' } } },
    'api::self.self': { attributes: { localizations: { type: 'relation', relation: 'oneToMany', target: PARTY } } },
    'shared.ref': { attributes: { customer: { type: 'relation', relation: 'oneToOne', target: PARTY } } },
  };

  it('lists owning-side relations to the party, sorted, flags lists and components, skips inverse sides', () => {
    expect(findPartyReferences(models, PARTY, new Set(['shared.ref']))).toEqual([
      { uid: 'api::project.project', field: 'customers', many: true, component: false },
      { uid: 'api::project.project', field: 'endCustomer', many: false, component: false },
      { uid: 'api::site.site', field: 'customer', many: false, component: false },
      { uid: 'shared.ref', field: 'customer', many: false, component: true },
    ]);
  });
});

describe('hasValue', () => {
  it.each([
    [null, false],
    [undefined, false],
    ['', false],
    ['  ', false],
    [[], false],
    [{ id: 3, city: null, line1: '' }, false],
    [false, true],
    [0, true],
    ['x', true],
    [{ id: 3, city: 'Lyon' }, true],
    [[{ employee: 1 }], true],
  ])('%j → %s', (value, expected) => expect(hasValue(value)).toBe(expected));
});

describe('mergeContent', () => {
  it('never touches identity, system, inverse or special fields', () => {
    expect(contentFields(party, ['salesmen'])).toEqual(['corporateName', 'notes', 'isGroup', 'holdbackDays', 'currency', 'address']);
  });

  it('takes the source value when it has one, else keeps the target value', () => {
    const source = { kind: 'prospect', code: 'P1', callName: 'Source', corporateName: 'Source SA', notes: '', isGroup: false, holdbackDays: null, currency: 'eur-doc', address: null };
    const target = { kind: 'customer', code: 'C1', callName: 'Target', corporateName: 'Target SA', notes: 'keep me', isGroup: true, holdbackDays: 30, currency: null, address: { id: 9, city: 'Paris' } };
    expect(mergeContent(party, source, target, ['salesmen'])).toEqual({ corporateName: 'Source SA', isGroup: false, currency: 'eur-doc' });
  });

  it('merges a single component field by field, dropping component ids', () => {
    const source = { address: { id: 1, line1: '2 rue Neuve', city: 'Lyon', postalCode: null } };
    const target = { address: { id: 2, line1: '1 rue Vieille', city: 'Paris', postalCode: '75001', region: 'IDF' } };
    expect(mergeContent(party, source, target)).toEqual({ address: { line1: '2 rue Neuve', city: 'Lyon', postalCode: '75001', region: 'IDF' } });
  });

  it('copies a component the target lacks, without its id', () => {
    expect(mergeContent(party, { address: { id: 1, city: 'Lyon' } }, { address: null })).toEqual({ address: { city: 'Lyon' } });
  });
});

describe('mergeSalesmen', () => {
  it('unites both lists with one entry per employee, the target entry winning', () => {
    const result = mergeSalesmen(
      [{ employee: 1, isMain: false, role: 'hunter' }, { employee: 2, isMain: false, role: null }],
      [{ employee: 2, isMain: true, role: 'source role' }, { employee: 3, isMain: false, role: 'farmer' }]
    );
    expect(result).toEqual([
      { employee: 1, isMain: false, role: 'hunter' },
      { employee: 2, isMain: false, role: null },
      { employee: 3, isMain: false, role: 'farmer' },
    ]);
  });

  it("keeps the target's main salesman over the source's", () => {
    const result = mergeSalesmen([{ employee: 1, isMain: true }], [{ employee: 3, isMain: true }]);
    expect(result.filter((s) => s.isMain)).toEqual([{ employee: 1, isMain: true, role: null }]);
  });

  it("takes the source's main when the target has none, and never two mains", () => {
    const result = mergeSalesmen([{ employee: 1, isMain: false }], [{ employee: 3, isMain: true }, { employee: 4, isMain: true }]);
    expect(result.map((s) => [s.employee, s.isMain])).toEqual([[1, false], [3, true], [4, false]]);
  });
});

describe('planLinks', () => {
  const SRC = 10;
  const TGT = 20;
  const link = (id: number, customer: number, linkedCustomer: number, role = 'parent', site: number | null = null) => ({
    id,
    parties: { customer, linkedCustomer },
    key: { role, site },
  });

  it('finds self-links between source and target, either way round', () => {
    expect(planLinks([link(1, SRC, TGT), link(2, TGT, SRC), link(3, SRC, 99)], SRC, TGT)).toEqual({ selfLinks: [1, 2], duplicates: [] });
  });

  it("finds a moved link that repeats one of the target's (same role, other party, site)", () => {
    const plan = planLinks([link(1, TGT, 99), link(2, SRC, 99), link(3, SRC, 99, 'payer'), link(4, SRC, 99, 'parent', 5)], SRC, TGT);
    expect(plan).toEqual({ selfLinks: [], duplicates: [2] });
  });

  it('finds duplicates among the moved links themselves (the first one is kept)', () => {
    expect(planLinks([link(7, 99, SRC), link(3, 99, SRC)], SRC, TGT)).toEqual({ selfLinks: [], duplicates: [7] });
  });

  it('leaves links between other parties alone', () => {
    expect(planLinks([link(1, 98, 99), link(2, TGT, 99)], SRC, TGT)).toEqual({ selfLinks: [], duplicates: [] });
  });
});

describe('linkKeyFields', () => {
  it('uses to-one relations and enumerations apart from the party fields', () => {
    const model: ModelShape = {
      attributes: {
        customer: { type: 'relation', relation: 'manyToOne', target: PARTY },
        linkedCustomer: { type: 'relation', relation: 'manyToOne', target: PARTY },
        linkType: { type: 'relation', relation: 'manyToOne', target: 'api::link-type.link-type' },
        project: { type: 'relation', relation: 'manyToOne', target: 'api::project.project' },
        role: { type: 'enumeration' },
        name: { type: 'string' },
        isDefault: { type: 'boolean' },
        createdBy: { type: 'relation', relation: 'oneToOne', target: 'admin::user' },
      },
    };
    expect(linkKeyFields(model, ['customer', 'linkedCustomer'])).toEqual(['linkType', 'project', 'role']);
  });
});

describe('identity fields move together', () => {
  const model = { attributes: { siret: { type: 'string' }, siren: { type: 'string' }, vatNumber: { type: 'string' }, notes: { type: 'text' } } };
  it("a source with a SIRET only clears the target's VAT number, which named another SIREN", () => {
    expect(mergeContent(model, { siret: '73282932000074', siren: '732829320', vatNumber: null }, { siret: null, siren: '443061841', vatNumber: 'FR64443061841' })).toEqual({
      siret: '73282932000074',
      siren: '732829320',
      vatNumber: null,
    });
  });
  it('a source without identity keeps the target identity', () => {
    expect(mergeContent(model, { siret: null, siren: null, vatNumber: null, notes: 'x' }, { siren: '443061841', vatNumber: 'FR64443061841' })).toEqual({ notes: 'x' });
  });
});
