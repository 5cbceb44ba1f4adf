/**
 * The seller side: companies (one numbering its customers manually, one with the
 * reliability-colour management rule), their divisions and entities, and employees.
 */
import { accountingRule, type AccountingRule } from '../../src/domain/accounting';
import { bankDetails } from './addresses';
import { stamp } from './common';
import { EMPLOYEE_TITLES, FIRST_NAMES_F, FIRST_NAMES_M, FR_CITIES, LAST_NAMES, STREET_NAMES, STREET_TYPES } from './french-data';
import { frPhone, frVatNumber, randomSiren, slug } from './identifiers';
import type { Rng } from './prng';
import type { CompanyRef, EmployeeRef, Reference, SeedContext } from './types';

/**
 * `accounts`: each company's subledger rule (management rules), wide enough for its customer codes
 * (customers.ts): C000001 → 411C000001, DUR-00001 → 411DUR00001 (the app's expectedSubledgerAccount).
 */
const COMPANIES = [
  { code: 'ACME-CONSEIL', name: 'Acme Conseil SAS', numbering: 'automatic', prefix: 'C', reliabilityColour: false, city: 0, accounts: { prefix: '411', length: 10 } },
  { code: 'DURAND-INDUS', name: 'Groupe Durand Industrie SA', numbering: 'manual', prefix: 'DUR', reliabilityColour: false, city: 8, accounts: { prefix: '411', length: 11 } },
  { code: 'FORMATECH', name: 'Formatech Formation SARL', numbering: 'automatic', prefix: 'F', reliabilityColour: true, city: 25, accounts: { prefix: '411', length: 10 } },
] as const;

const DIVISIONS = [
  ['NORD', 'Division Nord', ['LIL', 'Agence de Lille'], ['ROU', 'Agence de Rouen']],
  ['SUD', 'Division Sud', ['MRS', 'Agence de Marseille'], ['TLS', 'Agence de Toulouse']],
  ['IDF', 'Division Île-de-France', ['PAR', 'Agence de Paris'], ['VER', 'Agence de Versailles']],
] as const;

export function personName(rng: Rng): { firstName: string; lastName: string; female: boolean } {
  const female = rng.chance(0.5);
  return { firstName: female ? rng.pick(FIRST_NAMES_F) : rng.pick(FIRST_NAMES_M), lastName: rng.pick(LAST_NAMES), female };
}

export async function seedOrganisation(ctx: SeedContext, rng: Rng, ref: Reference, customers: number): Promise<CompanyRef[]> {
  const { writer } = ctx;
  const day = ctx.start - 45;
  const companyModel = writer.model('api::company.company');
  const divisionModel = writer.model('api::division.division');
  const entityModel = writer.model('api::entity.entity');
  const employeeModel = writer.model('api::employee.employee');
  const existing = (await writer.knex(companyModel.tableName).select('id', 'code')) as { id: number; code: string }[];
  // an existing company keeps its own accounting rule: its customers' accounts follow it
  const existingRules = new Map<number, AccountingRule>();
  for (const row of existing) {
    const found = await ctx.strapi.db.query('api::company.company').findOne({ where: { id: row.id }, populate: ['managementRules'] });
    existingRules.set(row.id, accountingRule(found?.managementRules));
  }
  const existingEmployees = new Set(((await writer.knex(employeeModel.tableName).select('code')) as { code: string }[]).map((r) => r.code));
  const perCompany = Math.min(60, 5 + Math.ceil(customers / 150));

  return COMPANIES.map((def, companyIndex) => {
    const found = existing.find((row) => row.code === def.code);
    const siren = randomSiren(rng);
    const city = FR_CITIES[def.city];
    const id =
      found?.id ??
      companyModel.insert(
        {
          code: def.code,
          name: def.name,
          siren,
          vatNumber: frVatNumber(siren),
          customerNumbering: def.numbering,
          customerCodePrefix: def.prefix,
          defaultHoldbackDays: companyIndex === 1 ? 30 : 0,
        },
        stamp(ctx, rng, day)
      );
    const rule = existingRules.get(id) ?? accountingRule({ subledgerAccountPrefix: def.accounts.prefix, subledgerAccountLength: def.accounts.length });
    const company: CompanyRef = { id, code: def.code, name: def.name, numbering: def.numbering, prefix: def.prefix, reliabilityColour: def.reliabilityColour, accountingRule: rule, divisions: [], employees: [], salesmen: [] };
    if (found) return company; // an existing company keeps its own structure

    companyModel.link('currency', id, ref.currencies.EUR.id);
    companyModel.component('address', id, {
      line1: `${rng.int(1, 120)} ${rng.pick(STREET_TYPES)} ${rng.pick(STREET_NAMES)}`,
      postalCode: city.postalCode,
      city: city.city,
      region: city.region,
      country: 'FR',
    });
    const domain = `${slug(def.name.replace(/ (SAS|SA|SARL)$/, ''))}.fr`;
    companyModel.component('contactDetails', id, { phone: frPhone(rng), email: `contact@${domain}`, website: `https://www.${domain}` });
    // its own stream: the bank details do not reshuffle the rest of the demo data
    companyModel.component('bankDetails', id, bankDetails(rng.fork(`bank/${def.code}`), def.name));
    companyModel.component('managementRules', id, { reliabilityColour: def.reliabilityColour, subledgerAccountPrefix: rule.prefix, subledgerAccountLength: rule.length });

    const divisionCount = companyIndex === 0 ? 3 : 2;
    for (const [code, name, ...entities] of DIVISIONS.slice(0, divisionCount)) {
      const divisionId = divisionModel.insert({ code, name }, stamp(ctx, rng, day));
      divisionModel.link('company', divisionId, id);
      const entityIds = entities.map(([entityCode, entityName]) => {
        const entityId = entityModel.insert({ code: entityCode, name: entityName }, stamp(ctx, rng, day));
        entityModel.link('company', entityId, id);
        entityModel.link('division', entityId, divisionId);
        return entityId;
      });
      company.divisions.push({ id: divisionId, entityIds });
    }

    for (let n = 1; n <= perCompany; n += 1) {
      const code = `${def.prefix}-E${String(n).padStart(4, '0')}`;
      if (existingEmployees.has(code)) continue;
      const person = personName(rng);
      const isSalesman = n <= 2 || rng.chance(0.4);
      const employeeId = employeeModel.insert(
        {
          code,
          firstName: person.firstName,
          lastName: person.lastName,
          email: `${slug(person.firstName)}.${slug(person.lastName)}@${domain}`,
          phone: frPhone(rng, true),
          jobTitle: isSalesman ? rng.pick(['Ingénieur d’affaires', 'Commercial sédentaire', 'Responsable de compte']) : rng.pick(EMPLOYEE_TITLES),
          isSalesman,
          isAccountManager: n === 3 || rng.chance(0.15),
          active: rng.chance(0.95),
        },
        stamp(ctx, rng, day + rng.int(0, 400))
      );
      employeeModel.link('company', employeeId, id);
      const employee: EmployeeRef = { id: employeeId, name: `${person.firstName} ${person.lastName}`, isSalesman };
      company.employees.push(employee);
      if (isSalesman) company.salesmen.push(employee);
    }
    return company;
  });
}
