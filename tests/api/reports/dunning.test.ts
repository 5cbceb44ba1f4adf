import { portalUser } from '../../helpers/portal-user';
import { binary, keepPdf, pdfText } from '../../helpers/pdf-text';
import { testApp } from '../../helpers/strapi';
import { receivablesBook } from './fixtures';

const app = testApp();
let book: Awaited<ReturnType<typeof receivablesBook>>;
beforeAll(async () => {
  book = await receivablesBook(app);
});

const URL = '/api/credit-control/reports/dunning';
const criteria = { asOf: '2025-06-30', dueBefore: '2025-06-30', codeFrom: 'C001', codeTo: 'C999' };
const pdf = async (res: any, name: string) => {
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  keepPdf(name, res.body);
  return pdfText(res.body);
};
const preview = async (query: Record<string, string> = {}) => pdf(await app.api().get(URL).query({ ...criteria, ...query }).buffer(true).parse(binary), `dunning-preview-${query.format ?? 'letter'}-${query.locale ?? 'fr'}`);
let runs = 0;
const run = async (body: Record<string, string> = {}) => {
  const res = await app.api().post(URL).send({ ...criteria, ...body }).buffer(true).parse(binary);
  return { res, ...(await pdf(res, `dunning-run-${++runs}`)) };
};
/** pdf text on one line: long paragraphs wrap */
const flat = (text: string) => text.replace(/\s+/g, ' ');
const records = async (query: Record<string, string>) => (await app.api().get('/api/credit-control/reports/dunning-records').query(query)).body;

