/**
 * What surrounds the customers: affiliation links (groups and subsidiaries), business links
 * (SOLDTOPARTY stakeholders, TO_BILL invoice links with a default), suppliers, projects with
 * yearly figures and several customers, and events (calls, meetings, visits…).
 */
import { companyName, contactDetails, place } from './addresses';
import { momentOf, money, stamp } from './common';
import { isoDate, msOf, startOfYear, yearOf } from './dates';
import { EVENT_SUBJECTS, OPPORTUNITY_TITLES } from './french-data';
import { frVatNumber, randomSiren, siretOf } from './identifiers';
import { personName } from './organisation';
import type { Rng } from './prng';
import type { CompanyRef, PartyRef, Reference, SeedContext } from './types';

/** A supplier, for its purchases (side-documents.ts). */
export interface SupplierRef {
  id: number;
  company: CompanyRef;
  /** the prospect or customer it is linked to (its 360 view lists the purchases) */
  linkedPartyId: number | null;
  openedDay: number;
}

/** A project, for its expense reports (side-documents.ts). */
export interface ProjectRef {
  id: number;
  company: CompanyRef;
  currencyId: number;
  customer: PartyRef | null;
  state: string;
  startDay: number;
  endDay: number;
}

const TASK_LABELS = ['Cadrage', 'Ateliers de conception', 'Paramétrage', 'Développements spécifiques', 'Reprise des données', 'Recette', 'Formation des utilisateurs', 'Accompagnement au démarrage'];
const SCHEDULES: readonly (readonly [string, number][])[] = [
  [['Acompte à la commande', 30], ['Livraison', 50], ['Recette', 20]],
  [['Acompte à la commande', 40], ['Solde à la recette', 60]],
  [['Lancement', 25], ['Jalon intermédiaire', 25], ['Livraison', 30], ['Solde', 20]],
  [['Échéance unique', 100]],
];

interface PlanItem { data: Record<string, string | null>; articleId: number }
/** A project's plan: its amount (excl. tax, cents), tasks and billing schedule. */
export interface ProjectPlan { amountCents: number; tasks: PlanItem[]; schedule: (PlanItem & { dueDay: number; amountCents: number })[] }

/**
 * A customer's project plan: 2–4 tasks (whole days × a whole-euro daily rate from a day-priced
 * service article), the project amount their sum, and a billing schedule of whole percentages of
 * it (exact to the cent, adding up to the amount), due between the project's start and end.
 */
export function projectPlan(rng: Rng, keys: Rng, ref: Reference, startDay: number, endDay: number): ProjectPlan | null {
  const days = ref.articles.filter((a) => a.family === 'PREST' && a.unit === 'jour');
  const pool = days.length ? days : ref.articles.filter((a) => a.family === 'PREST');
  if (!pool.length) return null;
  let amountCents = 0;
  const tasks = rng.shuffle(TASK_LABELS).slice(0, rng.int(2, 4)).map((label) => {
    const article = rng.pick(pool);
    const planned = rng.int(2, 30);
    const rateCents = Math.max(100, Math.round(article.priceCents / 100) * 100);
    amountCents += planned * rateCents;
    return { data: { label, plannedDays: `${planned}.00`, dailyRate: money(rateCents), plannedAmountExclTax: money(planned * rateCents), key: keys.uuid() }, articleId: article.id };
  });
  const steps = rng.pick(SCHEDULES);
  const article = rng.pick(pool);
  const span = Math.max(1, endDay - startDay);
  const schedule = steps.map(([label, percentage], index) => {
    // whole euros × whole percent: exact cents, and the lines add up to the amount
    const cents = (amountCents * percentage) / 100;
    const dueDay = startDay + Math.round((span * (index + 1)) / steps.length) - (index === steps.length - 1 ? 0 : rng.int(0, Math.floor(span / (steps.length * 4))));
    return { data: { dueDate: isoDate(dueDay), label, percentage: `${percentage}.00`, amountExclTax: money(cents), key: keys.uuid() }, articleId: article.id, dueDay, amountCents: cents };
  });
  return { amountCents, tasks, schedule };
}

