/**
 * What a write reads, counted on the connection's query event (never timed): the rules read the
 * customer once whatever how many of them ask (pre-fill, line VAT, holdback, closing), a create
 * without a project reads no project, and one with a project reads it once.
 */
import { Factories, line, type Doc } from '../../helpers/factories';
import { joining, reading, statementsOf } from '../../helpers/statements';
import { testApp } from '../../helpers/strapi';

const app = testApp();
let f: Factories;
let made: Record<string, Doc>;

beforeAll(async () => {
  f = new Factories(app.api);
  const currency = await f.currency({ code: 'EUR', name: 'Euro' });
  const company = await f.company({ currency: currency.documentId });
  const vat = await f.vatCode();
  // a customer whose closure date, holdback and functional area every rule reads
  const customer = await f.customer({ company: company.documentId, currency: currency.documentId, holdbackDays: 30 });
  const site = await f.site({ customer: customer.documentId, isBillingSite: true });
  const article = await f.article({ vatCode: vat.documentId });
  const project = await f.project({ customer: customer.documentId });
  made = { currency, company, vat, customer, site, article, project };
});

const invoice = (extra: Record<string, unknown> = {}) =>
  app.strapi.documents('api::invoice.invoice').create({
    data: {
      number: `WR-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      customer: made.customer.documentId,
      date: '2026-01-10',
      state: 'issued',
      holdbackRate: '5.00',
      // no VAT rate: the line takes its article's VAT code, through the customer's functional area
      lines: [{ ...line(made.article, made.vat, '1', '100.00'), vatRate: undefined, vatCode: undefined }],
      ...extra,
    },
  } as any);

describe('a management object write reads its context once', () => {
  it('reads the customer once for every rule, and no project when none is given', async () => {
    const statements = await statementsOf(app.strapi, () => invoice());
    expect(reading(statements, 'projects')).toEqual([]);
    // the matcher sees this database's statements (the assertion above is not vacuous)
    expect(reading(statements, 'invoices').length).toBeGreaterThan(0);
    // the rules' one read of the customer (its to-one relations joined); the others are Strapi's own
    // checks of the relation it writes (ids, then existence)
    const facts = reading(statements, 'customers').filter((sql) => /holdback_days/.test(sql));
    expect(facts).toHaveLength(1);
    // its sites and business links are read from its link rows, not by joining every site or link
    // to its customer (a scan of every site at a million objects): the link tables of their
    // `customer` relation are never joined (a link's own linked customer is joined by its id)
    expect(reading(statements, 'sites').length).toBeGreaterThan(0);
    expect(reading(statements, 'business_links').length).toBeGreaterThan(0);
    expect(joining(statements, 'sites_customer_lnk')).toEqual([]);
    expect(joining(statements, 'business_links_customer_lnk')).toEqual([]);
    expect(reading(statements, 'sites_customer_lnk').length + reading(statements, 'business_links_customer_lnk').length).toBeGreaterThan(0);
    // and they come along with the customer, in its statement (on Postgres every statement is a round trip)
    const lists = [...reading(statements, 'sites_customer_lnk'), ...reading(statements, 'business_links_customer_lnk')];
    expect(new Set(lists)).toEqual(new Set(facts));
  });

  it("writes a created invoice's read models in one statement on Postgres, one per table elsewhere", async () => {
    const statements = await statementsOf(app.strapi, () => invoice());
    const writing = (table: string) => statements.filter((sql) => new RegExp(`insert into ([\`"]?\\w+[\`"]?\\.)?[\`"]?${table}[\`"]?[ (]`, 'i').test(sql));
    const sums = [...new Set([...writing('customer_billed_sums'), ...writing('customer_owed_sums')])];
    const view = [...new Set([...writing('customer_view_rows'), ...writing('customer_view_counts')])];
    const postgres = (app.strapi.db as any).dialect.client === 'postgres';
    // the dashboard's sums (billed, owed), and the 360 view's rows with their counts: on Postgres all in one
    expect(sums).toHaveLength(postgres ? 1 : 2);
    expect(view).toHaveLength(postgres ? 1 : 2);
    if (postgres) expect(sums).toEqual(view);
    expect(writing('customer_billed_sums')).toHaveLength(1);
    expect(writing('customer_view_counts')).toHaveLength(1);
  });

  it('reads the project once when one is given, though the pre-fill and the billing resolution both ask', async () => {
    const statements = await statementsOf(app.strapi, () => invoice({ project: made.project.documentId }));
    const projectReads = reading(statements, 'projects').filter((sql) => /multi_customer/.test(sql));
    expect(projectReads).toHaveLength(1);
    expect(reading(statements, 'customers').filter((sql) => /holdback_days/.test(sql))).toHaveLength(1);
  });

  it('does not read a created invoice back for the sales flow when it names no flow link, and does when it names one', async () => {
    // the flow's read of the document it was handed (by document id, every column): Strapi's own
    // read of the row it inserted goes by id
    const readBack = (statements: string[]) => reading(statements, 'invoices').filter((sql) => /select [`"]t0[`"]\.\*.* where \([`"]t0[`"]\.[`"]document_id[`"] = (\?|\$\d+)\)/.test(sql));
    const plain = await statementsOf(app.strapi, () => invoice());
    expect(readBack(plain)).toEqual([]);
    // a credit note names the invoice it credits (a flow link): the checks read it back with that link
    // (and the credited invoice's refresh reads that one too)
    const credited: any = await invoice();
    const linked = await statementsOf(app.strapi, () =>
      invoice({ kind: 'creditNote', creditedInvoice: credited.documentId, holdbackRate: undefined, lines: [line(made.article, made.vat, '1', '10.00')] })
    );
    expect(readBack(linked).length).toBeGreaterThan(0);
  });

  it('checks the records a write names in one statement, its customer through the rules\' read of it', async () => {
    const statements = await statementsOf(app.strapi, () => invoice({ lines: [line(made.article, made.vat, '1', '100.00')] }));
    // the line's article and VAT code are checked together: one statement reads both tables
    const checks = statements.filter((sql) => reading([sql], 'articles').length > 0 && reading([sql], 'vat_codes').length > 0 && /union all/i.test(sql));
    expect(checks).toHaveLength(1);
    // the customer is not checked apart: the rules' one read of it tells whether it exists
    expect(reading(statements, 'customers').filter((sql) => /union all/i.test(sql))).toEqual([]);
    expect(reading(statements, 'customers').filter((sql) => /holdback_days/.test(sql))).toHaveLength(1);
    // the customer names no salesman: its assignments, with their employees, are one statement
    expect(reading(statements, 'components_customer_salesman_assignment')).toHaveLength(1);
  });

  it('still refuses a customer that does not exist, on its field', async () => {
    const res = await app.api().post('/api/invoices').send({ data: { number: `WR-MISSING-${Date.now()}`, customer: 'no-such-customer-0000000', date: '2026-01-10', lines: [line(made.article, made.vat, '1', '10.00')] } });
    expect(res.status).toBe(400);
    const errors = res.body.error.details.errors as { path: string[]; message: string }[];
    expect(errors.map((e) => e.path.join('.'))).toEqual(['customer']);
    expect(errors[0].message).toContain('no-such-customer-0000000');
  });

  it('still fills what the customer gives, and applies each rule', async () => {
    const created: any = await invoice();
    const stored: any = await app.strapi.db.query('api::invoice.invoice').findOne({
      where: { documentId: created.documentId },
      populate: { company: { select: ['documentId'] }, currency: { select: ['documentId'] }, billingSite: { select: ['documentId'] }, lines: { populate: { vatCode: { select: ['documentId'] } } } },
    });
    expect(stored.company?.documentId).toBe(made.company.documentId);
    expect(stored.currency?.documentId).toBe(made.currency.documentId);
    expect(stored.billingSite?.documentId).toBe(made.site.documentId);
    expect(stored.lines[0].vatCode?.documentId).toBe(made.vat.documentId);
    // holdback: 5 % of 120.00, due 30 days (the customer's) after the invoice date
    expect(Number(stored.holdbackAmount)).toBe(6);
    expect(stored.holdbackDueDate).toBe('2026-02-09');
  });
});
