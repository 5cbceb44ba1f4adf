import type { Core } from '@strapi/strapi';
import type { RelationRef } from '../rules/relation-input';
import { customerLists, keepCustomerLists } from './business-links';
import { compile, compiledPerApp, readCompiled, slot } from './compiled';
import { columnOf, leftJoinOne, linkOf, tableOf, withKnex } from './sql';
import { readOnce } from './write-reads';

export const CUSTOMER_UID = 'api::customer.customer';

type Ref = { id: number; documentId: string };

/** What creating a management object needs to know of a customer. */
export interface CustomerFacts extends Ref {
  kind: 'prospect' | 'customer';
  code: string | null;
  callName: string;
  closedOn: string | null;
  holdbackDays: number | null;
  reliabilityColour: string | null;
  company: (Ref & { name: string; defaultHoldbackDays: number | null; managementRules: { reliabilityColour?: boolean | null } | null }) | null;
  paymentTerm: Ref | null;
  currency: (Ref & { code: string }) | null;
  salesman: Ref | null;
  salesmen: { isMain?: boolean | null; employee: Ref | null }[];
  functionalArea: Ref | null;
}

const REF = { select: ['id', 'documentId'] };

/**
 * The customer a write starts from, in one statement: its to-one relations and its company's
 * management rules are joined, its invoice links and sites brought along as JSON; the salesman
 * assignments are read only when the record names no salesman, and the functional area's VAT
 * equivalences only by the line VAT rule that needs them (`findEquivalences`). Read once per write
 * (write-reads.ts).
 */
export async function findCustomer(strapi: Core.Strapi, ref: RelationRef | undefined): Promise<CustomerFacts | null> {
  if (!ref) return null;
  return readOnce('customer', ref, () => readCustomer(strapi, ref));
}

const TO_ONE = [
  { field: 'company', as: 'co', fields: ['id', 'documentId', 'name', 'defaultHoldbackDays'] },
  { field: 'paymentTerm', as: 'pt', fields: ['id', 'documentId'] },
  { field: 'currency', as: 'cu', fields: ['id', 'documentId', 'code'] },
  { field: 'salesman', as: 'sm', fields: ['id', 'documentId'] },
  { field: 'functionalArea', as: 'fa', fields: ['id', 'documentId'] },
] as const;
const OWN = ['id', 'documentId', 'kind', 'code', 'callName', 'closedOn', 'holdbackDays', 'reliabilityColour'] as const;

/** The customer's read by id or by document id (`key`), its value a slot: every write runs it, compiled once. */
function customerQuery(strapi: Core.Strapi, key: 'c.id' | 'c.document_id') {
  const query = strapi.db.connection(`${tableOf(strapi, CUSTOMER_UID)} as c`).where(key, slot(0)).limit(1);
  const select: string[] = OWN.map((field) => `c.${columnOf(strapi, CUSTOMER_UID, field)} as c_${field}`);
  for (const { field, as, fields } of TO_ONE) {
    const target = leftJoinOne(strapi, query, CUSTOMER_UID, 'c', field, as);
    for (const f of fields) select.push(`${as}.${columnOf(strapi, target, f)} as ${as}_${f}`);
  }
  const rules = leftJoinOne(strapi, query, 'api::company.company', 'co', 'managementRules', 'mr');
  select.push(`mr.${columnOf(strapi, rules, 'reliabilityColour')} as mr_reliabilityColour`);
  // the billing resolution's next reads, its invoice links and sites, in this statement (business-links.ts)
  return compile(strapi, query.select([...select, ...customerLists(strapi, strapi.db.connection, 'c.id')]));
}

const customerQueries = compiledPerApp();

