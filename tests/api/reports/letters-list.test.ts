import { statementsOf } from '../../helpers/statements';
import { testApp } from '../../helpers/strapi';
import { receivablesBook } from './fixtures';

// GET /reports/dunning/letters: the dunning preview as a JSON list (the admin's Reports page picks a party from it)
const app = testApp();
let book: Awaited<ReturnType<typeof receivablesBook>>;
beforeAll(async () => {
  book = await receivablesBook(app);
});

const URL = '/api/credit-control/reports/dunning/letters';
const criteria = { asOf: '2025-06-30', dueBefore: '2025-06-30', codeFrom: 'C001', codeTo: 'C999' };

describe('dunning letters list', () => {
  it('lists the letters a run would send, with their level, invoices and totals, and records nothing', async () => {
    const res = await app.api().get(URL).query(criteria);
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 25, total: 2, pageCount: 1 });
    const [zeta, mu] = res.body.data;
    expect(zeta.party).toEqual({ documentId: book.zeta.documentId, code: 'C001', name: 'Zeta SARL' });
    expect(zeta.level).toEqual({ code: 'formal', name: 'Mise en demeure', rank: 3 });
    // each invoice at the level its delay reaches; the recovery indemnity per invoice of a professional
    expect(zeta.invoices.map((i: any) => [i.number, i.daysOverdue, i.level, i.balance, i.currency])).toEqual([
      ['F-001', 140, 'formal', '1000.00', 'EUR'],
      ['F-002', 15, 'firm', '1234.56', 'EUR'],
    ]);
    expect(zeta.totals).toEqual([{ currency: 'EUR', balance: '2234.56', interest: '46.60', fee: '0.00', indemnity: '80.00', indemnityCount: 2, creditNotes: '120.00', unallocatedPayments: '200.00', total: '2041.16' }]);
    expect(mu.party.code).toBe('C003');
    const records = await app.api().get('/api/credit-control/reports/dunning-records').query({ party: book.zeta.documentId });
    expect(records.body.data).toEqual([]);
  });

  it("reads the parties' invoices and payments from their link rows, not through a join of every invoice", async () => {
    // the engine's where through a relation left-joins the whole invoice table to its party links:
    // SQLite scanned every invoice for each page of parties (~1 s a thousand letters at a million documents)
    const statements = await statementsOf(app.strapi, async () => {
      expect((await app.api().get(URL).query(criteria)).status).toBe(200);
      expect((await app.api().get('/api/credit-control/reports/statement').query({ asOf: criteria.asOf, codeFrom: criteria.codeFrom, codeTo: criteria.codeTo })).status).toBe(200);
    });
    const from = (table: string) => statements.filter((sql) => new RegExp(`from ([\`"]\\w+[\`"]\\.)?[\`"]${table}[\`"] as [\`"]t0?[\`"]`, 'i').test(sql));
    expect(from('invoices').length).toBeGreaterThan(0);
    expect(from('receipts').length).toBeGreaterThan(0);
    expect([...from('invoices'), ...from('receipts')].filter((sql) => /as [`"]t0?[`"] left join/i.test(sql))).toEqual([]);
    // each batch in one statement, its party and currency in it: no populate statement per relation
    expect(statements.filter((sql) => /__strapi(invoice|receipt)_id/i.test(sql))).toEqual([]);
  });

  it('reads only what a letter uses: no wholly allocated receipt, no invoice not yet due, every open credit note', async () => {
    // what the database hands back, row by row (a party's settled history is not read to find what it still owes)
    const responses: string[] = [];
    const onResponse = (response: unknown) => responses.push(JSON.stringify(response ?? null));
    const knex: any = app.strapi.db.connection;
    knex.on('query-response', onResponse);
    try {
      expect((await app.api().get(URL).query(criteria)).status).toBe(200);
    } finally {
      knex.off('query-response', onResponse);
    }
    const read = responses.join('\n');
    expect(read).toContain('R-001'); // 200,00 not allocated: deducted
    expect(read).not.toContain('R-000'); // wholly allocated to F-001 and F-003
    expect(read).toContain('AV-001'); // an open credit note is deducted whatever its due date
    expect(read).not.toContain('F-010'); // C002's invoice is not due on the run day
  });

  it('pages the letters and names the levels in the chosen language', async () => {
    const res = await app.api().get(URL).query({ ...criteria, locale: 'en', page: '2', pageSize: '1' });
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination).toEqual({ page: 2, pageSize: 1, total: 2, pageCount: 2 });
    expect(res.body.data.map((l: any) => [l.party.code, l.level.name])).toEqual([['C003', 'Formal notice']]);
  });

  it('refuses bad criteria with the field named', async () => {
    const res = await app.api().get(URL).query({ ...criteria, codeFrom: 'C9', codeTo: 'C1', format: 'poster' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path)).toEqual([['format'], ['codeTo']]);
    expect(res.body.error.message).toContain('codeTo must not be before codeFrom');
  });

  it('refuses a bad page or page size with the parameter named, here and on the dunning history', async () => {
    for (const url of [URL, '/api/credit-control/reports/dunning-records']) {
      for (const [param, value] of [['page', '0'], ['page', 'x'], ['pageSize', '101'], ['pageSize', '-1']]) {
        const res = await app.api().get(url).query({ ...criteria, [param]: value });
        expect([url, param, value, res.status]).toEqual([url, param, value, 400]);
        expect(res.body.error.details.errors[0].path).toEqual([param]);
      }
    }
  });
});
