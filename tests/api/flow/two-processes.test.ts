import Decimal from 'decimal.js';
import { dec, Factories, Probes } from '../../helpers/factories';
import { startSecondProcess, type SecondProcess } from '../../helpers/second-process';
import { startApp, type TestApp } from '../../helpers/strapi';

// The flow's operations from two Strapi processes on one Postgres: the source locks (lockDocuments)
// must hold across processes, so simultaneous deliveries, allocations and invoices never take more
// than there is, and no interleaving deadlocks. SQLite is one process by nature: this runs in the Postgres run.
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';
const describeOnPostgres = onPostgres ? describe : describe.skip;

const RECEIPT = 'api::receipt.receipt';
const INVOICE = 'api::invoice.invoice';

let app: TestApp;
let second: SecondProcess;
let f: Factories;
let probe: Probes;
let eur: string;

/** Request i goes to the first process when even, to the second when odd. */
const client = (i: number) => (i % 2 === 0 ? app.api() : second.api());
const money = (value: unknown) => new Decimal(String(value ?? 0));
const sum = (values: Decimal[]) => values.reduce((a, b) => a.add(b), new Decimal(0));

describeOnPostgres('the sales flow from two Strapi processes on one Postgres', () => {
  beforeAll(async () => {
    app = await startApp();
    second = await startSecondProcess(app);
    f = new Factories(app.api);
    probe = new Probes(app.api);
    eur = (await f.isoCurrency('EUR')).documentId;
  });
  afterAll(async () => {
    await second?.stop();
    await app?.stop();
  });

  it('10 orders delivered at once from two processes: 10 deliveries, 10 numbers (the numbering takes turns)', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'alert', threshold: '1000000.00', currency: 'EUR' });
    const orders = [];
    for (let i = 0; i < 10; i += 1) orders.push(await f.orderFor(customer, eur, [[1, 100]]));
    const results = await Promise.all(orders.map((order, i) => client(i).post(`/api/orders/${order.documentId}/deliveries`).send({ data: {} })));
    expect(results.map((r) => r.status)).toEqual(orders.map(() => 201));
    const numbers = results.map((r) => r.body.data.number);
    expect(new Set(numbers).size).toBe(10);
    expect(numbers.every((n) => /^DEL-\d{4}-\d{6}$/.test(n))).toBe(true);
  });

  it('20 simultaneous deliveries of 1 unit of a 10-unit line: exactly 10 go through, no drift', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'block', threshold: '1000000.00', currency: 'EUR' });
    // a second line nobody delivers keeps the order open (partiallyDelivered): every refusal is then
    // the over-delivery check, not "the order is delivered"
    const order = await f.orderFor(customer, eur, [[10, 100], [5, 40]]);
    const key = (await probe.read('orders', order.documentId, 'lines')).lines[0].key;
    expect(key).toBeTruthy();

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        client(i).post(`/api/orders/${order.documentId}/deliveries`).send({ data: { by: 'quantity', lines: [{ sourceKey: key, quantity: 1 }] } })
      )
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s !== 201 && s !== 400)).toEqual([]);
    expect(results.filter((r, i) => i % 2 === 1)).toHaveLength(10); // the second process answered its half
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    for (const r of results.filter((x) => x.status === 400)) expect(r.body.error.message).toMatch(/: 11 delivered, more than its quantity 10$/);

    const deliveries: any[] = await app.strapi.db.query('api::delivery.delivery').findMany({
      where: { order: { documentId: order.documentId } },
      select: ['documentId', 'amountExclTax'],
      populate: { lines: { select: ['sourceKey', 'quantity'] } },
    });
    expect(deliveries.map((d) => d.documentId).sort()).toEqual(results.filter((r) => r.status === 201).map((r) => r.body.data.documentId).sort());
    expect(sum(deliveries.flatMap((d) => d.lines.map((l: any) => money(l.quantity)))).toString()).toBe('10');
    const delivered = sum(deliveries.map((d) => money(d.amountExclTax))).toFixed(2);
    expect(delivered).toBe('1000.00');
    const stored = await probe.read('orders', order.documentId);
    expect([stored.state, dec(stored.deliveredAmountExclTax), dec(stored.remainingAmountExclTax)]).toEqual(['partiallyDelivered', delivered, '200.00']);
    expect(await probe.byBucket(customer)).toEqual({ orders: '200.00', deliveries: '1000.00' });
    expect(await probe.drift()).toEqual([]);
  });

  it('20 simultaneous allocations (receipts to one invoice, one receipt to invoices) never over-allocate', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'block', threshold: '1000000.00', currency: 'EUR' });
    const invoice = async (excl: number) => (await f.invoiceResponse(customer, eur, excl)).body.data.documentId as string;
    const receipt = async (amount: number) => (await f.receiptResponse(customer, eur, amount)).body.data.documentId as string;
    const shared = await invoice(500); // 600.00 tax included: room for 6 of the 100.00 receipts
    const others: string[] = [];
    for (let i = 0; i < 9; i += 1) others.push(await invoice(100)); // 120.00 each
    const small: string[] = [];
    for (let i = 0; i < 10; i += 1) small.push(await receipt(100));
    const big = await receipt(500); // asked for 600 + 9 × 120: it runs out

    // 10 receipts of 100.00 to the shared invoice (amount given), the big receipt to the shared
    // invoice and to the 9 others (amount left out: what is free, at most what is owed); interleaved
    const calls: [string, Record<string, unknown>][] = [];
    for (let i = 0; i < 10; i += 1) {
      calls.push([small[i], { invoice: shared, amount: '100.00' }]);
      calls.push([big, { invoice: i === 0 ? shared : others[i - 1] }]);
    }
    const results = await Promise.all(calls.map(([r, body], i) => client(i).post(`/api/receipts/${r}/allocations`).send({ data: body })));
    const statuses = results.map((r) => r.status);
    expect(results.filter((r) => r.status !== 200 && r.status !== 400).map((r) => [r.status, r.body?.error?.message])).toEqual([]);
    const refusals = results.filter((r) => r.status === 400).map((r) => r.body.error.message as string);
    for (const message of refusals) {
      expect(message).toMatch(/would be paid .*, more than its total 600\.00|the receipt is fully allocated|the invoice is fully paid/);
    }

    const receipts: any[] = await app.strapi.db.query(RECEIPT).findMany({
      where: { customer: { documentId: customer } },
      select: ['documentId', 'amount', 'allocatedAmount', 'state'],
      populate: { allocations: { populate: { invoice: { select: ['documentId'] } } } },
    });
    const invoices: any[] = await app.strapi.db.query(INVOICE).findMany({ where: { customer: { documentId: customer } }, select: ['documentId', 'amountInclTax', 'amountPaid', 'state'] });
    // every 200 is one stored allocation (no lost update of a receipt's list), and nothing else is stored
    const pairs = receipts.flatMap((r) => r.allocations.map((a: any) => `${r.documentId}>${a.invoice.documentId}`));
    expect(pairs.sort()).toEqual(calls.filter((_, i) => statuses[i] === 200).map(([r, body]) => `${r}>${body.invoice}`).sort());
    for (const r of receipts) {
      const allocated = sum(r.allocations.map((a: any) => money(a.amount)));
      expect(allocated.lte(money(r.amount))).toBe(true);
      expect(dec(r.allocatedAmount)).toBe(allocated.toFixed(2));
    }
    for (const inv of invoices) {
      const paid = sum(receipts.flatMap((r) => r.allocations.filter((a: any) => a.invoice.documentId === inv.documentId).map((a: any) => money(a.amount))));
      expect(paid.lte(money(inv.amountInclTax))).toBe(true);
      expect([inv.documentId, dec(inv.amountPaid)]).toEqual([inv.documentId, paid.toFixed(2)]);
      expect(inv.state).toBe(paid.gte(money(inv.amountInclTax)) ? 'paid' : paid.gt(0) ? 'partiallyPaid' : 'issued');
    }
    // the big receipt is asked for far more than it holds: it ends fully allocated, to the cent
    expect(dec(receipts.find((r) => r.documentId === big).allocatedAmount)).toBe('500.00');
    expect(await probe.drift()).toEqual([]);
  });

  it('10 simultaneous invoices of the same two deliveries, named in either order: one goes through, no deadlock', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'block', threshold: '1000000.00', currency: 'EUR' });
    const order = await f.orderFor(customer, eur, [[10, 100]]);
    const halves: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const made = await probe.op(`/api/orders/${order.documentId}/deliveries`, { by: 'percentage', percentage: 50 });
      expect(made.status).toBe(201);
      halves.push(made.body.data.documentId);
    }
    // both orders of the pair on both processes
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        client(i).post('/api/invoices/from-sources').send({ data: { deliveries: Math.floor(i / 2) % 2 ? [...halves].reverse() : halves } })
      )
    );
    expect(results.filter((r) => r.status !== 201 && r.status !== 400).map((r) => [r.status, r.body?.error?.message])).toEqual([]);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 400)) expect(r.body.error.message).toMatch(/^delivery .* is invoiced: it cannot be invoiced$/);
    const stored = await probe.read('orders', order.documentId);
    expect([stored.state, dec(stored.invoicedAmountExclTax)]).toEqual(['invoiced', '1000.00']);
    expect(await probe.drift()).toEqual([]);
  });
});

if (!onPostgres) it('runs in the Postgres run only', () => expect(onPostgres).toBe(false));
