/**
 * The demo set itself (`npm run demo` loads it), on a fixed date: what a new user opening the
 * admin sees. Every way the app makes a document is there (operations' origins and links), the
 * credit policies put a few customers over and most within, and the derived figures hold.
 */
import { seedDemo, type SeedReport } from '../../database/seeds';
import { adminSession } from '../helpers/credit';
import { derivedDrift, FLOW_TYPES } from '../helpers/derived-drift';
import { testApp } from '../helpers/strapi';

const app = testApp();
const AS_OF = '2026-12-03';
/** The run's clock: the morning of the data set's today, so the office hours still to come would be the future. */
const RUN_AT = new Date(`${AS_OF}T09:30:00.000Z`);
let report: SeedReport;
/** per type, the last id written before the seed (the link types the app makes at boot, on the real clock) */
const bootRows = new Map<string, number>();
beforeAll(async () => {
  for (const uid of Object.keys(app.strapi.contentTypes).filter((u) => u.startsWith('api::'))) {
    const [last] = await app.strapi.db.query(uid).findMany({ select: ['id'], orderBy: { id: 'desc' }, limit: 1 });
    bootRows.set(uid, last?.id ?? 0);
  }
  const loaded = await seedDemo(app.strapi, { asOf: AS_OF, now: RUN_AT });
  expect(loaded).not.toBeNull();
  report = loaded!;
});

const count = (uid: string, where: Record<string, unknown>) => app.strapi.db.query(uid as any).count({ where });

it('has documents made every way the operations make them', async () => {
  const made = {
    quotationsFromTasks: await count('api::quotation.quotation', { origin: 'task', project: { id: { $notNull: true } } }),
    quotationsFromSchedules: await count('api::quotation.quotation', { origin: 'schedule', project: { id: { $notNull: true } } }),
    scheduleLinesBilled: await count('api::delivery.delivery', { origin: 'schedule', project: { id: { $notNull: true } } }),
    contractNotes: await count('api::delivery.delivery', { origin: 'contract', contract: { id: { $notNull: true } } }),
    sessionNotes: await count('api::delivery.delivery', { origin: 'trainingSession' }),
    expenseNotes: await count('api::delivery.delivery', { origin: 'expensesRebilling', project: { id: { $notNull: true } } }),
    subcontractQuotations: await count('api::quotation.quotation', { origin: { $in: ['internalSubcontracting', 'groupSubcontracting'] }, subcontractedFrom: { id: { $notNull: true } } }),
    subcontractOrders: await count('api::order.order', { origin: { $in: ['internalSubcontracting', 'groupSubcontracting'] }, subcontractedFrom: { id: { $notNull: true } } }),
    purchasesForOrders: await count('api::supplier-order.supplier-order', { salesOrder: { id: { $notNull: true } } }),
    supplierInvoices: await count('api::supplier-invoice.supplier-invoice', {}),
    revisions: await count('api::quotation.quotation', { origin: 'review', revisionOf: { id: { $notNull: true } } }),
  };
  expect(Object.entries(made).filter(([, n]) => n === 0)).toEqual([]);
  // nothing claims an origin it was not made from (the filter form finds rows without the link: direct quotations have none)
  expect(await count('api::quotation.quotation', { origin: 'direct', project: { id: { $null: true } } })).toBeGreaterThan(0);
  expect(await count('api::quotation.quotation', { origin: { $in: ['task', 'schedule'] }, project: { id: { $null: true } } })).toBe(0);
  expect(await count('api::quotation.quotation', { origin: { $in: ['internalSubcontracting', 'groupSubcontracting'] }, subcontractedFrom: { id: { $null: true } } })).toBe(0);
  expect(await count('api::order.order', { origin: { $in: ['internalSubcontracting', 'groupSubcontracting'] }, subcontractedFrom: { id: { $null: true } } })).toBe(0);
});

it('puts a few customers over their credit threshold and most within', async () => {
  const statuses: Record<string, number> = {};
  for (const policy of await app.strapi.db.query('plugin::credit-control.policy').findMany({})) {
    const summary = await app.strapi.plugin('credit-control').service('credit').summary(policy.party);
    statuses[summary.status] = (statuses[summary.status] ?? 0) + 1;
  }
  expect(statuses.over).toBeGreaterThan(0);
  expect(statuses.within).toBeGreaterThan(2 * statuses.over);
});

it('derives every figure and state from the links', async () => {
  for (const uid of FLOW_TYPES) expect([uid, await derivedDrift(app.strapi, uid)]).toEqual([uid, []]);
});

