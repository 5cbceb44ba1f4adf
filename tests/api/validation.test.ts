import { testApp } from '../helpers/strapi';

// Domain rules over REST and GraphQL: each refusal is a 400 whose details name the field path.
const app = testApp();
let eur: string;
beforeAll(async () => {
  const currency = await app.api().post('/api/currencies').send({ data: { code: 'EUR', name: 'Euro', minorUnits: 2 } });
  eur = currency.body.data.documentId;
});

const createCustomer = (data: Record<string, unknown>) =>
  app.api().post('/api/customers').send({ data: { callName: 'Test customer', ...data } });

const errorPaths = (body: any): string[] =>
  (body?.error?.details?.errors ?? []).map((e: { path: string[] }) => e.path.join('.'));

describe('SIRET / SIREN', () => {
  it.each([
    ['73282932000074', '732829320'],
    ['44306184100047', '443061841'],
    ['35600000049837', '356000000'], // La Poste: digit sum multiple of 5, fails Luhn
    ['35600000000048', '356000000'], // La Poste head office keeps Luhn
  ])('accepts SIRET %s and derives SIREN %s', async (siret, siren) => {
    const res = await createCustomer({ siret });
    expect(res.status).toBe(201);
    expect(res.body.data.siret).toBe(siret);
    expect(res.body.data.siren).toBe(siren);
  });

  it.each([
    ['73282932000079', 'wrong check digit'],
    ['35600000049838', 'La Poste, digit sum 46'],
    ['35600000000049', 'La Poste head office, last digit changed'],
    ['7328293200007', '13 digits'],
    ['7328293200007A', 'a letter'],
  ])('refuses SIRET %s (%s)', async (siret) => {
    const res = await createCustomer({ siret });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(errorPaths(res.body)).toEqual(['siret']);
    expect(res.body.error.message).toMatch(/SIRET .* is not valid/);
  });

  it.each([['732829321'], ['73282932'], ['73282932A']])('refuses SIREN %s', async (siren) => {
    const res = await createCustomer({ siren });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['siren']);
  });

  it('refuses a SIREN that is not the SIRET one', async () => {
    const res = await createCustomer({ siret: '73282932000074', siren: '443061841' });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['siren']);
  });

  it('checks an update against the stored record', async () => {
    const created = await createCustomer({ siret: '73282932000074' });
    const res = await app.api().put(`/api/customers/${created.body.data.documentId}`).send({ data: { siren: '443061841' } });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['siren']);
  });
});

describe('a site\'s and a supplier\'s SIRET', () => {
  it('a site takes a valid SIRET of its customer\'s company, stored without spaces', async () => {
    const customer = (await createCustomer({ siret: '73282932000074' })).body.data.documentId;
    const site = (data: Record<string, unknown>) => app.api().post('/api/sites').send({ data: { name: 'Agence', customer, ...data } });
    const letters = await site({ siret: 'ABCDEFGHIJKLMN' });
    expect([letters.status, errorPaths(letters.body), letters.body.error.message]).toEqual([400, ['siret'], expect.stringMatching(/not valid: 14 digits/)]);
    const other = await site({ siret: '44306184100047' });
    expect([other.status, other.body.error.message]).toEqual([400, expect.stringMatching(/SIRET 44306184100047 is not an establishment of .* \(SIREN 732829320\)/)]);
    const spaced = await site({ siret: '732 829 320 00074' });
    expect([spaced.status, spaced.body.data?.siret]).toEqual([201, '73282932000074']);
  });

  it('a supplier follows the customer record\'s identity rules', async () => {
    const bad = await app.api().post('/api/suppliers').send({ data: { code: `SUP-${Date.now()}`, callName: 'Fournisseur', siret: 'ABCDEFGHIJKLMN' } });
    expect([bad.status, errorPaths(bad.body)]).toEqual([400, ['siret']]);
    const mismatch = await app.api().post('/api/suppliers').send({ data: { code: `SUP-${Date.now()}-2`, callName: 'Fournisseur', siret: '73282932000074', siren: '443061841' } });
    expect([mismatch.status, errorPaths(mismatch.body)]).toEqual([400, ['siren']]);
    const good = await app.api().post('/api/suppliers').send({ data: { code: `SUP-${Date.now()}-3`, callName: 'Fournisseur', siret: '73282932000074' } });
    expect([good.status, good.body.data?.siren]).toEqual([201, '732829320']);
  });

  it('a group company\'s SIREN and VAT number are valid and consistent', async () => {
    const company = await app.api().post('/api/companies').send({ data: { code: `CO-${Date.now()}`, name: 'Acme Groupe', siren: '732829320' } });
    expect(company.status).toBe(201);
    const short = await app.api().put(`/api/companies/${company.body.data.documentId}`).send({ data: { siren: '12' } });
    expect([short.status, errorPaths(short.body)]).toEqual([400, ['siren']]);
    const otherVat = await app.api().put(`/api/companies/${company.body.data.documentId}`).send({ data: { vatNumber: 'FR64443061841' } });
    expect([otherVat.status, errorPaths(otherVat.body)]).toEqual([400, ['vatNumber']]);
  });
});

