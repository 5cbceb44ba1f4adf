import { adminSession, decisionCount } from '../../helpers/credit';
import { Factories, Probes, startingKit } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

// The Content Manager runs a bulk action's document calls concurrently (Promise.all) in one
// transaction: every guarded write there must still get its own savepoint, one at a time.
const INV = 'api::invoice.invoice';
const REC = 'api::receipt.receipt';
const HD = 'api::helpdesk-issue.helpdesk-issue';
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

const created = async (res: { status: number; body: any }): Promise<string> => {
  expect([res.status, res.body.error]).toEqual([201, undefined]);
  return res.body.data.documentId;
};
const helpdeskIssue = (customer: string) =>
  app.api().post('/api/helpdesk-issues').send({ data: { number: `BULK-HD-${++seq}`, title: 'Printer down', priority: 'high', customer } });
const exists = async (uid: string, documentIds: string[]) => app.strapi.db.query(uid).count({ where: { documentId: { $in: documentIds } } });
const noDrift = async () => {
  const res = await app.api().post('/api/credit-control/reconcile').send({ fix: false });
  expect(res.status).toBe(200);
  expect(res.body.data.drift).toEqual([]);
};

describe('Content Manager bulkDelete on mapped types', () => {
  it('deletes 3 invoices of two customers: 200, all gone, exposure maintained', async () => {
    const [a, b] = [(await f.bareCustomer()).documentId, (await f.bareCustomer()).documentId];
    const ids = [await created(await f.invoiceResponse(a, eur, 100)), await created(await f.invoiceResponse(a, eur, 200)), await created(await f.invoiceResponse(b, eur, 300))];
    const keep = await created(await f.invoiceResponse(a, eur, 40));
    expect((await probe.summary(a)).exposure).toBe('340.00');

    const res = await admin.cmBulkDelete(INV, ids);
    expect([res.status, res.body]).toEqual([200, { count: 3 }]);
    expect(await exists(INV, ids)).toBe(0);
    expect(await exists(INV, [keep])).toBe(1);
    expect((await probe.summary(a)).exposure).toBe('40.00');
    expect((await probe.summary(b)).exposure).toBe('0.00');
    await noDrift();
  });

  it('deletes 3 receipts: 200, all gone, the unallocated amounts leave the exposure', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await created(await f.invoiceResponse(customer, eur, 1000));
    const ids = [await created(await f.receiptResponse(customer, eur, 100)), await created(await f.receiptResponse(customer, eur, 200)), await created(await f.receiptResponse(customer, eur, 50))];
    expect((await probe.summary(customer)).exposure).toBe('650.00');

    const res = await admin.cmBulkDelete(REC, ids);
    expect([res.status, res.body]).toEqual([200, { count: 3 }]);
    expect(await exists(REC, ids)).toBe(0);
    expect((await probe.summary(customer)).exposure).toBe('1000.00');
    await noDrift();
  });

  it('deletes 2 help-desk issues (gated on create only): 200, all gone', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'alert', threshold: '5000.00', currency: 'EUR' });
    const ids = [await created(await helpdeskIssue(customer)), await created(await helpdeskIssue(customer))];

    const res = await admin.cmBulkDelete(HD, ids);
    expect([res.status, res.body]).toEqual([200, { count: 2 }]);
    expect(await exists(HD, ids)).toBe(0);
    await noDrift();
  });

  it('refuses the whole bulk delete when one document is refused: 400, nothing deleted, the refusal audited', async () => {
    // a free customer's invoice, and a blocked customer's credit note: deleting the note raises its exposure
    const free = (await f.bareCustomer()).documentId;
    const blocked = (await f.bareCustomer()).documentId;
    const invoice = await created(await f.invoiceResponse(free, eur, 100));
    await created(await f.invoiceResponse(blocked, eur, 1000));
    const note = await created(await f.invoiceResponse(blocked, eur, 600, { kind: 'creditNote' }));
    await f.creditPolicy(blocked, { mode: 'block', threshold: '500.00', currency: 'EUR' });
    expect((await probe.summary(blocked)).exposure).toBe('400.00');
    const refusedBefore = await decisionCount(app, blocked, 'refused');

    const res = await admin.cmBulkDelete(INV, [invoice, note]);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'ValidationError', message: 'Credit blocked: outstanding 1,000.00 EUR exceeds the 500.00 EUR threshold' });
    expect(await exists(INV, [invoice, note])).toBe(2);
    expect((await probe.summary(free)).exposure).toBe('100.00');
    expect((await probe.summary(blocked)).exposure).toBe('400.00');
    expect(await decisionCount(app, blocked, 'refused')).toBe(refusedBefore + 1);
    await noDrift();

    // the transaction ended cleanly: the same bulk action without the refused note goes through
    const again = await admin.cmBulkDelete(INV, [invoice]);
    expect([again.status, again.body]).toEqual([200, { count: 1 }]);
    expect((await probe.summary(free)).exposure).toBe('0.00');
    await noDrift();
  });
});