export function seedLinks(ctx: SeedContext, rng: Rng, ref: Reference, parties: PartyRef[]): void {
  const { writer } = ctx;
  const affiliation = writer.model('api::affiliation-link.affiliation-link');
  const business = writer.model('api::business-link.business-link');
  const normal = parties.filter((p) => p.role === 'normal' && p.kind === 'customer');
  if (normal.length < 4) return;
  const day = ctx.start - 30;

  // groups (flagged isGroup when the customers were made) head 1–4 subsidiaries
  const groups = normal.filter((p) => p.isGroup);
  const groupIds = new Set(groups.map((g) => g.id));
  for (const group of groups) {
    for (let s = rng.int(1, 4); s > 0; s -= 1) {
      const member = rng.pick(normal);
      if (member.id === group.id || groupIds.has(member.id)) continue;
      const linkId = affiliation.insert({ role: rng.chance(0.8) ? 'parent' : 'headOffice', name: `Filiale de ${group.callName}` }, stamp(ctx, rng, day));
      affiliation.link('customer', linkId, member.id);
      affiliation.link('linkedCustomer', linkId, group.id);
      if (group.billingSiteId !== null && rng.chance(0.3)) affiliation.link('site', linkId, group.billingSiteId);
    }
  }

  // business links: an ordering party (stakeholder) and a customer to bill (invoice link)
  for (const [position, party] of normal.entries()) {
    const first = position === 0; // at least one link of each kind, even on tiny runs
    if (first || rng.chance(0.05)) {
      const other = first ? normal[1] : rng.pick(normal);
      if (other.id !== party.id) {
        const linkId = business.insert({ isDefault: false }, stamp(ctx, rng, day));
        business.link('customer', linkId, party.id);
        business.link('linkType', linkId, ref.linkTypes.SOLDTOPARTY);
        business.link('linkedCustomer', linkId, other.id);
      }
    }
    if (first || rng.chance(0.05)) {
      const payers = rng.int(1, 2);
      for (let k = 0; k < payers; k += 1) {
        const payer = first && k === 0 ? normal[normal.length - 1] : rng.pick(normal);
        if (payer.id === party.id || payer.currency.code !== party.currency.code) continue;
        // the featured customer pays its own invoices: its dashboard and statement hold them
        const isDefault = party.toBillId === null && !party.featured;
        const linkId = business.insert({ isDefault }, stamp(ctx, rng, day));
        business.link('customer', linkId, party.id);
        business.link('linkType', linkId, ref.linkTypes.TO_BILL);
        business.link('linkedCustomer', linkId, payer.id);
        if (payer.billingSiteId !== null) business.link('billingSite', linkId, payer.billingSiteId);
        if (isDefault) party.toBillId = payer.id;
      }
    }
  }
}

