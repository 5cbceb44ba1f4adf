import type { TestApp } from './strapi';
import { creditFixtures } from './credit';

/** Builders and probes for the sales-flow API tests. */
export function flowFixtures(app: TestApp) {
  const credit = creditFixtures(app);
  let counter = 0;
  const next = (prefix: string) => `${prefix}-${++counter}-${Date.now() % 100000}`;
  const created = async (path: string, data: Record<string, unknown>) => {
    const res = await app.api().post(path).send({ data });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body?.error ?? res.body)}`);
    return res.body.data;
  };
  return {
    ...credit,
    next,
    /** A quotation of one line per [quantity, unit price] pair, at 20 % VAT. */
    quotation: (customer: string, currency: string, lines: [number | string, number | string][], data: Record<string, unknown> = {}) =>
      created('/api/quotations', {
        number: next('QUO'), customer, currency, date: '2026-01-05', state: 'sent',
        lines: lines.map(([quantity, unitPrice], i) => ({ label: `item ${i + 1}`, quantity, unitPrice, vatRate: 20 })),
        ...data,
      }),
    order: (customer: string, currency: string, lines: [number | string, number | string][], data: Record<string, unknown> = {}) =>
      created('/api/orders', {
        number: next('ORD'), customer, currency, date: '2026-01-05', state: 'confirmed',
        lines: lines.map(([quantity, unitPrice], i) => ({ label: `item ${i + 1}`, quantity, unitPrice, vatRate: 20 })),
        ...data,
      }),
    /** POSTs an operation; returns the response (status and body) for the test to judge. */
    op: (path: string, body: Record<string, unknown> = {}) => app.api().post(path).send({ data: body }),
    read: async (plural: string, documentId: string, populate = '') =>
      (await app.api().get(`/api/${plural}/${documentId}${populate ? `?populate=${populate}` : ''}`)).body.data,
    exposure: async (party: string) => (await credit.summary(party)).exposure as string,
    byBucket: async (party: string) =>
      Object.fromEntries(((await credit.summary(party)).exposureByBucket as { bucket: string; amount: string }[]).map((b) => [b.bucket, b.amount])),
    drift: async () => {
      const res = await app.api().post('/api/credit-control/reconcile').send({ fix: false });
      if (res.status !== 200) throw new Error(`reconcile: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.data.drift;
    },
  };
}
