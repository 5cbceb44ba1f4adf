/**
 * Postgres with `DATABASE_SCHEMA` other than `public`: the app's own SQL (the dashboard's sums, the
 * flow's link-table reads, the plugin's exposure, locks and decisions, the statement's batched
 * reads) names tables without a schema, as Strapi's own joins do; Strapi sets every pooled
 * connection's `search_path` to the configured schema, so they must all land there. Every table is
 * in that schema and none in `public`.
 */
import { adminSession } from '../helpers/credit';
import { dec, Factories, Probes } from '../helpers/factories';
import { binary, pdfText } from '../helpers/pdf-text';
import { testApp } from '../helpers/strapi';
import { TEMPLATE_ENV, usesPostgres } from '../helpers/template-db';

const SCHEMA = 'ledger';
const saved = { schema: process.env.DATABASE_SCHEMA, template: process.env[TEMPLATE_ENV] };
// a database of its own, not a copy of the run's template (whose tables are in public)
const app = testApp({
  beforeBoot: () => {
    process.env.DATABASE_SCHEMA = SCHEMA;
    delete process.env[TEMPLATE_ENV];
  },
});
afterAll(() => {
  for (const [key, value] of [['DATABASE_SCHEMA', saved.schema], [TEMPLATE_ENV, saved.template]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

const onPostgres = usesPostgres() ? describe : describe.skip;

onPostgres(`Postgres on schema "${SCHEMA}"`, () => {
  it('creates every table in the configured schema and none in public', async () => {
    const { rows } = await app.strapi.db.connection.raw(
      "select table_schema as schema, count(*)::int as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema') group by table_schema"
    );
    expect(rows).toEqual([{ schema: SCHEMA, n: expect.any(Number) }]);
    expect(rows[0].n).toBeGreaterThan(100);
  });

  it('runs the credit check, the sales flow, the dashboard and the statement there', async () => {
    const f = new Factories(app.api);
    const probe = new Probes(app.api);
    const admin = await adminSession(app);
    const eur = (await f.isoCurrency('EUR')).documentId;
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'block', threshold: '15000.00', currency: 'EUR' });

    // the flow reads through link tables; the plugin locks, reads and writes its own tables
    const order = (await f.orderFor(customer, eur, [[1, 10000]])) as { documentId: string };
    const delivered = await probe.op(`/api/orders/${order.documentId}/deliveries`, { by: 'percentage', percentage: 40 });
    expect(delivered.status).toBe(201);
    const invoiced = await probe.op('/api/invoices/from-sources', { deliveries: [delivered.body.data.documentId] });
    expect(invoiced.status).toBe(201);
    expect(await probe.byBucket(customer)).toEqual({ orders: '6000.00', invoices: '4000.00' });
    expect(await probe.drift()).toEqual([]);

    // over the threshold: refused with the plugin's reason code
    const refused = await f.invoiceResponse(customer, eur, 6000);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.reason).toBe('overThreshold');

    const dashboard = await admin.get(`/customer-records/customers/${customer}/dashboard`);
    expect(dashboard.status).toBe(200);
    expect(dec(dashboard.body.data.paymentTerms.total)).toBe('4800.00');

    const statement = await app.api().get(`/api/credit-control/reports/parties/${customer}/statement`).buffer(true).parse(binary);
    expect(statement.status).toBe(200);
    expect((await pdfText(statement.body)).text).toContain(invoiced.body.data[0].number);
  });
});