export function seedSuppliers(ctx: SeedContext, rng: Rng, ref: Reference, companies: CompanyRef[], parties: PartyRef[], count: number): SupplierRef[] {
  const { writer } = ctx;
  const refs: SupplierRef[] = [];
  const supplier = writer.model('api::supplier.supplier');
  const site = writer.model('api::site.site');
  const contact = writer.model('api::contact.contact');
  const prospects = parties.filter((p) => p.kind === 'prospect');
  const customers = parties.filter((p) => p.kind === 'customer' && p.role === 'normal');
  const linkedIds = new Set<number>();
  for (let n = 1; n <= count; n += 1) {
    const name = companyName(rng, 'FR');
    const siren = randomSiren(rng);
    const where = place(rng, 'FR');
    const day = ctx.start - rng.int(0, 300);
    const id = supplier.insert(
      {
        code: `FRN${String(n).padStart(5, '0')}`,
        callName: name.callName,
        corporateName: name.corporateName,
        siret: siretOf(siren, 10),
        siren,
        vatNumber: frVatNumber(siren),
        legalForm: name.legalForm,
        country: 'FR',
        notes: rng.chance(0.2) ? 'Fournisseur référencé.' : null,
      },
      stamp(ctx, rng, day)
    );
    supplier.component('address', id, where.address);
    supplier.component('contactDetails', id, contactDetails(rng, 'FR', name.domain));
    supplier.link('paymentTerm', id, rng.pick(ref.paymentTerms).id);
    supplier.link('currency', id, ref.currencies.EUR.id);
    const company = rng.pick(companies);
    supplier.link('company', id, company.id);
    // a record has one linked supplier at most; the first supplier is a customer's (its 360 view lists the purchases)
    const pick = n === 1 && customers.length ? rng.pick(customers) : prospects.length && rng.chance(0.1) ? rng.pick(prospects) : null;
    const linked = pick && !linkedIds.has(pick.id) ? pick.id : null;
    if (linked !== null) {
      linkedIds.add(linked);
      supplier.link('linkedProspect', id, linked);
    }
    refs.push({ id, company, linkedPartyId: linked, openedDay: day });
    const siteId = site.insert({ name: 'Siège', owner: 'supplier', isHeadOffice: true, isBillingSite: true, isDeliverySite: false, siret: siretOf(siren, 10), closed: false }, stamp(ctx, rng, day));
    site.link('supplier', siteId, id);
    site.component('address', siteId, where.address);
    const person = personName(rng);
    const contactId = contact.insert({ civility: person.female ? 'mrs' : 'mr', firstName: person.firstName, lastName: person.lastName, jobTitle: 'Responsable commercial', isMainContact: true }, stamp(ctx, rng, day));
    contact.link('supplier', contactId, id);
    ctx.progress.tick('suppliers');
  }
  return refs;
}

