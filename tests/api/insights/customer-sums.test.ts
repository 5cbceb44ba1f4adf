import { recomputeDerived } from '../../../src/flow/recompute';
import { sumsOf } from '../../../src/hooks/customer-sums';
import { Factories, uniq, type Doc } from '../../helpers/factories';
import { adminSession } from '../../helpers/credit';
import { statementsOf } from '../../helpers/statements';
import { testApp, waitForIdlePool } from '../../helpers/strapi';

/**
 * The dashboard's maintained sums (README, "P7"): after each kind of write, every customer's stored
 * sums equal what its documents say now (the same grouped selects over the documents), a rebuild
 * gives what the writes kept, and the dashboard reads the sums alone, never the customer's history.
 */
const app = testApp();
let f: Factories;
let a: Doc;
let b: Doc;
let eur: string;
let usd: string;

const customers = () => [a, b];

/** Stored = recomputed for both customers and every sum; returns how many rows they hold. */
async function expectSumsEqualDocuments(): Promise<number> {
  let rows = 0;
  for (const customer of customers()) {
    for (const { table, stored, recomputed } of await sumsOf(app.strapi).check(customer.id)) {
      expect({ customer: customer.documentId, table, rows: stored }).toEqual({ customer: customer.documentId, table, rows: recomputed });
      rows += stored.length;
    }
  }
  return rows;
}

const put = async (plural: string, doc: Doc, data: Record<string, unknown>) => {
  const res = await app.api().put(`/api/${plural}/${doc.documentId}`).send({ data });
  if (res.status !== 200) throw new Error(`PUT /api/${plural} → ${res.status}: ${JSON.stringify(res.body?.error)}`);
  return res.body.data;
};
const tables = () => sumsOf(app.strapi).definitions.map((d) => d.table);
const dump = async () => {
  const out: Record<string, string[]> = {};
  for (const table of tables()) out[table] = (await app.strapi.db.connection(table).select('*').whereNot('n', 0)).map((r: any) => JSON.stringify(Object.values(r).map(String))).sort();
  return out;
};

beforeAll(async () => {
  f = new Factories(app.api);
  a = await f.customer({ callName: uniq('Sums A') });
  b = await f.customer({ callName: uniq('Sums B') });
  eur = (await f.isoCurrency('EUR')).documentId;
  usd = (await f.isoCurrency('USD')).documentId;
});