describe('VAT numbers and exemption', () => {
  it.each([
    ['FR44732829320', 'FR'],
    ['FR 44 732 829 320', 'FR'],
    ['DE136695976', 'DE'],
    ['BE0403170701', 'BE'],
  ])('accepts %s', async (vatNumber, country) => {
    const res = await createCustomer({ vatNumber, country });
    expect(res.status).toBe(201);
    expect(res.body.data.vatNumber).toBe(vatNumber.replace(/ /g, ''));
  });

  it.each([
    ['FR45732829320', 'FR', /key/],
    ['FR00732829320', 'FR', /key/],
    ['DE12345678', 'DE', /./],
    ['XX123456789', 'FR', /./],
  ])('refuses %s', async (vatNumber, country, message) => {
    const res = await createCustomer({ vatNumber, country });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['vatNumber']);
    expect(res.body.error.message).toMatch(message);
  });

  it('refuses a FR VAT number of another SIREN', async () => {
    const res = await createCustomer({ siren: '443061841', vatNumber: 'FR44732829320' });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['vatNumber']);
  });

  it('lets a French customer be exempt', async () => {
    const res = await createCustomer({ country: 'FR', vatExempt: true });
    expect(res.status).toBe(201);
    expect(res.body.data.vatExempt).toBe(true);
  });

  it('refuses the exemption flag on an EU customer outside France', async () => {
    const res = await createCustomer({ country: 'DE', vatExempt: true });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['vatExempt']);
  });

  it('makes a customer outside the EU exempt, and refuses to un-exempt it', async () => {
    const created = await createCustomer({ country: 'US' });
    expect(created.status).toBe(201);
    expect(created.body.data.vatExempt).toBe(true);
    const res = await app.api().put(`/api/customers/${created.body.data.documentId}`).send({ data: { vatExempt: false } });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['vatExempt']);
  });

  it('refuses an unknown country code', async () => {
    const res = await createCustomer({ country: 'ZZ' });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['country']);
  });
});

describe('customer codes and company rules', () => {
  let manual: string;
  let automatic: string;
  beforeAll(async () => {
    manual = (await app.api().post('/api/companies').send({ data: { code: 'MAN', name: 'Manual SA', customerNumbering: 'manual' } })).body.data.documentId;
    automatic = (
      await app.api().post('/api/companies').send({ data: { code: 'AUTO', name: 'Auto SAS', customerCodePrefix: 'CL', managementRules: { reliabilityColour: true } } })
    ).body.data.documentId;
  });

  it('numbers customers automatically with the company prefix', async () => {
    const first = await createCustomer({ company: automatic });
    const second = await createCustomer({ company: automatic });
    expect(first.body.data.code).toBe('CL000001');
    expect(second.body.data.code).toBe('CL000002');
  });

  it('requires a code when the company numbers manually', async () => {
    const res = await createCustomer({ company: manual });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['code']);
    expect(res.body.error.message).toMatch(/Manual SA numbers its customers manually/);
  });

  it('keeps codes unique per company, not across companies', async () => {
    expect((await createCustomer({ company: manual, code: 'ACME' })).status).toBe(201);
    const duplicate = await createCustomer({ company: manual, code: 'ACME' });
    expect(duplicate.status).toBe(400);
    expect(errorPaths(duplicate.body)).toEqual(['code']);
    expect((await createCustomer({ company: automatic, code: 'ACME' })).status).toBe(201);
  });

  it('allows the reliability colour only under the CLIPRO_COULEUR rule', async () => {
    expect((await createCustomer({ company: automatic, reliabilityColour: 'red' })).status).toBe(201);
    const res = await createCustomer({ company: manual, code: 'RED', reliabilityColour: 'red' });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['reliabilityColour']);
  });
});

