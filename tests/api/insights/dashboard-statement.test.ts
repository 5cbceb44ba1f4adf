/**
 * The dashboard's balance due and the credit-control statement's are one figure: the open invoices
 * billed to the customer less its credit notes still to apply (the open items' balance), less its
 * unallocated payments. Compared on a customer with a credit note, an unallocated receipt, an invoice
 * billed to it for another customer, one of its own billed to someone else, and a draft; and on a
 * customer billed in euros and in US dollars, whose two currencies are never added together.
 */
import { adminSession } from '../../helpers/credit';
import { Factories, uniq, type Doc } from '../../helpers/factories';
import { binary, pdfText } from '../../helpers/pdf-text';
import { testApp } from '../../helpers/strapi';

const app = testApp();
let admin: Awaited<ReturnType<typeof adminSession>>;
const parties: Record<string, Doc> = {};
let f: Factories;
let eur: string;
let usd: string;

/** The currency with that code, made when the database has none. */
async function currency(code: string, name: string, symbol: string): Promise<string> {
  const existing = (await app.api().get('/api/currencies').query({ 'filters[code]': code })).body.data?.[0];
  return existing?.documentId ?? (await f.currency({ code, name, symbol })).documentId;
}

beforeAll(async () => {
  f = new Factories(app.api);
  admin = await adminSession(app);
  eur = await currency('EUR', 'Euro', '€');
  usd = await currency('USD', 'US dollar', '$');
  for (const name of ['payer', 'other', 'billed']) parties[name] = await f.customer({ callName: uniq(name), currency: eur });
  const invoice = (o: Record<string, unknown>, unitPrice: string) =>
    f.invoice({ customer: parties.payer.documentId, currency: eur, state: 'issued', date: '2025-05-02', dueDate: '2025-06-01', lines: [{ quantity: 1, unitPrice, vatRate: 20 }], ...o });
  const a = await invoice({}, '1000.00'); // 1,200.00, 200.00 paid below
  await invoice({ dueDate: '2099-01-01' }, '500.00'); // 600.00, not due
  await invoice({ kind: 'creditNote', creditedInvoice: a.documentId }, '100.00'); // 120.00 to apply
  await invoice({ customer: parties.other.documentId, customerToBill: parties.payer.documentId }, '100.00'); // billed to the payer: 120.00
  await invoice({ customerToBill: parties.billed.documentId }, '50.00'); // the payer's sale billed to another: 60.00 is theirs
  await invoice({ state: 'draft' }, '9000.00'); // not an open item
  await f.receipt({ customer: parties.payer.documentId, currency: eur, date: '2025-05-20', amount: '200.00', allocations: [{ invoice: a.documentId, amount: '200.00' }] });
  await f.receipt({ customer: parties.payer.documentId, currency: eur, date: '2025-05-21', amount: '300.00' }); // a payment on account
  await f.receipt({ customer: parties.payer.documentId, currency: eur, date: '2025-05-22', amount: '80.00', state: 'cancelled' });
});

const SYMBOLS: Record<string, string> = { EUR: '€', USD: 'US$' };

/**
 * "Open items balance €1,600.00", "Unallocated payments -€300.00" and "Balance due €1,300.00" of the
 * customer's own statement (en), in one currency; and the same figures of its JSON form.
 */
async function statementOf(party: Doc, currencyCode = 'EUR') {
  const res = await app.api().get(`/api/credit-control/reports/parties/${party.documentId}/statement`).query({ locale: 'en' }).buffer(true).parse(binary);
  expect(res.status).toBe(200);
  const { text } = await pdfText(res.body);
  const symbol = SYMBOLS[currencyCode].replace('$', '\\$');
  const figure = (label: string) => {
    const matches = [...text.matchAll(new RegExp(`${label} (-?)${symbol}([\\d,]+\\.\\d{2})`, 'g'))];
    // one figure per currency: a second one would be a total over currencies
    expect([label, currencyCode, matches.length <= 1]).toEqual([label, currencyCode, true]);
    return matches[0] ? `${matches[0][1]}${matches[0][2].replace(/,/g, '')}` : null;
  };
  const unallocated = figure('Unallocated payments');
  const pdf = { openItems: figure('Open items balance'), unallocated: unallocated?.replace(/^-/, '') ?? null, balanceDue: figure('Balance due') };
  const json = await app.api().get(`/api/credit-control/reports/parties/${party.documentId}/statement/totals`);
  expect(json.status).toBe(200);
  const t = json.body.data.totals.find((row: { currency: string }) => row.currency === currencyCode);
  expect({ openItems: t.openItemsBalance, unallocated: t.unallocatedPayments, balanceDue: t.balanceDue }).toEqual(pdf);
  return pdf;
}

