import { IDS } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';
import type { StubServer } from '../../helpers/stub-server';
import { portalUser } from '../../helpers/portal-user';
import { insee, SIRENE, startSireneStub } from './sirene-stub';

// POST /api/customers/:documentId/identify (and GraphQL identifyCustomer): SIRENE data written
// through the document service, so the customer rules check it.
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
});

const createCustomer = async (data: Record<string, unknown>) => {
  const res = await app.api().post('/api/customers').send({ data: { callName: 'To identify', ...data } });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
const identify = (documentId: string, body?: Record<string, unknown>) => app.api().post(`/api/customers/${documentId}/identify`).send(body ?? {});
const stored = async (documentId: string) => (await app.api().get(`/api/customers/${documentId}?populate=address`)).body.data;

describe('POST /api/customers/:documentId/identify', () => {
  it('fills the customer from a SIRET and returns the updated record', async () => {
    const id = await createCustomer({ notes: 'kept' });
    const res = await identify(id, { siret: SIRENE.company });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      documentId: id,
      callName: 'LOGICIELS DU RHONE',
      siret: SIRENE.company,
      siren: '812345676',
      apeCode: '62.01Z',
      legalForm: 'SAS',
      notes: 'kept',
      address: { line1: '14 B RUE DE LA REPUBLIQUE', line2: 'BATIMENT C', postalCode: '69002', city: 'LYON 2EME', country: 'FR' },
    });
    expect(res.body.meta).toEqual({ withheld: [], warnings: [] });
    expect(await stored(id)).toMatchObject({ callName: 'LOGICIELS DU RHONE', siret: SIRENE.company, apeCode: '62.01Z', address: { city: 'LYON 2EME' } });
  });

  it("uses the record's own SIRET when the body names none", async () => {
    const id = await createCustomer({ siret: SIRENE.soleTrader });
    const res = await identify(id);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ callName: 'DUPONT Jean-Pierre', legalForm: 'Entrepreneur individuel', siren: '908765431' });
    expect(stub.requests.map((r) => r.url)).toEqual([`/siret/${SIRENE.soleTrader}`]);
  });

  it('from a SIREN: fills the identity, leaves the address and SIRET alone', async () => {
    const id = await createCustomer({ address: { line1: '1 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' } });
    const res = await identify(id, { siren: SIRENE.companySiren });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ callName: 'LOGICIELS DU RHONE', siren: '812345676', siret: null, address: { line1: '1 place Bellecour', city: 'Lyon' } });
  });

  it('keeps the values INSEE withholds and reports them', async () => {
    const id = await createCustomer({ address: { line1: '8 rue Nationale', line2: 'Cabinet', postalCode: '59800', city: 'Lille', country: 'FR' } });
    const res = await identify(id, { siret: SIRENE.nonDiffusible });
    expect(res.status).toBe(200);
    expect(res.body.data.callName).toBe('LEFEBVRE');
    expect(res.body.data.address).toMatchObject({ line1: '8 rue Nationale', line2: 'Cabinet', postalCode: '59000', city: 'LILLE', country: 'FR' });
    expect(res.body.meta.withheld).toEqual(['callName', 'address.line1', 'address.line2']);
    expect(JSON.stringify(res.body)).not.toContain('[ND]');
  });

  it('applies a closed unit with a warning: the caller decides', async () => {
    const id = await createCustomer({});
    const res = await identify(id, { siret: SIRENE.closed });
    expect(res.status).toBe(200);
    expect(res.body.data.callName).toBe('BOULANGERIE DU PORT');
    expect(res.body.meta.warnings).toContain('legal unit 314159260 has ceased trading');
  });

  it('the customer rules still run: a VAT number of another SIREN refuses the whole write', async () => {
    const id = await createCustomer({ siret: IDS.siret, vatNumber: IDS.vat });
    const res = await identify(id, { siret: SIRENE.company });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'))).toEqual(['vatNumber']);
    expect(await stored(id)).toMatchObject({ callName: 'To identify', siret: IDS.siret });
  });

  it('400 without any identifier, 400 on both, 400 on a bad check digit (no INSEE call)', async () => {
    const id = await createCustomer({});
    let res = await identify(id);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ message: 'the customer has no SIRET or SIREN: give one to identify it', details: { errors: [{ path: ['siret'] }] } });
    res = await identify(id, { siret: SIRENE.company, siren: SIRENE.companySiren });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['siren']);
    res = await identify(id, { siret: '81234567600026' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: ['siret'], message: 'SIRET 81234567600026 is not valid: 14 digits with a correct check digit expected' });
    expect(stub.requests).toHaveLength(0);
  });

  it('404 for an unknown customer or an unknown unit; INSEE failures keep their status', async () => {
    let res = await identify('no-such-document', { siret: SIRENE.company });
    expect(res.status).toBe(404);
    const id = await createCustomer({});
    res = await identify(id, { siret: SIRENE.unknown });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(`no unit with SIRET ${SIRENE.unknown}`);
    stub.reply(() => ({ status: 500, text: 'boom' }));
    res = await identify(id, { siret: SIRENE.company });
    expect(res.status).toBe(502);
    expect(res.body.error.name).toBe('BadGatewayError');
    expect((await stored(id)).callName).toBe('To identify');
  });
});

describe('GraphQL identifyCustomer', () => {
  it('identifies through the same service', async () => {
    const id = await createCustomer({});
    const res = await app.api().post('/graphql').send({
      query: `mutation($id: ID!, $siret: String) {
        identifyCustomer(documentId: $id, siret: $siret) { customer { documentId callName siret apeCode legalForm address { city } } withheld warnings }
      }`,
      variables: { id, siret: SIRENE.company },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.identifyCustomer).toEqual({
      customer: { documentId: id, callName: 'LOGICIELS DU RHONE', siret: SIRENE.company, apeCode: '62.01Z', legalForm: 'SAS', address: { city: 'LYON 2EME' } },
      withheld: [],
      warnings: [],
    });
  });
});

describe('permission api::customer.identify.identify', () => {
  it('403 without it (even with the look-up permission), 200 with it', async () => {
    const id = await createCustomer({});
    const denied = (await portalUser(app, ['api::identification.sirene.bySiret', 'api::customer.customer.update'])).jwt;
    let res = await app.http.post(`/api/customers/${id}/identify`).set('Authorization', `Bearer ${denied}`).send({ siret: SIRENE.company });
    expect(res.status).toBe(403);
    res = await app.http.post('/graphql').set('Authorization', `Bearer ${denied}`).send({
      query: `mutation { identifyCustomer(documentId: "${id}", siret: "${SIRENE.company}") { withheld } }`,
    });
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(stub.requests).toHaveLength(0);

    const allowed = (await portalUser(app, ['api::customer.identify.identify'])).jwt;
    res = await app.http.post(`/api/customers/${id}/identify`).set('Authorization', `Bearer ${allowed}`).send({ siret: SIRENE.company });
    expect(res.status).toBe(200);
    expect(res.body.data.callName).toBe('LOGICIELS DU RHONE');
  });
});
