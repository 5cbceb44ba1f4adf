import { Factories, Probes, startingKit } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;
beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
});

it("holds the spec's worked example to the cent: 6000 + 1600 - 500 = 7100 > 7000 refuses a new invoice", async () => {
  const customer = (await f.bareCustomer()).documentId;
  // the documents were entered before the threshold was set, as in the spec
  expect((await f.invoiceResponse(customer, eur, 6000)).status).toBe(201);
  expect((await f.invoiceResponse(customer, eur, 1600)).status).toBe(201);
  expect((await f.receiptResponse(customer, eur, 500)).status).toBe(201);
  await f.creditPolicy(customer, { mode: 'block', threshold: '7000.00', currency: 'EUR' });
  const summary = await probe.summary(customer);
  expect(summary.exposure).toBe('7100.00');
  expect(summary.exposureByBucket).toEqual([
    { bucket: 'invoices', amount: '7600.00', currency: 'EUR' },
    { bucket: 'receipts', amount: '-500.00', currency: 'EUR' },
  ]);
  expect(summary.status).toBe('over');

  const refused = await f.invoiceResponse(customer, eur, 10);
  expect(refused.status).toBe(400);
  expect(refused.body.error.name).toBe('ValidationError');
  expect(refused.body.error.message).toBe('Credit blocked: outstanding 7,110.00 EUR exceeds the 7,000.00 EUR threshold');
  const details = refused.body.error.details.creditControl;
  expect(details).toMatchObject({ mode: 'block', threshold: '7000.00', exposureBefore: '7100.00', exposureAfter: '7110.00' });
  // the two unpaid invoices, not the refused one (rolled back)
  expect(details.topDocuments.map((d: { amount: string }) => d.amount)).toEqual(['6000.00', '1600.00']);
  expect(refused.body.error.details.errors[0].path).toEqual(['customer']); // no customer to bill: the customer pays
  expect((await probe.summary(customer)).exposure).toBe('7100.00');
  const audit = await app.api().get(`/api/credit-control/decisions?party=${customer}&outcome=refused`);
  expect(audit.status).toBe(200);
  expect(audit.body.data).toHaveLength(1);
  expect(audit.body.data[0]).toMatchObject({
    documentUid: 'api::invoice.invoice', mode: 'block', outcome: 'refused', currency: 'EUR',
    delta: '10.00', exposureBefore: '7100.00', exposureAfter: '7110.00', threshold: '7000.00',
  });
});

it('warns in alert mode, over REST (header) and GraphQL (extensions)', async () => {
  const customer = (await f.bareCustomer()).documentId;
  await f.creditPolicy(customer, { mode: 'alert', threshold: '100.00', currency: 'EUR' });
  const res = await f.invoiceResponse(customer, eur, 150);
  expect(res.status).toBe(201);
  expect(decodeURIComponent(res.headers['x-credit-control-warning'])).toBe('Credit alert: outstanding 150.00 EUR exceeds the 100.00 EUR threshold');
  const gql = await app
    .api()
    .post('/graphql')
    .send({ query: `mutation { createInvoice(data: { number: "G-1", customer: "${customer}", currency: "${eur}", date: "2026-01-01", state: issued, amountExclTax: 10, taxAmount: 2, amountInclTax: 12 }) { documentId } }` });
  expect(gql.body.errors).toBeUndefined();
  expect(gql.body.extensions.creditControl.warnings[0]).toMatch(/outstanding 160.00 EUR exceeds the 100.00 EUR threshold/);
});

it('speaks the language the request asks for: French figures for the admin in French, English by default', async () => {
  const customer = (await f.bareCustomer()).documentId;
  expect((await f.invoiceResponse(customer, eur, 6000)).status).toBe(201);
  expect((await f.invoiceResponse(customer, eur, 1600)).status).toBe(201);
  await f.creditPolicy(customer, { mode: 'block', threshold: '7000.00', currency: 'EUR' });

  const french = await f.invoiceResponse(customer, eur, 10).set('Accept-Language', 'fr-FR,fr;q=0.9,en;q=0.8');
  expect(french.status).toBe(400);
  const text = 'Crédit bloqué : l’encours de 7\u202f610,00 EUR dépasse le seuil de 7\u202f000,00 EUR';
  expect(french.body.error.message).toBe(text);
  expect(french.body.error.details.errors[0]).toMatchObject({ path: ['customer'], message: text });
  // the reason code and the figures stay the same for programs
  expect(french.body.error.details.creditControl).toMatchObject({ reason: 'overThreshold', exposureAfter: '7610.00', threshold: '7000.00' });

  for (const header of [undefined, '*', 'de-DE']) {
    const request = f.invoiceResponse(customer, eur, 10);
    const english = await (header ? request.set('Accept-Language', header) : request);
    expect(english.body.error.message).toBe('Credit blocked: outstanding 7,610.00 EUR exceeds the 7,000.00 EUR threshold');
  }

  expect((await app.api().put(`/api/credit-control/parties/${customer}/policy`).send({ data: { mode: 'alert', threshold: '7000.00', currency: 'EUR' } })).status).toBe(200);
  const warned = await f.invoiceResponse(customer, eur, 10).set('Accept-Language', 'fr');
  expect(warned.status).toBe(201);
  expect(decodeURIComponent(warned.headers['x-credit-control-warning'])).toBe('Alerte crédit : l’encours de 7\u202f610,00 EUR dépasse le seuil de 7\u202f000,00 EUR');
});

it("writes the app's own field errors in the requester's language too", async () => {
  const body = { data: { code: `FR-${Date.now()}`, callName: 'Siret faux', siret: '12345678901234' } };
  const french = await app.api().post('/api/customers').set('Accept-Language', 'fr').send(body);
  expect(french.status).toBe(400);
  expect(french.body.error.details.errors).toEqual([
    { path: ['siret'], name: 'ValidationError', code: 'siretInvalid', message: 'le SIRET 12345678901234 n’est pas valide : 14 chiffres avec une clé de contrôle correcte sont attendus' },
  ]);
  const english = await app.api().post('/api/customers').send(body);
  expect(english.body.error.details.errors[0]).toMatchObject({ code: 'siretInvalid', message: 'SIRET 12345678901234 is not valid: 14 digits with a correct check digit expected' });
});