describe('dunning letters', () => {
  it('seeds three French and three English levels, editable over the API', async () => {
    const res = await app.api().get('/api/credit-control/dunning-levels').query({ sort: ['language:asc', 'rank:asc'] });
    expect(res.status).toBe(200);
    expect(res.body.data.map((l: any) => [l.language, l.rank, l.code, l.name, l.minDaysOverdue])).toEqual([
      ['en', 1, 'friendly', 'Friendly reminder', 1],
      ['en', 2, 'firm', 'Firm reminder', 15],
      ['en', 3, 'formal', 'Formal notice', 30],
      ['fr', 1, 'friendly', 'Relance amiable', 1],
      ['fr', 2, 'firm', 'Seconde relance', 15],
      ['fr', 3, 'formal', 'Mise en demeure', 30],
    ]);
    const bad = await app.api().post('/api/credit-control/dunning-levels').send({ data: { code: 'x', name: 'X', rank: 0, minDaysOverdue: 5, subject: 's', body: 'b' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['rank']);
  });

  it('previews letters without recording anything: invoices due before the date, days late, level, legal mentions for professionals only', async () => {
    const { pages } = await preview();
    expect(pages).toHaveLength(2); // Zeta (C001), Mu (C003); Alpha Industries has nothing due before the date
    const [zeta, mu] = pages;
    expect(zeta).toContain('Alpha Distribution SAS');
    expect(zeta).toContain('Lyon, le 30 juin 2025');
    expect(zeta).toContain('Vos références client : C001');
    expect(zeta).toContain('Objet : Relance : factures échues au 30 juin 2025');
    expect(zeta).toContain('Madame, Monsieur,');
    expect(zeta).toMatch(/F-001 10\/01\/2025 10\/02\/2025 140 1 000,00 € 0,00 €/);
    expect(zeta).toMatch(/F-002 20\/05\/2025 15\/06\/2025 15 1 234,56 € 0,00 €/);
    expect(zeta).not.toContain('AV-001');
    expect(zeta).toMatch(/Total à régler 2 234,56 €/);
    expect(flat(zeta)).toContain('pénalités de retard au taux annuel de 12,15 %');
    expect(flat(zeta)).toContain('indemnité forfaitaire pour frais de recouvrement de 40 € par facture (art. L441-10 du Code de commerce)');
    expect(mu).toContain('Mu Services');
    expect(mu).toMatch(/F-020 05\/11\/2024 05\/12\/2024 207 300,00 €/);
    expect(mu).not.toContain('pénalités de retard');
    expect(mu).not.toContain('indemnité forfaitaire');
    expect((await records({ party: book.zeta.documentId })).data).toEqual([]);
  });

  it('records the level each invoice reached, and a second and third run escalate one step at a time with fee and interest to the cent', async () => {
    const first = await run();
    expect(first.res.headers['x-dunning-letters']).toBe('2');
    expect(first.res.headers['x-dunning-invoices']).toBe('3');
    const afterFirst = await records({ party: book.zeta.documentId });
    expect(afterFirst.data.map((r: any) => [r.invoiceNumber, r.levelCode, r.rank, r.asOf, r.channel, r.daysOverdue]).sort()).toEqual([
      ['F-001', 'friendly', 1, '2025-06-30', 'pdf', 140],
      ['F-002', 'friendly', 1, '2025-06-30', 'pdf', 15],
    ]);
    expect(Date.now() - Date.parse(afterFirst.data[0].dunnedAt)).toBeLessThan(60_000);
    expect(afterFirst.data[0].runId).toBe(first.res.headers['x-dunning-run']);

    const second = await run({ codeTo: 'C001' });
    expect(second.pages[0]).toContain('Objet : Seconde relance : factures impayées au 30 juin 2025');
    expect(second.pages[0]).toMatch(/Frais de relance 15,00 €/);
    expect(second.pages[0]).toMatch(/Total à régler 2 249,56 €/);

    const third = await run({ codeTo: 'C001' });
    const letter = third.pages.join('\n');
    expect(letter).toContain('Objet : Mise en demeure de payer');
    // F-001 (140 days) reaches the formal notice: 1 000,00 × 12,15 % × 140 / 365 = 46,60;
    // F-002 (15 days) stays at the firm reminder (formal needs 30 days), which charges no interest
    expect(letter).toMatch(/F-001 10\/01\/2025 10\/02\/2025 140 1 000,00 € 46,60 €/);
    expect(letter).toMatch(/F-002 20\/05\/2025 15\/06\/2025 15 1 234,56 € 0,00 €/);
    expect(letter).toMatch(/Intérêts 46,60 €/);
    expect(letter).toMatch(/Frais de relance 40,00 €/); // the letter's level (the highest reached) sets the fee
    expect(letter).toMatch(/Total à régler 2 321,16 €/);

    const rank = async (number: string) => (await records({ invoice: afterFirst.data.find((r: any) => r.invoiceNumber === number).invoice })).data.map((r: any) => r.rank);
    expect(await rank('F-001')).toEqual([3, 2, 1]);
    expect(await rank('F-002')).toEqual([2, 2, 1]);
    // Mu was dunned once only (the later runs stopped at C001)
    expect((await records({ party: book.mu.documentId })).data.map((r: any) => r.levelCode)).toEqual(['friendly']);
  });

  it('prints the summary format and English letters', async () => {
    const summary = (await preview({ format: 'summary' })).text;
    expect(summary).toContain('Relances clients : récapitulatif');
    expect(summary).toMatch(/C001 Zeta SARL Mise en demeure 2 2 234,56 € 46,60 € 2 321,16 €/);
    expect(summary).toMatch(/C003 Mu Services Seconde relance 1 300,00 € 0,00 € 315,00 €/);
    const en = (await preview({ locale: 'en', codeTo: 'C001' })).pages[0];
    expect(en).toContain('Lyon, 30 June 2025');
    expect(en).toContain('Subject: Formal notice to pay'); // ranks are per invoice, whatever the letter's language
    expect(en).toMatch(/F-001 10 Jan 2025 10 Feb 2025 140 €1,000.00 €46.60/);
    expect(en).toMatch(/Total due €2,321.16/);
    expect(en).not.toContain('L441-10');
  });

  it.each([
    [{ asOf: '30/06/2025' }, 'asOf'],
    [{ format: 'poster' }, 'format'],
    [{ codeFrom: 'C9', codeTo: 'C1' }, 'codeTo'],
  ])('refuses %j naming the field', async (query, path) => {
    const res = await app.api().get(URL).query(query);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toEqual([path]);
  });

  it('needs reports.dun to record and reports.read to preview', async () => {
    const reader = await portalUser(app, ['plugin::credit-control.dunning.preview']);
    expect((await reader.agent().get(URL).query(criteria)).status).toBe(200);
    expect((await reader.agent().post(URL).send(criteria)).status).toBe(403);
    await reader.grant('plugin::credit-control.dunning.run');
    expect((await reader.agent().post(URL).send({ ...criteria, codeTo: 'C003', codeFrom: 'C003' })).status).toBe(200);
  });

  it('lists levels and records over GraphQL', async () => {
    const res = await app
      .api()
      .post('/graphql')
      .send({ query: `{ creditControlDunningRecords(filters: { party: { eq: "${book.mu.documentId}" } }, sort: "rank:asc") { invoiceNumber levelCode rank channel } creditControlDunningLevels(filters: { language: { eq: "fr" } }, sort: "rank:asc") { code rank } }` });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.creditControlDunningLevels.map((l: any) => l.code)).toEqual(['friendly', 'firm', 'formal']);
    expect(res.body.data.creditControlDunningRecords).toEqual([
      { invoiceNumber: 'F-020', levelCode: 'friendly', rank: 1, channel: 'pdf' },
      { invoiceNumber: 'F-020', levelCode: 'firm', rank: 2, channel: 'pdf' },
    ]);
  });
});