describe('money', () => {
  let customer: string;
  beforeAll(async () => {
    customer = (await createCustomer({})).body.data.documentId;
  });
  const receipt = (amount: unknown) =>
    app.api().post('/api/receipts').send({ data: { number: `R-${Math.random()}`, customer, currency: eur, date: '2026-01-15', amount } });

  it.each([
    [1e13, /maximum 9999999999999.99/],
    [0.005, /more than 2 decimals/],
    ['12,50', /dot as the decimal separator/],
    [-1, /must not be negative/],
    ['1e5', /./],
    ['abc', /./],
    [true, /./],
  ])('refuses %p on the field', async (amount, message) => {
    const res = await receipt(amount);
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['amount']);
    expect(res.body.error.message).toMatch(message);
  });

  it.each([
    ['9999999999999.99', '9999999999999.99'],
    [12.5, '12.50'],
    ['0.01', '0.01'],
  ])('stores %p exactly', async (amount, expected) => {
    const res = await receipt(amount);
    expect(res.status).toBe(201);
    const read = await app.api().get(`/api/receipts/${res.body.data.documentId}`);
    expect(Number(read.body.data.amount).toFixed(2)).toBe(expected);
  });

  it('names the path of a bad amount inside a line', async () => {
    const res = await app
      .api()
      .post('/api/invoices')
      .send({ data: { number: 'F-1', customer, currency: eur, date: '2026-01-15', lines: [{ quantity: 1, unitPrice: 10 }, { quantity: 2, unitPrice: '3,5' }] } });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['lines.1.unitPrice']);
  });

  it('refuses header amounts that disagree with the lines, and writes nothing', async () => {
    const before = await app.strapi.db.query('api::invoice.invoice').count();
    const res = await app
      .api()
      .post('/api/invoices')
      .send({ data: { number: 'F-2', customer, currency: eur, date: '2026-01-15', amountExclTax: 100, lines: [{ quantity: 3, unitPrice: 33.33, vatRate: 20 }] } });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['amountExclTax']);
    expect(res.body.error.message).toMatch(/99.99/);
    expect(await app.strapi.db.query('api::invoice.invoice').count()).toBe(before);
  });

  it('refuses an amount paid above the total and a due date before the invoice date', async () => {
    const res = await app
      .api()
      .post('/api/invoices')
      .send({ data: { number: 'F-3', customer, currency: eur, date: '2026-02-01', dueDate: '2026-01-01', amountPaid: 500, lines: [{ quantity: 1, unitPrice: 100, vatRate: 20 }] } });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body).sort()).toEqual(['amountPaid', 'dueDate']);
  });

  it('answers GraphQL with BAD_USER_INPUT and the field path', async () => {
    const res = await app
      .api()
      .post('/graphql')
      .send({ query: `mutation { createReceipt(data: { number: "G-1", customer: "${customer}", currency: "${eur}", date: "2026-01-01", amount: 0.005 }) { documentId } }` });
    expect(res.status).toBe(200);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors[0].extensions.error.details.errors[0].path).toEqual(['amount']);
  });
});

describe('changing a SIRET', () => {
  it('re-derives the SIREN and checks the stored VAT number against it', async () => {
    const created = await createCustomer({ siret: '73282932000074', vatNumber: 'FR44732829320' });
    expect(created.status).toBe(201);
    const moved = await app.api().put(`/api/customers/${created.body.data.documentId}`).send({ data: { siret: '44306184100047' } });
    expect(moved.status).toBe(400);
    expect(errorPaths(moved.body)).toEqual(['vatNumber']);
    const res = await app
      .api()
      .put(`/api/customers/${created.body.data.documentId}`)
      .send({ data: { siret: '44306184100047', vatNumber: 'FR64443061841' } });
    expect(res.status).toBe(200);
    expect(res.body.data.siren).toBe('443061841');
  });
});