describe("the dashboard's maintained sums", () => {
  it('follow invoices and credit notes: created, issued, re-lined, moved, re-dated, cancelled and deleted', async () => {
    const { lines, a1 } = await f.lines();
    const draft = await f.invoice({ customer: a.documentId, currency: eur, state: 'draft', date: '2025-03-01', lines });
    expect(await expectSumsEqualDocuments()).toBe(0); // a draft is neither billed nor owed
    await put('invoices', draft, { state: 'issued', dueDate: '2025-04-01' });
    expect(await expectSumsEqualDocuments()).toBeGreaterThan(0);
    const issued = await f.invoice({ customer: a.documentId, customerToBill: b.documentId, currency: usd, state: 'issued', date: '2024-12-30', dueDate: '2025-01-30', lines });
    await expectSumsEqualDocuments();
    const credit = await f.invoice({ customer: a.documentId, currency: eur, state: 'issued', kind: 'creditNote', creditedInvoice: draft.documentId, date: '2025-03-05', lines: [{ label: 'back', quantity: 1, unitPrice: '100.00', vatRate: 20, article: a1.documentId }] });
    await expectSumsEqualDocuments();
    await put('invoices', issued, { lines: [{ label: 'one', quantity: 3, unitPrice: '10.00', vatRate: 20 }] }); // new lines, no article
    await expectSumsEqualDocuments();
    await put('invoices', issued, { customerToBill: a.documentId }); // both roles on one customer
    await expectSumsEqualDocuments();
    await put('invoices', issued, { customer: b.documentId, customerToBill: null, date: '2025-01-02', dueDate: null, currency: eur });
    await expectSumsEqualDocuments();
    await put('invoices', credit, { state: 'cancelled' }); // a credit note first, then what it credited
    await put('invoices', draft, { state: 'cancelled' });
    await expectSumsEqualDocuments();
    expect((await app.api().delete(`/api/invoices/${issued.documentId}`)).status).toBe(204);
    await expectSumsEqualDocuments();
  });

  it('follow payments: receipts allocated, on account, re-dated, cancelled, and the paid states the flow derives', async () => {
    const invoice = await f.invoice({ customer: b.documentId, currency: eur, state: 'issued', date: '2025-05-02', dueDate: '2025-06-01', lines: [{ label: 'x', quantity: 1, unitPrice: '1000.00', vatRate: 20 }] });
    const part = await f.receipt({ customer: b.documentId, currency: eur, date: '2025-05-20', amount: '200.00', allocations: [{ invoice: invoice.documentId, amount: '200.00' }] });
    await expectSumsEqualDocuments(); // partially paid: what is owed moves
    const onAccount = await f.receipt({ customer: b.documentId, currency: eur, date: '2025-05-21', amount: '300.00' });
    await expectSumsEqualDocuments();
    await put('receipts', onAccount, { date: '2025-07-01', allocations: [{ invoice: invoice.documentId, amount: '100.00' }] });
    await expectSumsEqualDocuments();
    await f.receipt({ customer: b.documentId, currency: eur, date: '2025-05-25', amount: '900.00', allocations: [{ invoice: invoice.documentId, amount: '900.00' }] });
    await expectSumsEqualDocuments(); // paid: owed no more, still billed
    await put('receipts', part, { state: 'cancelled' });
    await expectSumsEqualDocuments();
    const dashboard = (await (await adminSession(app)).get(`/customer-records/customers/${b.documentId}/dashboard`)).body.data;
    expect(dashboard.paymentTerms).toBeDefined();
  });

  it("follow the flow's recompute of derived figures (a database migrated into the flow)", async () => {
    const invoice = await f.invoice({ customer: a.documentId, currency: eur, state: 'issued', date: '2025-08-01', lines: [{ label: 'x', quantity: 1, unitPrice: '500.00', vatRate: 20 }] });
    await f.receipt({ customer: a.documentId, currency: eur, date: '2025-08-10', amount: '600.00', allocations: [{ invoice: invoice.documentId, amount: '600.00' }] });
    // rows from before the flow: no payment derived on them, the sums built from them at boot
    await app.strapi.db.connection('invoices').where('document_id', invoice.documentId).update({ amount_paid: 0, state: 'issued' });
    await app.strapi.db.connection('receipts').update({ allocated_amount: 0 });
    await sumsOf(app.strapi).rebuild();
    const changed = await recomputeDerived(app.strapi);
    expect(changed['api::invoice.invoice']).toBeGreaterThan(0);
    expect(changed['api::receipt.receipt']).toBeGreaterThan(0);
    await expectSumsEqualDocuments();
  });

  it('forget a deleted customer, and a rebuild gives the rows the writes kept', async () => {
    const gone = await f.customer({ callName: uniq('Gone') });
    await f.receipt({ customer: gone.documentId, currency: eur, date: '2025-02-01', amount: '50.00' });
    const count = async () => {
      let n = 0;
      for (const table of tables()) n += (await app.strapi.db.connection(table).where('customer_id', gone.id)).length;
      return n;
    };
    expect(await count()).toBe(1);
    expect((await app.api().delete(`/api/customers/${gone.documentId}`)).status).toBe(204);
    expect(await count()).toBe(0);
    const kept = await dump();
    expect(Object.values(kept).flat().length).toBeGreaterThan(2);
    await sumsOf(app.strapi).rebuild();
    expect(await dump()).toEqual(kept);
    // a database the sums were never built on (an older version): built at boot
    await app.strapi.store({ type: 'app', name: 'customer-sums' }).delete({ key: 'fingerprint' });
    for (const table of tables()) await app.strapi.db.connection(table).del();
    expect(await sumsOf(app.strapi).ensureBuilt()).toBe(true);
    expect(await dump()).toEqual(kept);
    expect(await sumsOf(app.strapi).ensureBuilt()).toBe(false);
  });

  it('cost a draft invoice create no statement, and an update that moves nothing none', async () => {
    const touching = (list: string[]) => list.filter((sql) => tables().some((t) => sql.includes(t)));
    const created = await statementsOf(app.strapi, () => f.invoice({ customer: a.documentId, currency: eur, state: 'draft', lines: [{ label: 'x', quantity: 1, unitPrice: '10.00', vatRate: 20 }] }));
    expect(touching(created)).toEqual([]);
    const issued = await f.invoice({ customer: a.documentId, currency: eur, state: 'issued', date: '2025-02-02', lines: [{ label: 'x', quantity: 1, unitPrice: '10.00', vatRate: 20 }] });
    const noted = await statementsOf(app.strapi, () => put('invoices', issued, { salesman: null }));
    expect(touching(noted)).toEqual([]);
    const redated = await statementsOf(app.strapi, () => put('invoices', issued, { date: '2025-02-03' }));
    // taken away, then added: each way one statement per sum (billed, owed), both in one on Postgres (a round trip each)
    const postgres = (app.strapi.db as any).dialect.client === 'postgres';
    expect(touching(redated)).toHaveLength(postgres ? 2 : 4);
    for (const table of ['customer_billed_sums', 'customer_owed_sums']) expect(redated.filter((sql) => sql.includes(table))).toHaveLength(2);
    await expectSumsEqualDocuments();
  });

  it("reads the dashboard from the sums alone, never the customer's invoices, lines or receipts", async () => {
    const admin = await adminSession(app);
    // Strapi reloads a created record after answering (its invoices and lines): those reads end before counting
    await waitForIdlePool(app.strapi);
    const statements = await statementsOf(app.strapi, async () => expect((await admin.get(`/customer-records/customers/${a.documentId}/dashboard`)).status).toBe(200));
    const read = statements.filter((s) => !/strapi_sessions|admin_/.test(s));
    expect(read.filter((s) => /\b(invoices|receipts|components_sales_document_lines)\b/.test(s))).toEqual([]);
    expect(read.filter((s) => tables().some((t) => s.includes(t)))).toHaveLength(3);
  });
});
