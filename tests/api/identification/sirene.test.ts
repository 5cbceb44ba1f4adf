import { testApp } from '../../helpers/strapi';
import { refusedUrl, type StubServer } from '../../helpers/stub-server';
import { portalUser } from '../../helpers/portal-user';
import { API_KEY, configureSirene, insee, SIRENE, startSireneStub } from './sirene-stub';

// SIRENE look-ups over REST and GraphQL against a stub INSEE API: mapping, INSEE failures, permissions.
const app = testApp();
let stub: StubServer;
beforeAll(async () => {
  stub = await startSireneStub(app.strapi);
});
afterAll(async () => {
  await stub?.close();
});
beforeEach(() => {
  stub.reset();
  stub.reply(insee);
  configureSirene(app.strapi, stub.url);
});

const siret = (value: string) => app.api().get(`/api/sirene/siret/${value}`);
const siren = (value: string) => app.api().get(`/api/sirene/siren/${value}`);

describe('in the admin user\'s language (Accept-Language: fr)', () => {
  const inFrench = (path: string) => app.api().get(path).set('Accept-Language', 'fr');

  it('an unknown unit, a quota, a registry out of reach and a typo read in French, with their codes', async () => {
    let res = await inFrench(`/api/sirene/siret/${SIRENE.unknown}`);
    expect(res.body.error).toMatchObject({ status: 404, message: `SIRENE ne connaît aucun établissement de SIRET ${SIRENE.unknown}`, details: { code: 'sireneUnknownSiret' } });
    stub.reply(() => ({ status: 429, headers: { 'Retry-After': '1500' }, json: { header: { statut: 429, message: 'Trop de requêtes' } } }));
    res = await inFrench(`/api/sirene/siret/${SIRENE.company}`);
    expect(res.body.error).toMatchObject({ status: 429, message: 'quota de requêtes SIRENE dépassé ; réessayez dans 1\u202f500 s', details: { code: 'sireneQuotaRetryIn', retryAfter: 1500 } });
    configureSirene(app.strapi, await refusedUrl());
    res = await inFrench(`/api/sirene/siret/${SIRENE.company}`);
    expect(res.body.error).toMatchObject({ status: 503, message: 'SIRENE est injoignable (ECONNREFUSED)', details: { code: 'sireneUnreachable' } });
    res = await inFrench('/api/sirene/siren/123456789');
    expect(res.body.error.details.errors[0]).toMatchObject({ code: 'sirenInvalid', message: 'le SIREN 123456789 n’est pas valide : 9 chiffres avec une clé de contrôle correcte sont attendus' });
  });
});

