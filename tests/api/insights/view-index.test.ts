import { purchaseParts, salesParts, unionPart, type SectionPart } from '../../../src/api/customer/lib/section-parts';
import { viewIndexOf } from '../../../src/hooks/customer-view-index';
import { newestAcross } from '../../../src/repositories/newest-across';
import { VIEW_TABLES } from '../../../src/repositories/customer-view-index';
import { Factories, Probes, uniq, type Doc } from '../../helpers/factories';
import { adminSession } from '../../helpers/credit';
import { statementsOf } from '../../helpers/statements';
import { testApp, waitForIdlePool } from '../../helpers/strapi';

/**
 * The 360 view's maintained index (README, "P7"): after each kind of write, the sales and purchases
 * it pages equal the union read of the customer's link rows it replaced (the oracle), and a page
 * reads a range of the index, never the customer's history.
 */
const app = testApp();
let f: Factories;
let probe: Probes;
let a: Doc;
let b: Doc;
let linked: Doc;
let other: Doc;
let currency: string;

const sections = () => ({ sales: salesParts(app.strapi), purchases: purchaseParts() });
const oracle = (customerId: number, parts: SectionPart[], page: { page: number; pageSize: number }) =>
  newestAcross(app.strapi, parts.map((p) => unionPart(app.strapi, p, customerId)), page);

/** Every page shape the view asks for, index against oracle, for both customers and both sections. */
async function expectIndexEqualsOracle() {
  const index = viewIndexOf(app.strapi);
  let seen = 0;
  for (const customer of [a, b]) {
    for (const [section, parts] of Object.entries(sections())) {
      // only some types readable (a role without the others): left out of rows and totals alike
      const some = parts.filter((_, i) => i % 2 === 0);
      for (const shown of [parts, some]) {
        for (const page of [{ page: 1, pageSize: 100 }, { page: 2, pageSize: 2 }]) {
          const [got, want] = [await index.page(customer.id, section, shown, page), await oracle(customer.id, shown, page)];
          expect({ customer: customer.documentId, section, page, ...got }).toEqual({ customer: customer.documentId, section, page, ...want });
          seen += got.rows.length;
        }
      }
    }
  }
  expect(seen).toBeGreaterThan(0);
}

const put = async (plural: string, doc: Doc, data: Record<string, unknown>) => {
  const res = await app.api().put(`/api/${plural}/${doc.documentId}`).send({ data });
  if (res.status !== 200) throw new Error(`PUT /api/${plural} → ${res.status}: ${JSON.stringify(res.body?.error)}`);
  return res.body.data;
};
const rowsOf = async (table: string) =>
  (await app.strapi.db.connection(table).select('*')).map((r: any) => JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : String(v)])))).sort();

beforeAll(async () => {
  f = new Factories(app.api);
  probe = new Probes(app.api);
  a = await f.customer({ callName: uniq('Index A') });
  b = await f.customer({ callName: uniq('Index B') });
  linked = await f.supplier({ callName: uniq('Linked'), linkedProspect: a.documentId });
  other = await f.supplier({ callName: uniq('Other') });
  currency = (await f.isoCurrency('EUR')).documentId;
});

