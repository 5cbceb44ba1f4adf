import type { Core } from '@strapi/strapi';
import { refuse, throwIfErrors } from '../../../rules/validation-error';
import { say } from '../../../domain/messages';
import { notFound } from '../../../rules/said-errors';
import { fieldWord } from '../../../rules/words';

const CUSTOMER = 'api::customer.customer';

export interface CustomerRow {
  id: number;
  documentId: string;
  kind: 'prospect' | 'customer';
  code?: string | null;
  callName: string;
  company?: { id: number; documentId: string; name: string; customerNumbering?: 'automatic' | 'manual' } | null;
}

/** What a conversion will write, worked out (and checked) before any write. */
export interface ConversionPlan {
  customer: CustomerRow;
  data: { kind: 'customer'; convertedOn: string; code?: string };
}

export const today = (): string => new Date().toISOString().slice(0, 10);
export const label = (row: { code?: string | null; callName?: string | null }): string => [row.code, row.callName].filter(Boolean).join(' ');

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async load(documentId: string): Promise<CustomerRow> {
    const row = await strapi.db.query(CUSTOMER).findOne({ where: { documentId }, populate: { company: true } });
    if (!row) throw notFound(say('customerOrProspectNotFound', { documentId }));
    return row as CustomerRow;
  },

  /**
   * Checks a prospect → customer conversion. Manual numbering: `code` (reported on `field`) is
   * required, new and unique in the company. Automatic numbering: the prospect's code is kept.
   */
  async plan(documentId: string, code: unknown, field = 'code'): Promise<ConversionPlan> {
    const customer = await this.load(documentId);
    if (customer.kind === 'customer') refuse('kind', say('alreadyCustomer', { customer: label(customer) }));
    const given = code !== undefined && code !== null && code !== '';
    const named = fieldWord(CUSTOMER, field);
    if (given && typeof code !== 'string') refuse(field, say('fieldNotString', { field: named }));
    const data: ConversionPlan['data'] = { kind: 'customer', convertedOn: today() };
    const company = customer.company;

    if (company?.customerNumbering !== 'manual') {
      if (given) refuse(field, company ? say('customerCodesAutomaticIn', { company: company.name, code: customer.code ?? '' }) : say('customerCodesAutomatic', { code: customer.code ?? '' }));
      return { customer, data };
    }
    const wanted = given ? (code as string).trim() : '';
    if (wanted === '') refuse(field, say('customerCodeRequiredManual', { company: company.name }));
    if (wanted.length > 40) refuse(field, say('fieldTooLong', { field: named, max: 40 }));
    if (wanted === customer.code) refuse(field, say('customerCodeSameAsProspect', { code: wanted }));
    const holder = await strapi.db
      .query(CUSTOMER)
      .findOne({ where: { code: wanted, company: { id: company.id }, id: { $ne: customer.id } }, select: ['code', 'callName', 'kind'] });
    if (holder) refuse(field, say(holder.kind === 'prospect' ? 'customerCodeTakenByProspect' : 'customerCodeTakenByCustomer', { code: wanted, company: company.name, holder: label(holder) }));
    data.code = wanted;
    return { customer, data };
  },

  /** Writes a checked conversion in place (same documentId, every relation kept), through the domain rules. */
  async apply(plan: ConversionPlan) {
    return strapi.documents(CUSTOMER).update({ documentId: plan.customer.documentId, data: plan.data as any });
  },

  /** Edit > Convert this prospect into a customer. */
  async convert(documentId: string, body: { code?: unknown }) {
    const plan = await this.plan(documentId, body.code);
    return strapi.db.transaction(async () => this.apply(plan));
  },
});
