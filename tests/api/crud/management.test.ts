/**
 * REST CRUD of the other management objects: opportunity, receipt (allocations → invoices),
 * training opportunity (training lines → amount), registration file, maintenance contract,
 * helpdesk issue.
 */
import { dec, Factories, uniq, type Doc } from '../../helpers/factories';
import { startApp } from '../../helpers/strapi';
import { byRel, describeCrud, useApp, type CrudCase } from './crud-table';

const getApp = useApp(startApp);

const allocations = (doc: Doc) => (doc.allocations as Doc[]).map((a) => [a.invoice?.documentId ?? null, dec(a.amount)]);
const trainingLines = (doc: Doc) => (doc.trainingLines as Doc[]).map((l) => [l.label, l.trainees ?? null, dec(l.amountExclTax), l.status]);

const cases: CrudCase[] = [
  {
    name: 'opportunity',
    plural: 'opportunities',
    build: async (f) => {
      const customer = (await f.customer({ kind: 'prospect' })).documentId;
      const rel = {
        customer,
        company: (await f.company()).documentId,
        project: (await f.project({ customer })).documentId,
        salesman: (await f.employee()).documentId,
        currency: (await f.currency()).documentId,
      };
      return {
        data: { ...rel, number: uniq('OPP'), title: 'CRM deal', expectedAmountExclTax: '250000.00', probability: 60, date: '2025-01-10', expectedCloseDate: '2025-06-30' },
        relations: rel,
      };
    },
    list: byRel('project'),
    update: async (f, doc, built) => {
      const order = (await f.order({ customer: built.relations.customer })).documentId;
      return { data: { state: 'won', closedOn: '2025-04-01', probability: 100, expectedAmountExclTax: '249999.99', order }, relations: { order } };
    },
  },
  {
    name: 'receipt (allocations → invoices)',
    plural: 'receipts',
    build: async (f) => {
      const customer = (await f.customer()).documentId;
      const currency = (await f.currency()).documentId;
      const [i1, i2] = [await f.invoice({ customer, currency, state: 'issued' }), await f.invoice({ customer, currency, state: 'issued' })];
      const company = (await f.company()).documentId;
      return {
        data: {
          number: uniq('REC'),
          customer,
          currency,
          company,
          date: '2025-02-01',
          amount: '150.00',
          method: 'cheque',
          reference: 'CHQ 0012345',
          allocations: [{ invoice: i1.documentId, amount: '100.00' }, { invoice: i2.documentId, amount: '0.01' }],
        },
        relations: { customer, currency, company },
        // allocatedAmount is the sum of the allocations, and the state follows from it
        expect: { allocatedAmount: '100.01', state: 'partiallyAllocated' },
      };
    },
    components: (doc) => expect((doc.allocations as Doc[]).map((a) => dec(a.amount))).toEqual(['100.00', '0.01']),
    deep: {
      populate: { allocations: { populate: ['invoice'] } },
      check: (doc, built) => expect(allocations(doc)).toEqual((built.data.allocations as Doc[]).map((a) => [a.invoice, a.amount])),
    },
    // filter through the component's relation
    list: { path: ['allocations', 'invoice', 'documentId'], value: (b) => (b.data.allocations as Doc[])[1].invoice },
    update: async (f, _doc, built) => {
      const invoice = (await f.invoice({ customer: built.relations.customer, currency: built.relations.currency, state: 'issued' })).documentId;
      return {
        data: { allocations: [{ invoice, amount: '150.00' }] },
        relations: {},
        expect: { allocatedAmount: '150.00', state: 'allocated' },
        check: (doc) => expect(allocations(doc)).toEqual([[invoice, '150.00']]),
      };
    },
  },
  {
    name: 'training opportunity (training lines)',
    plural: 'training-opportunities',
    build: async (f) => {
      const rel = { customer: (await f.customer()).documentId, currency: (await f.currency()).documentId, salesman: (await f.employee()).documentId };
      return {
        data: {
          ...rel,
          number: uniq('TOP'),
          title: 'Accounting training',
          date: '2025-01-20',
          trainingLines: [
            { label: 'Session 1', sessionDate: '2025-02-03', trainees: 4, amountExclTax: '1200.00', status: 'open' },
            { label: 'Session 2', trainees: 2, amountExclTax: '600.50', status: 'won' },
          ],
        },
        relations: rel,
        expect: { amountExclTax: '1800.50' },
      };
    },
    components: (doc) => expect(trainingLines(doc)).toEqual([['Session 1', 4, '1200.00', 'open'], ['Session 2', 2, '600.50', 'won']]),
    list: byRel('salesman'),
    update: async (f) => {
      const customer = (await f.customer()).documentId;
      return {
        data: {
          customer,
          state: 'won',
          trainingLines: [
            { label: 'Big session', amountExclTax: '9999999999.98', status: 'won' },
            { label: 'Tiny session', amountExclTax: '0.01', status: 'won' },
          ],
        },
        relations: { customer },
        expect: { amountExclTax: '9999999999.99' },
        check: (doc) => expect(trainingLines(doc)).toEqual([['Big session', null, '9999999999.98', 'won'], ['Tiny session', null, '0.01', 'won']]),
      };
    },
  },
  {
    name: 'registration file',
    plural: 'registration-files',
    build: async (f) => {
      const rel = {
        customer: (await f.customer()).documentId,
        donorCustomer: (await f.customer({ callName: 'OPCO Atlas' })).documentId,
        currency: (await f.currency()).documentId,
        company: (await f.company()).documentId,
      };
      return {
        data: { ...rel, number: uniq('REG'), traineeName: 'Paul Durand', sessionTitle: 'Strapi basics', sessionDate: '2025-03-10', date: '2025-01-21', amountExclTax: '900.00', allocatedAmount: '899.99' },
        relations: rel,
      };
    },
    list: byRel('donorCustomer'),
    update: async (f) => {
      const donorCustomer = (await f.customer()).documentId;
      return { data: { state: 'validated', allocatedAmount: '900.00', donorCustomer }, relations: { donorCustomer } };
    },
  },
  {
    name: 'maintenance contract',
    plural: 'maintenance-contracts',
    build: async (f) => {
      const rel = { customer: (await f.customer()).documentId, currency: (await f.currency()).documentId, company: (await f.company()).documentId };
      return {
        data: { ...rel, number: uniq('MC'), title: 'Third-party maintenance', startDate: '2025-01-01', endDate: '2025-12-31', annualAmountExclTax: '4800.00', billingFrequency: 'quarterly' },
        relations: rel,
      };
    },
    list: byRel('company'),
    update: async (f) => {
      const currency = (await f.currency()).documentId;
      return { data: { endDate: '2027-12-31', annualAmountExclTax: '5000.01', state: 'suspended', billingFrequency: 'monthly', currency }, relations: { currency } };
    },
  },
  {
    name: 'helpdesk issue',
    plural: 'helpdesk-issues',
    build: async (f) => {
      const customer = (await f.customer()).documentId;
      const rel = {
        customer,
        company: (await f.company()).documentId,
        contract: (await f.maintenanceContract({ customer })).documentId,
        contact: (await f.contact({ customer })).documentId,
        assignee: (await f.employee()).documentId,
      };
      return {
        data: { ...rel, number: uniq('HD'), title: 'Invoice PDF is blank', description: 'Since the upgrade', channel: 'customerPortal', priority: 'urgent', openedAt: '2025-03-01T08:15:00.000Z' },
        relations: rel,
      };
    },
    list: byRel('contract'),
    update: async (f) => {
      const assignee = (await f.employee()).documentId;
      return { data: { state: 'resolved', resolvedAt: '2025-03-02T17:45:00.000Z', assignee, contact: null }, relations: { assignee, contact: null } };
    },
  },
];

