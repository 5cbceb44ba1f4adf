import { portalUser } from '../../helpers/portal-user';
import { pdfText } from '../../helpers/pdf-text';
import type { Received } from '../../helpers/smtp';
import { testAppWithSmtp } from '../../helpers/smtp-app';
import { receivablesBook } from './fixtures';

const { app, smtp } = testAppWithSmtp({ EMAIL_REPLY_TO: 'compta@alpha.example' });
let book: Awaited<ReturnType<typeof receivablesBook>>;
let people: Record<string, string>;
beforeAll(async () => {
  book = await receivablesBook(app);
  const { f } = book;
  const salesman = await f.employee({ company: book.alpha.documentId, firstName: 'Paul', lastName: 'Vendeur', email: 'paul.vendeur@alpha.example' });
  const second = await f.employee({ company: book.alpha.documentId, firstName: 'Lise', lastName: 'Commerciale', email: 'lise@alpha.example' });
  const noEmail = await f.employee({ company: book.alpha.documentId, firstName: 'Sans', lastName: 'Courriel', email: null });
  const res = await app.api().put(`/api/customers/${book.zeta.documentId}`).send({ data: { salesman: salesman.documentId, accountManager: noEmail.documentId, salesmen: [{ employee: second.documentId, isMain: true }] } });
  expect(res.status).toBe(200);
  const accounting = await f.contact({ customer: book.zeta.documentId, firstName: 'Anne', lastName: 'Compta', email: 'anne.compta@zeta.example', receivesDunning: true });
  const other = await f.contact({ customer: book.mu.documentId, email: 'someone@mu.example' });
  people = { salesman: salesman.documentId, second: second.documentId, noEmail: noEmail.documentId, accounting: accounting.documentId, other: other.documentId };
});

const url = () => `/api/credit-control/reports/parties/${book.zeta.documentId}/dunning-email`;
const body = (o: Record<string, unknown> = {}) => ({
  recipients: { employees: [people.salesman], contacts: [people.accounting] },
  subject: 'Relance : factures impayées Zeta SARL',
  format: 'letter',
  locale: 'fr',
  asOf: '2025-06-30',
  dueBefore: '2025-06-30',
  ...o,
});
/** The message's text and HTML parts (not attachments): both must be there. */
const bodyOf = (mail: Received) => {
  const part = (type: string) => mail.parts.find((p) => p.contentType === type && !p.filename);
  expect(part('text/plain')).toBeDefined();
  expect(part('text/html')).toBeDefined();
  return { text: part('text/plain')!.body.toString('utf8'), html: part('text/html')!.body.toString('utf8') };
};
/** What a reader sees of an HTML part: its text, entities decoded. */
const visible = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const records = async () => (await app.api().get('/api/credit-control/reports/dunning-records').query({ party: book.zeta.documentId })).body.data;

