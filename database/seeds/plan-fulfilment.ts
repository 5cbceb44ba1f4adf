/**
 * A party's deliveries and billing tables. Older orders are passed on whole, in one to three
 * parts (whole lines or a percentage of every line); some recent ones in part; the newest not
 * yet. The party's counts are the budget: its contracts' delivery notes come first, what orders
 * do not use is typed on its own (training sessions, expenses rebilled, the billing tool). `open`
 * parties pass on at most a part of an order.
 */
import { priceLines } from './common';
import { dayOf } from './dates';
import { keyed, madeLines, makeLines, sortedDays, vatFor, windowOf, type DocContext } from './doc-common';
import type { OrderDraft, SourceDraft } from './ledger-types';
import type { Rng } from './prng';
import { firstPart, splitWhole, type Part } from './split-parts';
import type { ContractRef, PartyDocs } from './sales-documents';
import type { ExpenseReportDraft, PartyRef } from './types';

type SourceType = SourceDraft['type'];
/** Deliveries typed on their own; origin contract is a contract's note (contractNotes), which names it. */
const STANDALONE_ORIGINS = { trainingSession: 30, expensesRebilling: 40, billingTool: 30 };

function draftSource(dc: DocContext, rng: Rng, type: SourceType, order: OrderDraft | null, totals: SourceDraft['totals'], day: number, state: string): SourceDraft {
  const doneDay = type === 'delivery' && state !== 'draft' && state !== 'cancelled' ? day + rng.int(0, Math.max(0, Math.min(5, dc.asOf - day))) : null;
  const origin = type === 'billingTable' ? null : order ? 'order' : rng.weighted(STANDALONE_ORIGINS);
  return { type, order, contract: null, period: null, day, totals, state, derived: {}, id: 0, doneDay, origin, invoices: [] };
}

/** Whole cents of a decimal amount ("123.45"). */
const centsOf = (amount: string): number => {
  const [units, fraction = ''] = amount.split('.');
  return Number(units) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
};

/**
 * The delivery notes of the party's contracts, one per billed period, as "Generating a delivery
 * note from a contract" makes them (src/flow/operations/contract-delivery.ts): delivered on the
 * period's first day (billed in advance), origin contract, one line of the contract's article at
 * the period's amount, its VAT as the party's other lines get it.
 */
export function contractNotes(dc: DocContext, party: PartyRef, contracts: ContractRef[]): SourceDraft[] {
  const notes: SourceDraft[] = [];
  for (const contract of contracts) {
    const vat = vatFor(dc, party, contract.article);
    for (const period of contract.periods) {
      const day = dayOf(period.start);
      const label = `${contract.title} (${period.start} – ${period.end})`;
      const totals = keyed(dc, priceLines([{ article: contract.article, label, quantity: 1000, priceCents: centsOf(period.amountExclTax), vat }]));
      notes.push({ type: 'delivery', order: null, contract, period, day, totals, state: 'delivered', derived: {}, id: 0, doneDay: day, origin: 'contract', invoices: [] });
    }
  }
  return notes.sort((a, b) => a.day - b.day);
}

/** The state a clerk gives a part of an order when it is made (delivered, or a validated billing table; the newest may be drafts). */
function madeState(dc: DocContext, rng: Rng, type: SourceType, day: number, open: boolean): string {
  const age = dc.asOf - day;
  if (type === 'delivery') return !open && age <= 5 && rng.chance(0.25) ? 'draft' : 'delivered';
  return (open || age <= 10) && rng.chance(0.4) ? 'draft' : 'validated';
}

function standaloneState(dc: DocContext, rng: Rng, type: SourceType, day: number, open: boolean): string {
  const age = dc.asOf - day;
  if (type === 'delivery') return open ? 'delivered' : age > 60 ? rng.weighted({ delivered: 94, cancelled: 6 }) : rng.weighted({ draft: 20, delivered: 80 });
  return open || age <= 60 ? rng.weighted({ draft: 40, validated: 60 }) : rng.weighted({ validated: 92, cancelled: 8 });
}

