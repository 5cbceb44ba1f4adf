/**
 * What invoices, credit notes and receipts add to their customer's maintained dashboard sums
 * (src/repositories/customer-sums.ts): per sum, one grouped select over a scope of documents. The
 * same select adds a written document (sign 1), takes it away before its write (sign -1), rebuilds
 * every sum (scope `all`) and recomputes one customer's to check them.
 */
import type { Core } from '@strapi/strapi';
import { BILLED_INVOICE_STATES, BILLED_TO, OWED_INVOICE_STATES } from '../domain/management-types';
import { relationFieldsTo } from '../rules/management-types';
import { columnOf, dayText, exactMoney, linkOf, sqlClient, tableOf, yearOf, type JoinTable } from './sql';

const INVOICE = 'api::invoice.invoice';
const RECEIPT = 'api::receipt.receipt';
const CUSTOMER = 'api::customer.customer';
const LINE = 'sales.document-line';

type Knex = any;

/** Which documents: some rows, one document's rows, one customer's (a check), or every one (a rebuild). */
export type Scope = { ids: number[] } | { documentId: string } | { customerId: number } | 'all';

export interface SumKey {
  name: string;
  type: 'integer' | 'text';
}

export interface SumDefinition {
  name: 'billed' | 'owed' | 'unallocated';
  table: string;
  /** the documents it sums */
  uid: string;
  /** the key columns, in the primary key's order; then the measures `n` (documents or lines) and `amount` */
  keys: SumKey[];
  /** the fields of `uid` an update must name to move the sum (one naming none leaves it as it is) */
  fields: string[];
  /** whether a document just created with these values adds anything (a draft invoice adds nothing) */
  adds: (created: Record<string, unknown>) => boolean;
  /** the select of the keys, `n` and `amount`, grouped by the keys, the measures times `sign` */
  contribution: (knex: Knex, scope: Scope, sign: 1 | -1) => Knex;
}

const customerOf = (scope: Scope) => (typeof scope === 'object' && 'customerId' in scope ? scope.customerId : null);

/** Restricts `column` (a document id) to the scope's documents. */
function restrict(strapi: Core.Strapi, knex: Knex, query: Knex, column: string, uid: string, scope: Scope): Knex {
  if (typeof scope !== 'object') return query;
  if ('ids' in scope) return query.whereIn(column, scope.ids);
  if ('documentId' in scope) return query.whereIn(column, knex(tableOf(strapi, uid)).select('id').where(columnOf(strapi, uid, 'documentId'), scope.documentId));
  return query;
}

/** Left-joins a link table on its owner's id, with the link's own conditions. */
function leftJoinLink(query: Knex, link: JoinTable, alias: string, ownerId: string): Knex {
  return query.leftJoin(`${link.name} as ${alias}`, function on(this: any) {
    this.on(`${alias}.${link.joinColumn.name}`, '=', ownerId);
    for (const [column, value] of Object.entries(link.on ?? {})) this.andOnVal(`${alias}.${column}`, '=', value);
  });
}

const states = (list: readonly string[]) => (row: Record<string, unknown>) => !('state' in row) || list.includes(String(row.state));

