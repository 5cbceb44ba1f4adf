import { binary, pdfText } from '../../helpers/pdf-text';
import { testAppWithSmtp } from '../../helpers/smtp-app';
import { receivablesBook } from './fixtures';

// What the admin's one dunning dialog asks of the server, from the party record and the dunning page alike:
// a level forced on the preview (list and PDF), and an email that records the levels or attaches the letter only when asked.
const { app, smtp } = testAppWithSmtp();
let book: Awaited<ReturnType<typeof receivablesBook>>;
let contact: string;
beforeAll(async () => {
  book = await receivablesBook(app);
  contact = (await book.f.contact({ customer: book.zeta.documentId, firstName: 'Anne', lastName: 'Compta', email: 'anne.compta@zeta.example', receivesDunning: true })).documentId;
});

const day = { asOf: '2025-06-30', dueBefore: '2025-06-30' };
const records = async () => (await app.api().get('/api/credit-control/reports/dunning-records').query({ party: book.zeta.documentId })).body.data;
const pdfOf = async (query: Record<string, string>) => {
  const res = await app.api().get('/api/credit-control/reports/dunning').query(query).buffer(true).parse(binary);
  return { status: res.status, text: res.status === 200 ? (await pdfText(res.body)).text : '', body: res.body };
};

describe('the dunning dialog: a level forced on the preview', () => {
  it('lists the letter at the chosen level for every overdue invoice, by delay without one', async () => {
    const url = '/api/credit-control/reports/dunning/letters';
    const byDelay = await app.api().get(url).query({ ...day, party: book.zeta.documentId });
    expect(byDelay.body.data[0].invoices.map((i: any) => i.level)).toEqual(['formal', 'firm']);
    const forced = await app.api().get(url).query({ ...day, party: book.zeta.documentId, level: 'friendly' });
    expect(forced.status).toBe(200);
    expect(forced.body.data[0].level).toEqual({ code: 'friendly', name: 'Relance amiable', rank: 1 });
    expect(forced.body.data[0].invoices.map((i: any) => [i.number, i.level])).toEqual([
      ['F-001', 'friendly'],
      ['F-002', 'friendly'],
    ]);
  });

  it("draws the record's letter PDF at the chosen level and as-of date, recording nothing", async () => {
    const { status, text } = await pdfOf({ ...day, asOf: '2025-07-04', party: book.zeta.documentId, level: 'friendly', locale: 'fr' });
    expect(status).toBe(200);
    expect(text).toContain('Zeta SARL');
    expect(text).toContain('4 juillet 2025');
    expect(text).not.toContain('Mise en demeure');
    const formal = await pdfOf({ ...day, party: book.zeta.documentId, locale: 'fr' });
    expect(formal.text).toContain('Mise en demeure');
    expect(await records()).toEqual([]);
  });

  it('refuses a level that is not one of the language’s, naming the field, in the reader’s language', async () => {
    const res = await app.api().get('/api/credit-control/reports/dunning').set('Accept-Language', 'fr').query({ ...day, party: book.zeta.documentId, level: 'nope' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => [e.path.join('.'), e.code])).toEqual([['level', 'notOneOf']]);
    expect(res.body.error.message).toBe('« Niveau » doit valoir l’une de ces valeurs : friendly, firm, formal');
  });
});

describe('the dunning dialog: an email as asked', () => {
  const url = () => `/api/credit-control/reports/parties/${book.zeta.documentId}/dunning-email`;
  const body = (o: Record<string, unknown> = {}) => ({ ...day, locale: 'fr', subject: 'Relance Zeta SARL', recipients: { contacts: [contact] }, ...o });

  it('records nothing when "Record the levels reached" is not ticked, and leaves the letter out when not asked', async () => {
    const extra = Buffer.from('%PDF-1.4 relevé\n', 'utf8');
    const res = await app.api().post(url()).send(body({ record: false, letterPdf: false, attachments: [{ filename: 'releve-factures-C001-2025-06-30.pdf', contentType: 'application/pdf', base64: extra.toString('base64') }] }));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ recorded: false, recipients: ['anne.compta@zeta.example'], level: 'formal' });
    const mail = smtp.messages[smtp.messages.length - 1];
    expect(mail.parts.filter((p) => p.filename).map((p) => p.filename)).toEqual(['releve-factures-C001-2025-06-30.pdf']);
    expect(await records()).toEqual([]);
  });

  it('records the levels and attaches the letter when ticked', async () => {
    const res = await app.api().post(url()).send(body({ record: true, letterPdf: true, level: 'firm' }));
    expect(res.status).toBe(200);
    expect(res.body.data.recorded).toBe(true);
    const mail = smtp.messages[smtp.messages.length - 1];
    expect(mail.parts.filter((p) => p.contentType === 'application/pdf')).toHaveLength(1);
    expect((await records()).map((r: any) => [r.invoiceNumber, r.levelCode, r.channel]).sort()).toEqual([
      ['F-001', 'firm', 'email'],
      ['F-002', 'firm', 'email'],
    ]);
  });

  it('refuses a record or letterPdf that is not true or false, naming it', async () => {
    const before = smtp.messages.length;
    const res = await app.api().post(url()).send(body({ record: 'yes', letterPdf: 1 }));
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toEqual(['record', 'letterPdf']);
    expect(smtp.messages).toHaveLength(before);
  });
});
