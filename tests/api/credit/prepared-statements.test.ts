import { Factories, startingKit } from '../../helpers/factories';
import { isRead, queriesOf } from '../../helpers/statements';
import { testApp } from '../../helpers/strapi';

// Postgres plans every statement it is sent: the engine sends its reads and writes of a checked
// write as named statements (planned once per connection) unless `preparedStatements: false`.
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';
const app = testApp();
let f: Factories;
let eur: string;

beforeAll(async () => {
  ({ f, eur } = await startingKit(app.api));
});

const ENGINE = /credit_control_(exposures|decisions|locks)/;
/** the app's named statements: the read models' upkeep (one statement on Postgres), the customer read with its relations */
const APP = /^(with w0 as \()?insert into "customer_(billed|owed)_sums"|^(with w0 as \()?insert into "customer_view_(rows|counts)"|"managementRules"|as "c_callName"/;

/** The statements a piece of work sends that match `pattern` (by default: the engine's tables), with their names. */
async function engineStatements(work: () => Promise<unknown>, pattern = ENGINE): Promise<{ sql: string; name?: string }[]> {
  return (await queriesOf(app.strapi, work)).filter((q) => pattern.test(q.sql)).map((q) => ({ sql: q.sql, name: q.options?.name }));
}

describe("the engine's statements go through knex's client", () => {
  it("every statement of a checked write is on the connection's query and query-response events, with its rows", async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'block', threshold: '1000.00', currency: 'EUR' });
    const knex: any = app.strapi.db.connection;
    const responses: { sql: string; result: unknown }[] = [];
    const onResponse = (result: unknown, query: { sql: string }) => responses.push({ sql: query.sql, result });
    knex.on('query-response', onResponse);
    let sent: { sql: string }[];
    try {
      sent = await engineStatements(async () => expect((await f.invoiceResponse(customer, eur, 10)).status).toBe(201));
    } finally {
      knex.off('query-response', onResponse);
    }
    // the decision's read, and the exposure and decision rows written (one statement on Postgres)
    expect(sent.filter((s) => isRead(s.sql) && /credit_control_exposures/.test(s.sql)).length).toBe(1);
    expect(sent.filter((s) => /credit_control_decisions/.test(s.sql)).length).toBe(1);
    // each answered, the decision's read with one row (the one party)
    for (const statement of sent) expect(responses.filter((r) => r.sql === statement.sql).length).toBeGreaterThanOrEqual(1);
    const read = responses.find((r) => isRead(r.sql) && /credit_control_exposures/.test(r.sql))!.result as any;
    const rows = Array.isArray(read) ? read : read.rows;
    expect(rows).toHaveLength(1);
    expect((await app.api().get(`/api/credit-control/parties/${customer}/credit`)).body.data.exposure).toBe('10.00');
  });
});

(onPostgres ? describe : describe.skip)('named statements on Postgres', () => {
  it("a checked write's engine statements are named by their text, and the next write sends the same names", async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'block', threshold: '1000.00', currency: 'EUR' });
    const first = await engineStatements(async () => expect((await f.invoiceResponse(customer, eur, 10)).status).toBe(201));
    const second = await engineStatements(async () => expect((await f.invoiceResponse(customer, eur, 20)).status).toBe(201));
    // the saved invoice with the party's lock and the decision's inputs, the exposure with the decision row (one statement each)
    expect(first.length).toBeGreaterThanOrEqual(2);
    for (const statement of [...first, ...second]) expect(statement.name).toMatch(/^credit_control_[0-9a-f]{24}$/);
    expect(second.map((s) => s.name)).toEqual(first.map((s) => s.name));
    // one text, one name
    expect(new Set(first.map((s) => s.name)).size).toBe(new Set(first.map((s) => s.sql)).size);
    expect((await app.api().get(`/api/credit-control/parties/${customer}/credit`)).body.data.exposure).toBe('30.00');
  });

  it("the app's hot statements are named too: the customer read with its relations, the read models' upkeep", async () => {
    const customer = (await f.bareCustomer()).documentId;
    const sent = await engineStatements(async () => expect((await f.invoiceResponse(customer, eur, 10)).status).toBe(201), APP);
    // the customer; the dashboard's sums with the 360 view's rows and counts
    expect(sent.length).toBeGreaterThanOrEqual(2);
    for (const statement of sent) expect(statement.name).toMatch(/^app_[0-9a-f]{24}$/);
  });

  it('DATABASE_PREPARED_STATEMENTS=false (the app\'s database.preparedStatements and the plugin\'s preparedStatements) sends them unnamed', async () => {
    app.strapi.config.set('plugin::credit-control.preparedStatements', false);
    app.strapi.config.set('database.preparedStatements', false);
    try {
      const customer = (await f.bareCustomer()).documentId;
      await f.creditPolicy(customer, { mode: 'block', threshold: '1000.00', currency: 'EUR' });
      const sent = await engineStatements(async () => expect((await f.invoiceResponse(customer, eur, 10)).status).toBe(201), new RegExp(`${ENGINE.source}|${APP.source}`));
      expect(sent.filter((s) => ENGINE.test(s.sql)).length).toBeGreaterThanOrEqual(2);
      expect(sent.filter((s) => APP.test(s.sql)).length).toBeGreaterThanOrEqual(2);
      expect(sent.filter((s) => s.name !== undefined)).toEqual([]);
    } finally {
      app.strapi.config.set('plugin::credit-control.preparedStatements', undefined);
      app.strapi.config.set('database.preparedStatements', true);
    }
  });
});
