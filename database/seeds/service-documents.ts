/**
 * Services of one party: maintenance contracts, training opportunities (training lines),
 * registration files (funded by a donor customer, allocatedAmount ≤ amountExclTax) and
 * help-desk issues (back office or customer portal, often under a contract).
 */
import { contractDerived, MONTHS_PER_PERIOD, periodsUntil, type BillingFrequency, type Period } from '../../src/domain/flow/contract-periods';
import { momentOf, money, type LineDraft } from './common';
import { dayOf, isoDate } from './dates';
import { insertDocument, richLinks, sortedDays, vatFor, windowOf, type DocContext } from './doc-common';
import { HELPDESK_TITLES, TRAINING_TITLES } from './french-data';
import { personName } from './organisation';
import { NOTES_PER_CONTRACT } from './plan';
import type { Rng } from './prng';
import type { PartyDocs } from './sales-documents';
import type { ArticleRef, PartyRef } from './types';

const COARSER: Record<BillingFrequency, BillingFrequency | null> = { monthly: 'quarterly', quarterly: 'yearly', yearly: null };
/** Notes kept for each contract still to come (a yearly contract bills about two periods). */
const RESERVED = 2;

/**
 * How many billing periods start from `start` to `last` (ISO dates), every `step` months: the
 * length of periodsUntil's answer, in constant time (periodsUntil prices every period).
 */
export function periodCount(start: string, last: string, step: number): number {
  const [y, m, d] = start.split('-').map(Number);
  const [ly, lm, ld] = last.split('-').map(Number);
  const months = (ly - y) * 12 + (lm - m);
  if (months < 0) return 0;
  // the periods that start in an earlier month than `last`, and the one in its month if it starts by `last`
  const earlier = Math.floor((months - 1) / step) + 1;
  const inMonth = months % step === 0 && Math.min(d, new Date(Date.UTC(ly, lm, 0)).getUTCDate()) <= ld ? 1 : 0;
  return earlier + inMonth;
}

/**
 * The party's maintenance contracts, each naming the service article it bills. The billing
 * periods of an active or terminated contract that started by asOf (of a suspended one, by the
 * day it was suspended) are its delivery notes (made in the ledger, contractNotes), which come
 * out of the party's `deliveries`: a contract bills less often when its notes would take more
 * than the contracts' share (NOTES_PER_CONTRACT each: orders need the rest), and stays a draft
 * (never signed) when not even yearly notes fit. Their billed figures (billedUntil,
 * billedAmountExclTax) are what those notes give.
 */
export function maintenanceContracts(dc: DocContext, rng: Rng, party: PartyRef, count: number, deliveries: number, docs: PartyDocs): void {
  const [from, to] = windowOf(dc, party);
  const services = dc.ref.articles.filter((a) => a.family === 'LOGI' || a.family === 'PREST');
  const billedTo = Math.min(dc.asOf, party.activeUntil);
  let share = Math.min(NOTES_PER_CONTRACT * count, deliveries);
  let left = deliveries;
  const days = sortedDays(rng, count, Math.max(from - 365, party.openedOn), to);
  for (const [index, day] of days.entries()) {
    const endDay = day + 365 * rng.int(1, 3) - 1;
    let status = day > dc.asOf - 20 && rng.chance(0.3) ? 'draft' : endDay < dc.asOf ? 'terminated' : rng.chance(0.05) ? 'suspended' : 'active';
    const article = rng.pick(services);
    const annual = money(rng.int(12, 480) * 10000);
    let frequency = rng.weighted({ monthly: 10, quarterly: 25, yearly: 65 }) as BillingFrequency;
    let periods: Period[] = [];
    if (status !== 'draft') {
      const until = isoDate(Math.min(endDay, status === 'suspended' ? rng.int(day, Math.max(day, billedTo)) : billedTo));
      // what the share leaves once the later (more recent) contracts have about a year each
      const room = share - RESERVED * (count - index - 1);
      let due = periodCount(isoDate(day), until, MONTHS_PER_PERIOD[frequency]);
      for (let coarser = COARSER[frequency]; due > room && coarser; coarser = COARSER[frequency]) {
        frequency = coarser;
        due = periodCount(isoDate(day), until, MONTHS_PER_PERIOD[frequency]);
      }
      if (due > left) status = 'draft';
      else periods = periodsUntil({ startDate: isoDate(day), endDate: isoDate(endDay), billingFrequency: frequency, annualAmountExclTax: annual }, until);
      share = Math.max(0, share - periods.length);
      left -= periods.length;
    }
    const title = `Contrat de maintenance — ${article.label}`;
    const id = insertDocument(dc, rng, 'maintenanceContract', party, {
      prefix: 'MC',
      day,
      updatedDay: periods.length ? dayOf(periods[periods.length - 1].start) : day,
      data: {
        title,
        startDate: isoDate(day),
        endDate: isoDate(endDay),
        annualAmountExclTax: annual,
        billingFrequency: frequency,
        state: status,
        ...contractDerived(periods.map((p) => ({ periodEnd: p.end, amountExclTax: p.amountExclTax }))),
      },
    });
    dc.models.maintenanceContract.link('article', id, article.id);
    docs.contracts.push({ id, day, endDay, title, article, periods });
  }
}

