import { Factories, uniq } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

// The app's refusals in the language the request asks for (Accept-Language, as the admin sends
// it): French words, numbers and days for `fr`, the English they always had without the header.
const app = testApp();
let f: Factories;
let eur: string;
beforeAll(async () => {
  f = new Factories(app.api);
  eur = (await f.currency({ code: 'EUR', name: 'Euro' })).documentId;
});

const NNBSP = '\u202f'; // Intl's French thousands separator
const firstError = (body: any) => body?.error?.details?.errors?.[0];
/** The same request sent in English (no header) and in French. */
const both = async (send: (lang?: string) => Promise<any>) => ({ en: await send(), fr: await send('fr-FR,fr;q=0.9,en;q=0.5') });
const withLang = <T extends { set(name: string, value: string): T }>(req: T, lang?: string) => (lang ? req.set('Accept-Language', lang) : req);

describe('a field rule refusal (400 on a field)', () => {
  it('names the fields by their labels and writes days the French way', async () => {
    const customer = await f.customer();
    const { en, fr } = await both((lang) =>
      withLang(app.api().post('/api/opportunities'), lang).send({
        data: { number: uniq('OPP'), title: 'Deal', date: '2026-12-05', expectedCloseDate: '2026-01-01', expectedAmountExclTax: '100.00', customer: customer.documentId },
      })
    );
    expect([en.status, fr.status]).toEqual([400, 400]);
    expect(firstError(en.body)).toMatchObject({ path: ['expectedCloseDate'], code: 'dateBeforeEarlier', message: 'expectedCloseDate (2026-01-01) must not be before date (2026-12-05)' });
    expect(firstError(fr.body)).toMatchObject({
      path: ['expectedCloseDate'],
      code: 'dateBeforeEarlier',
      message: "le champ « Date de clôture prévue » (01/01/2026) ne doit pas précéder le champ « Date d'ouverture » (05/12/2026)",
    });
    expect(fr.body.error.message).toBe(firstError(fr.body).message);
  });

  it('writes amounts with French grouping and decimal comma', async () => {
    const lines = [
      { label: 'Session 1', trainees: 4, amountExclTax: '6500.00', status: 'open' },
      { label: 'Session 2', trainees: 2, amountExclTax: '500.50', status: 'open' },
    ];
    const customer = await f.customer();
    const { en, fr } = await both((lang) =>
      withLang(app.api().post('/api/training-opportunities'), lang).send({
        data: { number: uniq('TOP'), title: 'Training', date: '2025-01-20', customer: customer.documentId, currency: eur, trainingLines: lines, amountExclTax: '9999.00' },
      })
    );
    expect(firstError(en.body)).toMatchObject({ path: ['amountExclTax'], code: 'amountNotSumOfLines', message: 'amountExclTax must equal the sum of the lines (7000.50)' });
    expect(firstError(fr.body)).toMatchObject({ path: ['amountExclTax'], code: 'amountNotSumOfLines', message: `le montant HT doit être égal à la somme des lignes (7${NNBSP}000,50)` });
  });
});

describe('an operation refusal', () => {
  it('names the state by its French label', async () => {
    const opportunity = await f.opportunity({ state: 'won', currency: eur });
    const { en, fr } = await both((lang) => withLang(app.api().post(`/api/opportunities/${opportunity.documentId}/order`), lang).send({ number: uniq('ORD') }));
    expect([en.status, fr.status]).toEqual([400, 400]);
    expect(en.body.error.message).toBe(`opportunity ${opportunity.number} is won: only an open opportunity can be turned into an order`);
    expect(fr.body.error.message).toBe(`l’affaire ${opportunity.number} est à l’état « Gagné » : seule une affaire ouverte peut être transformée en commande`);
    expect(firstError(fr.body)).toMatchObject({ path: ['state'], code: 'opportunityNotOpen' });
  });

  it('a query parameter out of range, with its bound in French digits', async () => {
    const customer = await f.customer();
    const { en, fr } = await both((lang) => withLang(app.api().get(`/api/customers/${customer.documentId}/management-objects`), lang).query({ type: 'invoices', page: 0 }));
    expect(en.body.error.message).toBe('page must be a whole number from 1 to 1000000');
    expect(fr.body.error.message).toBe(`« page » doit être un nombre entier de 1 à 1${NNBSP}000${NNBSP}000`);
  });
});

describe('a 404 and a GraphQL error', () => {
  it('a missing record, with the code in details', async () => {
    const { en, fr } = await both((lang) => withLang(app.api().get('/api/customers/nope/accounting/consistency'), lang));
    expect([en.status, fr.status]).toEqual([404, 404]);
    expect(en.body.error).toMatchObject({ message: 'customer or prospect nope not found', details: { code: 'customerOrProspectNotFound' } });
    expect(fr.body.error).toMatchObject({ message: 'client ou prospect nope introuvable', details: { code: 'customerOrProspectNotFound' } });
  });

  it('GraphQL carries the translated message too', async () => {
    const customer = await f.customer();
    const query = 'query($c: ID!, $p: ID) { resolveBilling(customer: $c, project: $p) { source } }';
    const { en, fr } = await both((lang) => withLang(app.api().post('/graphql'), lang).send({ query, variables: { c: customer.documentId, p: 'no-such-project' } }));
    expect(en.body.errors[0]).toMatchObject({ message: 'no project no-such-project', extensions: { code: 'BAD_USER_INPUT' } });
    expect(fr.body.errors[0]).toMatchObject({ message: 'aucun projet no-such-project', extensions: { code: 'BAD_USER_INPUT' } });
  });
});
