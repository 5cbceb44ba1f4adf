/**
 * Customers and prospects with their sites (head office, billing, delivery; some closed),
 * contacts (main and financial flags), salesman assignments and marketing/legal components.
 * Index 0 is the benchmark's big customer, index 1 the small one; then the training funders. The
 * featured customer is chosen once the documents are planned (featured.ts).
 */
import { defaultGeneralAccount, expectedSubledgerAccount } from '../../src/domain/accounting';
import { bankDetails, companyName, contactDetails, geolocation, place } from './addresses';
import { stamp } from './common';
import { isoDate as isoOf, type Day } from './dates';
import { APE_CODES, FINANCIAL_JOB_TITLES, FUNDING_BODIES, JOB_TITLES, KEYWORDS, MARKETING_FAMILIES, MARKETING_SUBFAMILIES, PROFESSIONS } from './french-data';
import { euVatNumber, frVatNumber, phoneFor, randomSiren, siretOf, slug } from './identifiers';
import { personName } from './organisation';
import type { Rng } from './prng';
import type { CompanyRef, PartyRef, PartyRole, Reference, SeedContext } from './types';

const COUNTRIES = { FR: 88, DE: 3, BE: 3, IT: 2, CH: 2, US: 1, GB: 1 } as const;
const CURRENCY_OF: Record<string, string> = { CH: 'CHF', US: 'USD', GB: 'GBP' };

/** A booked customer's account, as "Manage in accounting" sets it: the app's own rule, from its code. */
function subledgerAccountOf(company: CompanyRef, code: string): string {
  const expected = expectedSubledgerAccount(company.accountingRule, code);
  if (!expected.ok) throw new RangeError(`seed: ${company.code}: ${expected.reason}`);
  return expected.account;
}

