import { Factories, IDS, uniq, type Doc } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

// New linked supplier: a supplier record pre-filled from a prospect (or customer) and linked to it.
const app = testApp();
let f: Factories;
let eur: string;
let company: Doc;

beforeAll(async () => {
  f = new Factories(app.api);
  eur = (await f.currency({ code: 'EUR', name: 'Euro' })).documentId;
  company = await f.company({ currency: eur });
});

const errorPaths = (body: any): string[] => (body?.error?.details?.errors ?? []).map((e: { path: string[] }) => e.path.join('.'));
const linkedSupplier = (documentId: string, body: Record<string, unknown> = {}) => app.api().post(`/api/customers/${documentId}/linked-supplier`).send(body);
const supplierCount = () => app.strapi.db.query('api::supplier.supplier').count();

async function fullProspect(o: Record<string, unknown> = {}) {
  const paymentTerm = await f.paymentTerm();
  return f.customer({
    kind: 'prospect',
    callName: 'Bureau Conseil',
    corporateName: 'Bureau Conseil SAS',
    siret: IDS.siret,
    vatNumber: IDS.vat,
    apeCode: '6202A',
    legalForm: 'SAS',
    country: 'FR',
    address: { line1: '12 avenue Foch', postalCode: '69006', city: 'Lyon', country: 'FR' },
    contactDetails: { phone: '+33 4 72 00 00 00', email: 'contact@bureau-conseil.fr' },
    bankDetails: { bankName: 'Banque Test', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP' },
    paymentTerm: paymentTerm.documentId,
    currency: eur,
    company: company.documentId,
    ...o,
  });
}

it('pre-fills the supplier from the prospect and links it (201)', async () => {
  const p = await fullProspect();
  const res = await linkedSupplier(p.documentId);
  expect(res.status).toBe(201);
  const s = res.body.data;
  expect(s).toMatchObject({
    code: p.code,
    callName: 'Bureau Conseil',
    corporateName: 'Bureau Conseil SAS',
    siret: IDS.siret,
    siren: IDS.siren,
    vatNumber: IDS.vat,
    apeCode: '6202A',
    legalForm: 'SAS',
    country: 'FR',
    address: { line1: '12 avenue Foch', postalCode: '69006', city: 'Lyon', country: 'FR' },
    contactDetails: { phone: '+33 4 72 00 00 00', email: 'contact@bureau-conseil.fr' },
    bankDetails: { bankName: 'Banque Test', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP' },
  });
  expect(s.linkedProspect.documentId).toBe(p.documentId);
  expect(s.company.documentId).toBe(company.documentId);
  expect(s.currency.documentId).toBe(eur);
  // the components are copies: the prospect keeps its own
  const stored = await app.strapi.db.query('api::customer.customer').findOne({ where: { documentId: p.documentId }, populate: ['address', 'paymentTerm'] });
  expect(stored.address.city).toBe('Lyon');
  expect(stored.address.id).not.toBe(s.address.id);
  expect(s.paymentTerm.documentId).toBe(stored.paymentTerm.documentId);
  // the prospect stays a prospect
  expect(stored.kind).toBe('prospect');
});

it('body fields override the pre-fill', async () => {
  const p = await fullProspect();
  const code = uniq('SUP');
  const res = await linkedSupplier(p.documentId, { code, callName: 'Bureau Conseil (achats)', notes: 'buys from us too' });
  expect(res.status).toBe(201);
  expect(res.body.data).toMatchObject({ code, callName: 'Bureau Conseil (achats)', notes: 'buys from us too', corporateName: 'Bureau Conseil SAS' });
});

it('works from a customer too', async () => {
  const c = await f.customer({ company: company.documentId });
  const res = await linkedSupplier(c.documentId);
  expect(res.status).toBe(201);
  expect(res.body.data.linkedProspect.documentId).toBe(c.documentId);
});

it('refuses a second linked supplier, naming the first', async () => {
  const p = await fullProspect();
  const first = await linkedSupplier(p.documentId);
  expect(first.status).toBe(201);
  const count = await supplierCount();
  const res = await linkedSupplier(p.documentId, { code: uniq('SUP') });
  expect(res.status).toBe(400);
  expect(errorPaths(res.body)).toEqual(['linkedProspect']);
  expect(res.body.error.message).toBe(`${p.code} Bureau Conseil already has a linked supplier: ${p.code} Bureau Conseil`);
  expect(await supplierCount()).toBe(count);
});

it('asks for a code when the prospect code is already a supplier code, and refuses a taken code', async () => {
  const p = await fullProspect();
  const holder = await f.supplier({ code: p.code, callName: 'Déjà Là' });
  const count = await supplierCount();
  const res = await linkedSupplier(p.documentId);
  expect(res.status).toBe(400);
  expect(errorPaths(res.body)).toEqual(['code']);
  expect(res.body.error.message).toBe(`supplier code ${p.code} (the record's code) is already used by supplier ${holder.code} Déjà Là: give a supplier code`);

  const taken = await linkedSupplier(p.documentId, { code: holder.code });
  expect(taken.status).toBe(400);
  expect(taken.body.error.message).toBe(`supplier code ${holder.code} is already used by supplier ${holder.code} Déjà Là`);
  expect(await supplierCount()).toBe(count);

  const ok = await linkedSupplier(p.documentId, { code: uniq('SUP') });
  expect(ok.status).toBe(201);
});

it('refuses unknown fields, a linkedProspect override and an unknown record', async () => {
  const p = await fullProspect();
  const unknown = await linkedSupplier(p.documentId, { kind: 'customer' });
  expect(unknown.status).toBe(400);
  expect(errorPaths(unknown.body)).toEqual(['kind']);
  expect(unknown.body.error.message).toBe('kind is not a supplier field that can be given here');
  const other = await fullProspect();
  const relinked = await linkedSupplier(p.documentId, { linkedProspect: other.documentId });
  expect(errorPaths(relinked.body)).toEqual(['linkedProspect']);
  expect((await linkedSupplier('nosuchdocumentid000000000')).status).toBe(404);
});

it('createLinkedSupplier over GraphQL', async () => {
  const p = await fullProspect();
  const code = uniq('SUP');
  const res = await app
    .api()
    .post('/graphql')
    .send({ query: `mutation { createLinkedSupplier(documentId: "${p.documentId}", data: { code: "${code}" }) { code callName linkedProspect { documentId } } }` });
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data.createLinkedSupplier).toEqual({ code, callName: 'Bureau Conseil', linkedProspect: { documentId: p.documentId } });
  const again = await app.api().post('/graphql').send({ query: `mutation { createLinkedSupplier(documentId: "${p.documentId}") { code } }` });
  expect(again.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(again.body.errors[0].extensions.error.details.errors[0].path).toEqual(['linkedProspect']);
});
