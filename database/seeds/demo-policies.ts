import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';

/** the smallest demo limit */
const FLOOR = 10000;
/** the limit, as a share of what the customer is billed in a year (about six months of billing) */
const SHARE = 0.5;

const INVOICE = 'api::invoice.invoice';
const CUSTOMER = 'api::customer.customer';

/**
 * Credit policies for the demo's customers, in alert mode: a threshold of about six months of
 * what each customer is billed (its yearly average over the data set's four years, at least
 * 10,000, rounded up to 5,000), in its currency, counting the mapping's default buckets (commitments, not leads). A real
 * ledger then puts a few customers over (bad payers, disputed invoices) and most within. Customers
 * that already have a policy, or are billed nothing, are left alone; returns how many were made.
 */
export async function seedDemoPolicies(strapi: Core.Strapi, asOf: string): Promise<number> {
  const plugin = strapi.plugin('credit-control');
  if (!plugin) return 0;
  const start = new Date(Date.parse(`${asOf}T00:00:00Z`) - 1461 * 86400000).toISOString().slice(0, 10);
  const invoices: any[] = await strapi.db.query(INVOICE as any).findMany({
    where: { kind: 'invoice', state: { $notIn: ['draft', 'cancelled'] }, date: { $gte: start, $lte: asOf } },
    select: ['amountExclTax'],
    populate: { customer: { select: ['id'] }, customerToBill: { select: ['id'] } },
  });
  const billed = new Map<number, Decimal>();
  for (const invoice of invoices) {
    const party = (invoice.customerToBill ?? invoice.customer)?.id;
    if (party) billed.set(party, (billed.get(party) ?? new Decimal(0)).add(String(invoice.amountExclTax ?? 0)));
  }
  const customers: any[] = await strapi.db.query(CUSTOMER as any).findMany({
    // blocking rules are offered on customers, not prospects
    where: { id: { $in: [...billed.keys()] }, kind: 'customer' },
    select: ['id', 'documentId', 'openedOn', 'closedOn'],
    populate: { currency: { select: ['code'] } },
    orderBy: { id: 'asc' },
  });
  const policies = plugin.service('policies');
  let made = 0;
  for (const customer of customers) {
    if (await policies.row(customer.documentId)) continue;
    const from = Math.max(Date.parse(start), Date.parse(customer.openedOn ?? start));
    const to = Date.parse(customer.closedOn ?? asOf);
    const years = Math.max(0.25, (to - from) / (365 * 86400000));
    const limit = (billed.get(customer.id) as Decimal).div(years).mul(SHARE).div(5000).ceil().mul(5000);
    const threshold = Decimal.max(limit, FLOOR).toFixed(2);
    await policies.save(customer.documentId, { mode: 'alert', threshold, currency: customer.currency?.code ?? 'EUR' });
    made += 1;
  }
  return made;
}