async function readCustomer(strapi: Core.Strapi, ref: NonNullable<RelationRef>): Promise<CustomerFacts | null> {
  return withKnex(strapi, async (knex) => {
    const [key, value] = 'id' in ref ? (['c.id', ref.id] as const) : (['c.document_id', ref.documentId] as const);
    const compiled = customerQueries(strapi)(key, () => customerQuery(strapi, key));
    const [row] = await readCompiled(strapi, knex, compiled, [value]);
    if (!row) return null;
    const part = (as: string, fields: readonly string[]) =>
      row[`${as}_id`] === null || row[`${as}_id`] === undefined ? null : Object.fromEntries(fields.map((f) => [f, row[`${as}_${f}`]]));
    const company = part('co', TO_ONE[0].fields);
    const facts: CustomerFacts = {
      ...(Object.fromEntries(OWN.map((f) => [f, row[`c_${f}`]])) as any),
      company: company ? { ...company, managementRules: { reliabilityColour: Boolean(row.mr_reliabilityColour) } } : null,
      paymentTerm: part('pt', TO_ONE[1].fields),
      currency: part('cu', TO_ONE[2].fields),
      salesman: part('sm', TO_ONE[3].fields),
      salesmen: [],
      functionalArea: part('fa', TO_ONE[4].fields),
    };
    keepCustomerLists(facts.id, row);
    if (!facts.salesman) facts.salesmen = await readAssignments(strapi, knex, facts.id);
    return facts;
  });
}

const ASSIGNMENT = 'customer.salesman-assignment';

/** The customer's salesman assignments in their order, each with its employee: one statement. */
async function readAssignments(strapi: Core.Strapi, knex: any, customerId: number): Promise<CustomerFacts['salesmen']> {
  const link = linkOf(strapi, CUSTOMER_UID, 'salesmen');
  const query = knex(`${link.name} as sl`)
    .join(`${tableOf(strapi, ASSIGNMENT)} as a`, 'a.id', `sl.${link.inverseJoinColumn.name}`)
    .where(`sl.${link.joinColumn.name}`, customerId);
  for (const [column, value] of Object.entries(link.on ?? {})) query.where(`sl.${column}`, value);
  const employee = leftJoinOne(strapi, query, ASSIGNMENT, 'a', 'employee', 'e');
  const rows: { isMain: unknown; employeeId: number | null; employeeDocumentId: string | null }[] = await query
    .select({ isMain: `a.${columnOf(strapi, ASSIGNMENT, 'isMain')}`, employeeId: 'e.id', employeeDocumentId: `e.${columnOf(strapi, employee, 'documentId')}` })
    .orderBy([{ column: `sl.${link.orderColumnName ?? 'order'}` }, { column: 'a.id' }]);
  return rows.map((row) => ({
    isMain: row.isMain === null || row.isMain === undefined ? null : Boolean(row.isMain),
    employee: row.employeeId === null || row.employeeId === undefined ? null : { id: Number(row.employeeId), documentId: String(row.employeeDocumentId) },
  }));
}

/** The VAT equivalences of a functional area (the line VAT rule, when a line takes its article's VAT). */
export async function findEquivalences(strapi: Core.Strapi, functionalAreaId: number): Promise<{ sourceVatCode: Ref | null; targetVatCode: Ref | null }[]> {
  const row: any = await strapi.db.query('api::functional-area.functional-area').findOne({
    where: { id: functionalAreaId },
    select: ['id'],
    populate: { equivalences: { populate: { sourceVatCode: REF, targetVatCode: REF } } },
  });
  return row?.equivalences ?? [];
}

/** The salesman of the record, else its main salesman assignment, else its first one. */
export function salesmanOf(customer: CustomerFacts): Ref | null {
  if (customer.salesman) return customer.salesman;
  const assignments = (customer.salesmen ?? []).filter((s) => s.employee);
  return (assignments.find((s) => s.isMain) ?? assignments[0])?.employee ?? null;
}

/** The colour is shown only where the company's CLIPRO_COULEUR management rule enables it. */
export const reliabilityColourOf = (customer: CustomerFacts): string | null =>
  customer.company?.managementRules?.reliabilityColour ? customer.reliabilityColour : null;
