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
    expect(res.body.data.filter((l: any) => l.language === 'fr').map((l: any) => [l.code, l.minDaysSincePrevious, l.registeredMail, l.claimsIndemnity, l.fee])).toEqual([
      ['friendly', 0, false, false, 0],
      ['firm', 10, false, false, 15],
      ['formal', 15, true, true, 0],
    ]);
    // levels seeded by an earlier version (no interval yet) get the new settings' defaults once, at boot
    const levelUid = 'plugin::credit-control.dunning-level';
    await app.strapi.db.query(levelUid).updateMany({ where: { code: 'formal' }, data: { minDaysSincePrevious: null, registeredMail: null, claimsIndemnity: null } });
    await app.strapi.db.query(levelUid).updateMany({ where: { code: 'firm' }, data: { minDaysSincePrevious: 12 } }); // edited since: kept
    await app.strapi.plugin('credit-control').service('dunning').seedLevels();
    const upgraded = await app.strapi.db.query(levelUid).findMany({ where: { language: 'fr' }, orderBy: { rank: 'asc' }, select: ['code', 'minDaysSincePrevious', 'registeredMail', 'claimsIndemnity'] });
    expect(upgraded.map((l: any) => [l.code, l.minDaysSincePrevious, Boolean(l.registeredMail), Boolean(l.claimsIndemnity)])).toEqual([
      ['friendly', 0, false, false],
      ['firm', 12, false, false],
      ['formal', 15, true, true],
    ]);
    await app.strapi.db.query(levelUid).updateMany({ where: { code: 'firm' }, data: { minDaysSincePrevious: 10 } });
    const bad = await app.api().post('/api/credit-control/dunning-levels').send({ data: { code: 'x', name: 'X', rank: 0, minDaysOverdue: 5, subject: 's', body: 'b' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['rank']);
  });

  it('previews letters without recording anything: the level each invoice\'s delay reaches, the indemnity per invoice and the legal mentions for professionals only', async () => {
    const { pages } = await preview();
    expect(pages).toHaveLength(2); // Zeta (C001), Mu (C003); Alpha Industries has nothing due before the date
    const [zeta, mu] = pages;
    expect(zeta).toContain('Alpha Distribution SAS');
    expect(zeta).toContain('Lyon, le 30 juin 2025');
    expect(zeta).toContain('Vos références client : C001');
    // F-001 is 140 days late: a first letter is the formal notice, not "probably an oversight"
    expect(zeta).toContain('Objet : Mise en demeure de payer');
    expect(zeta).toContain('LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION');
    expect(flat(zeta)).not.toContain('oubli');
    // 1 000,00 × 12,15 % × 140 / 365 = 46,60; F-002 (15 days) reaches the firm reminder, which charges no interest
    expect(zeta).toMatch(/F-001 10\/01\/2025 10\/02\/2025 140 1 000,00 € 46,60 €/);
    expect(zeta).toMatch(/F-002 20\/05\/2025 15\/06\/2025 15 1 234,56 € 0,00 €/);
    expect(zeta).not.toContain('AV-001');
    // the indemnity is per invoice and is not a fee: no "frais de relance" at the formal notice
    expect(zeta).toMatch(/Indemnité forfaitaire de recouvrement \(2 × 40,00 €\) 80,00 €/);
    expect(zeta).not.toContain('Frais de relance');
    // its open credit note (AV-001, 120,00, whatever its due date) and its unallocated payment (R-001,
    // 200,00; R-002 comes after the letter's date) are deducted from what is claimed
    expect(zeta).toMatch(/Avoirs à déduire -120,00 €/);
    expect(zeta).toMatch(/Règlements non affectés -200,00 €/);
    expect(zeta).toMatch(/Total à régler 2 041,16 €/);
    expect(flat(zeta)).toContain('la somme de 2 041,16 €');
    expect(flat(zeta)).toContain('pénalités de retard au taux annuel de 12,15 %');
    expect(flat(zeta)).toContain('indemnité forfaitaire pour frais de recouvrement de 40 € par facture (art. L441-10 du Code de commerce)');
    expect(zeta).toContain('Page 1 / 1');
    // whom to pay: the issuing company's bank details
    expect(zeta).toMatch(/Coordonnées bancaires\nTitulaire : Alpha Distribution SAS\nBanque : BNP Paribas\nIBAN FR76 3000 4000 0312 3456 7890 143 · BIC BNPAFRPPXXX/);
    // Mu is a private customer: interest, no indemnity, no mention
    expect(mu).toContain('Mu Services');
    expect(mu).toMatch(/F-020 05\/11\/2024 05\/12\/2024 207 300,00 € 20,67 €/);
    expect(mu).toMatch(/Total à régler 320,67 €/);
    expect(mu).not.toContain('pénalités de retard');
    expect(mu).not.toContain('indemnité forfaitaire');
    expect(mu).not.toContain('Indemnité forfaitaire');
    expect((await records({ party: book.zeta.documentId })).data).toEqual([]);
  });

  it('a first letter takes the level its delay reaches: friendly, firm, formal', async () => {
    const alphaInd = { codeFrom: 'C002', codeTo: 'C002' };
    const on = (asOf: string) => preview({ ...alphaInd, asOf, dueBefore: asOf }).then((r) => r.pages[0]);
    // F-010, 600,00 due 31/07/2025
    expect(await on('2025-08-05')).toContain('Objet : Relance : factures échues au 5 août 2025');
    const firm = await on('2025-08-20');
    expect(firm).toContain('Objet : Seconde relance');
    expect(firm).toMatch(/Frais de relance 15,00 €/);
    expect(firm).not.toContain('RECOMMANDÉE');
    expect(await on('2025-09-15')).toContain('Objet : Mise en demeure de payer');
  });

  it('climbs one level per letter once dunned, after each level\'s interval; a same-day rerun does not escalate', async () => {
    const alphaInd = { codeFrom: 'C002', codeTo: 'C002' };
    const levelOn = async (asOf: string) => {
      const { res } = await run({ ...alphaInd, asOf, dueBefore: asOf });
      expect(res.headers['x-dunning-letters']).toBe('1');
      const all = (await records({ party: book.alphaInd.documentId })).data;
      return all.find((r: any) => r.asOf === asOf && r.runId === res.headers['x-dunning-run']).levelCode;
    };
    expect(await levelOn('2025-08-05')).toBe('friendly');
    expect(await levelOn('2025-08-05')).toBe('friendly'); // the same day again
    expect(await levelOn('2025-08-14')).toBe('friendly'); // 14 days late: the firm reminder needs 15
    expect(await levelOn('2025-08-16')).toBe('firm'); // 16 days late, 11 days after the friendly one (10 needed)
    expect(await levelOn('2025-08-25')).toBe('firm'); // 40 days late would not matter: formal waits 15 days after firm
    expect(await levelOn('2025-08-30')).toBe('firm');
    expect(await levelOn('2025-08-31')).toBe('formal');
    expect(await levelOn('2025-08-31')).toBe('formal');
  });

  it('records the level each invoice reached; a rerun the same day records the same levels', async () => {
    const first = await run();
    expect(first.res.headers['x-dunning-letters']).toBe('2');
    expect(first.res.headers['x-dunning-invoices']).toBe('3');
    const afterFirst = await records({ party: book.zeta.documentId });
    expect(afterFirst.data.map((r: any) => [r.invoiceNumber, r.levelCode, r.rank, r.asOf, r.channel, r.daysOverdue]).sort()).toEqual([
      ['F-001', 'formal', 3, '2025-06-30', 'pdf', 140],
      ['F-002', 'firm', 2, '2025-06-30', 'pdf', 15],
    ]);
    expect(Date.now() - Date.parse(afterFirst.data[0].dunnedAt)).toBeLessThan(60_000);
    expect(afterFirst.data[0].runId).toBe(first.res.headers['x-dunning-run']);

    const again = await run({ codeTo: 'C001' });
    expect(again.pages[0]).toContain('Objet : Mise en demeure de payer');
    expect(again.pages[0]).toMatch(/Total à régler 2 041,16 €/);
    const rank = async (number: string) => (await records({ invoice: afterFirst.data.find((r: any) => r.invoiceNumber === number).invoice })).data.map((r: any) => r.rank);
    expect(await rank('F-001')).toEqual([3, 3]);
    expect(await rank('F-002')).toEqual([2, 2]);
    expect((await records({ party: book.mu.documentId })).data.map((r: any) => r.levelCode)).toEqual(['formal']);
  });

  it('prints the summary format and English letters, with the English legal mentions', async () => {
    const summary = (await preview({ format: 'summary' })).text;
    expect(summary).toContain('Relances clients : récapitulatif');
    expect(summary).toMatch(/C001 Zeta SARL Mise en demeure 2 2 234,56 € 46,60 € 2 041,16 €/);
    expect(summary).toMatch(/C003 Mu Services Mise en demeure 1 300,00 € 20,67 € 320,67 €/);
    const en = (await preview({ locale: 'en', codeTo: 'C001' })).pages[0];
    expect(en).toContain('Lyon, 30 June 2025');
    expect(en).toContain('Subject: Formal notice to pay');
    expect(en).toContain('REGISTERED LETTER WITH ACKNOWLEDGEMENT OF RECEIPT');
    expect(en).toMatch(/F-001 10 Jan 2025 10 Feb 2025 140 €1,000.00 €46.60/);
    expect(en).toMatch(/Fixed recovery indemnity \(2 × €40.00\) €80.00/);
    expect(en).toMatch(/Credit notes deducted -€120.00/);
    expect(en).toMatch(/Unallocated payments -€200.00/);
    expect(en).toMatch(/Total due €2,041.16/);
    expect(flat(en)).toContain('A fixed recovery indemnity of €40 per invoice (art. L441-10 of the French Commercial Code)');
    expect(en).toContain('Page 1 / 1');
  });

  it('sends no letter to a customer whose credit notes and unallocated payments cover what it owes', async () => {
    const covered = await book.f.customer({ code: 'K001', callName: 'Couvert', company: book.alpha.documentId, customerType: 'external', address: { line1: '2 rue Nette', postalCode: '75002', city: 'Paris', country: 'FR' } });
    await book.f.invoice({ number: 'F-K01', customer: covered.documentId, currency: book.eur, state: 'issued', date: '2025-04-01', dueDate: '2025-05-01', lines: [{ quantity: 1, unitPrice: '100.00', vatRate: 20 }] });
    const only = { codeFrom: 'K001', codeTo: 'K001' };
    // formal (60 days): 120,00 + 2,40 interest (120,00 × 12,15 % × 60 / 365) + 40,00 indemnity
    expect((await preview(only)).pages[0]).toMatch(/Total à régler 162,40 €/);
    await book.f.receipt({ number: 'R-K01', customer: covered.documentId, currency: book.eur, date: '2025-06-01', amount: '100.00' });
    expect((await preview(only)).pages[0]).toMatch(/Règlements non affectés -100,00 €\s*Total à régler 62,40 €/);
    // a credit note not yet due counts too
    await book.f.invoice({ number: 'AV-K01', kind: 'creditNote', customer: covered.documentId, currency: book.eur, state: 'issued', date: '2025-06-20', dueDate: '2025-08-20', lines: [{ quantity: 1, unitPrice: '100.00', vatRate: 20 }] });
    const res = await app.api().get('/api/credit-control/reports/dunning/letters').query({ ...criteria, ...only });
    expect(res.body.data).toEqual([]);
  });

  it('addresses the letter to the customer\'s legal name, not its call name', async () => {
    const bocage = await book.f.customer({
      code: 'B001', callName: 'Bocage Ouest', corporateName: 'Bocage Ouest SASU', legalForm: 'SASU', customerType: 'external', company: book.alpha.documentId,
      address: { line1: '4 rue du Bocage', postalCode: '35000', city: 'Rennes', country: 'FR' },
    });
    await book.f.invoice({ number: 'F-B01', customer: bocage.documentId, currency: book.eur, state: 'issued', date: '2025-04-01', dueDate: '2025-05-01', lines: [{ quantity: 1, unitPrice: '500.00', vatRate: 20 }] });
    await book.f.receipt({ number: 'R-B01', customer: bocage.documentId, currency: book.eur, date: '2025-06-01', amount: '100.00' });
    const fr = (await preview({ codeFrom: 'B001', codeTo: 'B001' })).pages[0];
    expect(fr).toMatch(/^Bocage Ouest SASU\n4 rue du Bocage\n35000 Rennes$/m);
    // formal (60 days): 600,00 + 11,98 interest + 40,00 indemnity, less the 100,00 on account
    expect(fr).toMatch(/Règlements non affectés -100,00 €\s*Total à régler 551,98 €/);
    expect(fr).toMatch(/IBAN FR76 3000 4000 0312 3456 7890 143 · BIC BNPAFRPPXXX/);
    const en = (await preview({ codeFrom: 'B001', codeTo: 'B001', locale: 'en' })).pages[0];
    expect(en).toMatch(/^Bocage Ouest SASU$/m);
    expect(en).toMatch(/Unallocated payments -€100.00\s*Total due €551.98/);
    expect(en).toMatch(/Payment details\nAccount holder: Alpha Distribution SAS\nBank: BNP Paribas\nIBAN FR76 3000 4000 0312 3456 7890 143 · BIC BNPAFRPPXXX/);
  });

  it('a business customer without a SIREN (a German company with a VAT number) is professional', async () => {
    const kraft = await book.f.customer({
      code: 'D001', callName: 'Kraft', legalForm: 'GmbH', country: 'DE', siret: null, siren: null, vatNumber: 'DE123456788', customerType: 'external',
      company: book.alpha.documentId, address: { line1: 'Hauptstraße 5', postalCode: '10115', city: 'Berlin', country: 'DE' },
    });
    await book.f.invoice({ number: 'F-D01', customer: kraft.documentId, currency: book.eur, state: 'issued', date: '2025-04-01', dueDate: '2025-05-01', lines: [{ quantity: 1, unitPrice: '500.00', vatRate: 0 }] });
    const letter = flat((await preview({ codeFrom: 'D001', codeTo: 'D001' })).pages[0]);
    expect(letter).toContain('Kraft');
    expect(letter).toContain('pénalités de retard au taux annuel de 12,15 %');
    expect(letter).toMatch(/Indemnité forfaitaire de recouvrement \(1 × 40,00 €\) 40,00 €/);
  });

  it('numbers a long letter\'s pages and keeps the legal mention on the page of the totals', async () => {
    const long = await book.f.customer({ code: 'L001', callName: 'Longue Histoire', company: book.alpha.documentId, customerType: 'external', address: { line1: '1 rue Longue', postalCode: '75001', city: 'Paris', country: 'FR' } });
    for (let i = 1; i <= 64; i += 1) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      await book.f.invoice({ number: `F-L${String(i).padStart(2, '0')}`, customer: long.documentId, currency: book.eur, state: 'issued', date: `2025-03-${day}`, dueDate: `2025-04-${day}`, lines: [{ quantity: 1, unitPrice: '100.00', vatRate: 20 }] });
    }
    const { pages } = await preview({ codeFrom: 'L001', codeTo: 'L001' });
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} / ${pages.length}`));
    const withTotals = pages.filter((page) => /Total à régler/.test(page));
    expect(withTotals).toHaveLength(1);
    expect(flat(withTotals[0])).toContain('pénalités de retard au taux annuel');
    expect(pages.filter((page) => /pénalités de retard/.test(page))).toEqual(withTotals);
    expect(flat(pages.join(' '))).toMatch(/Indemnité forfaitaire de recouvrement \(64 × 40,00 €\) 2 560,00 €/);
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
      { invoiceNumber: 'F-020', levelCode: 'formal', rank: 3, channel: 'pdf' },
      { invoiceNumber: 'F-020', levelCode: 'formal', rank: 3, channel: 'pdf' },
    ]);
  });
});
