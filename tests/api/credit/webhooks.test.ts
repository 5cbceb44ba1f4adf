import { Factories } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';
import { eventually, webhookReceiver, type ReceivedEvent } from '../../helpers/webhook-receiver';

// Credit events reach Strapi webhooks: a local receiver records what it gets.
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
let received: ReceivedEvent[] = [];
const app = testApp();
const f = new Factories(() => app.api());

beforeAll(async () => {
  receiver = await webhookReceiver(app, 'credit', ['credit-control.exceeded', 'credit-control.customer-blocked', 'credit-control.customer-unblocked']);
  received = receiver.received;
});
afterAll(async () => {
  await receiver.close();
});

it('sends customer-blocked, customer-unblocked and exceeded events', async () => {
  const eur = (await f.isoCurrency('EUR')).documentId;
  const customer = (await f.bareCustomer()).documentId;
  expect((await app.api().post(`/api/credit-control/parties/${customer}/block`).send({ reason: 'cheque bounced' })).status).toBe(200);
  expect(await eventually(() => received.some((e) => e.event === 'credit-control.customer-blocked'))).toBe(true);
  expect(received.find((e) => e.event === 'credit-control.customer-blocked')).toMatchObject({ party: customer, reason: 'cheque bounced' });

  expect((await app.api().post(`/api/credit-control/parties/${customer}/unblock`).send({ reason: 'paid' })).status).toBe(200);
  expect(await eventually(() => received.some((e) => e.event === 'credit-control.customer-unblocked'))).toBe(true);

  const limited = (await f.bareCustomer()).documentId;
  await f.creditPolicy(limited, { mode: 'block', threshold: '50.00' });
  expect((await f.invoiceResponse(limited, eur, 100)).status).toBe(400);
  expect(await eventually(() => received.some((e) => e.event === 'credit-control.exceeded'))).toBe(true);
  const refused = received.find((e) => e.event === 'credit-control.exceeded') as any;
  expect(refused).toMatchObject({ outcome: 'refused', creditControl: { party: limited, threshold: '50.00', currency: 'EUR' } });
  // the shape of every plugin response: bucket entries, money as a decimal string beside its currency
  expect(refused.creditControl.exposureByBucket).toEqual([]);
  expect(refused.creditControl.exposureAfter).toBe('100.00');
});

it('announces a warned write once committed, and never one that its caller rolled back', async () => {
  const eur = (await app.strapi.db.query('api::currency.currency').findOne({ where: { code: 'EUR' } })).documentId;
  const party = (await f.bareCustomer()).documentId;
  await f.creditPolicy(party, { mode: 'alert', threshold: '50.00' });
  const warned = () => received.some((e) => e.event === 'credit-control.exceeded' && (e as any).party === party && (e as any).outcome === 'warned');

  // the warned invoice is written inside a caller's transaction that then fails: no event
  const rolledBack = app.strapi.db.transaction(async () => {
    await app.strapi.documents('api::invoice.invoice').create({
      data: { number: `ROLLBACK-${Date.now()}`, customer: party, currency: eur, date: '2026-01-10', state: 'issued', lines: [{ quantity: 1, unitPrice: '100.00', vatRate: 20 }] },
    });
    throw new Error('caller fails after the write');
  });
  await expect(rolledBack).rejects.toThrow('caller fails after the write');
  await new Promise((r) => setTimeout(r, 1000));
  expect(received.some((e) => e.event === 'credit-control.exceeded' && (e as any).party === party)).toBe(false);

  // the same write, committed: one warned event
  const committed = await f.invoiceResponse(party, eur, 100);
  expect(committed.status).toBe(201);
  expect(await eventually(warned)).toBe(true);
  const event = received.find((e) => e.event === 'credit-control.exceeded' && (e as any).party === party) as any;
  expect(event).toMatchObject({ outcome: 'warned', currency: 'EUR', threshold: '50.00', exposureAfter: '100.00' });
});
