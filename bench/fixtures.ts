/** What the figures write: invoices of a fixed amount, block policies, and the clean-up of unchecked writes. */
import type { Core } from '@strapi/strapi';
import { AS_OF } from './args';

export const INVOICE = 'api::invoice.invoice';
/** Every bench invoice is 10.00 excl. tax, issued and unpaid: it adds exactly 10.00 EUR of exposure. */
export const AMOUNT = 10;

let counter = 0;

export async function euro(strapi: Core.Strapi): Promise<string> {
  const row = await strapi.db.query('api::currency.currency' as any).findOne({ where: { code: 'EUR' }, select: ['documentId'] });
  if (!row) throw new Error('the data set has no EUR currency');
  return row.documentId;
}

export function invoiceData(customer: string, currency: string): Record<string, unknown> {
  counter += 1;
  return {
    number: `BENCH-${process.pid}-${Date.now().toString(36)}-${counter}`,
    date: AS_OF,
    customer,
    currency,
    state: 'issued',
    lines: [{ label: 'Bench', quantity: 1, unitPrice: AMOUNT, vatRate: 20 }],
  };
}

/** The party's exposure as the credit panel shows it (a decimal string in EUR). */
export async function exposure(strapi: Core.Strapi, party: string): Promise<number> {
  return Number((await strapi.plugin('credit-control').service('credit').summary(party)).exposure);
}

/**
 * Every rule a policy can have besides the threshold, set so that none holds: the three overdue rules
 * (block) and a horizon. A write then pays for reading what they judge, and is refused by none.
 */
export const EVERY_RULE = {
  overdueRules: { oldestDays: { days: 3650, action: 'block' }, amount: { amount: '9999999999999.99', action: 'block' }, dunningLevel: { level: 99, action: 'block' } },
  horizonDays: 3650,
};

/** A block policy whose threshold leaves `headroom` EUR above the party's current exposure (`rules`: more rules on it). */
export async function blockPolicy(strapi: Core.Strapi, party: string, headroom: number, rules: Record<string, unknown> = {}): Promise<number> {
  const threshold = Math.round(((await exposure(strapi, party)) + headroom) * 100) / 100;
  await strapi.plugin('credit-control').service('policies').save(party, { mode: 'block', threshold, currency: 'EUR', ...rules });
  return threshold;
}

/**
 * Writes made with the check off are not in the maintained exposure: delete them with the check
 * off too, so that maintained and recomputed exposure stay equal.
 */
export async function deleteUnchecked(strapi: Core.Strapi, documentIds: string[]): Promise<void> {
  const bench = strapi.plugin('credit-control').service('bench-switch');
  for (const documentId of documentIds.splice(0)) await bench.withCheckOff(() => strapi.documents(INVOICE as any).delete({ documentId }));
}