/**
 * Won training opportunities of ordinary customers have some held sessions delivered once, as
 * "Delivering the held sessions" makes it: one delivery per opportunity (origin trainingSession),
 * a line per session; a quarter of the party's deliveries left by its contracts' notes at most.
 */
export function trainingOpportunities(dc: DocContext, rng: Rng, party: PartyRef, count: number, open: boolean, deliveries: number, docs: PartyDocs): void {
  const [from, to] = windowOf(dc, party, open ? 180 : undefined);
  const notes = docs.contracts.reduce((sum, c) => sum + c.periods.length, 0);
  let room = open ? 0 : Math.floor(Math.max(0, deliveries - notes) / 4);
  const model = dc.models.trainingOpportunity;
  for (const day of sortedDays(rng, count, from, to)) {
    const age = dc.asOf - day;
    const status = open ? 'open' : age > 120 ? rng.weighted({ won: 50, lost: 35, cancelled: 15 }) : rng.weighted({ open: 75, won: 15, lost: 10 });
    const lines = dc.rich ? rng.int(1, 3) : 1;
    let total = 0;
    const rows = [];
    for (let l = 0; l < lines; l += 1) {
      const article = rng.pick(dc.ref.trainingArticles);
      const trainees = rng.int(1, 12);
      const amount = trainees * article.priceCents * rng.int(1, 3);
      total += amount;
      const lineStatus = status === 'won' && rng.chance(0.15) ? 'lost' : status;
      const sessionDay = day + rng.int(15, 120);
      // a won session that took place by asOf was mostly held (src/flow/operations/training-delivery.ts delivers it)
      const held = lineStatus === 'won' && sessionDay <= dc.asOf && dc.sessions.chance(0.8);
      rows.push({ cents: amount, row: { label: rng.pick(TRAINING_TITLES), sessionDate: isoDate(sessionDay), trainees, amountExclTax: money(amount), status: lineStatus, held, key: dc.sessionKeys.uuid() }, article });
    }
    // the held sessions delivered (own stream: the documents' draws stay as they were)
    const held = rows.filter((r) => r.row.held);
    const deliver = room > 0 && held.length > 0 && dc.sessions.chance(0.6);
    let delivered = 0;
    if (deliver) {
      room -= 1;
      const lastSession = held.reduce((max, r) => Math.max(max, dayOf(r.row.sessionDate)), day);
      const noteDay = Math.min(dc.asOf, party.activeUntil, lastSession + dc.sessions.int(0, 10));
      const vatOf = (a: ArticleRef) => vatFor(dc, party, a);
      const lines: LineDraft[] = held.map((r) => ({
        article: r.article,
        label: `${r.row.label} (${r.row.sessionDate}, ${r.row.trainees} trainees)`.slice(0, 255),
        quantity: 1000,
        priceCents: r.cents,
        vat: vatOf(r.article),
        sourceKey: r.row.key,
      }));
      delivered = held.reduce((sum, r) => sum + r.cents, 0);
      docs.trainingNotes.push({ opportunityId: 0, day: Math.max(noteDay, lastSession), lines });
    }
    const id = insertDocument(dc, rng, 'trainingOpportunity', party, {
      prefix: 'TOP',
      day,
      updatedDay: day + rng.int(0, Math.min(age, 60)),
      data: { title: `Plan de formation ${isoDate(day).slice(0, 4)} — ${party.callName}`, date: isoDate(day), state: status, amountExclTax: money(total), deliveredAmountExclTax: money(delivered) },
    });
    if (deliver) docs.trainingNotes[docs.trainingNotes.length - 1].opportunityId = id;
    rows.forEach(({ row, article }, position) => dc.trainingLine.link('article', model.component('trainingLines', id, row, position + 1), article.id));
    richLinks(dc, rng, 'trainingOpportunity', id, party, ['salesman']);
    if (status === 'open') dc.open += 1;
  }
}