describeCrud(getApp, cases);

describe('receipts and invoices', () => {
  it('an allocation keeps pointing at its invoice when the invoice is updated, and the receipt total stays exact', async () => {
    const { api } = getApp();
    const f = new Factories(api);
    const [customer, currency] = [(await f.customer()).documentId, (await f.currency()).documentId];
    const invoice = await f.invoice({ customer, currency, state: 'issued' });
    const receipt = await f.receipt({ customer, currency, amount: '2079.06', allocations: [{ invoice: invoice.documentId, amount: '2079.06' }] });
    expect([dec(receipt.allocatedAmount), receipt.state]).toEqual(['2079.06', 'allocated']);
    const edited = await api().put(`/api/invoices/${invoice.documentId}`).send({ data: { dueDate: '2025-03-31' } });
    expect(edited.status).toBe(200);
    expect([dec(edited.body.data.amountPaid), edited.body.data.state]).toEqual(['2079.06', 'paid']);

    const res = await api().get(`/api/receipts/${receipt.documentId}?populate[allocations][populate][0]=invoice`);
    expect(res.status).toBe(200);
    expect(allocations(res.body.data)).toEqual([[invoice.documentId, '2079.06']]);
    expect(res.body.data.allocations[0].invoice.state).toBe('paid');
  });
});
