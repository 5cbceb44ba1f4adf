import { adminSession, decisionCount } from '../../helpers/credit';
import { Factories, Probes, startingKit } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

// Every write path and the anchors' known bypasses go through the credit check (DESIGN "Every path").
const INV = 'api::invoice.invoice';
const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;
let admin: Awaited<ReturnType<typeof adminSession>>;
let seq = 0;

beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
  admin = await adminSession(app);
});

const line = (amount: number) => [{ quantity: 1, unitPrice: amount, vatRate: 20 }];
const invoiceData = (customer: string, amount: number, extra: Record<string, unknown> = {}) => ({
  number: `P-${++seq}`,
  customer,
  currency: eur,
  date: '2026-01-10',
  state: 'issued',
  lines: line(amount),
  ...extra,
});
/** Content Manager body: relations as connect, and the document's `state` (a field named `status` would clash with the draft/published dimension). */
const cmData = (customer: string, amount: number) => invoiceData(customer, amount, { customer: { connect: [{ documentId: customer }] } });
const put = (documentId: string, data: Record<string, unknown>) => app.api().put(`/api/invoices/${documentId}`).send({ data });

/** A customer in block mode over its 500.00 threshold: one issued invoice of 1,000.00 pre-tax. */
async function overCustomer(policy: Record<string, unknown> = {}) {
  const customer = (await f.bareCustomer()).documentId;
  const inv = await f.invoiceResponse(customer, eur, 1000);
  expect(inv.status).toBe(201);
  await f.creditPolicy(customer, { mode: 'block', threshold: '500.00', currency: 'EUR', ...policy });
  expect((await probe.summary(customer)).exposure).toBe('1000.00');
  return { customer, invoice: inv.body.data.documentId as string };
}

/** Runs a write that must be refused: the maintained exposure is unchanged and one refusal is audited. */
async function expectRefused<T>(party: string, write: () => Promise<T>, others: string[] = []): Promise<T> {
  const before = await Promise.all([party, ...others].map((p) => probe.summary(p)));
  const refused = await decisionCount(app, party, 'refused');
  const result = await write();
  expect(await Promise.all([party, ...others].map((p) => probe.summary(p)))).toEqual(before);
  expect(await decisionCount(app, party, 'refused')).toBe(refused + 1);
  return result;
}

