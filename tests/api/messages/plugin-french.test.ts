import net from 'net';
import { customerPortalUser } from '../../helpers/portal-user';
import { testApp } from '../../helpers/strapi';
import { receivablesBook } from '../reports/fixtures';

// The credit-control plugin's own messages in the language the request asks for (Accept-Language,
// as the admin sends it): French words, figures and field labels for `fr`, the English they always
// had without the header; `code` on every field error, whatever the language.

/** A local port nothing listens on: the mail server the app is pointed at is down. */
const closedPort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close((error) => (error ? reject(error) : resolve(port)));
    });
  });

let smtpPort: number;
const app = testApp({
  beforeBoot: async () => {
    smtpPort = await closedPort();
    Object.assign(process.env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort), SMTP_SECURE: 'false', EMAIL_FROM: 'recouvrement@alpha.example' });
  },
});
let book: Awaited<ReturnType<typeof receivablesBook>>;
let contact: string;
beforeAll(async () => {
  book = await receivablesBook(app);
  contact = (await book.f.contact({ customer: book.zeta.documentId, firstName: 'Anne', lastName: 'Compta', email: 'anne.compta@zeta.example', receivesDunning: true })).documentId;
});

const NNBSP = '\u202f';
const FRENCH = 'fr-FR,fr;q=0.9,en;q=0.5';
const fieldErrors = (body: any) => (body?.error?.details?.errors ?? []).map((e: any) => ({ path: e.path.join('.'), code: e.code, message: e.message }));
/** The same request without the header (English) and in French. */
const both = async (send: (lang?: string) => any) => ({ en: await send(), fr: await send(FRENCH) });
const withLang = (req: any, lang?: string) => (lang ? req.set('Accept-Language', lang) : req);

describe('a bad policy input', () => {
  it('names the field by its label, with its code', async () => {
    const party = (await book.f.bareCustomer()).documentId;
    const { en, fr } = await both((lang) => withLang(app.api().put(`/api/credit-control/parties/${party}/policy`), lang).send({ data: { mode: 'block', threshold: '12,50' } }));
    expect([en.status, fr.status]).toEqual([400, 400]);
    expect(fieldErrors(en.body)).toEqual([{ path: 'threshold', code: 'thresholdFormat', message: 'threshold must be a non-negative amount with at most 2 decimals and 13 digits' }]);
    expect(fieldErrors(fr.body)).toEqual([{ path: 'threshold', code: 'thresholdFormat', message: '« Seuil » doit être un montant positif ou nul, d’au plus 13 chiffres et 2 décimales' }]);
    expect(fr.body.error.message).toBe(fieldErrors(fr.body)[0].message);
  });

  it('a field that is not a policy field, listing the ones that are', async () => {
    const party = (await book.f.bareCustomer()).documentId;
    const { en, fr } = await both((lang) => withLang(app.api().put(`/api/credit-control/parties/${party}/policy`), lang).send({ data: { colour: 'red' } }));
    expect(fieldErrors(en.body)).toEqual([{ path: 'colour', code: 'notPolicyField', message: expect.stringMatching(/^colour is not a policy field \(fields: mode, threshold, /) }]);
    expect(fieldErrors(fr.body)).toEqual([{ path: 'colour', code: 'notPolicyField', message: expect.stringMatching(/^« colour » n’est pas un champ des règles de blocage \(champs : mode, threshold, /) }]);
  });

  it('a party that does not exist is a 404 in the reader’s language', async () => {
    const { en, fr } = await both((lang) => withLang(app.api().get('/api/credit-control/parties/nope/policy'), lang));
    expect([en.status, fr.status]).toEqual([404, 404]);
    expect(en.body.error).toMatchObject({ message: 'no api::customer.customer nope', details: { code: 'partyNotFound' } });
    expect(fr.body.error).toMatchObject({ message: 'le tiers nope n’existe pas (api::customer.customer)', details: { code: 'partyNotFound' } });
  });
});

describe("a hook's 403", () => {
  it('figuresHidden in the reader’s language, its reason code kept', async () => {
    const portal = await customerPortalUser(app, book.zeta.documentId);
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'portal' } });
    const grant = await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { action: 'plugin::credit-control.over-threshold.list', role: role.id } });
    try {
      const { en, fr } = await both((lang) => withLang(portal.agent().get('/api/credit-control/parties/over-threshold'), lang));
      expect([en.status, fr.status]).toEqual([403, 403]);
      expect(en.body.error).toMatchObject({ message: 'Credit figures are not shown to this requester', details: { reason: 'figuresHidden' } });
      expect(fr.body.error).toMatchObject({ message: 'Les chiffres d’encours ne sont pas montrés à ce demandeur', details: { reason: 'figuresHidden' } });
    } finally {
      await app.strapi.db.query('plugin::users-permissions.permission').delete({ where: { id: grant.id } });
    }
  });
});