export function registrationFiles(dc: DocContext, rng: Rng, party: PartyRef, count: number): void {
  const [from, to] = windowOf(dc, party);
  const model = dc.models.registrationFile;
  for (const day of sortedDays(rng, count, from, to)) {
    const age = dc.asOf - day;
    const sessionDay = day + rng.int(10, 90);
    const status = sessionDay > dc.asOf ? rng.weighted({ open: 70, validated: 25, cancelled: 5 }) : age > 120 ? rng.weighted({ invoiced: 85, cancelled: 10, validated: 5 }) : rng.weighted({ validated: 60, invoiced: 30, open: 10 });
    const amount = rng.int(4, 60) * 5000;
    const donor = dc.funders.length && rng.chance(0.7) ? rng.pick(dc.funders) : null;
    const person = personName(rng);
    const id = insertDocument(dc, rng, 'registrationFile', party, {
      prefix: 'REG',
      day,
      data: {
        traineeName: `${person.firstName} ${person.lastName}`,
        sessionTitle: rng.pick(TRAINING_TITLES),
        sessionDate: isoDate(sessionDay),
        allocatedAmount: donor ? money(rng.chance(0.6) ? amount : Math.floor((amount * rng.int(30, 95)) / 100)) : null,
        amountExclTax: money(amount),
        state: status,
        date: isoDate(day),
      },
    });
    if (donor) model.link('donorCustomer', id, donor.id);
  }
}

export function helpdeskIssues(dc: DocContext, rng: Rng, party: PartyRef, count: number, docs: PartyDocs): void {
  const [from, to] = windowOf(dc, party, 540);
  const model = dc.models.helpdeskIssue;
  const employees = party.company.employees;
  for (const day of sortedDays(rng, count, from, to)) {
    const age = dc.asOf - day;
    const openedAt = momentOf(dc, day, rng.int(7 * 3600, 19 * 3600));
    const status = age > 30 ? rng.weighted({ closed: 70, resolved: 25, inProgress: 5 }) : rng.weighted({ open: 50, inProgress: 30, resolved: 20 });
    const resolvedAt = status === 'resolved' || status === 'closed' ? Math.min(openedAt + rng.int(1, Math.max(1, Math.min(age, 20)) * 24) * 3600000, dc.now) : null;
    const title = rng.pick(HELPDESK_TITLES);
    const id = insertDocument(dc, rng, 'helpdeskIssue', party, {
      prefix: 'HD',
      day,
      updatedDay: resolvedAt === null ? day : Math.floor(resolvedAt / 86400000),
      data: {
        title,
        description: `${title}. Signalé par ${party.callName}.`,
        channel: rng.chance(0.7) ? 'backOffice' : 'customerPortal',
        priority: rng.weighted({ low: 20, normal: 55, high: 20, urgent: 5 }),
        state: status,
        openedAt,
        resolvedAt: resolvedAt !== null && resolvedAt >= openedAt ? resolvedAt : null,
      },
    });
    const active = docs.contracts.filter((c) => c.day <= day && c.endDay >= day);
    if (active.length && rng.chance(0.8)) model.link('contract', id, rng.pick(active).id);
    if (employees.length) model.link('assignee', id, rng.pick(employees).id);
    richLinks(dc, rng, 'helpdeskIssue', id, party, ['contact']);
  }
}
