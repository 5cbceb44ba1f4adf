/**
 * P6: an order of 100 lines turned into a delivery, then that delivery into an invoice, through the
 * sales flow's operations (in process, the service the REST routes call) vs the same two documents,
 * with the same lines, created directly with the document service. Both sides are credit-checked.
 *
 * Same transaction shape: each side makes two documents in two transactions, one per document, as
 * the real paths do. A: `deliveryFromOrder` and `invoiceSources` each open one transaction, and the
 * document create inside it joins it (the credit check then takes a savepoint, not a transaction of
 * its own). B: each `documents.create` opens its own (the credit check's), which the domain rules
 * and the flow middleware join. So both sides commit twice per operation; what A does on top is the
 * flow's own work: lock and read the source, what is still free of it, the number, the checks
 * against the source and the source's refreshed figures (a caused, checked write).
 */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { AS_OF } from './args';
import type { Dataset } from './dataset';
import { blockPolicy, euro } from './fixtures';
import { countedInterleave } from './queries';
import type { Figure } from './stats';

const LINES = 100;
const ORDER = 'api::order.order';
const DELIVERY = 'api::delivery.delivery';
const INVOICE = 'api::invoice.invoice';

/** 100 lines of 1 to 5 units at 1.00 to 10.99, 20 % VAT: what the order, and both sides' documents, carry. */
const lines = () =>
  Array.from({ length: LINES }, (_, i) => ({ label: `Bench line ${i + 1}`, quantity: String((i % 5) + 1), unitPrice: (1 + (i % 10) + (i % 100) / 100).toFixed(2), vatRate: '20' }));
const TOTAL = lines().reduce((sum, l) => sum.add(new Decimal(l.quantity).mul(l.unitPrice)), new Decimal(0)).toFixed(2);

let counter = 0;
const number = (prefix: string) => `${prefix}-P6-${process.pid}-${Date.now().toString(36)}-${++counter}`;

export type FlowFigure = Figure & { queries: { a: number; b: number } };

export async function flowFigure(strapi: Core.Strapi, data: Dataset, options: { rounds: number; warmup: number; batch: number }): Promise<FlowFigure> {
  const flow = strapi.service('api::sales-flow.sales-flow' as any) as any;
  const currency = await euro(strapi);
  const customer = data.small.documentId;
  const header = { customer, currency, date: AS_OF };
  const operations = options.batch * (options.rounds + options.warmup);
  // every order stays counted until delivered, and B's delivery and invoice both count: room for all of it
  await blockPolicy(strapi, customer, Number(TOTAL) * 3 * operations + 1000);

  // the orders A turns into deliveries are made before the clock starts (a checked create each)
  const orders: string[] = [];
  for (let i = 0; i < operations; i += 1) {
    orders.push((await strapi.documents(ORDER as any).create({ data: { ...header, number: number('ORD'), state: 'confirmed', lines: lines() } as any })).documentId);
  }

  const same = (side: string, doc: any) => {
    if (new Decimal(String(doc?.amountExclTax ?? 0)).toFixed(2) !== TOTAL) throw new Error(`P6 ${side}: made ${doc?.amountExclTax}, expected ${TOTAL}`);
  };
  return countedInterleave(strapi, {
    rounds: options.rounds,
    warmup: options.warmup,
    ops: options.batch,
    label: 'P6',
    a: async () => {
      const order = orders.shift();
      if (!order) throw new Error('P6: no order left for the flow side');
      const delivery = (await flow.deliveryFromOrder(order, {})).data;
      same('delivery from the order', delivery);
      same('invoice from the delivery', (await flow.invoiceSources({ deliveries: [delivery.documentId] })).data[0]);
    },
    b: async () => {
      same('delivery', await strapi.documents(DELIVERY as any).create({ data: { ...header, number: number('DEL'), state: 'delivered', deliveredOn: AS_OF, lines: lines() } as any }));
      same('invoice', await strapi.documents(INVOICE as any).create({ data: { ...header, number: number('INV'), kind: 'invoice', state: 'issued', lines: lines() } as any }));
    },
  });
}
