import { Factories, type Doc } from '../../helpers/factories';
import type { TestApp } from '../../helpers/strapi';

/**
 * A small receivables book, as of 2025-06-30:
 * - C001 "Zeta SARL" (company Alpha, division DA, entity EA, professional): F-001 1 200,00 paid 200,00
 *   due 2025-02-10 (>90 d); F-002 1 234,56 due 2025-06-15 (1–30 d); credit note AV-001 120,00 due
 *   2025-05-25 (31–60 d); F-003 paid and F-004 draft (not open items); receipts R-000 (2025-02-15,
 *   260,00 allocated: 200,00 to F-001, 60,00 to F-003), R-001 (2025-03-01, 200,00 unallocated) and
 *   R-002 (2025-07-05, 50,00).
 * - C002 "Alpha Industries" (company Alpha): F-010 600,00 due 2025-07-31 (not due).
 * - C003 "Mu Services" (company Beta, private: no SIRET/SIREN): F-020 300,00 due 2024-12-05 (>90 d).
 * Alpha has bank details (BNP Paribas, IBAN FR76 3000 4000 0312 3456 7890 143, BIC BNPAFRPPXXX); Beta has none.
 */
export async function receivablesBook(app: TestApp, suffix = '') {
  const f = new Factories(app.api);
  // reuse the app's EUR when another fixture made it (currency codes are unique)
  const existing = (await app.api().get('/api/currencies').query({ 'filters[code]': 'EUR' })).body.data?.[0];
  const eur = existing?.documentId ?? (await f.currency({ code: 'EUR', name: 'Euro', symbol: '€' })).documentId;
  const address = (city: string, postalCode: string, line1: string) => ({ line1, postalCode, city, country: 'FR' });
  const alpha = await f.company({
    name: 'Alpha Distribution SAS', customerNumbering: 'manual', address: address('Lyon', '69002', '12 quai Saint-Antoine'),
    bankDetails: { bankName: 'BNP Paribas', iban: 'FR76 3000 4000 0312 3456 7890 143', bic: 'BNPAFRPPXXX' },
  });
  const beta = await f.company({ name: 'Beta Conseil SARL', customerNumbering: 'manual', address: address('Nantes', '44000', '3 rue Crébillon') });
  const division = await f.division({ company: alpha.documentId });
  const entity = await f.entity({ company: alpha.documentId, division: division.documentId });
  const customer = (code: string, callName: string, o: Record<string, unknown>) =>
    f.customer({ code: `${code}${suffix}`, callName, customerType: 'external', address: address('Paris', '75011', `${code} boulevard Voltaire`), ...o });
  const zeta = await customer('C001', 'Zeta SARL', { company: alpha.documentId, division: division.documentId, entity: entity.documentId });
  const alphaInd = await customer('C002', 'Alpha Industries', { company: alpha.documentId });
  const mu = await customer('C003', 'Mu Services', { company: beta.documentId, siret: null, siren: null, customerType: 'external' });
  const invoice = (c: Doc, number: string, unitPrice: string, o: Record<string, unknown>) =>
    f.invoice({ number: `${number}${suffix}`, customer: c.documentId, currency: eur, state: 'issued', lines: [{ quantity: 1, unitPrice, vatRate: 20 }], ...o });
  const f001 = await invoice(zeta, 'F-001', '1000.00', { date: '2025-01-10', dueDate: '2025-02-10' });
  await invoice(zeta, 'F-002', '1028.80', { date: '2025-05-20', dueDate: '2025-06-15' });
  await invoice(zeta, 'AV-001', '100.00', { kind: 'creditNote', date: '2025-05-25', dueDate: '2025-05-25' });
  const f003 = await invoice(zeta, 'F-003', '50.00', { date: '2025-05-02', dueDate: '2025-05-30' });
  await invoice(zeta, 'F-004', '70.00', { date: '2025-05-03', dueDate: '2025-05-30', state: 'draft' });
  await invoice(alphaInd, 'F-010', '500.00', { date: '2025-06-01', dueDate: '2025-07-31' });
  await invoice(mu, 'F-020', '250.00', { date: '2024-11-05', dueDate: '2024-12-05' });
  // what is paid of an invoice follows from the receipts allocated to it (lettrage)
  await f.receipt({
    number: `R-000${suffix}`, customer: zeta.documentId, currency: eur, date: '2025-02-15', amount: '260.00',
    allocations: [{ invoice: f001.documentId, amount: '200.00' }, { invoice: f003.documentId, amount: '60.00' }],
  });
  await f.receipt({ number: `R-001${suffix}`, customer: zeta.documentId, currency: eur, date: '2025-03-01', amount: '200.00' });
  await f.receipt({ number: `R-002${suffix}`, customer: zeta.documentId, currency: eur, date: '2025-07-05', amount: '50.00' });
  return { f, eur, alpha, beta, division, entity, zeta, alphaInd, mu };
}

