import type { Core } from '@strapi/strapi';

/** Indicative rates to EUR, so that the demo's USD, GBP and CHF documents count in the credit figures. */
const DEMO_RATES = [
  { fromCurrency: 'USD', rate: '0.9200000000' },
  { fromCurrency: 'GBP', rate: '1.1700000000' },
  { fromCurrency: 'CHF', rate: '1.0500000000' },
];

export async function seedDemoRates(strapi: Core.Strapi, validFrom: string): Promise<number> {
  if (!strapi.plugin('credit-control')) return 0;
  const uid = 'plugin::credit-control.rate' as any;
  let created = 0;
  for (const { fromCurrency, rate } of DEMO_RATES) {
    const existing = await strapi.db.query(uid).findOne({ where: { fromCurrency, toCurrency: 'EUR' } });
    if (existing) continue;
    await strapi.documents(uid).create({ data: { fromCurrency, toCurrency: 'EUR', rate, validFrom } as any });
    created += 1;
  }
  return created;
}