describe('what a clerk opening the demo sees', () => {
  const CUSTOMER = 'api::customer.customer';

  it('gives every demo company valid bank details, printed on its letters and statements', async () => {
    const companies = await app.strapi.db.query('api::company.company').findMany({ select: ['code'], populate: { bankDetails: true } });
    expect(companies.length).toBeGreaterThanOrEqual(3);
    for (const company of companies) {
      const { iban, bic } = company.bankDetails ?? {};
      // ISO 13616: the IBAN read with letters as 10..35, its first four characters moved to the end, is 1 mod 97
      const digits = `${iban.slice(4)}${iban.slice(0, 4)}`.replace(/[A-Z]/g, (l: string) => String(l.charCodeAt(0) - 55));
      expect([company.code, /^FR\d{25}$/.test(iban), BigInt(digits) % BigInt(97), /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic)]).toEqual([company.code, true, BigInt(1), true]);
    }
  });

  it("books every demo customer and prospect as the app's accounting check wants it, DURAND-INDUS's DUR-… codes included", async () => {
    const records = await app.strapi.db.query(CUSTOMER).findMany({ select: ['documentId', 'code', 'kind', 'subledgerAccount'], populate: { company: { select: ['code'] } } });
    const failing: [string, string[]][] = [];
    for (const record of records) {
      const res = await app.api().get(`/api/customers/${record.documentId}/accounting/consistency`);
      expect(res.status).toBe(200);
      if (!res.body.data.consistent) failing.push([record.code, res.body.data.issues.map((i: { message: string }) => i.message)]);
    }
    expect(failing).toEqual([]);
    // each company's booked customers: "Manage in accounting" finds their account right, nothing to change
    const booked = records.filter((r: any) => r.kind === 'customer');
    for (const company of ['ACME-CONSEIL', 'DURAND-INDUS', 'FORMATECH']) {
      const first = booked.find((r: any) => r.company?.code === company);
      expect([company, Boolean(first?.subledgerAccount)]).toEqual([company, true]);
      const res = await app.api().post(`/api/customers/${first.documentId}/accounting`).send({});
      expect([company, res.status, res.body.meta]).toEqual([company, 200, { changed: false }]);
    }
    expect(booked.find((r: any) => r.code.startsWith('DUR-'))?.subledgerAccount).toMatch(/^411DUR\d{5}$/);
  });

  it('dates nothing after the run: no creation, edit or publication time later than its clock, nothing done after its today', async () => {
    const late: string[] = [];
    const uids = Object.keys(app.strapi.contentTypes).filter((uid) => uid.startsWith('api::'));
    for (const uid of uids) {
      for (const field of ['createdAt', 'updatedAt', 'publishedAt']) {
        const n = await app.strapi.db.query(uid).count({ where: { [field]: { $gt: RUN_AT.toISOString() }, id: { $gt: bootRows.get(uid) ?? 0 } } });
        if (n) late.push(`${uid}.${field}: ${n}`);
      }
    }
    // dates that say something happened (delivered, paid, signed, opened, resolved…); these look ahead (the timestamps are above)
    const AHEAD = new Set(['createdAt', 'updatedAt', 'publishedAt', 'dueDate', 'validUntil', 'expectedCloseDate', 'endDate', 'periodEnd', 'billedUntil', 'holdbackDueDate', 'expectedOn', 'sessionDate']);
    // an event is planned ahead until it is done
    const only: Record<string, Record<string, unknown>> = { 'api::event.event': { done: true } };
    for (const uid of uids) {
      for (const [field, attribute] of Object.entries<any>(app.strapi.contentTypes[uid].attributes)) {
        if (!['date', 'datetime'].includes(attribute.type) || AHEAD.has(field)) continue;
        const after = attribute.type === 'date' ? AS_OF : RUN_AT.toISOString();
        const n = await app.strapi.db.query(uid).count({ where: { [field]: { $gt: after }, ...only[uid] } });
        if (n) late.push(`${uid}.${field}: ${n}`);
      }
    }
    expect(late).toEqual([]);
    // a session held is in the past; one still planned may be ahead
    const held = await app.strapi.db.query('api::training-opportunity.training-opportunity').findMany({ populate: ['trainingLines'] });
    const heldLater = held.flatMap((o: any) => (o.trainingLines ?? []).filter((l: any) => l.held && l.sessionDate > AS_OF));
    expect(heldLater).toEqual([]);
  });

  it("has one customer whose dashboard fills every chart, named in the seed's report", async () => {
    const featured = report.featuredCustomer;
    expect(featured).toMatchObject({ code: expect.any(String), callName: expect.any(String) });
    const admin = await adminSession(app);
    const res = await admin.get(`/customer-records/customers/${featured!.documentId}/dashboard`);
    expect(res.status).toBe(200);
    const { profitability, paymentTerms, billingByFamily, billingBySubFamily } = res.body.data;
    const some = (values: string[]) => values.some((v) => Number(v) !== 0);
    // every series of every chart (dashboardCharts.ts) has a figure: revenue, cost and margin per year and per project
    for (const rows of [profitability.years, profitability.projects]) {
      expect(rows.length).toBeGreaterThan(0);
      for (const series of ['revenue', 'cost', 'margin']) expect([series, some(rows.map((r: any) => r[series]))]).toEqual([series, true]);
    }
    // the balance due by days to the due date: every band has open invoices and an amount, overdue
    // ones, some due within one, two and three months and some after (billed ahead of the service)
    expect(paymentTerms.bands.map((b: any) => [b.band, b.count > 0, Number(b.amount) > 0])).toEqual(
      ['overdue', 'dueIn0to30', 'dueIn31to60', 'dueIn61to90', 'dueAfter90'].map((band) => [band, true, true])
    );
    // in euros only: nothing in another currency beside them
    expect(res.body.data.otherCurrencies).toEqual([]);
    expect(Number(paymentTerms.total)).toBeGreaterThan(0);
    // and the statement's other figures: a credit note to apply and a payment on account
    expect(Number(paymentTerms.creditNotes)).toBeGreaterThan(0);
    expect(Number(paymentTerms.unallocatedPayments)).toBeGreaterThan(0);
    // billing by family and sub-family, amounts and shares: several years, each group with an amount in one of them
    for (const billing of [billingByFamily, billingBySubFamily]) {
      expect(billing.years.length).toBeGreaterThanOrEqual(2);
      for (const group of billing.groups) {
        const amounts = billing.years.map((y: any) => y.groups.find((g: any) => g.key === group.key)?.amount ?? '0');
        expect([group.key, some(amounts)]).toEqual([group.key, true]);
      }
    }
  });
});
