/**
 * Documents that are no management object (never the customer's, never counted in credit): the
 * expense reports of the employees working on the customers' projects, and the purchases
 * (supplier orders and the suppliers' invoices). Their counts come from the projects and the
 * suppliers (not from the documents plan, whose totals stay exact); they are written after the
 * management objects, from their own streams, so the management objects are the same rows as
 * without them.
 */
import { money, priceLines, quantityFor, stamp, writeLines, type LineDraft } from './common';
import { isoDate, yearOf, type Day } from './dates';
import type { Rng } from './prng';
import type { SalesOrderRef } from './doc-common';
import type { ProjectRef, SupplierRef } from './relations';
import type { ExpenseReportDraft, Reference, SeedContext } from './types';

const NATURES = { travel: 30, accommodation: 20, meals: 30, mileage: 10, supplies: 6, other: 4 } as const;
type Nature = keyof typeof NATURES;
/** an expense's amount (cents) by nature */
const COST: Record<Nature, [number, number]> = { travel: [4000, 32000], accommodation: [7500, 22000], meals: [1200, 9500], mileage: [1500, 18000], supplies: [500, 15000], other: [800, 6000] };
const LABELS: Record<Nature, readonly string[]> = {
  travel: ['Train aller-retour', 'Billet d’avion', 'Taxi gare', 'Location de véhicule'],
  accommodation: ['Hôtel, 1 nuit', 'Hôtel, 2 nuits', 'Nuitée client'],
  meals: ['Déjeuner sur site', 'Dîner de déplacement', 'Repas d’équipe'],
  mileage: ['Indemnités kilométriques', 'Trajet véhicule personnel'],
  supplies: ['Fournitures d’atelier', 'Petit matériel', 'Impressions'],
  other: ['Parking', 'Péage', 'Frais divers'],
};

const seqOf = (seq: Map<string, number>, prefix: string, day: Day) => {
  const n = (seq.get(prefix) ?? 0) + 1;
  seq.set(prefix, n);
  return `${prefix}-${yearOf(day)}-${String(n).padStart(7, '0')}`;
};

/**
 * Expense reports, drafted before the management objects (the ledger of the project's customer
 * may rebill them): 0–3 per customer project that started (not a draft), by employees of the
 * project's company, dated within the project up to asOf, 1–5 expenses each (about 40 %
 * rebillable). Older ones approved (a few rejected, submitted or still draft), recent ones
 * draft, submitted or approved.
 */
export function draftExpenseReports(ctx: SeedContext, rng: Rng, projects: ProjectRef[]): ExpenseReportDraft[] {
  const keys = ctx.ids.fork('expense-keys');
  const drafts: ExpenseReportDraft[] = [];
  for (const project of projects) {
    const employees = project.company.employees;
    if (!project.customer || project.state === 'draft' || !employees.length || project.startDay > ctx.asOf) continue;
    const last = Math.min(project.endDay, ctx.asOf);
    const days = Array.from({ length: rng.int(0, 3) }, () => rng.int(project.startDay, last)).sort((a, b) => a - b);
    for (const day of days) {
      const age = ctx.asOf - day;
      const state = age > 45 ? rng.weighted({ approved: 75, rejected: 10, submitted: 10, draft: 5 }) : rng.weighted({ draft: 30, submitted: 40, approved: 30 });
      const lines: ExpenseReportDraft['lines'] = [];
      for (let n = rng.int(1, 5); n > 0; n -= 1) {
        const nature = rng.weighted(NATURES) as Nature;
        const [lo, hi] = COST[nature];
        const cents = rng.int(lo, hi);
        lines.push({ date: isoDate(Math.max(project.startDay, day - rng.int(0, 20))), nature, label: rng.pick(LABELS[nature]), cents, rebillable: rng.chance(0.4), key: keys.uuid() });
      }
      lines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const draft: ExpenseReportDraft = { projectId: project.id, currencyId: project.currencyId, employee: rng.pick(employees), day, state, lines, rebilledCents: 0, deliveryIds: [] };
      project.customer.expenseReports.push(draft);
      drafts.push(draft);
    }
  }
  return drafts;
}