describe('GET /api/sirene/siret/:siret', () => {
  it('fills every field and the address, sending the API key', async () => {
    const res = await siret(SIRENE.company);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      siren: '812345676',
      siret: SIRENE.company,
      headOfficeSiret: SIRENE.headOffice,
      callName: 'LOGICIELS DU RHONE',
      apeCode: '62.01Z',
      legalForm: 'SAS',
      legalFormCode: '5710',
      address: { line1: '14 B RUE DE LA REPUBLIQUE', line2: 'BATIMENT C', postalCode: '69002', city: 'LYON 2EME', country: 'FR' },
      closed: false,
      withheld: [],
      warnings: [],
    });
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]).toMatchObject({ method: 'GET', url: `/siret/${SIRENE.company}` });
    expect(stub.requests[0].headers['x-insee-api-key-integration']).toBe(API_KEY);
  });

  it('names a sole trader "SURNAME Firstname"', async () => {
    const res = await siret(SIRENE.soleTrader);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ callName: 'DUPONT Jean-Pierre', legalForm: 'Entrepreneur individuel', legalFormCode: '1000', apeCode: '43.22A' });
  });

  it('never copies [ND] values and lists them as withheld', async () => {
    const res = await siret(SIRENE.nonDiffusible);
    expect(res.status).toBe(200);
    expect(res.body.data.callName).toBe('LEFEBVRE');
    expect(res.body.data.address).toEqual({ postalCode: '59000', city: 'LILLE', country: 'FR' });
    expect(res.body.data.withheld).toEqual(['callName', 'address.line1', 'address.line2']);
    expect(JSON.stringify(res.body)).not.toContain('[ND]');
  });

  it('returns a closed unit with closed: true and warnings', async () => {
    const res = await siret(SIRENE.closed);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ callName: 'BOULANGERIE DU PORT', closed: true });
    expect(res.body.data.warnings).toEqual(['establishment 31415926000012 is closed (since 2023-06-30)', 'legal unit 314159260 has ceased trading']);
  });

  it('404 when INSEE knows no such unit', async () => {
    const res = await siret(SIRENE.unknown);
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ status: 404, name: 'NotFoundError', message: `no unit with SIRET ${SIRENE.unknown}` });
  });

  it('429 with the Retry-After delay in the message and details', async () => {
    stub.reply(() => ({ status: 429, headers: { 'Retry-After': '42' }, json: { header: { statut: 429, message: 'Trop de requêtes' } } }));
    const res = await siret(SIRENE.company);
    expect(res.status).toBe(429);
    expect(res.body.error).toMatchObject({ status: 429, name: 'RateLimitError', message: 'SIRENE request quota exceeded; retry in 42 s', details: { retryAfter: 42 } });
  });

  it('504 when INSEE does not answer in time, well before the test times out', async () => {
    configureSirene(app.strapi, stub.url, { timeoutMs: 300 });
    stub.reply(() => 'hang');
    const started = Date.now();
    const res = await siret(SIRENE.company);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.status).toBe(504);
    expect(res.body).toEqual({
      data: null,
      error: { status: 504, name: 'GatewayTimeoutError', message: 'SIRENE did not answer within 300 ms', details: { code: 'sireneTimeout', timeoutMs: 300 } },
    });
  });

  it.each([
    [{ status: 500, text: 'Internal Server Error' }, 'SIRENE failed (HTTP 500)'],
    [{ status: 503, text: 'maintenance' }, 'SIRENE failed (HTTP 503)'],
    [{ status: 200, text: '<html>gateway</html>' }, 'SIRENE sent an answer that is not JSON'],
    [{ status: 200, json: { header: { statut: 200 } } }, 'SIRENE sent an unexpected answer: the SIRENE answer has no establishment'],
  ])('502 when INSEE answers %j', async (reply, message) => {
    stub.reply(() => reply);
    const res = await siret(SIRENE.company);
    expect(res.status).toBe(502);
    expect(res.body.error).toMatchObject({ status: 502, name: 'BadGatewayError', message });
  });

  it('502 "SIRENE refused the API key" on 401 and 403', async () => {
    configureSirene(app.strapi, stub.url, { apiKey: 'wrong-key' });
    let res = await siret(SIRENE.company);
    expect(res.status).toBe(502);
    expect(res.body.error).toMatchObject({ name: 'BadGatewayError', message: 'SIRENE refused the API key', details: { upstreamStatus: 401 } });
    stub.reply(() => ({ status: 403, json: { header: { statut: 403, message: 'Forbidden' } } }));
    res = await siret(SIRENE.company);
    expect(res.status).toBe(502);
    expect(res.body.error.details).toEqual({ code: 'sireneKeyRefused', upstreamStatus: 403 });
  });

  it('503 when INSEE cannot be reached (connection refused)', async () => {
    configureSirene(app.strapi, await refusedUrl());
    const res = await siret(SIRENE.company);
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ status: 503, name: 'ServiceUnavailableError', message: 'SIRENE cannot be reached (ECONNREFUSED)' });
  });

  it('503 "SIRENE is not configured" without an API key, and no call', async () => {
    configureSirene(app.strapi, stub.url, { apiKey: '' });
    const res = await siret(SIRENE.company);
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ status: 503, message: 'SIRENE is not configured' });
    expect(stub.requests).toHaveLength(0);
  });

  it.each(['81234567600026', '8123456760002', '8123456760002A'])('400 on SIRET %s before any call', async (value) => {
    const res = await siret(value);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toBe(`SIRET ${value} is not valid: 14 digits with a correct check digit expected`);
    expect(res.body.error.details.errors).toEqual([{ path: ['siret'], message: res.body.error.message, name: 'ValidationError', code: 'siretInvalid' }]);
    expect(stub.requests).toHaveLength(0);
  });
});