export function seedCustomers(ctx: SeedContext, rng: Rng, ref: Reference, companies: CompanyRef[], count: number): PartyRef[] {
  const { writer } = ctx;
  const customer = writer.model('api::customer.customer');
  const site = writer.model('api::site.site');
  const contact = writer.model('api::contact.contact');
  const assignment = writer.model('customer.salesman-assignment');
  const codeCounters = companies.map(() => 0);
  const sirens = new Set<string>();
  const funders = count >= 10 ? FUNDING_BODIES.length : 1;
  const parties: PartyRef[] = [];
  let internals = 0;

  for (let index = 0; index < count; index += 1) {
    const role: PartyRole = index === 0 ? 'big' : index === 1 ? 'small' : index < 2 + funders ? 'funder' : 'normal';
    const special = role !== 'normal';
    const companyIndex = role === 'funder' ? 2 : special ? 0 : rng.weighted({ 0: 50, 1: 25, 2: 25 } as Record<string, number>);
    const company = companies[Number(companyIndex)];
    const country = special ? 'FR' : rng.weighted(COUNTRIES);
    const kind = special || rng.chance(0.75) ? 'customer' : 'prospect';
    const vatMode = country === 'FR' ? 'FR' : ['DE', 'BE', 'IT'].includes(country) ? 'EU' : 'EXPORT';
    const name = companyName(rng, country);
    if (role === 'funder') {
      name.callName = FUNDING_BODIES[index - 2] ?? `Fonds de formation ${index}`;
      name.corporateName = name.callName;
      name.legalForm = 'Association';
      name.domain = `${slug(name.callName)}.fr`;
    }
    let siren: string | null = null;
    if (country === 'FR' && (kind === 'customer' || rng.chance(0.7))) {
      do siren = randomSiren(rng);
      while (sirens.has(siren));
      sirens.add(siren);
    }
    const siret = siren ? siretOf(siren, rng.int(1, 90) * 10) : null;
    const vatNumber = siren && rng.chance(0.95) ? frVatNumber(siren) : vatMode === 'EU' ? euVatNumber(rng, country as 'DE' | 'BE' | 'IT') : null;
    codeCounters[Number(companyIndex)] += 1;
    const n = codeCounters[Number(companyIndex)];
    const code = company.numbering === 'manual' ? `${company.prefix}-${String(n).padStart(5, '0')}` : `${company.prefix}${String(n).padStart(6, '0')}`;
    const openedOn: Day = special ? ctx.start - 400 : ctx.asOf - rng.int(60, 3650);
    const closedOn = !special && kind === 'customer' && openedOn < ctx.asOf - 400 && rng.chance(0.06) ? ctx.asOf - rng.int(30, 300) : null;
    const closed = closedOn !== null;
    const isGroup = !special && kind === 'customer' && (!parties.some((p) => p.isGroup) || rng.chance(0.05));
    const payer = role === 'big' ? 'bad' : special ? 'good' : rng.weighted({ good: 70, late: 20, bad: 10 });
    const [ape, sector] = rng.pick(APE_CODES);
    const paymentTerm = rng.pick(ref.paymentTerms);
    const salesman = company.salesmen.length ? rng.pick(company.salesmen) : null;
    const division = company.divisions.length ? rng.pick(company.divisions) : null;
    const home = place(rng, country);

    const createdDay = Math.max(openedOn, ctx.start - 420);
    const customerStamp = stamp(ctx, rng, createdDay);
    const row = {
      kind,
      code,
      callName: name.callName,
      corporateName: name.corporateName,
      siret,
      siren,
      apeCode: country === 'FR' ? ape : null,
      legalForm: name.legalForm,
      country,
      notes: rng.chance(0.2) ? `Client suivi par ${salesman?.name ?? 'l’agence'} ; ${rng.pick(KEYWORDS)}.` : null,
      prospectStatus: kind === 'prospect' ? rng.weighted({ prospect: 40, shortTerm: 20, mediumTerm: 20, longTerm: 12, outOfTarget: 8 }) : closed ? 'inactive' : 'active',
      openedOn: isoOf(openedOn),
      closedOn: closedOn === null ? null : isoOf(closedOn),
      reliabilityColour: company.reliabilityColour && kind === 'customer' ? (payer === 'bad' ? 'red' : payer === 'late' ? 'orange' : 'green') : null,
      generalAccount: defaultGeneralAccount(company.accountingRule),
      subledgerAccount: kind === 'customer' ? subledgerAccountOf(company, code) : null,
      isGroup,
      factoringSupported: rng.chance(0.05),
      dematerializeInvoices: rng.chance(0.4),
      customerType: !special && rng.chance(0.03) ? 'internal' : 'external',
      invoicePricingMethod: rng.chance(0.9) ? 'exclTax' : 'inclTax',
      bankJournal: rng.pick(['BQ1', 'BQ2']),
      holdbackDays: rng.chance(0.1) ? rng.pick([15, 30, 60]) : null,
      vatExempt: vatMode === 'EXPORT',
      vatNumber,
    };
    const id = customer.insert(row, customerStamp);
    customer.link('company', id, company.id);
    // an internal customer stands for a company of the group (sub-contracting): every other one for
    // another company (group sub-contracting), the others for its own (internal sub-contracting)
    let representedCompanyId: number | null = null;
    if (row.customerType === 'internal') {
      const other = companies.length > 1 && internals % 2 === 0 ? companies[(companies.indexOf(company) + 1) % companies.length] : company;
      representedCompanyId = other.id;
      customer.link('representedCompany', id, other.id);
      internals += 1;
    }
    if (division) {
      customer.link('division', id, division.id);
      customer.link('entity', id, rng.pick(division.entityIds));
    }
    if (salesman) customer.link('salesman', id, salesman.id);
    if (company.employees.length && rng.chance(0.5)) customer.link('accountManager', id, rng.pick(company.employees).id);
    const currency = ref.currencies[CURRENCY_OF[country] ?? 'EUR'];
    customer.link('currency', id, currency.id);
    customer.link('functionalArea', id, ref.functionalAreas[vatMode === 'FR' ? 'FRANCE' : vatMode === 'EU' ? 'UE' : 'EXPORT']);

    customer.component('address', id, home.address);
    customer.component('contactDetails', id, contactDetails(rng, country, name.domain));
    if (kind === 'customer') customer.component('bankDetails', id, bankDetails(rng, name.corporateName));
    customer.component('marketing', id, {
      family: rng.pick(MARKETING_FAMILIES),
      subFamily: rng.pick(MARKETING_SUBFAMILIES),
      profession: rng.pick(PROFESSIONS),
      jobCategory: rng.pick(['Direction', 'Finance', 'Achats', 'Informatique']),
      groupingCode: `GRP${rng.int(1, 12)}`,
      sector,
      exclusionCodes: rng.chance(0.05) ? 'NO-MAILING' : null,
      keywords: [rng.pick(KEYWORDS), rng.pick(KEYWORDS)].join(', '),
    });
    if (country === 'FR') {
      customer.component('legal', id, {
        legalForm: name.legalForm,
        shareCapital: `${rng.pick([1000, 5000, 10000, 37000, 50000, 100000, 250000])}.00`,
        registrationCity: home.city.city,
        registrationNumber: siren ? `RCS ${home.city.city} ${siren.slice(0, 3)} ${siren.slice(3, 6)} ${siren.slice(6)}` : null,
        incorporationDate: isoOf(openedOn - rng.int(200, 9000)),
        headcount: rng.int(1, 800),
        annualRevenue: `${rng.int(100, 90000) * 1000}.00`,
        additionalInformation: rng.chance(0.2) ? 'Entreprise certifiée ISO 9001.' : null,
      });
    }
    const assignments = salesman ? [salesman, ...(rng.chance(0.3) ? [rng.pick(company.salesmen)] : [])] : [];
    assignments.forEach((employee, position) => {
      const cmp = customer.component('salesmen', id, { isMain: position === 0, role: position === 0 ? 'Commercial principal' : 'Commercial secondaire' }, position + 1);
      assignment.link('employee', cmp, employee.id);
    });

    // sites: the head office (often also the billing site), delivery sites, some closed
    const siteAt = (label: string, flags: Record<string, boolean>, where = home, nic = 0) => {
      const closedSite = !flags.isHeadOffice && rng.chance(0.08);
      const siteId = site.insert(
        {
          name: label,
          owner: 'customer',
          externalReference: rng.chance(0.3) ? `EXT-${rng.digits(6)}` : null,
          dematerializeInvoices: rng.chance(0.3),
          isBillingSite: false,
          isDeliverySite: false,
          isHeadOffice: false,
          ...flags,
          siret: siren && nic ? siretOf(siren, nic) : flags.isHeadOffice ? siret : null,
          closed: closedSite,
          closedOn: closedSite ? isoOf(ctx.asOf - rng.int(1, Math.min(700, ctx.asOf - createdDay - 1))) : null,
        },
        stamp(ctx, rng, createdDay)
      );
      site.link('customer', siteId, id);
      site.component('address', siteId, where.address);
      site.component('contactDetails', siteId, { phone: phoneFor(rng, country), email: `${slug(label)}@${name.domain}` });
      site.component('geolocation', siteId, geolocation(rng, where.city));
      if (flags.isBillingSite && rng.chance(0.2)) site.component('bankDetails', siteId, bankDetails(rng, name.corporateName));
      return siteId;
    };
    const combined = rng.chance(0.6);
    const headOffice = siteAt('Siège social', { isHeadOffice: true, isBillingSite: combined, isDeliverySite: rng.chance(0.5) });
    const billingSiteId = combined ? headOffice : siteAt('Service comptabilité', { isBillingSite: true }, place(rng, country, home.city), rng.int(100, 499) * 10);
    let deliverySiteId: number | null = headOffice;
    for (let d = rng.int(0, 2); d > 0; d -= 1) {
      const where = place(rng, country);
      deliverySiteId = siteAt(`${rng.pick(['Entrepôt', 'Agence', 'Usine', 'Dépôt'])} de ${where.city.city}`, { isDeliverySite: true }, where, rng.int(500, 999) * 10);
    }

    // contacts: the first is the main contact, one is financial and receives dunning letters
    let mainContactId: number | null = null;
    const contacts = rng.int(1, 4);
    for (let c = 0; c < contacts; c += 1) {
      const person = personName(rng);
      const financial = c === contacts - 1 && (contacts > 1 || rng.chance(0.5));
      const contactId = contact.insert(
        {
          civility: person.female ? rng.pick(['mrs', 'ms']) : 'mr',
          firstName: person.firstName,
          lastName: person.lastName,
          jobTitle: financial ? rng.pick(FINANCIAL_JOB_TITLES) : rng.pick(JOB_TITLES),
          email: `${slug(person.firstName)}.${slug(person.lastName)}@${name.domain}`,
          phone: phoneFor(rng, country),
          mobile: rng.chance(0.6) ? phoneFor(rng, country, true) : null,
          isFinancialContact: financial,
          isMainContact: c === 0,
          receivesDunning: financial,
        },
        stamp(ctx, rng, createdDay)
      );
      contact.link('customer', contactId, id);
      contact.link('site', contactId, financial ? billingSiteId : headOffice);
      if (c === 0) mainContactId = contactId;
    }

    parties.push({
      index,
      id,
      documentId: customerStamp.documentId,
      code,
      callName: name.callName,
      kind,
      country,
      company,
      currency,
      vatMode,
      salesmanId: salesman?.id ?? null,
      paymentTerm,
      billingSiteId,
      deliverySiteId,
      mainContactId,
      toBillId: null,
      openedOn,
      activeUntil: closedOn ?? ctx.asOf,
      projectIds: [],
      dueSchedule: [],
      quotable: [],
      expenseReports: [],
      role,
      payer,
      isGroup,
      representedCompanyId,
      featured: false,
    });
    ctx.progress.tick('customers');
  }
  return parties;
}

/** Each party's payment term, once the featured customer has its own (featured.ts): written after it is chosen. */
export function linkPaymentTerms(ctx: SeedContext, parties: PartyRef[]): void {
  const customer = ctx.writer.model('api::customer.customer');
  for (const party of parties) customer.link('paymentTerm', party.id, party.paymentTerm.id);
}
