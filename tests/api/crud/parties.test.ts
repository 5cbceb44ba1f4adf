/**
 * REST CRUD of the parties: customer, site, contact, affiliation link, business link, supplier,
 * project, event; customer ⇄ sites / contacts / events seen from both sides; customer codes.
 */
import { dec, Factories, IDS, uniq, type Doc } from '../../helpers/factories';
import { startApp } from '../../helpers/strapi';
import { byRel, describeCrud, expectRelations, ids, query, useApp, type CrudCase } from './crud-table';

const getApp = useApp(startApp);

const cases: CrudCase[] = [
  {
    name: 'customer',
    plural: 'customers',
    build: async (f) => {
      const company = await f.company();
      const rel = {
        company: company.documentId,
        division: (await f.division({ company: company.documentId })).documentId,
        entity: (await f.entity({ company: company.documentId })).documentId,
        salesman: (await f.employee({ company: company.documentId })).documentId,
        accountManager: (await f.employee({ company: company.documentId })).documentId,
        paymentTerm: (await f.paymentTerm()).documentId,
        currency: company.currency?.documentId ?? (await f.currency()).documentId,
        functionalArea: (await f.functionalArea()).documentId,
      };
      return {
        data: {
          ...rel,
          kind: 'customer',
          callName: 'Danone',
          corporateName: 'Danone SA',
          siret: IDS.siret,
          vatNumber: 'fr 44 732 829 320',
          country: 'FR',
          apeCode: '7010Z',
          prospectStatus: 'active',
          openedOn: '2024-09-01',
          customerType: 'external',
          holdbackDays: 15,
          address: { line1: '17 boulevard Haussmann', postalCode: '75009', city: 'Paris', country: 'FR' },
          contactDetails: { phone: '+33 1 44 35 20 20', email: 'compta@danone.example' },
          marketing: { family: 'Agrifood', sector: 'Food' },
          legal: { legalForm: 'SA', shareCapital: '1234567890123.45', headcount: 1000, incorporationDate: '1966-01-01' },
          bankDetails: { bankName: 'BNP', iban: 'FR7630006000011234567890189', bic: 'BNPAFRPP' },
          salesmen: [{ employee: rel.salesman, isMain: true, role: 'Key account' }],
        },
        relations: rel,
        // server-computed: first customer of the company gets C000001, SIREN from the SIRET, VAT normalised
        expect: { code: 'C000001', siren: IDS.siren, vatNumber: IDS.vat },
      };
    },
    components: (doc) => {
      expect(doc.address).toMatchObject({ city: 'Paris', postalCode: '75009' });
      expect(doc.marketing).toMatchObject({ family: 'Agrifood', sector: 'Food' });
      expect(dec(doc.legal.shareCapital)).toBe('1234567890123.45');
      expect(doc.bankDetails.iban).toBe('FR7630006000011234567890189');
      expect(doc.salesmen.map((s: Doc) => [s.isMain, s.role])).toEqual([[true, 'Key account']]);
    },
    deep: {
      populate: { salesmen: { populate: ['employee'] } },
      check: (doc, built) => expect(doc.salesmen.map((s: Doc) => s.employee?.documentId)).toEqual([built.relations.salesman]),
    },
    list: byRel('company'),
    update: async (f, _doc, built) => {
      const company = (await f.company()).documentId;
      const [e1, e2] = [await f.employee(), await f.employee()];
      return {
        // moving to another company keeps the code (free there); new identity sent as a whole
        data: {
          company,
          callName: 'Danone Export',
          siret: IDS.siret2,
          siren: IDS.siren2,
          vatNumber: IDS.vat2,
          salesmen: [{ employee: e1.documentId, isMain: true }, { employee: e2.documentId, isMain: false, role: 'Backup' }],
        },
        relations: { company },
        expect: { code: 'C000001' },
        check: (doc) => {
          expect(doc.salesmen.map((s: Doc) => [s.employee?.documentId, s.isMain])).toEqual([[e1.documentId, true], [e2.documentId, false]]);
          expect(built.relations.company).not.toBe(company);
        },
      };
    },
  },
  {
    name: 'site',
    plural: 'sites',
    build: async (f) => {
      const customer = (await f.customer()).documentId;
      return {
        data: {
          name: 'Siège',
          owner: 'customer',
          customer,
          siret: IDS.siret,
          isBillingSite: true,
          isHeadOffice: true,
          address: { line1: '1 place de la Bourse', postalCode: '69002', city: 'Lyon', country: 'FR' },
          geolocation: { latitude: '45.7640430', longitude: '-4.8356560' },
        },
        relations: { customer },
      };
    },
    components: (doc) => {
      expect(doc.address).toMatchObject({ city: 'Lyon' });
      expect([dec(doc.geolocation.latitude, 7), dec(doc.geolocation.longitude, 7)]).toEqual(['45.7640430', '-4.8356560']);
    },
    list: byRel('customer'),
    update: async (f) => {
      const customer = (await f.customer()).documentId;
      return { data: { name: 'Agence Lyon', customer, isDeliverySite: true, closed: true, closedOn: '2025-06-30' }, relations: { customer } };
    },
  },
  {
    name: 'contact',
    plural: 'contacts',
    build: async (f) => {
      const customer = await f.customer();
      const site = (await f.site({ customer: customer.documentId })).documentId;
      return {
        data: { civility: 'ms', firstName: 'Anne', lastName: 'Lefèvre', email: 'anne.lefevre@example.fr', isFinancialContact: true, customer: customer.documentId, site },
        relations: { customer: customer.documentId, site },
      };
    },
    list: byRel('site'),
    update: async (f) => {
      const [customer, supplier] = [(await f.customer()).documentId, (await f.supplier()).documentId];
      return { data: { jobTitle: 'CFO', receivesDunning: true, customer, supplier, site: null }, relations: { customer, supplier, site: null } };
    },
  },
  {
    name: 'affiliation link',
    plural: 'affiliation-links',
    build: async (f) => {
      const [customer, linkedCustomer] = [(await f.customer()).documentId, (await f.customer()).documentId];
      const site = (await f.site({ customer: linkedCustomer })).documentId;
      return { data: { customer, linkedCustomer, site, role: 'headOffice', name: 'Groupe Danone' }, relations: { customer, linkedCustomer, site } };
    },
    list: byRel('linkedCustomer'),
    update: async (f) => {
      const linkedCustomer = (await f.customer()).documentId;
      return { data: { role: 'payer', linkedCustomer }, relations: { linkedCustomer } };
    },
  },
  {
    name: 'business link',
    plural: 'business-links',
    build: async (f) => {
      const [customer, linkedCustomer] = [(await f.customer()).documentId, (await f.customer()).documentId];
      const rel = {
        customer,
        linkedCustomer,
        linkType: (await f.linkType({ kind: 'invoice', code: uniq('TO_BILL') })).documentId,
        billingSite: (await f.site({ customer: linkedCustomer })).documentId,
        project: (await f.project({ customer })).documentId,
      };
      return { data: { ...rel, isDefault: true }, relations: rel };
    },
    list: byRel('linkType'),
    update: async (f) => {
      const linkType = (await f.linkType({ kind: 'stakeholder', code: uniq('SOLDTOPARTY') })).documentId;
      return { data: { linkType, isDefault: false, project: null }, relations: { linkType, project: null } };
    },
  },
  {
    name: 'supplier',
    plural: 'suppliers',
    build: async (f) => {
      const rel = {
        paymentTerm: (await f.paymentTerm()).documentId,
        currency: (await f.currency()).documentId,
        company: (await f.company()).documentId,
        linkedProspect: (await f.customer({ kind: 'prospect' })).documentId,
      };
      return {
        data: { ...rel, code: uniq('SUP'), callName: 'Sodexo', siret: IDS.siret2, siren: IDS.siren2, vatNumber: IDS.vat2, country: 'FR', bankDetails: { iban: 'FR7630006000011234567890189' } },
        relations: rel,
      };
    },
    components: (doc) => expect(doc.bankDetails.iban).toBe('FR7630006000011234567890189'),
    list: byRel('linkedProspect'),
    update: async (f) => {
      const linkedProspect = (await f.customer({ kind: 'prospect' })).documentId;
      return { data: { callName: 'Sodexo France', notes: 'moved', linkedProspect }, relations: { linkedProspect } };
    },
  },
  {
    name: 'project',
    plural: 'projects',
    build: async (f) => {
      const [c1, c2] = [(await f.customer()).documentId, (await f.customer()).documentId];
      const rel = {
        company: (await f.company()).documentId,
        customer: c1,
        endCustomer: c2,
        customers: [c1, c2],
        currency: (await f.currency()).documentId,
        manager: (await f.employee()).documentId,
      };
      return {
        data: { ...rel, code: uniq('PRJ'), name: 'Migration', multiCustomer: true, state: 'active', startDate: '2025-01-01', yearlyFigures: [{ year: 2025, revenue: '150000.00', cost: '99999.99' }] },
        relations: rel,
      };
    },
    components: (doc) => expect(doc.yearlyFigures.map((y: Doc) => [y.year, dec(y.revenue), dec(y.cost)])).toEqual([[2025, '150000.00', '99999.99']]),
    // filter on a manyToMany relation
    list: { path: ['customers', 'documentId'], value: (b) => (b.relations.customers as string[])[1] },
    update: async (f) => {
      const c3 = (await f.customer()).documentId;
      return {
        data: { customers: [c3], endCustomer: c3, state: 'closed', endDate: '2025-12-31', yearlyFigures: [{ year: 2026, revenue: '0.01', cost: '0.00' }] },
        relations: { customers: [c3], endCustomer: c3 },
        check: (doc) => expect(doc.yearlyFigures.map((y: Doc) => [y.year, dec(y.revenue), dec(y.cost)])).toEqual([[2026, '0.01', '0.00']]),
      };
    },
  },
  {
    name: 'event',
    plural: 'events',
    build: async (f) => {
      const customer = (await f.customer()).documentId;
      const rel = { customer, contact: (await f.contact({ customer })).documentId, employee: (await f.employee()).documentId };
      return { data: { ...rel, type: 'meeting', subject: 'Kick-off', description: 'On site', date: '2025-03-04T09:30:00.000Z' }, relations: rel };
    },
    list: byRel('contact'),
    update: async (f) => {
      const employee = (await f.employee()).documentId;
      return { data: { done: true, date: '2025-03-05T14:00:00.000Z', employee }, relations: { employee } };
    },
  },
];