describe('GET /api/sirene/siren/:siren', () => {
  it('gives the head office SIRET (SIREN + nicSiegeUniteLegale) and no address', async () => {
    const res = await siren(SIRENE.companySiren);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      siren: SIRENE.companySiren,
      headOfficeSiret: SIRENE.headOffice,
      callName: 'LOGICIELS DU RHONE',
      apeCode: '62.01Z',
      legalForm: 'SAS',
      legalFormCode: '5710',
      closed: false,
      withheld: [],
      warnings: [],
    });
    expect(stub.requests.map((r) => r.url)).toEqual([`/siren/${SIRENE.companySiren}`]);
  });

  it('400 on a SIREN with a wrong check digit, before any call', async () => {
    const res = await siren('812345677');
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['siren']);
    expect(res.body.error.message).toBe('SIREN 812345677 is not valid: 9 digits with a correct check digit expected');
    expect(stub.requests).toHaveLength(0);
  });

  it('404 names the SIREN', async () => {
    const res = await siren('443061841');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('no unit with SIREN 443061841');
  });
});

describe('GraphQL', () => {
  const gql = (query: string, variables: Record<string, unknown>) => app.api().post('/graphql').send({ query, variables });

  it('sireneBySiret and sireneBySiren answer like REST', async () => {
    const res = await gql(
      `query($siret: String!, $siren: String!) {
        bySiret: sireneBySiret(siret: $siret) { siren siret headOfficeSiret callName apeCode legalForm legalFormCode closed withheld warnings address { line1 postalCode city country } }
        bySiren: sireneBySiren(siren: $siren) { headOfficeSiret callName address { city } }
      }`,
      { siret: SIRENE.company, siren: SIRENE.companySiren }
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.bySiret).toEqual({
      siren: '812345676', siret: SIRENE.company, headOfficeSiret: SIRENE.headOffice, callName: 'LOGICIELS DU RHONE', apeCode: '62.01Z',
      legalForm: 'SAS', legalFormCode: '5710', closed: false, withheld: [], warnings: [],
      address: { line1: '14 B RUE DE LA REPUBLIQUE', postalCode: '69002', city: 'LYON 2EME', country: 'FR' },
    });
    expect(res.body.data.bySiren).toEqual({ headOfficeSiret: SIRENE.headOffice, callName: 'LOGICIELS DU RHONE', address: null });
  });

  it('reports bad input and INSEE failures as errors with their details', async () => {
    let res = await gql('query($s: String!) { sireneBySiret(siret: $s) { siren } }', { s: '81234567600026' });
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', error: { details: { errors: [{ path: ['siret'] }] } } });
    stub.reply(() => ({ status: 500, text: 'boom' }));
    res = await gql('query($s: String!) { sireneBySiret(siret: $s) { siren } }', { s: SIRENE.company });
    expect(res.body.errors[0].message).toBe('SIRENE failed (HTTP 500)');
    expect(res.body.errors[0].extensions.code).toBe('STRAPI_BAD_GATEWAY_ERROR');
  });
});

describe('permissions (users-permissions roles)', () => {
  const login = async (_roleName: string, actions: string[]) => (await portalUser(app, actions)).jwt;

  it('403 for a role without the permission, 200 once the role has it', async () => {
    const denied = await login('NoLookup', ['api::customer.customer.find']);
    let res = await app.http.get(`/api/sirene/siret/${SIRENE.company}`).set('Authorization', `Bearer ${denied}`);
    expect(res.status).toBe(403);
    res = await app.http.post('/graphql').set('Authorization', `Bearer ${denied}`)
      .send({ query: `{ sireneBySiret(siret: "${SIRENE.company}") { siren } }` });
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(stub.requests).toHaveLength(0);

    const allowed = await login('Lookup', ['api::identification.sirene.bySiret']);
    res = await app.http.get(`/api/sirene/siret/${SIRENE.company}`).set('Authorization', `Bearer ${allowed}`);
    expect(res.status).toBe(200);
    expect(res.body.data.siret).toBe(SIRENE.company);
    // the permission is per action: the SIREN look-up stays closed
    res = await app.http.get(`/api/sirene/siren/${SIRENE.companySiren}`).set('Authorization', `Bearer ${allowed}`);
    expect(res.status).toBe(403);
  });
});
