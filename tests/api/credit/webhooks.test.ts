import http from 'http';
import type { AddressInfo } from 'net';
import { creditFixtures } from '../../helpers/credit';
import { startApp, type TestApp } from '../../helpers/strapi';

// Credit events reach Strapi webhooks: a local receiver records what it gets.
let app: TestApp;
let f: ReturnType<typeof creditFixtures>;
let receiver: http.Server;
const received: { event: string; [key: string]: unknown }[] = [];

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  app = await startApp();
  f = creditFixtures(app);
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const webhook = await app.strapi.get('webhookStore').createWebhook({
    name: 'credit',
    url,
    headers: {},
    isEnabled: true,
    events: ['credit-control.exceeded', 'credit-control.customer-blocked', 'credit-control.customer-unblocked'],
  });
  app.strapi.get('webhookRunner').add(webhook);
});
afterAll(async () => {
  await app?.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

const eventually = async (predicate: () => boolean) => {
  for (let i = 0; i < 50 && !predicate(); i += 1) await new Promise((r) => setTimeout(r, 100));
  return predicate();
};

it('sends customer-blocked, customer-unblocked and exceeded events', async () => {
  const eur = (await f.currency('EUR')).documentId;
  const customer = (await f.customer()).documentId;
  expect((await app.api().post(`/api/credit-control/parties/${customer}/block`).send({ reason: 'cheque bounced' })).status).toBe(200);
  expect(await eventually(() => received.some((e) => e.event === 'credit-control.customer-blocked'))).toBe(true);
  expect(received.find((e) => e.event === 'credit-control.customer-blocked')).toMatchObject({ party: customer, reason: 'cheque bounced' });

  expect((await app.api().post(`/api/credit-control/parties/${customer}/unblock`).send({ reason: 'paid' })).status).toBe(200);
  expect(await eventually(() => received.some((e) => e.event === 'credit-control.customer-unblocked'))).toBe(true);

  const limited = (await f.customer()).documentId;
  await f.policy(limited, { mode: 'block', threshold: '50.00' });
  expect((await f.invoice(limited, eur, 100)).status).toBe(400);
  expect(await eventually(() => received.some((e) => e.event === 'credit-control.exceeded'))).toBe(true);
  expect(received.find((e) => e.event === 'credit-control.exceeded')).toMatchObject({ outcome: 'refused', creditControl: { party: limited, threshold: '50.00' } });
});
