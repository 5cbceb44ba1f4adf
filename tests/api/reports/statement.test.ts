import { adminSession } from '../../helpers/credit';
import { portalUser } from '../../helpers/portal-user';
import { binary, keepPdf, pdfText } from '../../helpers/pdf-text';
import { testApp } from '../../helpers/strapi';
import { receivablesBook } from './fixtures';

const app = testApp();
let book: Awaited<ReturnType<typeof receivablesBook>>;
beforeAll(async () => {
  book = await receivablesBook(app);
});

const URL = '/api/credit-control/reports/statement';
const statement = async (query: Record<string, string>, url = URL) => {
  const res = await app.api().get(url).query({ asOf: '2025-06-30', ...query }).buffer(true).parse(binary);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  keepPdf(`statement-${new URLSearchParams(query).toString() || 'all'}`, res.body);
  return pdfText(res.body);
};
const customersIn = (text: string) => ['Zeta SARL', 'Alpha Industries', 'Mu Services'].filter((name) => text.includes(name));

describe('invoice statement PDF', () => {
  it('has one section per customer with open items, payments, totals and ageing, to the cent (fr)', async () => {
    const { pages, text } = await statement({ codeFrom: 'C001', codeTo: 'C001' });
    expect(pages).toHaveLength(2); // Zeta's section, then the grand total
    const zeta = pages[0];
    expect(zeta).toContain('Alpha Distribution SAS'); // letterhead of the customer's company
    expect(zeta).toContain('Relevé de compte client');
    expect(zeta).toContain('Code client : C001');
    expect(zeta).toContain('C001 boulevard Voltaire');
    expect(zeta).toMatch(/F-001 10\/01\/2025 10\/02\/2025 1 200,00 € 200,00 € 1 000,00 €/);
    expect(zeta).toMatch(/F-002 20\/05\/2025 15\/06\/2025 1 234,56 € 0,00 € 1 234,56 €/);
    expect(zeta).toMatch(/AV-001 \(avoir\) 25\/05\/2025 25\/05\/2025 -120,00 € 0,00 € -120,00 €/);
    expect(zeta).not.toContain('F-003'); // paid
    expect(zeta).not.toContain('F-004'); // draft
    expect(zeta).toMatch(/R-001 01\/03\/2025 200,00 € 0,00 € 200,00 €/);
    expect(zeta).toMatch(/Total TTC 2 314,56 €/);
    expect(zeta).toMatch(/Réglé 200,00 €/);
    // the open items' balance, the payments on account deducted, the net balance due
    // R-002 is dated after the statement's date: neither listed nor deducted
    expect(zeta).not.toContain('R-002');
    expect(zeta).toMatch(/Solde des factures 2 114,56 €\nRèglements non affectés -200,00 €\nSolde dû 1 914,56 €/);
    expect(zeta).toContain('Zeta SARL'); // no corporate name: the call name
    expect(zeta).toMatch(/Coordonnées bancaires\nTitulaire : Alpha Distribution SAS\nBanque : BNP Paribas\nIBAN FR76 3000 4000 0312 3456 7890 143 · BIC BNPAFRPPXXX/);
    expect(zeta).toMatch(/Non échu 1 à 30 j 31 à 60 j 61 à 90 j Plus de 90 j\n0,00 € 1 234,56 € -120,00 € 0,00 € 1 000,00 €/);
    expect(text).toMatch(/Total général · 1 clients/);
  });

  it('sorts by customer name or by customer code, and totals all sections', async () => {
    const byName = await statement({ sort: 'name' });
    expect(byName.pages.slice(0, 3).map((p) => customersIn(p))).toEqual([['Alpha Industries'], ['Mu Services'], ['Zeta SARL']]);
    const byCode = await statement({ sort: 'code' });
    expect(byCode.pages.slice(0, 3).map((p) => customersIn(p))).toEqual([['Zeta SARL'], ['Alpha Industries'], ['Mu Services']]);
    const total = byCode.pages[3];
    expect(total).toContain('Total général · 3 clients');
    expect(total).toMatch(/Solde des factures 3 014,56 €\nRèglements non affectés -200,00 €\nSolde dû 2 814,56 €/); // 2 114,56 + 600,00 + 300,00, less 200,00
    expect(total).toMatch(/600,00 € 1 234,56 € -120,00 € 0,00 € 1 300,00 €/);
  });

  it.each([
    ['company', () => ({ company: book.alpha.documentId }), ['Zeta SARL', 'Alpha Industries']],
    ['division', () => ({ division: book.division.documentId }), ['Zeta SARL']],
    ['entity', () => ({ entity: book.entity.documentId }), ['Zeta SARL']],
    ['customer code between', () => ({ codeFrom: 'C002', codeTo: 'C003' }), ['Alpha Industries', 'Mu Services']],
    ['invoices and payments dated between', () => ({ from: '2025-05-01', to: '2025-06-30' }), ['Zeta SARL', 'Alpha Industries']],
    ['due by', () => ({ dueBy: '2025-06-30' }), ['Zeta SARL', 'Mu Services']],
  ])('selects customers by %s', async (_name, query, expected) => {
    const { text } = await statement(query());
    expect(customersIn(text).sort()).toEqual([...expected].sort());
  });

  it('keeps only the invoices and payments of the period, and leaves out payments later than the cut-off', async () => {
    const period = (await statement({ codeFrom: 'C001', codeTo: 'C001', from: '2025-05-01', to: '2025-06-30' })).pages[0];
    expect(period).toContain('F-002');
    expect(period).not.toContain('F-001');
    expect(period).not.toContain('R-001');
    expect(period).toMatch(/Solde dû 1 114,56 €/);
    const later = (await statement({ codeFrom: 'C001', codeTo: 'C001', asOf: '2025-07-31' })).pages[0];
    expect(later).toContain('R-002');
    expect(later).toMatch(/Règlements non affectés -250,00 €\nSolde dû 1 864,56 €/);
    const cut = (await statement({ codeFrom: 'C001', codeTo: 'C001', asOf: '2025-07-31', paymentsUntil: '2025-06-30' })).pages[0];
    expect(cut).toContain('R-001');
    expect(cut).not.toContain('R-002');
    expect(cut).toMatch(/Règlements non affectés -200,00 €\nSolde dû 1 914,56 €/);
  });

  it('formats money and dates in English', async () => {
    const en = (await statement({ codeFrom: 'C001', codeTo: 'C001', locale: 'en' })).pages[0];
    expect(en).toContain('Customer statement');
    expect(en).toContain('Customer code: C001'); // English punctuation: no space before the colon
    expect(en).toMatch(/F-002 20 May 2025 15 Jun 2025 €1,234.56 €0.00 €1,234.56/);
    expect(en).toMatch(/Open items balance €2,114.56\nUnallocated payments -€200.00\nBalance due €1,914.56/);
    expect(en).toMatch(/Payment details\nAccount holder: Alpha Distribution SAS\nBank: BNP Paribas\nIBAN FR76 3000 4000 0312 3456 7890 143 · BIC BNPAFRPPXXX/);
    expect(en).toMatch(/Not due 1-30 days 31-60 days 61-90 days Over 90 days\n€0.00 €1,234.56 -€120.00 €0.00 €1,000.00/);
  });

  it('prints one customer from its record', async () => {
    const { pages } = await statement({}, `/api/credit-control/reports/parties/${book.mu.documentId}/statement`);
    expect(pages).toHaveLength(1);
    expect(customersIn(pages[0])).toEqual(['Mu Services']);
    expect(pages[0]).toContain('Beta Conseil SARL');
    expect(pages[0]).toMatch(/Solde dû 300,00 €/);
    expect(pages[0]).not.toContain('Coordonnées bancaires'); // Beta has no bank details
    expect((await app.api().get('/api/credit-control/reports/parties/nope/statement')).status).toBe(404);
  });

  it('says so when no customer matches', async () => {
    const { text } = await statement({ codeFrom: 'X', codeTo: 'Y' });
    expect(text).toContain('Aucun client ne correspond aux critères de sélection.');
  });

  it.each([
    [{ from: '2025-02-30' }, 'from', 'from must be a date YYYY-MM-DD'],
    [{ from: '2025-06-01', to: '2025-01-01' }, 'to', 'to must not be before from'],
    [{ sort: 'amount' }, 'sort', 'sort must be one of name, code'],
    [{ locale: 'de' }, 'locale', 'locale must be one of fr, en'],
    [{ company: 'no-such-company' }, 'company', 'company "no-such-company" does not exist'],
    [{ division: 'no-such-division' }, 'division', 'division "no-such-division" does not exist'],
  ])('refuses %j with a 400 naming %s', async (query, path, message) => {
    const res = await app.api().get(URL).query(query);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toEqual([path]);
  });

  it('is permission-checked on the content API and the admin API', async () => {
    const denied = await portalUser(app, []);
    expect((await denied.agent().get(URL)).status).toBe(403);
    const allowed = await portalUser(app, ['plugin::credit-control.reports.statement']);
    const res = await allowed.agent().get(URL).query({ codeFrom: 'C003', codeTo: 'C003', asOf: '2025-06-30' }).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(customersIn((await pdfText(res.body)).text)).toEqual(['Mu Services']);
    expect((await app.http.get('/credit-control/reports/statement')).status).toBe(401);

    // admin API: RBAC actions plugin::credit-control.reports.read / .reports.dun
    const role = await app.strapi.service('admin::role').create({ name: `Reports reader ${Date.now()}`, description: 'test' });
    await app.strapi.service('admin::role').assignPermissions(role.id, [{ action: 'plugin::credit-control.reports.read', subject: null, properties: {}, conditions: [] }]);
    const reader = await adminSession(app, [role.id]);
    const admin = await reader.get('/credit-control/reports/statement').query({ codeFrom: 'C003', codeTo: 'C003', asOf: '2025-06-30' }).buffer(true).parse(binary);
    expect(admin.status).toBe(200);
    expect(customersIn((await pdfText(admin.body)).text)).toEqual(['Mu Services']);
    expect((await reader.post('/credit-control/reports/runs').send({ kind: 'statement', criteria: {} })).status).toBe(403);
    const superAdmin = await adminSession(app);
    expect((await superAdmin.post('/credit-control/reports/runs').send({ kind: 'statement', criteria: { codeFrom: 'C003', codeTo: 'C003' } })).status).toBe(202);
  });

  // last: this customer would appear in the unfiltered runs above
  it('continues a long table on the next page with its header repeated', async () => {
    const long = await book.f.customer({ code: 'C900', callName: 'Omega Longue Liste', customerType: 'external', company: book.beta.documentId });
    for (let n = 1; n <= 70; n += 1) {
      await book.f.invoice({ number: `L-${String(n).padStart(3, '0')}`, customer: long.documentId, currency: book.eur, state: 'issued', date: '2025-03-01', dueDate: '2025-04-01', lines: [{ quantity: 1, unitPrice: '10.00', vatRate: 20 }] });
    }
    const { pages } = await statement({ codeFrom: 'C900', codeTo: 'C900' });
    const section = pages.slice(0, -1); // the last page is the grand total
    expect(section.length).toBeGreaterThanOrEqual(2);
    expect(section[1]).toMatch(/^Omega Longue Liste · Factures non soldées \(suite\)\nN° Date Échéance Total TTC Réglé Solde\nL-0\d\d/);
    const numbers = section.join('\n').match(/L-\d{3}/g);
    expect(numbers).toEqual(Array.from({ length: 70 }, (_v, i) => `L-${String(i + 1).padStart(3, '0')}`));
    expect(section[section.length - 1]).toMatch(/Solde dû 840,00 €/); // 70 × 12,00
  });

  // last too: a customer of its own, addressed by its corporate name, with a payment on account
  it('addresses the customer by its legal name and nets its unallocated payments, in the PDF and its JSON', async () => {
    const bocage = await book.f.customer({ code: 'C950', callName: 'Bocage Ouest', corporateName: 'Bocage Ouest SASU', customerType: 'external', company: book.alpha.documentId });
    await book.f.invoice({ number: 'B-001', customer: bocage.documentId, currency: book.eur, state: 'issued', date: '2025-03-01', dueDate: '2025-04-01', lines: [{ quantity: 1, unitPrice: '1000.00', vatRate: 20 }] });
    await book.f.receipt({ number: 'RB-001', customer: bocage.documentId, currency: book.eur, date: '2025-05-02', amount: '300.00' });
    const url = `/api/credit-control/reports/parties/${bocage.documentId}/statement`;
    const fr = (await statement({}, url)).pages[0];
    expect(fr).toMatch(/^Bocage Ouest SASU$/m); // the window-envelope address
    expect(fr).toMatch(/Solde des factures 1 200,00 €\nRèglements non affectés -300,00 €\nSolde dû 900,00 €/);
    expect(fr).toMatch(/IBAN FR76 3000 4000 0312 3456 7890 143 · BIC BNPAFRPPXXX/);
    const en = (await statement({ locale: 'en' }, url)).pages[0];
    expect(en).toMatch(/Unallocated payments -€300.00\nBalance due €900.00/);

    const json = await app.api().get(`${url}/totals`).query({ asOf: '2025-06-30' });
    expect(json.status).toBe(200);
    expect(json.body.data).toMatchObject({
      party: { code: 'C950', name: 'Bocage Ouest', legalName: 'Bocage Ouest SASU' },
      openItems: 1,
      payments: 1,
      totals: [{ currency: 'EUR', total: '1200.00', paid: '0.00', openItemsBalance: '1200.00', unallocatedPayments: '300.00', balanceDue: '900.00', ageing: { late61to90: '1200.00' } }],
    });
    // the same criteria as the PDF: a payment after the cut-off or the statement's date is left out of the net
    for (const query of [{ asOf: '2025-06-30', paymentsUntil: '2025-05-01' }, { asOf: '2025-05-01' }]) {
      const cut = await app.api().get(`${url}/totals`).query(query);
      expect([query, cut.body.data.totals]).toMatchObject([query, [{ unallocatedPayments: '0.00', balanceDue: '1200.00' }]]);
    }
    expect((await app.api().get(`${url}/totals`).query({ locale: 'de' })).status).toBe(400);
    expect((await app.api().get('/api/credit-control/reports/parties/nope/statement/totals')).status).toBe(404);
  });

  it("refuses a company's bank details with a bad IBAN or BIC, on the field, and stores a good IBAN without spaces", async () => {
    const bad = await app.api().put(`/api/companies/${book.beta.documentId}`).send({ data: { bankDetails: { iban: 'FR76 3000 4000 0312 3456 7890 144', bic: 'BNPA1' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors.map((e: any) => e.path.join('.')).sort()).toEqual(['bankDetails.bic', 'bankDetails.iban']);
    expect(bad.body.error.details.errors.find((e: any) => e.path[1] === 'iban').message).toContain('IBAN FR76 3000 4000 0312 3456 7890 144 is not valid');
    const good = await app.api().put(`/api/companies/${book.beta.documentId}`).send({ data: { bankDetails: { iban: 'de89 3704 0044 0532 0130 00', bic: 'cobadeffxxx' } } });
    expect(good.status).toBe(200);
    const stored = await app.strapi.db.query('api::company.company').findOne({ where: { documentId: book.beta.documentId }, populate: { bankDetails: true } });
    expect(stored.bankDetails).toMatchObject({ iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' });
  });

  it('answers 404 "reports are not configured" without a reports mapping', async () => {
    const mapping = app.strapi.plugin('credit-control').service('mapping');
    const saved = app.strapi.config.get('plugin::credit-control.reports');
    // payment behaviour reads the reports' invoices: off with them
    const savedBehaviour = app.strapi.config.get('plugin::credit-control.behaviour');
    app.strapi.config.set('plugin::credit-control.reports', undefined);
    app.strapi.config.set('plugin::credit-control.behaviour', undefined);
    mapping.load();
    try {
      for (const path of ['/reports/statement', '/reports/dunning', `/reports/parties/${book.zeta.documentId}/recipients`]) {
        const res = await app.api().get(`/api/credit-control${path}`);
        expect([path, res.status, res.body.error?.message]).toEqual([path, 404, expect.stringContaining('reports are not configured')]);
      }
    } finally {
      app.strapi.config.set('plugin::credit-control.reports', saved);
      app.strapi.config.set('plugin::credit-control.behaviour', savedBehaviour);
      mapping.load();
    }
  });
});
