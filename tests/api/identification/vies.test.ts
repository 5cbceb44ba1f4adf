import invalid from '../../fixtures/vies/invalid.json';
import msUnavailable from '../../fixtures/vies/ms-unavailable.json';
import serviceUnavailable from '../../fixtures/vies/service-unavailable.json';
import valid from '../../fixtures/vies/valid.json';
import { IDS } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';
import { refusedUrl, startStubServer, type StubServer } from '../../helpers/stub-server';

// GET /api/vies/:vatNumber against a stub VIES REST API: "could not check" is unknown, never invalid.
const app = testApp();
let stub: StubServer;
beforeAll(async () => {
  stub = await startStubServer();
});
afterAll(async () => {
  await stub?.close();
});
beforeEach(() => {
  stub.reset();
  app.strapi.config.set('vies.enabled', true);
  app.strapi.config.set('vies.baseUrl', stub.url);
  app.strapi.config.set('vies.timeoutMs', 2000);
});

const check = (vat: string) => app.api().get(`/api/vies/${encodeURIComponent(vat)}`);

it('valid: name and address, the request VIES received shaped { countryCode, vatNumber }', async () => {
  stub.reply(() => ({ status: 200, json: valid }));
  const res = await check('fr 44 732 829 320');
  expect(res.status).toBe(200);
  expect(res.body.data).toEqual({
    vatNumber: IDS.vat,
    status: 'valid',
    name: 'SA EXEMPLE INDUSTRIES',
    address: '12 RUE DE LA PAIX, 75002 PARIS',
    checkedAt: '2026-11-28T10:15:42.118Z',
  });
  expect(stub.requests).toHaveLength(1);
  expect(stub.requests[0]).toMatchObject({ method: 'POST', url: '/check-vat-number' });
  expect(stub.requests[0].headers['content-type']).toBe('application/json');
  expect(JSON.parse(stub.requests[0].body)).toEqual({ countryCode: 'FR', vatNumber: '44732829320' });
});

it('invalid', async () => {
  stub.reply(() => ({ status: 200, json: invalid }));
  const res = await check('DE123456789');
  expect(res.status).toBe(200);
  expect(res.body.data).toEqual({ vatNumber: 'DE123456789', status: 'invalid', checkedAt: '2026-11-28T10:16:03.540Z', reason: 'VIES does not know this VAT number' });
  expect(JSON.parse(stub.requests[0].body)).toEqual({ countryCode: 'DE', vatNumber: '123456789' });
});

it.each([
  ['MS_UNAVAILABLE with HTTP 200', { status: 200, json: msUnavailable }, /^MS_UNAVAILABLE: the member state's VAT service is not available$/],
  ['SERVICE_UNAVAILABLE with HTTP 500', { status: 500, json: serviceUnavailable }, /^SERVICE_UNAVAILABLE: the VIES service is not available$/],
  ['a bare 503', { status: 503, text: 'Service Unavailable' }, /^SERVICE_UNAVAILABLE: VIES failed \(HTTP 503\)$/],
  ['an unreadable 200', { status: 200, text: '<html>' }, /^VIES sent an unreadable answer$/],
])('%s → 200 with status unknown and the reason', async (_label, reply, reason) => {
  stub.reply(() => reply);
  const res = await check('DE123456789');
  expect(res.status).toBe(200);
  expect(res.body.data.status).toBe('unknown');
  expect(res.body.data.reason).toMatch(reason);
  expect(Date.parse(res.body.data.checkedAt)).not.toBeNaN();
});

it('timeout → unknown, well within the test timeout', async () => {
  app.strapi.config.set('vies.timeoutMs', 300);
  stub.reply(() => 'hang');
  const started = Date.now();
  const res = await check('DE123456789');
  expect(Date.now() - started).toBeLessThan(3000);
  expect(res.status).toBe(200);
  expect(res.body.data).toMatchObject({ status: 'unknown', reason: 'TIMEOUT: VIES did not answer within 300 ms' });
});

it('connection refused → unknown', async () => {
  app.strapi.config.set('vies.baseUrl', await refusedUrl());
  const res = await check('DE123456789');
  expect(res.status).toBe(200);
  expect(res.body.data).toMatchObject({ status: 'unknown', reason: 'SERVICE_UNAVAILABLE: VIES cannot be reached (ECONNREFUSED)' });
});

it.each([
  ['FR45732829320', 'VAT number FR45732829320 has key 45, expected 44 for SIREN 732829320'],
  ['DE12345678', 'VAT number DE12345678 does not match the DE format: DE followed by 9 digits'],
  ['US123456789', 'VAT number US123456789 has prefix US, which is not an EU VAT prefix'],
])('400 on malformed %s, without any network call', async (vat, message) => {
  const res = await check(vat);
  expect(res.status).toBe(400);
  expect(res.body.error).toMatchObject({ name: 'ValidationError', message, details: { errors: [{ path: ['vatNumber'], message }] } });
  expect(stub.requests).toHaveLength(0);
});

it('503 "VIES is not enabled" when disabled, without any call', async () => {
  app.strapi.config.set('vies.enabled', false);
  const res = await check(IDS.vat);
  expect(res.status).toBe(503);
  expect(res.body.error).toMatchObject({ status: 503, name: 'ServiceUnavailableError', message: 'VIES is not enabled' });
  expect(stub.requests).toHaveLength(0);
});

it('GraphQL viesCheck uses the same service', async () => {
  stub.reply(() => ({ status: 200, json: msUnavailable }));
  const res = await app.api().post('/graphql').send({
    query: 'query($v: String!) { viesCheck(vatNumber: $v) { vatNumber status name reason } }',
    variables: { v: IDS.vat },
  });
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data.viesCheck).toEqual({
    vatNumber: IDS.vat,
    status: 'unknown',
    name: null,
    reason: "MS_UNAVAILABLE: the member state's VAT service is not available",
  });
});