describe('a bad report criterion', () => {
  it('a statement range upside down', async () => {
    const { en, fr } = await both((lang) => withLang(app.api().get('/api/credit-control/reports/statement'), lang).query({ codeFrom: 'ZZZ', codeTo: 'AAA' }));
    expect([en.status, fr.status]).toEqual([400, 400]);
    expect(fieldErrors(en.body)).toEqual([{ path: 'codeTo', code: 'notBefore', message: 'codeTo must not be before codeFrom' }]);
    expect(fieldErrors(fr.body)).toEqual([{ path: 'codeTo', code: 'notBefore', message: '« Code client à » ne doit pas précéder « Code client de »' }]);
  });

  it('a run’s criteria: a date that does not exist and a company that does not', async () => {
    const { en, fr } = await both((lang) => withLang(app.api().post('/api/credit-control/reports/runs'), lang).send({ kind: 'statement', criteria: { from: '2025-02-30', sort: 'amount' } }));
    expect([en.status, fr.status]).toEqual([400, 400]);
    expect(fieldErrors(en.body)).toEqual([
      { path: 'criteria.from', code: 'dayInvalid', message: 'from must be a date YYYY-MM-DD, got "2025-02-30"' },
      { path: 'criteria.sort', code: 'notOneOfGot', message: 'sort must be one of name, code, got "amount"' },
    ]);
    expect(fieldErrors(fr.body)).toEqual([
      { path: 'criteria.from', code: 'dayInvalid', message: '« Du » doit être une date AAAA-MM-JJ (reçu « 2025-02-30 »)' },
      { path: 'criteria.sort', code: 'notOneOfGot', message: '« Tri » doit valoir l’une de ces valeurs : name, code (reçu « amount »)' },
    ]);
    const company = await both((lang) => withLang(app.api().get('/api/credit-control/reports/statement'), lang).query({ company: 'no-such-company' }));
    expect(fieldErrors(company.fr.body)).toEqual([{ path: 'company', code: 'criterionNotFound', message: '« Société » : « no-such-company » n’existe pas' }]);
  });

  it('a page size out of range, with its bound in French digits', async () => {
    const { en, fr } = await both((lang) => withLang(app.api().get('/api/credit-control/decisions'), lang).query({ page: 0 }));
    expect(en.body.error.message).toBe('page must be a whole number from 1 to 1000000');
    expect(fr.body.error.message).toBe(`« page » doit être un nombre entier de 1 à 1${NNBSP}000${NNBSP}000`);
    expect(fieldErrors(fr.body)[0]).toMatchObject({ path: 'page', code: 'wholeNumberRange' });
  });
});