describe('guarded writes run concurrently inside one caller transaction', () => {
  it('Promise.all of updates in one transaction: each maintained, and a refused one undone alone when caught', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const ids = [await created(await f.invoiceResponse(customer, eur, 100)), await created(await f.invoiceResponse(customer, eur, 100)), await created(await f.invoiceResponse(customer, eur, 100))];
    await f.creditPolicy(customer, { mode: 'block', threshold: '500.00', currency: 'EUR' });
    const documents = app.strapi.documents(INV);
    // 100 → 150 twice (passes), and 100 → 400 once: refused, whatever order the queue takes them in
    const amounts = [150, 150, 400];
    const outcomes = await app.strapi.db.transaction(() =>
      Promise.all(ids.map((documentId, i) => documents.update({ documentId, data: { lines: [{ quantity: 1, unitPrice: amounts[i], vatRate: 20 }] } }).then(() => 'ok', (e: any) => e.name)))
    );
    expect(outcomes).toEqual(['ok', 'ok', 'ValidationError']);
    expect((await probe.summary(customer)).exposure).toBe('400.00');
    await noDrift();
  });

  it('a guarded write made inside another guarded write runs nested, without waiting for it (no deadlock)', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const documents = app.strapi.documents(INV);
    const outer = await created(await f.invoiceResponse(customer, eur, 100));
    const inner = await created(await f.invoiceResponse(customer, eur, 100));
    // a document middleware registered after the plugin's runs inside the guard's next()
    let nestedOnce = false;
    app.strapi.documents.use(async (ctx: any, next: () => Promise<unknown>) => {
      if (ctx.uid !== INV || ctx.action !== 'update' || ctx.params?.documentId !== outer || nestedOnce) return next();
      nestedOnce = true;
      const result = await next();
      await documents.update({ documentId: inner, data: { lines: [{ quantity: 1, unitPrice: 250, vatRate: 20 }] } });
      return result;
    });
    await app.strapi.db.transaction(() => documents.update({ documentId: outer, data: { lines: [{ quantity: 1, unitPrice: 120, vatRate: 20 }] } }));
    expect(nestedOnce).toBe(true);
    expect((await probe.summary(customer)).exposure).toBe('370.00');
    await noDrift();
  });
});

describe('publish actions on types without draft & publish', () => {
  it('bulkPublish, bulkUnpublish, publish, unpublish and discard are 400s saying why, not 500s', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const id = await created(await f.invoiceResponse(customer, eur, 100));
    for (const uid of [INV, REC, HD, 'api::order.order']) {
      for (const [path, body] of [
        ['actions/bulkPublish', { documentIds: [id] }],
        ['actions/bulkUnpublish', { documentIds: [id] }],
        [`${id}/actions/publish`, {}],
        [`${id}/actions/unpublish`, {}],
        [`${id}/actions/discard`, {}],
      ] as const) {
        const res = await admin.post(`/content-manager/collection-types/${uid}/${path}`).send(body);
        expect([uid, path, res.status]).toEqual([uid, path, 400]);
        expect(res.body.error.message).toMatch(/has no draft & publish/);
      }
    }
    expect(await exists(INV, [id])).toBe(1);
    await noDrift();
  });
});
