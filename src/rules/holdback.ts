import type { Core } from '@strapi/strapi';
import { computeHoldback } from '../domain/holdback';
import type { RuleError } from '../domain/rule-error';
import { findCustomer } from '../repositories/customers';
import { singleRelationRef } from './relation-input';
import type { WriteContext } from './write-context';
import { say } from '../domain/messages';

const INVOICE = 'api::invoice.invoice';
const HOLDBACK_FIELDS = ['holdbackRate', 'holdbackAmount', 'holdbackDueDate'];
/** A change of any of these can move the holdback amount or its due date. */
const INPUTS = [...HOLDBACK_FIELDS, 'date', 'customer', 'customerToBill', 'company', 'lines', 'amountExclTax', 'taxAmount', 'amountInclTax'];
const given = (value: unknown) => value !== undefined && value !== null && value !== '';

/** The holdback days: the billed customer's, else its company's (spec, Finances tab, step 4). */
async function holdbackDays(strapi: Core.Strapi, merged: Record<string, any>): Promise<number> {
  const billedRef = singleRelationRef(merged.customerToBill) ?? singleRelationRef(merged.customer) ?? undefined;
  const billed = await findCustomer(strapi, billedRef);
  if (billed && billed.holdbackDays !== null && billed.holdbackDays !== undefined) return billed.holdbackDays;
  const companyRef = singleRelationRef(merged.company);
  const company = companyRef
    ? await strapi.db.query('api::company.company').findOne({ where: companyRef, select: ['defaultHoldbackDays'] })
    : billed?.company;
  return company?.defaultHoldbackDays ?? 0;
}

/** Holdback amount from its rate, and due date = invoice date + holdback days. Runs after the totals. */
export async function holdbackRules(strapi: Core.Strapi, write: WriteContext): Promise<RuleError[]> {
  if (write.uid !== INVOICE || !INPUTS.some((field) => field in write.data)) return [];
  const { data } = write;
  const stored = write.documentId
    ? await strapi.db.query(INVOICE).findOne({
        where: { documentId: write.documentId },
        populate: { customer: { select: ['id'] }, customerToBill: { select: ['id'] }, company: { select: ['id'] } },
      })
    : null;
  const merged: Record<string, any> = { ...(stored ?? {}), ...data };
  if (!given(merged.holdbackRate) && !given(merged.holdbackAmount)) {
    if (given(data.holdbackDueDate)) return [{ path: ['holdbackDueDate'], ...say('holdbackDueDateNeedsHoldback') }];
    if (stored?.holdbackDueDate) data.holdbackDueDate = null;
    return [];
  }
  const days = await holdbackDays(strapi, merged);
  const rateSet = given(merged.holdbackRate);
  const result = computeHoldback(
    {
      holdbackRate: merged.holdbackRate,
      // with a rate the stored amount is recomputed; only the caller's own amount is compared
      holdbackAmount: rateSet ? data.holdbackAmount : merged.holdbackAmount,
      holdbackDueDate: data.holdbackDueDate,
      amountInclTax: merged.amountInclTax,
      date: merged.date,
    },
    days
  );
  if (result.errors.length === 0) Object.assign(data, result.patch);
  return result.errors;
}
