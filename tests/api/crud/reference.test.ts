/**
 * REST CRUD of the reference data: company, division, entity, currency, payment term, VAT code,
 * functional area (VAT equivalences), article family / sub-family, article, link type, employee.
 */
import { dec, Factories, IDS, uniq, type Doc } from '../../helpers/factories';
import { startApp } from '../../helpers/strapi';
import { byField, byRel, describeCrud, expectRelations, ids, query, useApp, type CrudCase } from './crud-table';

const getApp = useApp(startApp);

const equivalencePairs = (doc: Doc) =>
  (doc.equivalences as Doc[]).map((e) => [e.sourceVatCode?.documentId ?? null, e.targetVatCode?.documentId ?? null]);

const cases: CrudCase[] = [
  {
    name: 'company',
    plural: 'companies',
    build: async (f) => {
      const currency = (await f.currency()).documentId;
      return {
        data: {
          code: uniq('CO'),
          name: 'Akuiteo Conseil',
          siren: IDS.siren,
          vatNumber: IDS.vat,
          customerNumbering: 'manual',
          customerCodePrefix: 'CL',
          defaultHoldbackDays: 30,
          address: { line1: '10 avenue des Champs', postalCode: '75008', city: 'Paris', country: 'FR' },
          contactDetails: { phone: '+33 1 23 45 67 89', email: 'contact@akuiteo-conseil.fr' },
          managementRules: { reliabilityColour: true, subledgerAccountPrefix: '411', subledgerAccountLength: 8 },
          currency,
        },
        relations: { currency },
      };
    },
    components: (doc) => {
      expect(doc.address).toMatchObject({ line1: '10 avenue des Champs', postalCode: '75008', city: 'Paris', country: 'FR' });
      expect(doc.contactDetails).toMatchObject({ email: 'contact@akuiteo-conseil.fr' });
      expect(doc.managementRules).toMatchObject({ reliabilityColour: true, subledgerAccountPrefix: '411', subledgerAccountLength: 8 });
    },
    list: byRel('currency'),
    update: async (f) => {
      const currency = (await f.currency()).documentId;
      return {
        data: { name: 'Akuiteo Conseil SAS', customerNumbering: 'automatic', currency, managementRules: { reliabilityColour: false } },
        relations: { currency },
        check: (doc) => expect(doc.managementRules.reliabilityColour).toBe(false),
      };
    },
  },
  {
    name: 'division',
    plural: 'divisions',
    build: async (f) => {
      const company = (await f.company()).documentId;
      return { data: { code: uniq('DIV'), name: 'Paris', company }, relations: { company } };
    },
    list: byRel('company'),
    update: async (f) => {
      const company = (await f.company()).documentId;
      return { data: { name: 'Lyon', company }, relations: { company } };
    },
  },
  {
    name: 'entity',
    plural: 'entities',
    build: async (f) => {
      const company = await f.company();
      const division = (await f.division({ company: company.documentId })).documentId;
      return { data: { code: uniq('ENT'), name: 'Team A', company: company.documentId, division }, relations: { company: company.documentId, division } };
    },
    list: byRel('division'),
    update: async (f, _doc, built) => {
      const division = (await f.division({ company: built.relations.company })).documentId;
      return { data: { name: 'Team B', division }, relations: { division } };
    },
  },
  {
    name: 'currency',
    plural: 'currencies',
    build: async () => ({ data: { code: 'JPY', name: 'Yen', symbol: '¥', minorUnits: 0 }, relations: {} }),
    list: byField('code'),
    update: async () => ({ data: { name: 'Japanese yen', minorUnits: 0, symbol: 'JP¥' }, relations: {} }),
  },
  {
    name: 'payment term',
    plural: 'payment-terms',
    build: async () => ({ data: { code: uniq('PT'), label: '45 days end of month', days: 45, endOfMonth: true, discountRate: '2.50' }, relations: {} }),
    list: byField('code'),
    update: async () => ({ data: { days: 60, endOfMonth: false, discountRate: '0.01' }, relations: {} }),
  },
  {
    name: 'VAT code',
    plural: 'vat-codes',
    build: async () => ({ data: { code: uniq('VAT'), label: 'Reduced rate', rate: '5.50', country: 'FR' }, relations: {} }),
    list: byField('code'),
    update: async () => ({ data: { label: 'Intermediate rate', rate: '10.00' }, relations: {} }),
  },
  {
    name: 'functional area (VAT equivalences)',
    plural: 'functional-areas',
    build: async (f) => {
      const [s1, t1, s2, t2] = [await f.vatCode(), await f.vatCode({ rate: '0.00' }), await f.vatCode({ rate: '5.50' }), await f.vatCode({ rate: '0.00' })];
      const pairs = [[s1.documentId, t1.documentId], [s2.documentId, t2.documentId]];
      return {
        data: { code: uniq('FA'), label: 'Export', equivalences: pairs.map(([sourceVatCode, targetVatCode]) => ({ sourceVatCode, targetVatCode })) },
        relations: {},
        expect: {},
      };
    },
    components: (doc) => expect(doc.equivalences).toHaveLength(2),
    deep: {
      populate: { equivalences: { populate: ['sourceVatCode', 'targetVatCode'] } },
      check: (doc, built) => expect(equivalencePairs(doc)).toEqual((built.data.equivalences as any[]).map((e) => [e.sourceVatCode, e.targetVatCode])),
    },
    // filter through the component's relation
    list: { path: ['equivalences', 'sourceVatCode', 'documentId'], value: (b) => (b.data.equivalences as any[])[1].sourceVatCode },
    update: async (f) => {
      const [s, t] = [await f.vatCode(), await f.vatCode({ rate: '0.00' })];
      return {
        data: { label: 'Export (non-EU)', equivalences: [{ sourceVatCode: s.documentId, targetVatCode: t.documentId }] },
        relations: {},
        check: (doc) => expect(equivalencePairs(doc)).toEqual([[s.documentId, t.documentId]]),
      };
    },
  },
  {
    name: 'article family',
    plural: 'article-families',
    build: async () => ({ data: { code: uniq('FAM'), label: 'Licences' }, relations: {} }),
    list: byField('code'),
    update: async () => ({ data: { label: 'Software licences' }, relations: {} }),
  },
  {
    name: 'article sub-family',
    plural: 'article-sub-families',
    build: async (f) => {
      const family = (await f.articleFamily()).documentId;
      return { data: { code: uniq('SUB'), label: 'SaaS', family }, relations: { family } };
    },
    list: byRel('family'),
    update: async (f) => {
      const family = (await f.articleFamily()).documentId;
      return { data: { label: 'On premise', family }, relations: { family } };
    },
  },
  {
    name: 'article',
    plural: 'articles',
    build: async (f) => {
      const family = (await f.articleFamily()).documentId;
      const subFamily = (await f.articleSubFamily({ family })).documentId;
      const vatCode = (await f.vatCode()).documentId;
      return {
        data: { code: uniq('ART'), label: 'Audit', description: 'One-day audit', unitPrice: '1234567.89', unit: 'day', active: true, family, subFamily, vatCode },
        relations: { family, subFamily, vatCode },
      };
    },
    list: byRel('vatCode'),
    update: async (f) => {
      const vatCode = (await f.vatCode({ rate: '10.00' })).documentId;
      return { data: { unitPrice: '0.01', active: false, vatCode }, relations: { vatCode } };
    },
  },
  {
    name: 'link type',
    plural: 'link-types',
    build: async () => ({ data: { code: uniq('SOLDTOPARTY'), label: 'Sold-to party', kind: 'stakeholder' }, relations: {} }),
    list: byField('code'),
    update: async () => ({ data: { label: 'Customer to bill', kind: 'invoice' }, relations: {} }),
  },
  {
    name: 'employee',
    plural: 'employees',
    build: async (f) => {
      const company = (await f.company()).documentId;
      return {
        data: { code: uniq('EMP'), firstName: 'Luc', lastName: 'Bernard', email: 'luc.bernard@example.fr', isSalesman: true, isAccountManager: false, company },
        relations: { company },
      };
    },
    list: byRel('company'),
    update: async (f) => {
      const company = (await f.company()).documentId;
      return { data: { jobTitle: 'Account manager', isAccountManager: true, active: false, company }, relations: { company } };
    },
  },
];