/** The dashboard's figures in the statement's shape. */
const asStatement = (terms: { total: string; unallocatedPayments: string; balanceDue: string }) => ({ openItems: terms.total, unallocated: terms.unallocatedPayments, balanceDue: terms.balanceDue });

async function dashboardOf(party: Doc) {
  const res = await admin.get(`/customer-records/customers/${party.documentId}/dashboard`);
  expect(res.status).toBe(200);
  return res.body.data.paymentTerms;
}

it("gives the statement's balance due: open invoices less credit notes to apply, less unallocated payments", async () => {
  const dashboard = await dashboardOf(parties.payer);
  const statement = await statementOf(parties.payer);
  expect(asStatement(dashboard)).toEqual(statement);
  // 1,000.00 left on A + 600.00 + 120.00 billed to it, less the 120.00 credit note, less the 300.00 on account
  expect(dashboard).toMatchObject({ invoices: '1720.00', creditNotes: '120.00', total: '1600.00', unallocatedPayments: '300.00', balanceDue: '1300.00' });
  expect(dashboard.bands.reduce((sum: number, b: { count: number }) => sum + b.count, 0)).toBe(4);
  expect(dashboard.bands.find((b: { band: string }) => b.band === 'dueAfter90')).toEqual({ band: 'dueAfter90', count: 1, amount: '600.00' });
});

it('counts an invoice for the customer to bill, not for the customer it was sold to', async () => {
  const billed = await dashboardOf(parties.billed);
  expect(asStatement(billed)).toEqual(await statementOf(parties.billed));
  expect(billed.total).toBe('60.00');
  const other = await dashboardOf(parties.other);
  expect(other.total).toBe('0.00');
});

describe('a customer billed in euros and in US dollars', () => {
  let both: Doc;
  beforeAll(async () => {
    both = await f.customer({ callName: uniq('two currencies'), currency: eur });
    const invoice = (currencyId: string, unitPrice: string, o: Record<string, unknown> = {}) =>
      f.invoice({ customer: both.documentId, currency: currencyId, state: 'issued', date: '2025-05-02', dueDate: '2025-06-01', lines: [{ quantity: 1, unitPrice, vatRate: 20 }], ...o });
    await invoice(eur, '1000.00'); // 1,200.00 EUR
    await invoice(eur, '250.00', { dueDate: '2099-01-01' }); // 300.00 EUR, not due
    await invoice(usd, '500.00'); // 600.00 USD
    await invoice(usd, '50.00', { kind: 'creditNote' }); // 60.00 USD to apply
    await f.receipt({ customer: both.documentId, currency: usd, date: '2025-05-21', amount: '75.00' }); // on account, in dollars
  });

  it('totals each currency apart, as the statement does, and never adds them', async () => {
    const res = await admin.get(`/customer-records/customers/${both.documentId}/dashboard`);
    expect(res.status).toBe(200);
    const data = res.body.data;
    // the customer's currency at the top, the dollars beside it
    expect(data.currency).toBe('EUR');
    expect(data.paymentTerms).toMatchObject({ invoices: '1500.00', creditNotes: '0.00', total: '1500.00', unallocatedPayments: '0.00', balanceDue: '1500.00' });
    expect(data.otherCurrencies).toHaveLength(1);
    const dollars = data.otherCurrencies[0];
    expect(dollars.currency).toBe('USD');
    expect(dollars.paymentTerms).toMatchObject({ invoices: '600.00', creditNotes: '60.00', total: '540.00', unallocatedPayments: '75.00', balanceDue: '465.00' });
    expect(dollars.paymentTerms.bands.find((b: { band: string }) => b.band === 'overdue')).toEqual({ band: 'overdue', count: 2, amount: '540.00' });
    // billed per year: the euros' family total is the euro invoices' alone
    expect(data.billingByFamily.years.map((y: { total: string }) => y.total)).toEqual(['1250.00']);
    expect(dollars.billingByFamily.years.map((y: { total: string }) => y.total)).toEqual(['450.00']);

    // the statement's open items, payments on account and net balance due, currency by currency
    expect(asStatement(data.paymentTerms)).toEqual(await statementOf(both, 'EUR'));
    expect(asStatement(dollars.paymentTerms)).toEqual(await statementOf(both, 'USD'));
  });
});