export function planFulfilment(
  dc: DocContext,
  rng: Rng,
  party: PartyRef,
  counts: Record<SourceType, number>,
  open: boolean,
  orders: OrderDraft[],
  notes: SourceDraft[],
  trainingNotes: PartyDocs['trainingNotes'] = []
): Record<SourceType, SourceDraft[]> {
  // the contracts' notes come out of the party's deliveries (maintenanceContracts keeps them within)
  const budget = { ...counts, delivery: counts.delivery - notes.length };
  const made: Record<SourceType, SourceDraft[]> = { delivery: [...notes], billingTable: [] };
  const last = Math.min(dc.asOf, party.activeUntil);
  // held training sessions delivered (trainingOpportunities kept them within a quarter of the budget)
  for (const note of trainingNotes) {
    if (budget.delivery === 0) break;
    const totals = keyed(dc, priceLines(note.lines));
    made.delivery.push({ type: 'delivery', order: null, contract: null, period: null, day: note.day, totals, state: 'delivered', derived: {}, id: 0, doneDay: note.day, origin: 'trainingSession', trainingOpportunityId: note.opportunityId, invoices: [] });
    budget.delivery -= 1;
  }
  // expenses rebilled as the operation makes it: per project, the rebillable expenses of its approved reports, on one note
  if (!open && party.expenseReports.length) {
    let room = Math.floor(budget.delivery / 4);
    const article = dc.ref.articles.find((a) => a.code === 'FRAIS-DEPL') ?? dc.ref.articles[0];
    const byProject = new Map<number, ExpenseReportDraft[]>();
    for (const r of party.expenseReports) {
      if (r.state === 'approved' && r.day <= last - 5 && r.lines.some((l) => l.rebillable)) byProject.set(r.projectId, [...(byProject.get(r.projectId) ?? []), r]);
    }
    for (const [projectId, reports] of byProject) {
      if (room === 0 || budget.delivery === 0 || !dc.sessions.chance(0.5)) continue;
      const from = reports.reduce((max, r) => Math.max(max, r.day), 0);
      const day = Math.min(last, from + dc.sessions.int(5, 30));
      const vat = vatFor(dc, party, article);
      const drafts = reports.flatMap((r) => r.lines.filter((l) => l.rebillable).map((l) => ({
        article, label: [`${l.nature} ${l.date}`, r.employee.name, l.label].filter(Boolean).join(' — ').slice(0, 255), quantity: 1000, priceCents: l.cents, vat, sourceKey: l.key,
      })));
      for (const r of reports) r.rebilledCents = r.lines.filter((l) => l.rebillable).reduce((sum, l) => sum + l.cents, 0);
      made.delivery.push({ type: 'delivery', order: null, contract: null, period: null, day, totals: keyed(dc, priceLines(drafts)), state: 'delivered', derived: {}, id: 0, doneDay: day, origin: 'expensesRebilling', projectId, expenseReports: reports, invoices: [] });
      budget.delivery -= 1;
      room -= 1;
    }
  }
  // more than half the due schedule lines of the party's active projects are billed straight (before the orders take the deliveries, as typed ones would)
  // (not for the benchmark fixtures, whose documents all stay open)
  if (!open) {
    for (const item of party.dueSchedule) {
      if (budget.delivery === 0 || !dc.sessions.chance(0.6)) continue;
      const article = dc.ref.articles.find((a) => a.id === item.articleId);
      const day = Math.min(last, item.dueDay + dc.sessions.int(0, 10));
      if (!article || day < item.dueDay) continue;
      const vat = vatFor(dc, party, article);
      const totals = keyed(dc, priceLines([{ article, label: item.label, quantity: 1000, priceCents: item.amountCents, vat, sourceKey: item.key }]));
      made.delivery.push({ type: 'delivery', order: null, contract: null, period: null, day, totals, state: 'delivered', derived: {}, id: 0, doneDay: day, origin: 'schedule', projectId: item.projectId, invoices: [] });
      budget.delivery -= 1;
      dc.projectBilled.set(item.projectId, (dc.projectBilled.get(item.projectId) ?? 0) + item.amountCents);
    }
  }
  const live = orders.filter((o) => o.state === 'confirmed');
  live.forEach((order, index) => {
    const age = dc.asOf - order.day;
    const plan = open ? (rng.chance(0.4) ? 'part' : 'none') : age > 120 ? 'whole' : age > 30 ? rng.weighted({ whole: 55, part: 30, none: 15 }) : rng.weighted({ whole: 10, part: 25, none: 65 });
    if (plan === 'none') return;
    let type: SourceType = rng.chance(open ? 0.7 : 0.78) ? 'delivery' : 'billingTable';
    if (budget[type] === 0) type = type === 'delivery' ? 'billingTable' : 'delivery';
    if (budget[type] === 0) return;
    // more than one part only while the budget leaves one for every order still to come
    const spare = budget.delivery + budget.billingTable - (live.length - index);
    const wanted = plan === 'part' ? 1 : Number(type === 'delivery' ? rng.weighted({ 1: 50, 2: 35, 3: 15 }) : rng.weighted({ 1: 40, 2: 60 }));
    const count = Math.max(1, Math.min(wanted, budget[type], 1 + Math.max(0, spare)));
    const parts: Part[] = plan === 'part' ? [firstPart(order.totals.lines, rng.int(20, 70))] : splitWhole(rng, order.totals.lines, count);
    let day = order.day;
    for (const part of parts) {
      day += rng.int(2, 25);
      if (day > last) break;
      const source = draftSource(dc, rng, type, order, madeLines(dc, part), day, madeState(dc, rng, type, day, open));
      budget[type] -= 1;
      (type === 'delivery' ? order.deliveries : order.billingTables).push(source);
      made[type].push(source);
    }
  });
  for (const type of ['delivery', 'billingTable'] as const) {
    const [from, to] = windowOf(dc, party, open ? 120 : undefined);
    for (const day of sortedDays(rng, budget[type], from, to)) {
      made[type].push(draftSource(dc, rng, type, null, makeLines(dc, rng, party), day, standaloneState(dc, rng, type, day, open)));
    }
    made[type].sort((a, b) => a.day - b.day);
  }
  return made;
}