/**
 * Writes the expense reports once the ledger has run: amountExclTax is the sum of the expenses,
 * rebilledAmountExclTax what the notes that rebilled them hold (linked here, delivery → report).
 */
export function writeExpenseReports(ctx: SeedContext, rng: Rng, drafts: ExpenseReportDraft[]): number {
  const report = ctx.writer.model('api::expense-report.expense-report');
  const delivery = ctx.writer.model('api::delivery.delivery');
  const seq = new Map<string, number>();
  for (const draft of drafts) {
    const total = draft.lines.reduce((sum, l) => sum + l.cents, 0);
    const id = report.insert(
      { number: seqOf(seq, 'NDF', draft.day), date: isoDate(draft.day), state: draft.state, amountExclTax: money(total), rebilledAmountExclTax: money(draft.rebilledCents) },
      stamp(ctx, rng, Math.min(draft.day, ctx.asOf), Math.min(draft.day + rng.int(0, 20), ctx.asOf))
    );
    report.link('employee', id, draft.employee.id);
    report.link('project', id, draft.projectId);
    report.link('currency', id, draft.currencyId);
    draft.lines.forEach((l, position) => report.component('lines', id, { date: l.date, nature: l.nature, label: l.label, amountExclTax: money(l.cents), rebillable: l.rebillable, key: l.key }, position + 1));
    for (const deliveryId of draft.deliveryIds) delivery.link('expenseReports', deliveryId, id);
  }
  return drafts.length;
}

/**
 * Purchases: 2–8 supplier orders per supplier (a supplier linked to a prospect or customer
 * always gets some, so its 360 view lists them), dated from the supplier's start to asOf, in
 * euros, for stock (60 %), resale (30 %) or sub-contracting (10 %); 1–3 lines of goods or
 * services bought at 55–80 % of the article's sale price (the article's VAT). Older orders
 * invoiced (a few received, confirmed or cancelled), recent ones draft, sent, confirmed or
 * received. An invoiced order has its supplier invoice (the order's lines, each pointing at its
 * order line), received when recent, approved, or paid once past due.
 */
export function seedPurchases(ctx: SeedContext, rng: Rng, ref: Reference, suppliers: SupplierRef[], salesOrders: SalesOrderRef[] = []): { orders: number; invoices: number } {
  const w = purchaseWriter(ctx, ref);
  for (const supplier of suppliers) {
    const from = Math.max(ctx.start, supplier.openedDay);
    const count = rng.int(supplier.linkedPartyId === null ? 2 : 3, 8);
    const days = Array.from({ length: count }, () => rng.int(from, ctx.asOf)).sort((a, b) => a - b);
    for (const day of days) {
      const drafts: LineDraft[] = [];
      for (let n = rng.int(1, 3); n > 0; n -= 1) {
        const article = rng.pick(ref.articles);
        drafts.push({ article, label: article.label, quantity: quantityFor(rng, article.unit), priceCents: Math.max(1, Math.round((article.priceCents * rng.int(55, 80)) / 100)), vat: article.vat, key: w.keys.uuid() });
      }
      w.write(rng, supplier, day, rng.weighted({ stock: 60, resale: 30, subcontracting: 10 }), drafts, null);
    }
  }
  // customers' orders bought for: one supplier order each, a line per order line (the ordered
  // quantity, never more), at 55–80 % of the sale price, from a supplier of the order's company
  const byCompany = new Map<number, SupplierRef[]>();
  for (const supplier of suppliers) byCompany.set(supplier.company.id, [...(byCompany.get(supplier.company.id) ?? []), supplier]);
  for (const sale of salesOrders) {
    const candidates = byCompany.get(sale.companyId);
    if (!candidates?.length) continue;
    const supplier = rng.pick(candidates);
    const share = rng.int(55, 80);
    const drafts: LineDraft[] = sale.lines.map((l) => ({ article: l.article, label: l.label, quantity: l.quantity, priceCents: Math.max(1, Math.round((l.priceCents * share) / 100)), vat: l.article.vat, key: w.keys.uuid(), sourceKey: l.key ?? null }));
    w.write(rng, supplier, Math.min(ctx.asOf, sale.day + rng.int(0, 10)), rng.weighted({ resale: 75, subcontracting: 25 }), drafts, sale.id);
  }
  return w.out;
}