describe('dunning by email', () => {
  it("lists the customer's employees and contacts as candidates", async () => {
    const res = await app.api().get(`/api/credit-control/reports/parties/${book.zeta.documentId}/recipients`);
    expect(res.status).toBe(200);
    expect(res.body.data.employees).toEqual([
      { documentId: people.salesman, name: 'Paul Vendeur', email: 'paul.vendeur@alpha.example', roles: ['salesman'] },
      { documentId: people.noEmail, name: 'Sans Courriel', email: null, roles: ['accountManager'] },
      { documentId: people.second, name: 'Lise Commerciale', email: 'lise@alpha.example', roles: ['salesmen'] },
    ]);
    expect(res.body.data.contacts).toEqual([{ documentId: people.accounting, name: 'Anne Compta', email: 'anne.compta@zeta.example', roles: ['receivesDunning'] }]);
  });

  it('sends the letter PDF and the extra attachment to the chosen recipients, then records the levels', async () => {
    const extra = Buffer.from('Relevé joint pour information\n', 'utf8');
    const res = await app.api().post(url()).send(body({ attachments: [{ filename: 'note.txt', contentType: 'text/plain', base64: extra.toString('base64') }] }));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ level: 'formal', recipients: ['paul.vendeur@alpha.example', 'anne.compta@zeta.example'] });
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0];
    expect(mail.to.sort()).toEqual(['anne.compta@zeta.example', 'paul.vendeur@alpha.example']);
    expect(mail.from).toBe('recouvrement@alpha.example');
    expect(mail.subject).toBe('Relance : factures impayées Zeta SARL');
    const { text, html } = bodyOf(mail);
    // F-001 is 140 days late: the formal notice (the level its delay reaches), indemnity per invoice included, credit note and unallocated payment deducted
    expect(text).toMatch(/la somme de 2\s041,16/);
    // the letter's invoices and totals in both parts, in French: a table in the HTML, aligned columns in the text
    const numbers: string[] = res.body.data.invoices.map((i: any) => i.number);
    expect(numbers.sort()).toEqual(['F-001', 'F-002']);
    for (const part of [text, visible(html)]) {
      for (const number of numbers) expect(part).toContain(number);
      expect(part).toMatch(/F-001\s+10\/01\/2025\s+10\/02\/2025\s+140\s+1\s000,00\s€/);
      for (const words of ['Facture', 'Échéance', 'Jours de retard', 'Avoirs à déduire', 'Règlements non affectés', 'Indemnité forfaitaire de recouvrement', 'Le service recouvrement']) expect(part).toContain(words);
      expect(part).toMatch(/Total à régler\s+2\s041,16\s€/);
      expect(part).not.toMatch(/Total due|Invoice|\{\{/);
    }
    expect(html).toMatch(/<table[\s\S]*<th[^>]*>Facture<\/th>[\s\S]*<td[^>]*>F-001<\/td>[\s\S]*<\/table>/);
    // the level's paragraphs stay paragraphs
    expect(html).toMatch(/<p>Madame, Monsieur,<\/p>\s*<p>Les factures ci-dessous/);
    const pdf = mail.parts.find((p) => p.contentType === 'application/pdf')!;
    expect(pdf.filename).toBe('mise-en-demeure-C001-2025-06-30.pdf');
    const letter = (await pdfText(pdf.body)).text;
    expect(letter).toContain('Zeta SARL');
    expect(letter).toMatch(/F-001 10\/01\/2025 10\/02\/2025 140 1 000,00 €/);
    expect(letter).toMatch(/Total à régler 2 041,16 €/);
    const note = mail.parts.find((p) => p.filename === 'note.txt')!;
    expect(note.body.equals(extra)).toBe(true);
    const recorded = await records();
    expect(recorded.map((r: any) => [r.invoiceNumber, r.levelCode, r.channel]).sort()).toEqual([
      ['F-001', 'formal', 'email'],
      ['F-002', 'firm', 'email'],
    ]);
    expect(recorded[0].recipients).toEqual(['paul.vendeur@alpha.example', 'anne.compta@zeta.example']);
  });

  it('uses the template the caller chooses', async () => {
    const res = await app.api().post(url()).send(body({ level: 'friendly', recipients: { employees: [people.second] } }));
    expect(res.status).toBe(200);
    const mail = smtp.messages[smtp.messages.length - 1];
    expect(mail.to).toEqual(['lise@alpha.example']);
    const letter = (await pdfText(mail.parts.find((p) => p.contentType === 'application/pdf')!.body)).text;
    expect(letter).toContain('Objet : Relance : factures échues');
    expect(letter).not.toContain('Mise en demeure');
  });

  it('writes an English letter in English, its file named in English', async () => {
    const res = await app.api().post(url()).send(body({ locale: 'en', level: 'friendly', subject: 'Reminder: overdue invoices', recipients: { contacts: [people.accounting] } }));
    expect(res.status).toBe(200);
    const mail = smtp.messages[smtp.messages.length - 1];
    const { text, html } = bodyOf(mail);
    for (const part of [text, visible(html)]) {
      for (const { number } of res.body.data.invoices) expect(part).toContain(number);
      for (const words of ['Dear Sir or Madam', 'the invoices below', 'Invoice', 'Due date', 'Days overdue', 'Total due', 'Credit control department']) expect(part).toContain(words);
      expect(part).not.toMatch(/Facture|Total à régler/);
    }
    expect(html).toContain('<html lang="en">');
    expect(mail.parts.find((p) => p.contentType === 'application/pdf')!.filename).toBe('friendly-reminder-C001-2025-06-30.pdf');
  });

  it.each([
    ['recipients.contacts.0', () => body({ recipients: { contacts: [people.other] } }), 'is not one of this customer\'s contacts'],
    ['recipients.employees.0', () => body({ recipients: { employees: [people.noEmail] } }), 'has no email address'],
    ['recipients', () => body({ recipients: {} }), 'choose at least one employee or contact'],
    ['subject', () => body({ subject: '' }), 'subject is required'],
    ['level', () => body({ level: 'nope' }), 'level must be one of friendly, firm, formal'],
    ['attachments.0.base64', () => body({ attachments: [{ filename: 'x.txt', contentType: 'text/plain', base64: '***' }] }), 'base64 must be'],
    ['attachments.0.filename', () => body({ attachments: [{ filename: '../x.txt', contentType: 'text/plain', base64: 'aGk=' }] }), 'filename must be a file name'],
    ['attachments.0.base64', () => body({ attachments: [{ filename: 'big.bin', contentType: 'application/octet-stream', base64: Buffer.alloc(600 * 1024).toString('base64') }] }), 'must not exceed 512 KB'],
    ['dueBefore', () => body({ dueBefore: '2024-01-01' }), 'no overdue invoice'],
  ])('refuses a bad request naming %s', async (path, make, message) => {
    const before = smtp.messages.length;
    const res = await app.api().post(url()).send(make());
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toEqual([path]);
    expect(res.body.error.message).toContain(message);
    expect(smtp.messages).toHaveLength(before);
  });

  it('needs the reports.dun permission', async () => {
    const user = await portalUser(app, ['plugin::credit-control.dunning.recipients']);
    expect((await user.agent().get(`/api/credit-control/reports/parties/${book.zeta.documentId}/recipients`)).status).toBe(200);
    expect((await user.agent().post(url()).send(body())).status).toBe(403);
  });

  it('answers 502 with the SMTP error and records nothing when the server is down', async () => {
    const before = (await records()).length;
    await smtp.close();
    const res = await app.api().post(url()).send(body());
    expect(res.status).toBe(502);
    expect(res.body.error).toMatchObject({ status: 502, name: 'SmtpError', details: { code: 'smtpRefused', server: `127.0.0.1:${smtp.port}` } });
    // a clerk's sentence naming the server; the server's own words for whoever fixes it
    expect(res.body.error.message).toBe(`the email could not be sent: the mail server 127.0.0.1:${smtp.port} refused the connection`);
    expect(res.body.error.details.cause).toMatch(/ECONNREFUSED/);
    expect(await records()).toHaveLength(before);
  });
});