/** Pre-tax billed lines per customer (as customer or as customer to bill), year, currency, kind and article. */
function billed(strapi: Core.Strapi): SumDefinition {
  const client = sqlClient(strapi);
  const col = (field: string) => `inv.${columnOf(strapi, INVOICE, field)}`;
  const parties = relationFieldsTo(strapi, INVOICE, CUSTOMER);
  const lines = linkOf(strapi, INVOICE, 'lines');
  const lineArticle = linkOf(strapi, LINE, 'article');
  const currency = linkOf(strapi, INVOICE, 'currency');
  return {
    name: 'billed',
    table: 'customer_billed_sums',
    uid: INVOICE,
    keys: [{ name: 'customer_id', type: 'integer' }, { name: 'year', type: 'integer' }, { name: 'currency_id', type: 'integer' }, { name: 'kind', type: 'text' }, { name: 'article_id', type: 'integer' }],
    fields: ['state', 'date', 'kind', 'currency', 'lines', ...parties],
    adds: states(BILLED_INVOICE_STATES),
    contribution(knex, scope, sign) {
      const customerId = customerOf(scope);
      // the (invoice, customer) pairs, once each when both roles name the same customer
      const [first, ...rest] = parties.map((field) => {
        const link = linkOf(strapi, INVOICE, field);
        const pairs = knex(link.name).select({ doc_id: link.joinColumn.name, customer_id: link.inverseJoinColumn.name });
        for (const [column, value] of Object.entries(link.on ?? {})) pairs.where(column, value);
        if (customerId !== null) pairs.where(link.inverseJoinColumn.name, customerId);
        return restrict(strapi, knex, pairs, link.joinColumn.name, INVOICE, scope);
      });
      const [amount, amountBindings] = exactMoney(client, `l.${columnOf(strapi, LINE, 'amountExclTax')}`);
      const [year, yearBindings] = yearOf(client, col('date'));
      const query = knex
        .from((rest.length ? first.union(rest) : first).as('p'))
        .join(`${tableOf(strapi, INVOICE)} as inv`, 'inv.id', 'p.doc_id')
        .join(`${lines.name} as c`, `c.${lines.joinColumn.name}`, 'inv.id')
        .join(`${tableOf(strapi, LINE)} as l`, 'l.id', `c.${lines.inverseJoinColumn.name}`);
      for (const [column, value] of Object.entries(lines.on ?? {})) query.where(`c.${column}`, value);
      leftJoinLink(query, lineArticle, 'la', 'l.id');
      leftJoinLink(query, currency, 'cl', 'inv.id');
      const [article, money] = [`la.${lineArticle.inverseJoinColumn.name}`, `cl.${currency.inverseJoinColumn.name}`];
      return query
        .whereIn(col('state'), [...BILLED_INVOICE_STATES])
        .whereNotNull(col('date'))
        .select(
          knex.raw(
            `p.customer_id as customer_id, ${year} as year, COALESCE(??, 0) as currency_id, ?? as kind, COALESCE(??, 0) as article_id, ${sign} * COUNT(*) as n, SUM(${sign} * ${amount}) as amount`,
            [...yearBindings, money, col('kind'), article, ...amountBindings]
          )
        )
        .groupBy('p.customer_id')
        .groupBy(knex.raw(year, yearBindings))
        .groupBy(money, col('kind'), article);
    },
  };
}

/** Open invoices and credit notes per customer billed (customer to bill, else customer), currency, due day and kind. */
function owed(strapi: Core.Strapi): SumDefinition {
  const client = sqlClient(strapi);
  const col = (field: string) => `inv.${columnOf(strapi, INVOICE, field)}`;
  const currency = linkOf(strapi, INVOICE, 'currency');
  const [incl, inclBindings] = exactMoney(client, col('amountInclTax'));
  const [paid, paidBindings] = exactMoney(client, col('amountPaid'));
  const remaining = [`(${incl} - ${paid})`, [...inclBindings, ...paidBindings]] as const;
  const [day, dayBindings] = dayText(client, ['COALESCE(??, ??)', [col('dueDate'), col('date')]]);
  const dueOn = [`COALESCE(${day}, '')`, dayBindings] as const;
  return {
    name: 'owed',
    table: 'customer_owed_sums',
    uid: INVOICE,
    keys: [{ name: 'customer_id', type: 'integer' }, { name: 'currency_id', type: 'integer' }, { name: 'due_on', type: 'text' }, { name: 'kind', type: 'text' }],
    // lines and payment terms too: the rules derive the totals and the due date from them
    fields: ['state', 'date', 'dueDate', 'kind', 'currency', 'amountInclTax', 'amountPaid', 'lines', 'paymentTerm', ...BILLED_TO],
    adds: states(OWED_INVOICE_STATES),
    contribution(knex, scope, sign) {
      const query = restrict(strapi, knex, knex.from(`${tableOf(strapi, INVOICE)} as inv`), 'inv.id', INVOICE, scope);
      // billed to the first of its customer to bill and its customer that is set
      BILLED_TO.forEach((field, i) => leftJoinLink(query, linkOf(strapi, INVOICE, field), `o${i}`, 'inv.id'));
      const owner = [`COALESCE(${BILLED_TO.map(() => '??').join(', ')})`, BILLED_TO.map((field, i) => `o${i}.${linkOf(strapi, INVOICE, field).inverseJoinColumn.name}`)] as const;
      leftJoinLink(query, currency, 'cl', 'inv.id');
      const money = `cl.${currency.inverseJoinColumn.name}`;
      const customerId = customerOf(scope);
      query.whereRaw(customerId === null ? `${owner[0]} is not null` : `${owner[0]} = ?`, customerId === null ? owner[1] : [...owner[1], customerId]);
      return query
        .whereIn(col('kind'), ['invoice', 'creditNote'])
        .whereIn(col('state'), [...OWED_INVOICE_STATES])
        .whereRaw(`${remaining[0]} <> 0`, remaining[1])
        .select(
          knex.raw(`${owner[0]} as customer_id, COALESCE(??, 0) as currency_id, ${dueOn[0]} as due_on, ?? as kind, ${sign} * COUNT(*) as n, SUM(${sign} * ${remaining[0]}) as amount`, [
            ...owner[1],
            money,
            ...dueOn[1],
            col('kind'),
            ...remaining[1],
          ])
        )
        // one groupBy per term: knex drops the terms after a raw one
        .groupBy(knex.raw(owner[0], owner[1]))
        .groupBy(money)
        .groupBy(knex.raw(dueOn[0], dueOn[1]))
        .groupBy(col('kind'));
    },
  };
}