export function seedProjects(ctx: SeedContext, rng: Rng, ref: Reference, parties: PartyRef[], count: number): ProjectRef[] {
  const { writer } = ctx;
  const project = writer.model('api::project.project');
  const task = writer.model('project.task');
  const scheduleLine = writer.model('project.schedule-line');
  // the plans draw from their own streams: the projects' other fields stay as they were
  const planRng = rng.fork('plans');
  const keys = ctx.ids.fork('project-keys');
  const refs: ProjectRef[] = [];
  const customers = parties.filter((p) => p.kind === 'customer' && p.role !== 'funder');
  if (!customers.length) return refs;
  // the featured customer takes part in the first customer project (its profitability charts have figures)
  let featured = customers.find((p) => p.featured);
  for (let n = 1; n <= count; n += 1) {
    const internal = rng.chance(0.05);
    const main = rng.pick(customers);
    const startDay = ctx.start + rng.int(-200, ctx.asOf - ctx.start - 30);
    const endDay = startDay + rng.int(90, 900);
    const status = endDay < ctx.asOf ? rng.weighted({ closed: 85, cancelled: 15 }) : rng.weighted({ active: 85, draft: 15 });
    const title = rng.pick(OPPORTUNITY_TITLES);
    const members = internal
      ? []
      : [main, ...(rng.chance(0.25) ? [rng.pick(customers), rng.pick(customers)] : [])].filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i);
    if (featured && !internal) {
      if (!members.includes(featured)) members.push(featured);
      featured = undefined;
    }
    // a customer's project has its plan (tasks, amount, billing schedule); an internal one none
    const plan = internal ? null : projectPlan(planRng, keys, ref, startDay, endDay);
    const id = project.insert(
      {
        code: `PRJ-${yearOf(startDay)}-${String(n).padStart(5, '0')}`,
        name: internal ? `Projet interne : ${title.toLowerCase()}` : `${title} — ${main.callName}`,
        multiCustomer: members.length > 1,
        internal,
        state: status,
        startDate: isoDate(startDay),
        endDate: isoDate(endDay),
        amountExclTax: plan ? money(plan.amountCents) : null,
      },
      stamp(ctx, rng, Math.min(startDay, ctx.asOf))
    );
    plan?.tasks.forEach((item, index) => task.link('article', project.component('tasks', id, item.data, index + 1), item.articleId));
    plan?.schedule.forEach((item, index) => scheduleLine.link('article', project.component('billingSchedule', id, item.data, index + 1), item.articleId));
    refs.push({ id, company: main.company, currencyId: main.currency.id, customer: internal ? null : main, state: status, startDay, endDay });
    // what a quotation may be made from: a project's items while it runs (a closed one was quoted before it closed)
    if (plan && status !== 'cancelled') {
      for (const item of plan.tasks) {
        const { key, label, plannedDays, dailyRate, plannedAmountExclTax } = item.data;
        main.quotable.push({ projectId: id, startDay, endDay, draft: status === 'draft', from: 'task', key: String(key), label: String(label), quantity: Math.round(Number(plannedDays) * 1000), priceCents: Math.round(Number(dailyRate) * 100), amountCents: Math.round(Number(plannedAmountExclTax) * 100), articleId: item.articleId });
      }
      for (const item of plan.schedule) {
        main.quotable.push({ projectId: id, startDay, endDay, draft: status === 'draft', from: 'schedule', key: String(item.data.key), label: `${item.data.label} (${item.data.dueDate})`, quantity: 1000, priceCents: item.amountCents, amountCents: item.amountCents, articleId: item.articleId });
      }
    }
    if (plan && status === 'active') {
      for (const item of plan.schedule) {
        if (item.dueDay <= ctx.asOf) main.dueSchedule.push({ projectId: id, key: String(item.data.key), label: `${item.data.label} (${item.data.dueDate})`, dueDay: item.dueDay, amountCents: item.amountCents, articleId: item.articleId });
      }
    }
    project.link('company', id, main.company.id);
    project.link('currency', id, main.currency.id);
    if (main.company.employees.length) project.link('manager', id, rng.pick(main.company.employees).id);
    if (!internal) {
      project.link('customer', id, main.id);
      main.projectIds.push(id);
      members.forEach((member, position) => project.link('customers', id, member.id, position + 1));
      if (rng.chance(0.15)) project.link('endCustomer', id, rng.pick(customers).id);
    }
    // yearly figures for each year the project runs (up to asOf)
    const lastYear = yearOf(Math.min(endDay, ctx.asOf));
    for (let year = yearOf(startDay), position = 1; year <= lastYear; year += 1, position += 1) {
      const days = Math.min(endDay, startOfYear(year + 1) - 1) - Math.max(startDay, startOfYear(year)) + 1;
      const revenue = Math.max(1, days) * rng.int(8000, 90000);
      project.component('yearlyFigures', id, { year, revenue: money(revenue), cost: money(Math.floor(revenue * (0.55 + rng.next() * 0.5))) }, position);
    }
    ctx.progress.tick('projects');
  }
  return refs;
}

export function seedEvents(ctx: SeedContext, rng: Rng, parties: PartyRef[], perCustomer: number): void {
  const event = ctx.writer.model('api::event.event');
  for (const party of parties) {
    const employees = party.company.employees;
    for (let e = rng.int(0, perCustomer * 2); e > 0; e -= 1) {
      const day = party.openedOn + rng.int(0, Math.max(1, ctx.asOf + 60 - party.openedOn));
      const past = day <= ctx.asOf;
      const type = rng.weighted({ call: 35, email: 25, meeting: 15, visit: 10, note: 8, task: 5, letter: 2 });
      const subject = rng.pick(EVENT_SUBJECTS);
      const seconds = rng.int(8, 18) * 3600;
      const done = past && rng.chance(0.9);
      // a planned event may lie ahead; one done happened by the run's clock
      const date = done ? momentOf(ctx, day, seconds) : msOf(day, seconds);
      const id = event.insert(
        { type, subject, description: `${subject} avec ${party.callName}.`, date, done },
        stamp(ctx, rng, Math.min(day, ctx.asOf))
      );
      event.link('customer', id, party.id);
      if (party.mainContactId !== null && rng.chance(0.7)) event.link('contact', id, party.mainContactId);
      if (employees.length) event.link('employee', id, rng.pick(employees).id);
    }
  }
}