/**
 * Writes a supplier order (its state by age) and, when invoiced, its supplier invoice (the
 * order's lines, each pointing at its order line), received when recent, approved, or paid once
 * past due. `salesOrderId`: the customer's order it was bought for (both documents link it).
 */
function purchaseWriter(ctx: SeedContext, ref: Reference) {
  const order = ctx.writer.model('api::supplier-order.supplier-order');
  const invoice = ctx.writer.model('api::supplier-invoice.supplier-invoice');
  const line = ctx.writer.model('sales.document-line');
  const keys = ctx.ids.fork('purchase-keys');
  const seq = new Map<string, number>();
  const eur = ref.currencies.EUR.id;
  const out = { orders: 0, invoices: 0 };
  const write = (rng: Rng, supplier: SupplierRef, day: Day, purpose: string, drafts: LineDraft[], salesOrderId: number | null) => {
    const age = ctx.asOf - day;
    const state = age > 60 ? rng.weighted({ invoiced: 78, received: 8, confirmed: 4, cancelled: 10 }) : rng.weighted({ draft: 15, sent: 25, confirmed: 30, received: 20, invoiced: 10 });
    const totals = priceLines(drafts);
    const expectedDay = day + rng.int(7, 45);
    const id = order.insert(
      {
        number: seqOf(seq, 'CF', day),
        supplierReference: rng.chance(0.7) ? `AR-${rng.int(10000, 99999)}` : null,
        date: isoDate(day),
        expectedOn: isoDate(expectedDay),
        state,
        purpose,
        amountExclTax: money(totals.exclCents),
        taxAmount: money(totals.taxCents),
        amountInclTax: money(totals.inclCents),
      },
      stamp(ctx, rng, day, Math.min(expectedDay, ctx.asOf))
    );
    order.link('supplier', id, supplier.id);
    order.link('company', id, supplier.company.id);
    order.link('currency', id, eur);
    if (salesOrderId !== null) order.link('salesOrder', id, salesOrderId);
    writeLines(order, line, id, totals.lines);
    out.orders += 1;
    if (state !== 'invoiced') return;

    const invoiceDay = Math.min(ctx.asOf, Math.max(day, expectedDay - rng.int(0, 10)) + rng.int(0, 15));
    const dueDay = invoiceDay + rng.pick([30, 45, 60]);
    const invoiceState = ctx.asOf - invoiceDay < 10 ? 'received' : dueDay + 10 < ctx.asOf ? rng.weighted({ paid: 95, approved: 5 }) : rng.weighted({ approved: 70, received: 30 });
    const lines = totals.lines.map((l) => ({ ...l, sourceKey: l.key ?? null, key: keys.uuid() }));
    const invoiceId = invoice.insert(
      {
        number: seqOf(seq, 'FF', invoiceDay),
        supplierReference: `F${yearOf(invoiceDay)}-${rng.int(100000, 999999)}`,
        date: isoDate(invoiceDay),
        dueDate: isoDate(dueDay),
        state: invoiceState,
        amountExclTax: money(totals.exclCents),
        taxAmount: money(totals.taxCents),
        amountInclTax: money(totals.inclCents),
      },
      stamp(ctx, rng, invoiceDay)
    );
    invoice.link('supplier', invoiceId, supplier.id);
    invoice.link('company', invoiceId, supplier.company.id);
    invoice.link('currency', invoiceId, eur);
    invoice.link('supplierOrder', invoiceId, id);
    if (salesOrderId !== null) invoice.link('salesOrder', invoiceId, salesOrderId);
    writeLines(invoice, line, invoiceId, lines);
    out.invoices += 1;
  };
  return { write, keys, out };
}