describeCrud(getApp, cases);

describe('customer ⇄ sites / contacts / events (bidirectional)', () => {
  it('shows sites, contacts and events from the customer, and the customer from each of them', async () => {
    const { api } = getApp();
    const f = new Factories(api);
    const customer = await f.customer();
    const site = await f.site({ customer: customer.documentId });
    const contacts = [await f.contact({ customer: customer.documentId }), await f.contact({ customer: customer.documentId })];
    const event = await f.event({ customer: customer.documentId });

    const res = await api().get(`/api/customers/${customer.documentId}?${query({ populate: ['sites', 'contacts', 'events'] })}`);
    expect(res.status).toBe(200);
    expect(ids(res.body.data.sites)).toEqual([site.documentId]);
    expect(ids(res.body.data.contacts)).toEqual(ids(contacts));
    expect(ids(res.body.data.events)).toEqual([event.documentId]);
    for (const [plural, d] of [['sites', site], ['contacts', contacts[1]], ['events', event]] as const) {
      const back = await api().get(`/api/${plural}/${d.documentId}?populate=customer`);
      expect(back.status).toBe(200);
      expectRelations(back.body.data, { customer: customer.documentId });
    }
  });

  it('sets sites and contacts from the customer side; moving a site updates both customers', async () => {
    const { api } = getApp();
    const f = new Factories(api);
    const [c1, c2] = [await f.customer(), await f.customer()];
    const site = await f.site({ customer: null });
    const contact = await f.contact({ customer: null });
    const set = await api().put(`/api/customers/${c1.documentId}`).send({ data: { sites: [site.documentId], contacts: { connect: [contact.documentId] } } });
    expect(set.status).toBe(200);
    const fromSite = await api().get(`/api/sites/${site.documentId}?populate=customer`);
    expect(fromSite.body.data.customer.documentId).toBe(c1.documentId);
    const fromContact = await api().get(`/api/contacts/${contact.documentId}?populate=customer`);
    expect(fromContact.body.data.customer.documentId).toBe(c1.documentId);

    expect((await api().put(`/api/sites/${site.documentId}`).send({ data: { customer: c2.documentId } })).status).toBe(200);
    const [r1, r2] = await Promise.all([c1, c2].map((c) => api().get(`/api/customers/${c.documentId}?populate=sites`)));
    expect(ids(r1.body.data.sites)).toEqual([]);
    expect(ids(r2.body.data.sites)).toEqual([site.documentId]);
  });
});