describeCrud(getApp, cases);

describe('company ⇄ divisions / entities (bidirectional)', () => {
  it('shows divisions and entities from the company, and the company from each of them', async () => {
    const { api } = getApp();
    const f = new Factories(api);
    const company = await f.company();
    const [d1, d2] = [await f.division({ company: company.documentId }), await f.division({ company: company.documentId })];
    const entity = await f.entity({ company: company.documentId, division: d1.documentId });

    const res = await api().get(`/api/companies/${company.documentId}?${query({ populate: ['divisions', 'entities'] })}`);
    expect(res.status).toBe(200);
    expect(ids(res.body.data.divisions)).toEqual(ids([d1, d2]));
    expect(ids(res.body.data.entities)).toEqual([entity.documentId]);

    const div = await api().get(`/api/divisions/${d2.documentId}?populate=*`);
    expect(div.status).toBe(200);
    expectRelations(div.body.data, { company: company.documentId });
    const ent = await api().get(`/api/entities/${entity.documentId}?populate=*`);
    expectRelations(ent.body.data, { company: company.documentId, division: d1.documentId });
  });

  it('sets divisions from the company side and moving a division updates both companies', async () => {
    const { api } = getApp();
    const f = new Factories(api);
    const [c1, c2] = [await f.company(), await f.company()];
    const d = await f.division({ company: null });
    const set = await api().put(`/api/companies/${c1.documentId}`).send({ data: { divisions: [d.documentId] } });
    expect(set.status).toBe(200);
    const fromDivision = await api().get(`/api/divisions/${d.documentId}?populate=company`);
    expect(fromDivision.body.data.company.documentId).toBe(c1.documentId);

    const move = await api().put(`/api/divisions/${d.documentId}`).send({ data: { company: c2.documentId } });
    expect(move.status).toBe(200);
    const [r1, r2] = await Promise.all(
      [c1, c2].map((c) => api().get(`/api/companies/${c.documentId}?populate=divisions`))
    );
    expect(ids(r1.body.data.divisions)).toEqual([]);
    expect(ids(r2.body.data.divisions)).toEqual([d.documentId]);
  });

  it('keeps decimals of reference data exact (payment-term discount, article price at the column maximum)', async () => {
    const f = new Factories(getApp().api);
    const article = await f.article({ unitPrice: '9999999999999.99' });
    const res = await getApp().api().get(`/api/articles/${article.documentId}`);
    expect(res.status).toBe(200);
    expect(dec(res.body.data.unitPrice)).toBe('9999999999999.99');
    const term = await f.paymentTerm({ discountRate: '99.99' });
    expect(dec(term.discountRate)).toBe('99.99');
  });
});