describe('every path', () => {
  it('REST create: 400 with the clerk message and the figures', async () => {
    const { customer, invoice } = await overCustomer();
    const res = await expectRefused(customer, () => app.api().post('/api/invoices').send({ data: invoiceData(customer, 10) }));
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toBe('Credit blocked: outstanding 1,010.00 EUR exceeds the 500.00 EUR threshold');
    const details = res.body.error.details.creditControl;
    expect(details).toMatchObject({ party: customer, mode: 'block', threshold: '500.00', exposureBefore: '1000.00', exposureAfter: '1010.00' });
    // the same entries as the credit summary: one per bucket, money beside its currency
    expect(details.exposureByBucket).toEqual([{ bucket: 'invoices', amount: '1000.00', currency: 'EUR' }]);
    expect(details.exposureByBucket).toEqual((await probe.summary(customer)).exposureByBucket);
    expect(details.missingRates).toEqual([]);
    expect(details.topDocuments[0]).toMatchObject({ uid: INV, documentId: invoice, bucket: 'invoices', amount: '1000.00', currency: 'EUR' });
    const audit = await app.api().get(`/api/credit-control/decisions?party=${customer}&outcome=refused`);
    expect(audit.body.data[0]).toMatchObject({ documentUid: INV, outcome: 'refused', mode: 'block', actorType: 'api-token' });
  });

  it('GraphQL create: BAD_USER_INPUT', async () => {
    const { customer } = await overCustomer();
    const gql = await expectRefused(customer, () =>
      app
        .api()
        .post('/graphql')
        .send({
          query: `mutation { createInvoice(data: { number: "G-P1", customer: "${customer}", currency: "${eur}", date: "2026-01-01", state: issued, amountExclTax: 10, taxAmount: 2, amountInclTax: 12 }) { documentId } }`,
        })
    );
    expect(gql.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(gql.body.errors[0].message).toMatch(/^Credit blocked: outstanding 1,010.00 EUR exceeds the 500.00 EUR threshold/);
  });

  it('GraphQL update: BAD_USER_INPUT', async () => {
    const { customer, invoice } = await overCustomer();
    const gql = await expectRefused(customer, () =>
      app
        .api()
        .post('/graphql')
        .send({ query: `mutation { updateInvoice(documentId: "${invoice}", data: { state: issued, amountPaid: 0, lines: [{ quantity: 1, unitPrice: 1100, vatRate: 20 }] }) { documentId } }` })
    );
    expect(gql.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(gql.body.errors[0].message).toBe('Credit blocked: outstanding 1,100.00 EUR exceeds the 500.00 EUR threshold');
  });

  it('strapi.documents() from code: rejects with a ValidationError', async () => {
    const { customer, invoice } = await overCustomer();
    const documents = app.strapi.documents(INV);
    await expectRefused(customer, async () => {
      await expect(documents.create({ data: invoiceData(customer, 10) })).rejects.toMatchObject({ name: 'ValidationError', message: expect.stringMatching(/^Credit blocked/) });
    });
    await expectRefused(customer, async () => {
      await expect(documents.update({ documentId: invoice, data: { lines: line(1500) } })).rejects.toMatchObject({ name: 'ValidationError' });
    });
    await expectRefused(customer, async () => {
      await expect(documents.clone({ documentId: invoice, data: { number: 'CODE-CLONE' } })).rejects.toMatchObject({ name: 'ValidationError' });
    });
    const audit = await app.api().get(`/api/credit-control/decisions?party=${customer}&outcome=refused`);
    expect(audit.body.data[0]).toMatchObject({ actorType: 'system' });
  });

  it("strapi.documents() inside a caller's transaction: a refusal undoes the write even when the caller catches it", async () => {
    const { customer } = await overCustomer();
    const data = invoiceData(customer, 50);
    let caught: any;
    await expectRefused(customer, () =>
      app.strapi.db.transaction(async () => {
        try {
          await app.strapi.documents(INV).create({ data });
        } catch (error) {
          caught = error;
        }
      })
    );
    expect(caught).toMatchObject({ name: 'ValidationError', message: 'Credit blocked: outstanding 1,050.00 EUR exceeds the 500.00 EUR threshold' });
    expect(await app.strapi.db.query(INV).count({ where: { number: data.number } })).toBe(0);
    // a caller that lets the refusal through rolls back everything; the refusal is still audited
    await expectRefused(customer, () =>
      expect(app.strapi.db.transaction(() => app.strapi.documents(INV).create({ data: invoiceData(customer, 50) }))).rejects.toMatchObject({ name: 'ValidationError' })
    );
    // and a write that passes inside a caller's transaction is maintained (a payment allocated to the invoice)
    const texts: string[] = [];
    const onQuery = (q: { sql: string }) => texts.push(q.sql);
    app.strapi.db.connection.on('query', onQuery);
    try {
      await app.strapi.db.transaction(async () => {
        const invoice = (await app.strapi.db.query(INV).findOne({ where: { customer: { documentId: customer } } })).documentId;
        await app.strapi.documents('api::receipt.receipt').create({
          data: { number: `P-R-${++seq}`, customer, currency: eur, date: '2026-02-01', amount: 1200, allocations: [{ invoice, amount: 1200 }] } as any,
        });
      });
    } finally {
      app.strapi.db.connection.off('query', onQuery);
    }
    expect((await probe.summary(customer)).exposure).toBe('0.00');
    // each checked write in its savepoint, named by its depth (the same texts on every write), released in stack order
    const open: string[] = [];
    for (const text of texts.filter((t) => /^(RELEASE )?SAVEPOINT /.test(t))) {
      const [, verb, name] = /^(SAVEPOINT|RELEASE SAVEPOINT) (\w+)$/.exec(text) ?? [];
      if (verb === 'SAVEPOINT') expect(name).toBe(`credit_guard_${open.push(name) - 1}`);
      else expect(name).toBe(open.pop());
    }
    // the receipt's, and nested in it the invoice's its allocation updates
    expect(texts).toEqual(expect.arrayContaining(['SAVEPOINT credit_guard_0', 'SAVEPOINT credit_guard_1']));
    expect(open).toEqual([]);
    expect((await app.api().post('/api/credit-control/reconcile').send({ fix: false })).body.data.drift).toEqual([]);
  });

  it('Content Manager create, update and clone are refused', async () => {
    const { customer, invoice } = await overCustomer();
    const created = await expectRefused(customer, () =>
      admin.cmCreate(INV, cmData(customer, 10))
    );
    expect(created.status).toBe(400);
    expect(created.body.error.message).toMatch(/^Credit blocked: outstanding 1,010.00 EUR/);

    const updated = await expectRefused(customer, () => admin.cmUpdate(INV, invoice, { lines: line(1200) }));
    expect(updated.status).toBe(400);
    expect(updated.body.error.message).toMatch(/^Credit blocked: outstanding 1,200.00 EUR/);

    const cloned = await expectRefused(customer, () => admin.cmClone(INV, invoice, { number: 'CM-CLONE' }));
    expect(cloned.status).toBe(400);
    expect(cloned.body.error.message).toMatch(/^Credit blocked: outstanding 2,000.00 EUR/);
    expect(await app.strapi.db.query(INV).count({ where: { customer: { documentId: customer } } })).toBe(1);

    const audit = await app.api().get(`/api/credit-control/decisions?party=${customer}&outcome=refused`);
    expect(audit.body.data.map((r: any) => r.actorType)).toEqual(['admin', 'admin', 'admin']);
    expect(audit.body.data.map((r: any) => r.action)).toEqual(['clone', 'update', 'create']);
  });

  it('Content Manager create within the threshold is allowed and maintained', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'block', threshold: '500.00', currency: 'EUR' });
    const created = await admin.cmCreate(INV, cmData(customer, 100));
    expect([created.status, created.body.error]).toEqual([201, undefined]);
    expect((await probe.summary(customer)).exposure).toBe('100.00');
  });

  it('Content Manager bulk delete lowers the maintained exposure, even over the threshold', async () => {
    const { customer, invoice } = await overCustomer();
    const extra = await f.post('invoices', invoiceData(customer, 0.01)).catch(() => null);
    expect(extra).toBeNull(); // still refused: over the threshold
    const res = await admin.cmBulkDelete(INV, [invoice]);
    expect(res.status).toBe(200);
    expect((await probe.summary(customer)).exposure).toBe('0.00');
    expect((await app.api().post('/api/credit-control/reconcile').send({ fix: false })).body.data.drift).toEqual([]);
  });
});