/** Receipts (cancelled ones aside) per customer, currency and day: their amount less what is allocated. */
function unallocated(strapi: Core.Strapi): SumDefinition {
  const client = sqlClient(strapi);
  const col = (field: string) => `rec.${columnOf(strapi, RECEIPT, field)}`;
  const customer = linkOf(strapi, RECEIPT, 'customer');
  const currency = linkOf(strapi, RECEIPT, 'currency');
  const [amount, amountBindings] = exactMoney(client, col('amount'));
  const [allocated, allocatedBindings] = exactMoney(client, col('allocatedAmount'));
  const day = dayText(client, ['??', [col('date')]]);
  return {
    name: 'unallocated',
    table: 'customer_unallocated_sums',
    uid: RECEIPT,
    keys: [{ name: 'customer_id', type: 'integer' }, { name: 'currency_id', type: 'integer' }, { name: 'day', type: 'text' }],
    fields: ['state', 'date', 'customer', 'currency', 'amount', 'allocatedAmount', 'allocations'],
    adds: (created) => created.state !== 'cancelled',
    contribution(knex, scope, sign) {
      const query = restrict(strapi, knex, knex.from(`${tableOf(strapi, RECEIPT)} as rec`), 'rec.id', RECEIPT, scope).join(`${customer.name} as rc`, function on(this: any) {
        this.on(`rc.${customer.joinColumn.name}`, '=', 'rec.id');
        for (const [column, value] of Object.entries(customer.on ?? {})) this.andOnVal(`rc.${column}`, '=', value);
      });
      leftJoinLink(query, currency, 'cl', 'rec.id');
      const [who, money] = [`rc.${customer.inverseJoinColumn.name}`, `cl.${currency.inverseJoinColumn.name}`];
      const customerId = customerOf(scope);
      if (customerId !== null) query.where(who, customerId);
      return query
        .whereNot(col('state'), 'cancelled')
        .whereNotNull(col('date'))
        .select(
          knex.raw(`?? as customer_id, COALESCE(??, 0) as currency_id, ${day[0]} as day, ${sign} * COUNT(*) as n, SUM(${sign} * (${amount} - ${allocated})) as amount`, [
            who,
            money,
            ...day[1],
            ...amountBindings,
            ...allocatedBindings,
          ])
        )
        .groupBy(who, money)
        .groupBy(knex.raw(day[0], day[1]));
    },
  };
}

/** The maintained sums, in the order a rebuild writes them. */
export const sumDefinitions = (strapi: Core.Strapi): SumDefinition[] => [billed(strapi), owed(strapi), unallocated(strapi)];
