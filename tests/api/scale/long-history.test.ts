/**
 * A customer with more open invoices than SQLite's 32,766 bound variables: every read of its history
 * (the dashboard, the 360 view, the invoice statement, the dunning preview and its letter list)
 * answers, with figures that add up, instead of failing with "too many SQL variables". The invoices
 * are written by the seed's bulk writer (the document service would take minutes for as many).
 */
import Decimal from 'decimal.js';
import { BulkWriter } from '../../../database/seeds/bulk-insert';
import { rebuildMaintained } from '../../../src/hooks/maintained';
import { adminSession } from '../../helpers/credit';
import { Factories, uniq, type Doc } from '../../helpers/factories';
import { binary, pdfText } from '../../helpers/pdf-text';
import { testApp } from '../../helpers/strapi';

const app = testApp();
/** past SQLite's variable limit (32,766) */
const OPEN = 33_000;
const AS_OF = '2026-06-30';
let customer: Doc;
let admin: Awaited<ReturnType<typeof adminSession>>;
let inclTax = new Decimal(0);
let exclTax = new Decimal(0);
const numbers: string[] = [];

/** Invoice i: 10.01 € to 1000.00 € before 20 % VAT, dated in 2025, due 30 days later (all due before AS_OF). */
const amountOf = (i: number) => new Decimal((i % 100_000) + 1001).div(100);
const dayOf = (i: number) => new Date(Date.UTC(2025, 0, 1) + (i % 300) * 86_400_000).toISOString().slice(0, 10);
const plus30 = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  admin = await adminSession(app);
  const f = new Factories(app.api);
  const eur = await f.currency({ code: 'EUR', name: 'Euro' });
  const family = await f.articleFamily({ code: uniq('FAM'), label: 'Long history' });
  const article = await f.article({ family: family.documentId });
  customer = await f.customer({ callName: uniq('Long history'), currency: eur.documentId });

  const writer = new BulkWriter(app.strapi, { batchSize: 500, flushRows: 50_000, fingerprint: false });
  await writer.prepare();
  const invoices = writer.model('api::invoice.invoice');
  const lines = writer.model('sales.document-line');
  const at = Date.now();
  for (let i = 0; i < OPEN; i += 1) {
    const excl = amountOf(i);
    const tax = excl.times(0.2).toDecimalPlaces(2);
    const date = dayOf(i);
    const number = `LH-${String(i).padStart(6, '0')}`;
    numbers.push(number);
    const id = invoices.insert(
      { number, kind: 'invoice', date, dueDate: plus30(date), state: 'issued', amountExclTax: excl.toFixed(2), taxAmount: tax.toFixed(2), amountInclTax: excl.plus(tax).toFixed(2), amountPaid: '0.00' },
      { documentId: `lh${String(i).padStart(22, '0')}`, at }
    );
    invoices.link('customer', id, customer.id);
    invoices.link('currency', id, eur.id);
    const line = invoices.component('lines', id, { label: 'day', quantity: '1.000', unitPrice: excl.toFixed(2), vatRate: '20.00', amountExclTax: excl.toFixed(2) }, 1);
    lines.link('article', line, article.id);
    exclTax = exclTax.plus(excl);
    inclTax = inclTax.plus(excl).plus(tax);
    await writer.maybeFlush();
  }
  await writer.finish();
  // bulk rows bypass the document service: the 360 view's index and the dashboard's sums are rebuilt from them, as the seeder does
  await rebuildMaintained(app.strapi);
}, 600_000);

const euros = (value: Decimal) => value.toFixed(2);
/** French money as the PDFs print it: "1 234 567,89" */
const french = (value: Decimal) => value.toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

describe(`a customer with ${OPEN.toLocaleString('en-US')} open invoices`, () => {
  it('has its dashboard: payment terms and billing by family summed over every invoice', async () => {
    const res = await admin.get(`/customer-records/customers/${customer.documentId}/dashboard`);
    expect(res.status).toBe(200);
    const { paymentTerms, billingByFamily } = res.body.data;
    expect(paymentTerms.total).toBe(euros(inclTax));
    expect(paymentTerms.bands.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(OPEN);
    expect(paymentTerms.bands[0]).toMatchObject({ band: 'overdue', count: OPEN });
    expect(billingByFamily.years).toEqual([expect.objectContaining({ year: 2025, total: euros(exclTax) })]);
  }, 120_000);

  it('has its 360 view: a page of the newest, and the full count', async () => {
    const res = await admin.get(`/customer-records/customers/${customer.documentId}/overview?limit=20`);
    expect(res.status).toBe(200);
    expect(res.body.data.sales.byType).toEqual([{ type: 'invoices', uid: 'api::invoice.invoice', total: OPEN }]);
    expect(res.body.data.sales.rows).toHaveLength(20);
    // its last page: the oldest day's first invoices (i = 0, 300, …, 5,700), newest first, sorted and cut by the database
    const last = await admin.get(`/customer-records/customers/${customer.documentId}/overview/sales?page=${OPEN / 20}&pageSize=20`);
    expect(last.status).toBe(200);
    expect(last.body.meta.pagination).toEqual({ page: OPEN / 20, pageSize: 20, pageCount: OPEN / 20, total: OPEN });
    expect(last.body.data.map((r: any) => r.number)).toEqual(Array.from({ length: 20 }, (_, k) => numbers[(19 - k) * 300]));
  }, 120_000);

  it('has its invoice statement: every invoice, and the balance of them all', async () => {
    const res = await app.api().get(`/api/credit-control/reports/parties/${customer.documentId}/statement`).query({ asOf: AS_OF }).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const { text } = await pdfText(res.body);
    for (const number of [numbers[0], numbers[OPEN - 1], numbers[32_766]]) expect(text).toContain(number);
    expect(text.match(/LH-\d{6}/g)).toHaveLength(OPEN);
    expect(text).toContain(french(inclTax));
  }, 300_000);

  it('has its dunning preview and letter list: one letter of every overdue invoice', async () => {
    const criteria = { asOf: AS_OF, dueBefore: AS_OF, party: customer.documentId };
    const list = await app.api().get('/api/credit-control/reports/dunning/letters').query(criteria);
    expect(list.status).toBe(200);
    expect(list.body.meta.pagination.total).toBe(1);
    expect(list.body.data[0].invoices).toHaveLength(OPEN);
    expect(list.body.data[0].totals[0]).toMatchObject({ currency: 'EUR', balance: euros(inclTax) });

    const res = await app.api().get('/api/credit-control/reports/dunning').query(criteria).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const { text } = await pdfText(res.body);
    expect(text.match(/LH-\d{6}/g)).toHaveLength(OPEN);
  }, 300_000);
});
