import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => { app = await startApp(); });
afterAll(async () => { await app?.stop(); });

it('boots with the credit-control plugin wired', async () => {
  const res = await app.api().get('/api/credit-control/status');
  expect(res.status).toBe(200);
  expect(res.body.plugin).toBe('credit-control');
  const res2 = await app.api().post('/api/customers').send({ data: { callName: 'Acme', siret: '73282932000074' } });
  console.log(res2.status, JSON.stringify(res2.body).slice(0, 800));
});