describe("the 360 view's maintained index", () => {
  it('follows creates, signed states, dates, customers and customers to bill, and deletes', async () => {
    const quote = await f.quotation({ customer: a.documentId, state: 'draft', date: '2025-01-10' });
    // one date, three types: ordered by type, then newest id
    await f.order({ customer: a.documentId, state: 'draft', date: '2025-01-10' });
    await f.opportunity({ customer: a.documentId, date: '2025-01-10' });
    await f.opportunity({ customer: a.documentId, date: '2025-01-10' });
    await expectIndexEqualsOracle();
    await put('quotations', quote, { state: 'signed', signedOn: '2025-01-12' }); // into a signed state: out of the view
    await expectIndexEqualsOracle();
    await put('quotations', quote, { state: 'sent', signedOn: null }); // out of it: back in
    await put('quotations', quote, { date: '2025-06-01' });
    await expectIndexEqualsOracle();
    await put('quotations', quote, { customer: b.documentId }); // moved: out of A's view, into B's
    await expectIndexEqualsOracle();

    const invoice = await f.invoice({ customer: a.documentId, customerToBill: b.documentId, state: 'draft', date: '2025-03-01' });
    await expectIndexEqualsOracle();
    await put('invoices', invoice, { customerToBill: a.documentId }); // both roles on one customer: one row
    await expectIndexEqualsOracle();
    await put('invoices', invoice, { customerToBill: null, date: '2024-12-31' });
    await expectIndexEqualsOracle();
    expect((await app.api().delete(`/api/invoices/${invoice.documentId}`)).status).toBe(204);
    await expectIndexEqualsOracle();
  });

  it('follows the documents the sales flow makes and the states it derives (order, delivery, invoice)', async () => {
    const order = await f.order({ customer: a.documentId, state: 'confirmed', date: '2025-02-01' });
    const delivery = await probe.op(`/api/orders/${order.documentId}/deliveries`, { by: 'percentage', percentage: '50' });
    expect(delivery.status).toBe(201);
    await expectIndexEqualsOracle();
    const invoiced = await probe.op('/api/invoices/from-sources', { deliveries: [delivery.body.data.documentId] });
    expect(invoiced.status).toBe(201);
    await expectIndexEqualsOracle();
  });

  it("follows purchases through their supplier's linked prospect and their sales order's customers", async () => {
    const draftOrder = await f.order({ customer: a.documentId, state: 'draft', date: '2025-04-01' });
    const purchase = await f.supplierOrder({ currency, supplier: linked.documentId, date: '2025-05-04' });
    await f.supplierOrder({ currency, supplier: linked.documentId, state: 'confirmed' }); // signed: left out
    const bought = await f.supplierInvoice({ currency, supplier: other.documentId, salesOrder: draftOrder.documentId, date: '2025-05-04' });
    await expectIndexEqualsOracle();
    await put('orders', draftOrder, { customer: b.documentId }); // the order's purchases move with it
    await expectIndexEqualsOracle();
    await put('orders', draftOrder, { customerToBill: a.documentId });
    await expectIndexEqualsOracle();
    await put('suppliers', linked, { linkedProspect: b.documentId }); // the supplier's purchases move with it
    await expectIndexEqualsOracle();
    await put('supplier-orders', purchase, { state: 'confirmed' });
    await put('supplier-invoices', bought, { salesOrder: null, supplier: linked.documentId });
    await expectIndexEqualsOracle();
    expect((await app.api().delete(`/api/orders/${draftOrder.documentId}`)).status).toBe(204);
    await put('suppliers', linked, { linkedProspect: null });
    await expectIndexEqualsOracle();
  });

  it('forgets a deleted customer, and a rebuild gives the rows and counts the writes kept', async () => {
    const gone = await f.customer({ callName: uniq('Gone') });
    await f.opportunity({ customer: gone.documentId });
    const before = Number((await app.strapi.db.connection(VIEW_TABLES.rows).where('customer_id', gone.id).count({ n: '*' }))[0].n);
    expect(before).toBe(1);
    expect((await app.api().delete(`/api/customers/${gone.documentId}`)).status).toBe(204);
    expect(Number((await app.strapi.db.connection(VIEW_TABLES.rows).where('customer_id', gone.id).count({ n: '*' }))[0].n)).toBe(0);
    expect(await app.strapi.db.connection(VIEW_TABLES.counts).where('customer_id', gone.id)).toEqual([]);
    const [rows, counts] = [await rowsOf(VIEW_TABLES.rows), await rowsOf(VIEW_TABLES.counts)];
    expect(rows.length).toBeGreaterThan(5);
    await viewIndexOf(app.strapi).rebuild();
    const zeroFree = (list: string[]) => list.filter((r) => !/"n":"0"/.test(r));
    expect(await rowsOf(VIEW_TABLES.rows)).toEqual(rows);
    expect(await rowsOf(VIEW_TABLES.counts)).toEqual(zeroFree(counts));
    // emptied (bulk inserts, a database from before the index): built again at boot
    await app.strapi.db.connection(VIEW_TABLES.rows).del();
    expect(await viewIndexOf(app.strapi).ensureBuilt()).toBe(true);
    expect(await rowsOf(VIEW_TABLES.rows)).toEqual(rows);
    expect(await viewIndexOf(app.strapi).ensureBuilt()).toBe(false);
  });

  it("reads a sales page in a bounded number of statements, from the index alone, never the customer's history", async () => {
    const admin = await adminSession(app);
    for (let i = 0; i < 6; i += 1) await f.opportunity({ customer: a.documentId, date: `2023-0${i + 1}-01` });
    // Strapi reloads a created record after answering: let those reads end before counting (a fixed
    // wait was too short on a loaded machine: a reload's statements fell into the count)
    await waitForIdlePool(app.strapi);
    const statements = await statementsOf(app.strapi, async () => expect((await admin.get(`/customer-records/customers/${a.documentId}/overview/sales?page=2&pageSize=3`)).status).toBe(200));
    // past the admin's session: the customer, the index's range and its counts, then per type on the page
    // (3 rows: 3 types at most) its rows and their currency, whatever the customer's history
    const view = statements.filter((s) => !/strapi_sessions|admin_/.test(s));
    expect(view.length).toBeLessThanOrEqual(3 + 2 * 3);
    for (const sql of statements.filter((s) => /opportunities|invoices|quotations|orders/i.test(s) && !/customer_view_/.test(s))) {
      expect(sql).toMatch(/[`"]id[`"] in \((\?|\$\d+)(, (\?|\$\d+)){0,2}\)|_currency_lnk|"?t0"?\."?id"? in/i);
    }
    expect(statements.filter((s) => /_(customer|customer_to_bill|donor_customer)_lnk\b/.test(s))).toEqual([]);

    const index = viewIndexOf(app.strapi);
    const page = statements.find((s) => s.includes(VIEW_TABLES.rows));
    expect(page).toMatch(/limit/i);
    if (app.strapi.db.dialect.client === 'sqlite') {
      // the page is a range of the index in its order: no table scan, no sort
      const parts = index.parts.filter((p) => p.section === 'sales');
      const knex = app.strapi.db.connection;
      const query = knex(VIEW_TABLES.rows).select('part_rank', 'doc_id').where({ customer_id: a.id, section: 'sales', shown: 1 })
        .orderBy([{ column: 'undated', order: 'asc' }, { column: 'sort_date', order: 'desc' }, { column: 'part_rank', order: 'asc' }, { column: 'doc_id', order: 'desc' }])
        .limit(20).offset(20);
      const { sql, bindings } = query.toSQL();
      const plan = (await knex.raw(`explain query plan ${sql}`, bindings)).map((r: any) => r.detail).join('\n');
      expect(plan).toMatch(/USING (COVERING )?INDEX customer_view_rows_page_idx/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
      expect(parts.length).toBeGreaterThan(5);
    }
  });
});
