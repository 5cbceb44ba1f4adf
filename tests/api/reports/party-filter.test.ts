import { binary, pdfText } from '../../helpers/pdf-text';
import { testAppWithSmtp } from '../../helpers/smtp-app';
import { receivablesBook } from './fixtures';

// The `party` criterion of the dunning routes: one party's letter by its documentId (the record's
// own action), whether or not the party has a code; an unknown party is a 400 naming `party`.
const { app, smtp } = testAppWithSmtp();
let book: Awaited<ReturnType<typeof receivablesBook>>;
let noCode: { documentId: string; contact: string };
beforeAll(async () => {
  book = await receivablesBook(app);
  const { f } = book;
  // a party without a code: the app numbers every new customer, so an imported one is made here by
  // clearing its code in the app's own table
  const party = await f.customer({ code: 'TMP-NOCODE', callName: 'Sans Code SA', customerType: 'external', company: book.beta.documentId, address: { line1: '1 rue Vide', postalCode: '75001', city: 'Paris', country: 'FR' } });
  await f.invoice({ number: 'F-900', customer: party.documentId, currency: book.eur, state: 'issued', date: '2025-03-01', dueDate: '2025-04-01', lines: [{ quantity: 1, unitPrice: '400.00', vatRate: 20 }] });
  const contact = await f.contact({ customer: party.documentId, firstName: 'Jo', lastName: 'Compta', email: 'jo@sanscode.example', receivesDunning: true });
  await app.strapi.db.query('api::customer.customer').updateMany({ where: { documentId: party.documentId }, data: { code: null } });
  noCode = { documentId: party.documentId, contact: contact.documentId };
});

const LETTERS = '/api/credit-control/reports/dunning/letters';
const PDF = '/api/credit-control/reports/dunning';
const day = { asOf: '2025-06-30', dueBefore: '2025-06-30' };

describe('dunning letters of one party', () => {
  it('lists only the named party, whatever the other parties in range', async () => {
    const res = await app.api().get(LETTERS).query({ ...day, party: book.zeta.documentId });
    expect(res.status).toBe(200);
    expect(res.body.data.map((l: any) => l.party)).toEqual([{ documentId: book.zeta.documentId, code: 'C001', name: 'Zeta SARL' }]);
    expect(res.body.data[0].invoices.map((i: any) => i.number)).toEqual(['F-001', 'F-002']);
  });

  it('finds the letter of a party without a code (the preview the email dialog shows)', async () => {
    const customer = (await app.api().get(`/api/customers/${noCode.documentId}`)).body.data;
    expect(customer.code).toBeNull();
    const res = await app.api().get(LETTERS).query({ ...day, party: noCode.documentId, locale: 'en' });
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({ party: { documentId: noCode.documentId, code: '', name: 'Sans Code SA' }, level: { code: 'formal', rank: 3 } });
    // 90 days late: the formal notice; 480,00 × 12,15 % × 90 / 365 = 14,38, and the indemnity of a professional
    expect(res.body.data[0].totals).toEqual([{ currency: 'EUR', balance: '480.00', interest: '14.38', fee: '0.00', indemnity: '40.00', indemnityCount: 1, creditNotes: '0.00', unallocatedPayments: '0.00', total: '534.38' }]);
  });

  it('prints the letter of a party without a code as a PDF', async () => {
    const res = await app.api().get(PDF).query({ ...day, party: noCode.documentId, format: 'letter' }).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { text } = await pdfText(res.body);
    expect(text).toContain('Sans Code SA');
    expect(text).toContain('F-900');
    expect(text).not.toContain('Zeta SARL');
  });

  it('keeps the other filters: a party outside the code range gets no letter', async () => {
    const res = await app.api().get(LETTERS).query({ ...day, party: book.zeta.documentId, codeFrom: 'C002', codeTo: 'C999' });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
    const range = await app.api().get(LETTERS).query({ ...day, codeFrom: 'C001', codeTo: 'C999' });
    expect(range.body.data.map((l: any) => l.party.code)).toEqual(['C001', 'C003']);
  });

  it('emails the letter of a party without a code to its contact flagged to receive dunning', async () => {
    const res = await app.api().post(`/api/credit-control/reports/parties/${noCode.documentId}/dunning-email`).send({
      ...day, locale: 'fr', format: 'letter', subject: 'Factures échues : Sans Code SA', recipients: { contacts: [noCode.contact] },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ recipients: ['jo@sanscode.example'], invoices: [{ number: 'F-900' }] });
    const pdf = smtp.messages[smtp.messages.length - 1].parts.find((p) => p.contentType === 'application/pdf')!;
    // 90 days late: the formal notice, named in the letter's language; no customer code, so its id
    expect(res.body.data.level).toBe('formal');
    expect(pdf.filename).toBe(`mise-en-demeure-${noCode.documentId}-2025-06-30.pdf`);
  });

  it.each([
    ['the letters list', () => app.api().get(LETTERS).query({ ...day, party: 'nope' }), ['party']],
    ['the PDF preview', () => app.api().get(PDF).query({ ...day, party: 'nope' }), ['party']],
    ['a recorded run', () => app.api().post(PDF).send({ ...day, party: 'nope' }), ['party']],
    ['a batch run', () => app.api().post('/api/credit-control/reports/runs').send({ kind: 'dunning', criteria: { ...day, party: 'nope' } }), ['party']],
    ['a party that is not a text', () => app.api().get(LETTERS).query({ ...day, 'party[$ne]': 'x' }), ['party']],
  ])('refuses an unknown party on %s with a 400 naming the field', async (_what, call, path) => {
    const before = (await app.api().get('/api/credit-control/reports/dunning-records')).body.meta.pagination.total;
    const res = await call();
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path)).toEqual([path]);
    expect((await app.api().get('/api/credit-control/reports/dunning-records')).body.meta.pagination.total).toBe(before);
  });

  it("refuses a dunning email whose body names another party than the route's", async () => {
    const res = await app.api().post(`/api/credit-control/reports/parties/${noCode.documentId}/dunning-email`).send({
      ...day, subject: 'x', party: book.zeta.documentId, recipients: { contacts: [noCode.contact] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path)).toEqual([['party']]);
  });
});
