import http from 'http';
import type { AddressInfo } from 'net';
import type { TestApp } from './strapi';

export type ReceivedEvent = { event: string; [key: string]: any };

/**
 * A local HTTP receiver registered as a Strapi webhook for `events`: what it gets is pushed to `received`.
 * Call in a beforeAll; `close` in the afterAll.
 */
export async function webhookReceiver(app: TestApp, name: string, events: string[]) {
  const received: ReceivedEvent[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const webhook = await app.strapi.get('webhookStore').createWebhook({ name, url, headers: {}, isEnabled: true, events });
  app.strapi.get('webhookRunner').add(webhook);
  return { received, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Waits up to 5 s for `predicate` to hold (webhooks are sent after the response). */
export const eventually = async (predicate: () => boolean) => {
  for (let i = 0; i < 50 && !predicate(); i += 1) await new Promise((r) => setTimeout(r, 100));
  return predicate();
};