describe('a dunning email', () => {
  const url = () => `/api/credit-control/reports/parties/${book.zeta.documentId}/dunning-email`;
  const body = (o: Record<string, unknown> = {}) => ({ recipients: { contacts: [contact] }, subject: 'Relance', format: 'letter', locale: 'fr', asOf: '2025-06-30', dueBefore: '2025-06-30', ...o });

  it('a bad body: every problem on its field, in the reader’s language', async () => {
    const bad = body({ subject: '', recipients: { contacts: ['nobody'] }, attachments: [{ filename: '../x.txt', contentType: 'text/plain', base64: 'aGk=' }] });
    const { en, fr } = await both((lang) => withLang(app.api().post(url()), lang).send(bad));
    expect([en.status, fr.status]).toEqual([400, 400]);
    expect(fieldErrors(en.body)).toEqual([
      { path: 'subject', code: 'requiredText', message: 'subject is required (1 to 255 characters)' },
      { path: 'attachments.0.filename', code: 'attachmentFilename', message: 'filename must be a file name (1 to 200 characters, no path)' },
      { path: 'recipients.contacts.0', code: 'recipientNotOfParty', message: "nobody is not one of this customer's contacts" },
    ]);
    expect(fieldErrors(fr.body)).toEqual([
      { path: 'subject', code: 'requiredText', message: '« Titre » est obligatoire (1 à 255 caractères)' },
      { path: 'attachments.0.filename', code: 'attachmentFilename', message: 'le nom du fichier doit être un nom de fichier (1 à 200 caractères, sans chemin)' },
      { path: 'recipients.contacts.0', code: 'recipientNotOfParty', message: 'nobody ne fait pas partie des contacts de ce client' },
    ]);
  });

  it('nothing to dun: the day in the reader’s format', async () => {
    const { en, fr } = await both((lang) => withLang(app.api().post(url()), lang).send(body({ dueBefore: '2024-01-01' })));
    expect(fieldErrors(en.body)).toEqual([{ path: 'dueBefore', code: 'nothingToDun', message: 'this customer has no overdue invoice to dun with these criteria (due before 2024-01-01)' }]);
    expect(fieldErrors(fr.body)).toEqual([{ path: 'dueBefore', code: 'nothingToDun', message: 'ce client n’a aucune facture échue avant le 01/01/2024 à relancer avec ces critères' }]);
  });

  it('the mail server down: a 502 naming it in the reader’s language, the cause kept in details', async () => {
    const { en, fr } = await both((lang) => withLang(app.api().post(url()), lang).send(body()));
    expect([en.status, fr.status]).toEqual([502, 502]);
    const server = `127.0.0.1:${smtpPort}`;
    const details = { code: 'smtpRefused', server, cause: expect.stringContaining('ECONNREFUSED') };
    expect(en.body.error).toEqual({ status: 502, name: 'SmtpError', message: `the email could not be sent: the mail server ${server} refused the connection`, details });
    expect(fr.body.error).toEqual({ status: 502, name: 'SmtpError', message: `l’e-mail n’a pas pu être envoyé : le serveur de messagerie ${server} a refusé la connexion`, details });
    // nothing was recorded
    expect((await app.api().get('/api/credit-control/reports/dunning-records').query({ party: book.zeta.documentId })).body.data).toEqual([]);
  });
});

describe('the decision log', () => {
  it('gives each entry a text in the reader’s language, built from the row, and keeps the stored message', async () => {
    const party = (await book.f.bareCustomer()).documentId;
    expect((await app.api().put(`/api/credit-control/parties/${party}/policy`).send({ data: { mode: 'block', threshold: '7000.50' } })).status).toBe(200);
    expect((await app.api().post(`/api/credit-control/parties/${party}/block`).send({ reason: 'litige en cours' })).status).toBe(200);
    const list = (lang?: string) => withLang(app.api().get('/api/credit-control/decisions'), lang).query({ party });
    const { en, fr } = await both(list);
    const entries = (res: any) => res.body.data.map((d: any) => [d.kind, d.message, d.text]);
    expect(entries(en)).toEqual([
      ['block', 'blocked: litige en cours', 'Blocked for total receivables: litige en cours'],
      ['policy', 'policy create', 'Blocking rules created: block, threshold 7,000.50 EUR'],
    ]);
    expect(entries(fr)).toEqual([
      ['block', 'blocked: litige en cours', 'Bloqué sur l’encours total : litige en cours'],
      ['policy', 'policy create', `Règles de blocage créées : blocage, seuil 7${NNBSP}000,50 EUR`],
    ]);
  });

  it('a refusal in French with French figures, and a refused request answered in French', async () => {
    const party = (await book.f.bareCustomer()).documentId;
    await app.api().put(`/api/credit-control/parties/${party}/policy`).send({ data: { mode: 'block', threshold: '1000.00', gates: ['invoices'] } });
    const refused = await withLang(app.api().post('/api/invoices'), FRENCH).send({
      data: { number: `F-FR-${Date.now()}`, customer: party, currency: book.eur, state: 'issued', date: '2025-06-01', dueDate: '2025-07-01', lines: [{ quantity: 1, unitPrice: '1500.00', vatRate: 20 }] },
    });
    expect(refused.status).toBe(400);
    const text = `Crédit bloqué : l’encours de 1${NNBSP}500,00 EUR dépasse le seuil de 1${NNBSP}000,00 EUR`;
    expect(refused.body.error.message).toBe(text);
    const log = await withLang(app.api().get('/api/credit-control/decisions'), FRENCH).query({ party, outcome: 'refused' });
    expect(log.body.data.map((d: any) => [d.reason, d.message, d.text])).toEqual([['overThreshold', 'Credit blocked: outstanding 1,500.00 EUR exceeds the 1,000.00 EUR threshold', text]]);
  });
});