describe('customer codes', () => {
  it('numbers customers per company (C000001, C000002…) and honours the company prefix', async () => {
    const f = new Factories(getApp().api);
    const company = await f.company({ customerCodePrefix: 'CLI' });
    const first = await f.customer({ company: company.documentId });
    const second = await f.customer({ company: company.documentId, siret: IDS.siret2 });
    expect([first.code, second.code]).toEqual(['CLI000001', 'CLI000002']);
    expect(second.siren).toBe(IDS.siren2);
    const other = await f.customer();
    expect(other.code).toBe('C000001');
  });

  it('rejects a code already used in the same company (400), accepts it in another company', async () => {
    const { api } = getApp();
    const f = new Factories(api);
    const [co1, co2] = [await f.company(), await f.company()];
    await f.customer({ company: co1.documentId, code: 'ACME' });
    const dup = await api().post('/api/customers').send({ data: { callName: 'Acme bis', company: co1.documentId, code: 'ACME' } });
    expect(dup.status).toBe(400);
    expect(dup.body.error.details.errors).toEqual([expect.objectContaining({ path: ['code'], message: expect.stringContaining('ACME is already used') })]);
    const elsewhere = await f.customer({ company: co2.documentId, code: 'ACME' });
    expect(elsewhere.code).toBe('ACME');
  });
});
