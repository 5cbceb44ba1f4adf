/**
 * A customer's invoices summed by the database: one statement each, bounded in size whatever the
 * history (a read that bound one variable per invoice failed past SQLite's 32,766), reading the
 * invoices through the index of their customer link tables.
 */
import type { Core } from '@strapi/strapi';
import type { Group } from '../domain/insights';
import { relationFieldsTo } from '../rules/management-types';
import { columnOf, exactMoney, fromExactMoney, idsLinkedToAny, leftJoinOne, linkOf, sqlClient, tableOf, withKnex, yearOf, type JoinTable } from './sql';
import { currencyCode } from '../domain/money';

const INVOICE = 'api::invoice.invoice';
const CUSTOMER = 'api::customer.customer';
const LINE = 'sales.document-line';
const ARTICLE = 'api::article.article';

type Knex = any;

/**
 * The customer's invoices (as customer, or as customer to bill) as `inv`: the union of its link
 * tables' rows joined to the invoices, so that the database starts from the customer's few rows
 * (a where on `inv.id` let SQLite start from every invoice's lines: 130 ms at a million objects).
 */
function partyInvoices(strapi: Core.Strapi, knex: Knex, customerId: number): Knex {
  const fields = relationFieldsTo(strapi, INVOICE, CUSTOMER);
  const column = linkOf(strapi, INVOICE, fields[0]).joinColumn.name;
  const mine = idsLinkedToAny(strapi, INVOICE, fields.map((field) => [field]), customerId);
  return knex.from(mine.as('mine')).join(`${tableOf(strapi, INVOICE)} as inv`, 'inv.id', `mine.${column}`);
}

const on = (query: Knex, link: JoinTable, alias: string) => {
  for (const [column, value] of Object.entries(link.on ?? {})) query.where(`${alias}.${column}`, value);
  return query;
};

export interface BilledSum {
  year: number;
  /** the invoice's currency code (the default when it names none) */
  currency: string;
  kind: string;
  family: Group | null;
  subFamily: Group | null;
  /** pre-tax, as billed (a credit note's amount is positive) */
  amountExclTax: string;
}

/**
 * The pre-tax amount of the customer's billed lines (invoices and credit notes in `states`, dated,
 * within the years [from, to] when given) per year, currency, kind, and article family and sub-family.
 */
export async function billedByYearAndGroup(strapi: Core.Strapi, customerId: number, states: string[], years?: { from: number; to: number }): Promise<BilledSum[]> {
  const client = sqlClient(strapi);
  const col = (field: string) => `inv.${columnOf(strapi, INVOICE, field)}`;
  const lines = linkOf(strapi, INVOICE, 'lines');
  const lineArticle = linkOf(strapi, LINE, 'article');
  const groups = (['family', 'subFamily'] as const).map((field, i) => {
    const link = linkOf(strapi, ARTICLE, field);
    const uid = link.target as string;
    return { field, link, uid, alias: `g${i}`, via: `a${i}`, table: tableOf(strapi, uid) };
  });
  const [amount, amountBindings] = exactMoney(client, `l.${columnOf(strapi, LINE, 'amountExclTax')}`);
  const [year, yearBindings] = yearOf(client, col('date'));

  const rows: Record<string, unknown>[] = await withKnex(strapi, async (knex) => {
    const query = partyInvoices(strapi, knex, customerId)
      .join(`${lines.name} as c`, `c.${lines.joinColumn.name}`, 'inv.id')
      .join(`${tableOf(strapi, LINE)} as l`, 'l.id', `c.${lines.inverseJoinColumn.name}`)
      .leftJoin(`${lineArticle.name} as la`, `la.${lineArticle.joinColumn.name}`, 'l.id');
    on(query, lines, 'c');
    const code = `cur.${columnOf(strapi, leftJoinOne(strapi, query, INVOICE, 'inv', 'currency', 'cur'), 'code')}`;
    const groupColumns: string[] = [];
    for (const g of groups) {
      query
        .leftJoin(`${g.link.name} as ${g.via}`, `${g.via}.${g.link.joinColumn.name}`, `la.${lineArticle.inverseJoinColumn.name}`)
        .leftJoin(`${g.table} as ${g.alias}`, `${g.alias}.id`, `${g.via}.${g.link.inverseJoinColumn.name}`);
      for (const field of ['documentId', 'code', 'label']) groupColumns.push(`${g.alias}.${columnOf(strapi, g.uid, field)}`);
    }
    query.whereIn(col('state'), states).whereNotNull(col('date'));
    if (years) query.where(col('date'), '>=', `${years.from}-01-01`).where(col('date'), '<=', `${years.to}-12-31`);
    return query
      .select(knex.raw(`${year} as year`, yearBindings), `${code} as currency`, `${col('kind')} as kind`, ...groupColumns.map((c, i) => `${c} as k${i}`), knex.raw(`SUM(${amount}) as amount`, amountBindings))
      .groupBy(knex.raw(year, yearBindings))
      .groupBy([code, col('kind'), ...groupColumns]);
  });

  const group = (row: Record<string, unknown>, at: number): Group | null =>
    row[`k${at}`] === null || row[`k${at}`] === undefined ? null : { documentId: String(row[`k${at}`]), code: (row[`k${at + 1}`] as string) ?? null, label: (row[`k${at + 2}`] as string) ?? null };
  return rows.map((row) => ({
    year: Number(row.year),
    currency: currencyCode(row.currency),
    kind: String(row.kind),
    family: group(row, 0),
    subFamily: group(row, 3),
    amountExclTax: fromExactMoney(client, row.amount).toFixed(),
  }));
}
