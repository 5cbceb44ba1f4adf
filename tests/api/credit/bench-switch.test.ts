import { decisionCount } from '../../helpers/credit';
import { Factories, Probes, startingKit } from '../../helpers/factories';
import { startApp, type TestApp } from '../../helpers/strapi';

// The bench's baseline switch (issue 8): the check can be turned off only in a server booted with
// CREDIT_CONTROL_BENCH=1. Anywhere else the plugin loads no middleware for the header (issue 18): it
// changes nothing, the check runs, and the in-process flag throws.
const HEADER = 'x-credit-control-bench';
const INVOICE = 'api::invoice.invoice';
let app: TestApp;
let f: Factories;
let probe: Probes;
let eur: string;
let blocked: string;

const invoiceCount = (customer: string) => app.strapi.db.query(INVOICE).count({ where: { customer: { documentId: customer } } });
const invoiceBody = (customer: string, number: string) => ({
  data: { number, customer, currency: eur, date: '2026-01-10', state: 'issued', lines: [{ quantity: 1, unitPrice: 100, vatRate: 20 }] },
});

beforeAll(async () => {
  delete process.env.CREDIT_CONTROL_BENCH;
  app = await startApp({ keepDatabase: true });
  ({ f, probe, eur } = await startingKit(app.api));
  blocked = (await f.bareCustomer()).documentId;
  expect((await f.invoiceResponse(blocked, eur, 1000)).status).toBe(201);
  await f.creditPolicy(blocked, { mode: 'block', threshold: '1000.00', currency: 'EUR' });
});
afterAll(async () => {
  delete process.env.CREDIT_CONTROL_BENCH;
  await app?.stop();
  await app?.database.cleanup();
});

describe('a server started without CREDIT_CONTROL_BENCH', () => {
  it.each(['off', 'on', 'maybe'])('checks a create carrying %s in the header as any other: refused by the credit check, nothing written', async (value) => {
    const before = await decisionCount(app, blocked);
    const res = await app.api().post('/api/invoices').set(HEADER, value).send(invoiceBody(blocked, `BENCH-REFUSED-${value}`));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Credit blocked/);
    expect(await invoiceCount(blocked)).toBe(1);
    expect(await app.strapi.db.query(INVOICE).count({ where: { number: `BENCH-REFUSED-${value}` } })).toBe(0);
    // the check ran and logged its refusal
    expect(await decisionCount(app, blocked)).toBe(before + 1);
  });

  it('ignores the header on reads', async () => {
    const res = await app.api().get(`/api/credit-control/parties/${blocked}/credit`).set(HEADER, 'off');
    expect(res.status).toBe(200);
  });

  it('without the header the check is on: the same create is refused by the credit check', async () => {
    const res = await app.api().post('/api/invoices').send(invoiceBody(blocked, 'BENCH-CHECKED'));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Credit blocked: outstanding 1,100\.00 EUR exceeds the 1,000\.00 EUR threshold/);
    expect(await invoiceCount(blocked)).toBe(1);
  });

  it('does not honour the in-process flag: withCheckOff throws and nothing is written', async () => {
    const bench = app.strapi.plugin('credit-control').service('bench-switch');
    expect(bench.enabled()).toBe(false);
    const create = jest.fn(() => app.strapi.documents(INVOICE).create(invoiceBody(blocked, 'BENCH-FLAG')));
    expect(() => bench.withCheckOff(create)).toThrow(/only be switched off in a server started with CREDIT_CONTROL_BENCH=1/);
    expect(create).not.toHaveBeenCalled();
    expect(bench.isOff()).toBe(false);
    expect(await invoiceCount(blocked)).toBe(1);
  });
});

describe('a bench server (CREDIT_CONTROL_BENCH=1 at boot, same database)', () => {
  beforeAll(async () => {
    await app.stop();
    process.env.CREDIT_CONTROL_BENCH = '1';
    app = await startApp({ database: app.database, keepDatabase: true });
    f = new Factories(app.api);
    probe = new Probes(app.api);
  });

  it('lets a request turn the check off: the refused create goes through and the maintained exposure does not move', async () => {
    const res = await app.api().post('/api/invoices').set(HEADER, 'off').send(invoiceBody(blocked, 'BENCH-OFF'));
    expect(res.status).toBe(201);
    expect(await invoiceCount(blocked)).toBe(2);
    expect((await probe.summary(blocked)).exposure).toBe('1000.00');
    // with the check on it is still refused
    const on = await app.api().post('/api/invoices').set(HEADER, 'on').send(invoiceBody(blocked, 'BENCH-ON'));
    expect(on.status).toBe(400);
    expect(on.body.error.message).toMatch(/^Credit blocked/);
  });

  it('honours the in-process flag for the calls inside it only', async () => {
    const bench = app.strapi.plugin('credit-control').service('bench-switch');
    const created = await bench.withCheckOff(() => app.strapi.documents(INVOICE).create(invoiceBody(blocked, 'BENCH-FLAG-ON')));
    expect(created.documentId).toEqual(expect.any(String));
    await expect(app.strapi.documents(INVOICE).create(invoiceBody(blocked, 'BENCH-FLAG-AFTER'))).rejects.toThrow(/^Credit blocked/);
    // clean up with the check off too, so that maintained and recomputed exposure agree
    for (const number of ['BENCH-OFF', 'BENCH-FLAG-ON']) {
      const row = await app.strapi.db.query(INVOICE).findOne({ where: { number }, select: ['documentId'] });
      await bench.withCheckOff(() => app.strapi.documents(INVOICE).delete({ documentId: row.documentId }));
    }
    const drift = await app.api().post('/api/credit-control/reconcile').send({ fix: false });
    expect(drift.body.data.drift).toEqual([]);
  });

  it('refuses a header value other than on or off with a 400 naming it', async () => {
    const res = await app.api().post('/api/invoices').set(HEADER, 'maybe').send(invoiceBody(blocked, 'BENCH-MAYBE'));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(`Header ${HEADER} must be "on" or "off"`);
    expect(await app.strapi.db.query(INVOICE).count({ where: { number: 'BENCH-MAYBE' } })).toBe(0);
  });
});