describe("the anchors' known bypasses", () => {
  it('reopening a cancelled invoice (cancelled → issued) is refused when over; a paid one is reopened only by its payments', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const closed = (await f.invoiceResponse(customer, eur, 300)).body.data;
    expect((await put(closed.documentId, { state: 'cancelled' })).status).toBe(200);
    const paid = (await f.invoiceResponse(customer, eur, 100)).body.data;
    expect((await f.receiptResponse(customer, eur, 120, { allocations: [{ invoice: paid.documentId, amount: 120 }] })).status).toBe(201);
    expect((await f.invoiceResponse(customer, eur, 1000)).status).toBe(201);
    await f.creditPolicy(customer, { mode: 'block', threshold: '500.00', currency: 'EUR' });
    expect((await probe.summary(customer)).exposure).toBe('1000.00');
    const res = await expectRefused(customer, () => put(closed.documentId, { state: 'issued' }));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Credit blocked: outstanding 1,300.00 EUR exceeds the 500.00 EUR threshold');
    expect((await app.strapi.db.query(INV).findOne({ where: { documentId: closed.documentId } })).state).toBe('cancelled');
    // a paid invoice's state follows from the receipts allocated to it: typing it back to issued is a 400 on the field
    const reopen = await put(paid.documentId, { state: 'issued' });
    expect([reopen.status, reopen.body.error.details.errors[0].path]).toEqual([400, ['state']]);
    expect((await app.strapi.db.query(INV).findOne({ where: { documentId: paid.documentId } })).state).toBe('paid');
  });

  it('editing the amounts after creation (lines raised) is refused', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const inv = (await f.invoiceResponse(customer, eur, 400)).body.data;
    await f.creditPolicy(customer, { mode: 'block', threshold: '500.00', currency: 'EUR' });
    const res = await expectRefused(customer, () => put(inv.documentId, { lines: line(600) }));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Credit blocked: outstanding 600.00 EUR exceeds the 500.00 EUR threshold');
    // within the threshold it goes through and is maintained
    expect((await put(inv.documentId, { lines: line(450) })).status).toBe(200);
    expect((await probe.summary(customer)).exposure).toBe('450.00');
  });

  it('changing the customer to a blocked one is refused; moving away from it is allowed', async () => {
    const unlimited = (await f.bareCustomer()).documentId;
    const free = (await f.invoiceResponse(unlimited, eur, 200)).body.data;
    const { customer: blocked, invoice } = await overCustomer();
    const res = await expectRefused(blocked, () => put(free.documentId, { customer: blocked }), [unlimited]);
    expect(res.status).toBe(400);
    expect(res.body.error.details.creditControl.party).toBe(blocked);
    expect((await probe.summary(unlimited)).exposure).toBe('200.00');

    const away = await put(invoice, { customer: unlimited });
    expect(away.status).toBe(200);
    expect((await probe.summary(blocked)).exposure).toBe('0.00');
    expect((await probe.summary(unlimited)).exposure).toBe('1200.00');
  });

  it('cloning an invoice of a blocked customer is refused (a document made from a checked one)', async () => {
    const { customer, invoice } = await overCustomer();
    const res = await expectRefused(customer, () => admin.cmClone(INV, invoice, { number: `CLONE-${++seq}` }));
    expect(res.status).toBe(400);
  });

  it('a credit note modified while the customer is manually blocked is refused', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const note = (await f.invoiceResponse(customer, eur, 100, { kind: 'creditNote' })).body.data;
    expect((await probe.summary(customer)).exposure).toBe('-100.00');
    await f.creditPolicy(customer, { mode: 'none', threshold: '0.00', currency: 'EUR' });
    expect((await app.api().post(`/api/credit-control/parties/${customer}/block`).send({ reason: 'litigation' })).status).toBe(200);
    const res = await expectRefused(customer, () => put(note.documentId, { lines: line(50) }));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Credit blocked: the customer is blocked for total receivables (litigation)');
  });

  it('a zero threshold with negative exposure allows an invoice that keeps exposure ≤ 0', async () => {
    const customer = (await f.bareCustomer()).documentId;
    expect((await f.receiptResponse(customer, eur, 1000)).status).toBe(201);
    await f.creditPolicy(customer, { mode: 'block', threshold: '0.00', currency: 'EUR' });
    expect((await probe.summary(customer)).exposure).toBe('-1000.00');
    expect((await f.invoiceResponse(customer, eur, 800)).status).toBe(201);
    expect((await f.invoiceResponse(customer, eur, 200)).status).toBe(201);
    expect((await probe.summary(customer)).exposure).toBe('0.00');
    const res = await expectRefused(customer, () => f.invoiceResponse(customer, eur, 0.01));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Credit blocked: outstanding 0.01 EUR exceeds the 0.00 EUR threshold');
  });

  it('the customer to bill, not the sold-to customer, carries the check and the exposure', async () => {
    const soldTo = (await f.bareCustomer()).documentId;
    const { customer: blocked } = await overCustomer();
    const res = await expectRefused(blocked, () => f.invoiceResponse(soldTo, eur, 10, { customerToBill: blocked }), [soldTo]);
    expect(res.status).toBe(400);
    expect(res.body.error.details.creditControl.party).toBe(blocked);
    expect(await decisionCount(app, soldTo)).toBe(0);

    const billed = (await f.bareCustomer()).documentId;
    await f.creditPolicy(billed, { mode: 'block', threshold: '5000.00', currency: 'EUR' });
    expect((await f.invoiceResponse(soldTo, eur, 100, { customerToBill: billed })).status).toBe(201);
    expect((await probe.summary(billed)).exposure).toBe('100.00');
    expect((await probe.summary(soldTo)).exposure).toBe('0.00');
  });

  it('a payment (a receipt allocated to the invoice) passes in block mode while over, and so does its un-allocation', async () => {
    const { customer, invoice } = await overCustomer();
    const partial = await f.receiptResponse(customer, eur, 300, { allocations: [{ invoice, amount: 300 }] });
    expect(partial.status).toBe(201);
    expect((await app.strapi.db.query(INV).findOne({ where: { documentId: invoice } })).state).toBe('partiallyPaid');
    expect((await probe.summary(customer)).exposure).toBe('750.00');
    const rest = await f.receiptResponse(customer, eur, 900);
    expect((await app.api().post(`/api/receipts/${rest.body.data.documentId}/allocations`).send({ data: { invoice } })).status).toBe(200);
    expect((await probe.summary(customer)).exposure).toBe('0.00');
    expect(await decisionCount(app, customer, 'refused')).toBe(0);
    expect((await app.api().put(`/api/invoices/${invoice}`).send({ data: { state: 'issued' } })).status).toBe(400);
    expect((await app.api().delete(`/api/receipts/${rest.body.data.documentId}/allocations/${invoice}`)).status).toBe(200);
    // the unallocated receipt counts −900.00 again (a receipt's amount), the invoice its unpaid pre-tax share +750.00
    expect((await probe.summary(customer)).exposure).toBe('-150.00');
    expect(await decisionCount(app, customer, 'refused')).toBe(0);
    expect((await app.api().post('/api/credit-control/reconcile').send({ fix: false })).body.data.drift).toEqual([]);
  });
});
