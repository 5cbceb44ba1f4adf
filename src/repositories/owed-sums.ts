/**
 * What a customer owes, summed by the database as the credit-control statement counts it (the
 * `reports` mapping in config/plugins.ts): the open invoices and credit notes billed to it (its
 * customer to bill, else its customer) by due day, and its payments not allocated to any invoice.
 * One statement each, bounded in size whatever the history.
 */
import type { Core } from '@strapi/strapi';
import type { DueAmount } from '../domain/insights';
import { BILLED_TO, OWED_INVOICE_STATES } from '../domain/management-types';
import { currencyCode } from '../domain/money';
import { columnOf, exactMoney, fromExactMoney, idsLinkedTo, idsOwnedBy, leftJoinOne, readDay, sqlClient, tableOf, withKnex } from './sql';

const INVOICE = 'api::invoice.invoice';
const RECEIPT = 'api::receipt.receipt';

/** The open invoices and credit notes billed to the customer that still owe (or still have to be applied), per currency, due day (or date) and kind. */
export async function owedByDueDay(strapi: Core.Strapi, customerId: number): Promise<(DueAmount & { currency: string })[]> {
  const client = sqlClient(strapi);
  const col = (field: string) => `inv.${columnOf(strapi, INVOICE, field)}`;
  const [incl, inclBindings] = exactMoney(client, col('amountInclTax'));
  const [paid, paidBindings] = exactMoney(client, col('amountPaid'));
  const remaining = [`(${incl} - ${paid})`, [...inclBindings, ...paidBindings]] as const;
  const dueOn = ['COALESCE(??, ??)', [col('dueDate'), col('date')]] as const;
  const billed = idsOwnedBy(strapi, INVOICE, [...BILLED_TO], customerId);
  return withKnex(strapi, async (knex) => {
    const query = knex.from(billed.as('mine')).join(`${tableOf(strapi, INVOICE)} as inv`, 'inv.id', 'mine.id');
    const code = `cur.${columnOf(strapi, leftJoinOne(strapi, query, INVOICE, 'inv', 'currency', 'cur'), 'code')}`;
    const rows: { due_on: unknown; kind: unknown; currency: unknown; n: unknown; remaining: unknown }[] = await query
      .whereIn(col('kind'), ['invoice', 'creditNote'])
      .whereIn(col('state'), [...OWED_INVOICE_STATES])
      .whereRaw(`${remaining[0]} <> 0`, remaining[1])
      .select(knex.raw(`${dueOn[0]} as due_on`, dueOn[1]), `${col('kind')} as kind`, `${code} as currency`, knex.raw('COUNT(*) as n'), knex.raw(`SUM${remaining[0]} as remaining`, remaining[1]))
      .groupBy(knex.raw(dueOn[0], dueOn[1]))
      .groupBy([col('kind'), code]);
    return rows.map((row) => ({
      currency: currencyCode(row.currency),
      dueOn: readDay(row.due_on),
      count: Number(row.n),
      remaining: fromExactMoney(client, row.remaining).toFixed(),
      creditNote: row.kind === 'creditNote',
    }));
  });
}

/**
 * The customer's payments not allocated to an invoice (receipts of the customer, cancelled ones aside,
 * none dated after `until`, as the statement of that date counts them): amount less allocated, per currency.
 */
export async function unallocatedPayments(strapi: Core.Strapi, customerId: number, until: string): Promise<{ currency: string; amount: string }[]> {
  const client = sqlClient(strapi);
  const col = (field: string) => `rec.${columnOf(strapi, RECEIPT, field)}`;
  const [amount, amountBindings] = exactMoney(client, col('amount'));
  const [allocated, allocatedBindings] = exactMoney(client, col('allocatedAmount'));
  return withKnex(strapi, async (knex) => {
    const query = knex.from(`${tableOf(strapi, RECEIPT)} as rec`);
    const code = `cur.${columnOf(strapi, leftJoinOne(strapi, query, RECEIPT, 'rec', 'currency', 'cur'), 'code')}`;
    const rows: { currency: unknown; unallocated: unknown }[] = await query
      .whereIn('rec.id', idsLinkedTo(strapi, RECEIPT, ['customer'], customerId))
      .whereNot(col('state'), 'cancelled')
      .where(col('date'), '<=', until)
      .select(`${code} as currency`, knex.raw(`SUM(${amount} - ${allocated}) as unallocated`, [...amountBindings, ...allocatedBindings]))
      .groupBy(code);
    return rows.map((row) => ({ currency: currencyCode(row.currency), amount: fromExactMoney(client, row.unallocated).toFixed(2) }));
  });
}
