import type { TestApp } from './strapi';

/** Small builders for the credit-control API tests. */
export function creditFixtures(app: TestApp) {
  let counter = 0;
  const next = (prefix: string) => `${prefix}-${++counter}-${Date.now() % 100000}`;
  const post = async (path: string, data: Record<string, unknown>) => {
    const res = await app.api().post(path).send({ data });
    if (res.status !== 201 && res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data;
  };
  return {
    post,
    currency: (code = 'EUR') => post('/api/currencies', { code, name: code, minorUnits: 2 }),
    customer: (data: Record<string, unknown> = {}) => post('/api/customers', { callName: next('Customer'), kind: 'customer', ...data }),
    policy: (party: string, data: Record<string, unknown>) => post('/api/credit-control/policies', { party, ...data }),
    invoice: (customer: string, currency: string, amount: number, data: Record<string, unknown> = {}) =>
      app.api().post('/api/invoices').send({
        data: { number: next('INV'), customer, currency, date: '2026-01-10', status: 'issued', lines: [{ quantity: 1, unitPrice: amount, vatRate: 20 }], ...data },
      }),
    receipt: (customer: string, currency: string, amount: number, data: Record<string, unknown> = {}) =>
      app.api().post('/api/receipts').send({ data: { number: next('REC'), customer, currency, date: '2026-01-12', amount, ...data } }),
    summary: async (party: string) => (await app.api().get(`/api/credit-control/parties/${party}/credit`)).body.data,
  };
}
