import type { Core } from '@strapi/strapi';
import { checkCustomer, type CustomerFacts } from '../domain/customer-rules';
import type { RuleError } from '../domain/rule-error';
import { singleRelationRef } from './relation-input';
import type { WriteContext } from './write-context';
import { say } from '../domain/messages';

const CUSTOMER = 'api::customer.customer';
const COMPANY = 'api::company.company';

interface CompanyRow {
  id: number;
  name: string;
  customerNumbering?: 'automatic' | 'manual';
  customerCodePrefix?: string | null;
  managementRules?: { reliabilityColour?: boolean } | null;
}

const loadCompany = async (strapi: Core.Strapi, where: object): Promise<CompanyRow | null> =>
  strapi.db.query(COMPANY).findOne({ where, populate: ['managementRules'] });

/** Customers of `companyId` (or of no company) that already use `code`, other than `selfId`. */
async function codeTaken(strapi: Core.Strapi, code: string, companyId: number | null, selfId?: number) {
  const rows = await strapi.db.query(CUSTOMER).findMany({ where: { code }, populate: { company: { select: ['id'] } }, select: ['id'] });
  return rows.some((row: { id: number; company?: { id: number } | null }) => row.id !== selfId && (row.company?.id ?? null) === companyId);
}

async function nextCustomerCode(strapi: Core.Strapi, company: CompanyRow | null): Promise<string> {
  const prefix = company?.customerCodePrefix ?? 'C';
  const where = company ? { company: { id: company.id } } : { company: { id: { $null: true } } };
  let next = (await strapi.db.query(CUSTOMER).count({ where })) + 1;
  for (;;) {
    const code = `${prefix}${String(next).padStart(6, '0')}`;
    if (!(await codeTaken(strapi, code, company?.id ?? null))) return code;
    next += 1;
  }
}

/** Identity, VAT, reliability-colour and customer-code rules of the customer/prospect record. */
export async function customerRules(strapi: Core.Strapi, write: WriteContext): Promise<RuleError[]> {
  const { data } = write;
  const existing = write.documentId
    ? await strapi.db.query(CUSTOMER).findOne({ where: { documentId: write.documentId }, populate: { company: { select: ['id'] } } })
    : null;
  const companyRef = singleRelationRef(data.company);
  const company =
    companyRef === undefined
      ? existing?.company
        ? await loadCompany(strapi, { id: existing.company.id })
        : null
      : companyRef === null
        ? null
        : await loadCompany(strapi, companyRef);
  const errors: RuleError[] = [];
  if (companyRef && !company) errors.push({ path: ['company'], ...say('companyMissing') });

  const merged = { ...(existing ?? {}), ...data } as CustomerFacts & { code?: string | null };
  const result = checkCustomer(merged, data as CustomerFacts, {
    reliabilityColourEnabled: Boolean(company?.managementRules?.reliabilityColour),
  });
  errors.push(...result.errors);
  Object.assign(data, result.patch);

  const code = typeof merged.code === 'string' ? merged.code.trim() : '';
  if (code === '') {
    if (existing?.code) errors.push({ path: ['code'], ...say('customerCodeCannotBeRemoved') });
    else if (company?.customerNumbering === 'manual') {
      errors.push({ path: ['code'], ...say('customerCodeRequiredManual', { company: company.name }) });
    } else if (errors.length === 0) data.code = await nextCustomerCode(strapi, company ?? null);
  } else if ('code' in data || companyRef !== undefined) {
    if (await codeTaken(strapi, code, company?.id ?? null, existing?.id)) {
      errors.push({ path: ['code'], ...(company ? say('customerCodeUsedIn', { code, company: company.name }) : say('customerCodeUsed', { code })) });
    }
    data.code = code;
  }
  return errors;
}
