import type { Core } from '@strapi/strapi';
import { refuse } from '../../../rules/validation-error';
import { today, type ConversionPlan } from '../../customer/services/lifecycle';
import { say } from '../../../domain/messages';
import { notFound } from '../../../rules/said-errors';
import { documentWord, fieldWord, stateWord } from '../../../rules/words';

const OPPORTUNITY = 'api::opportunity.opportunity';
const ORDER = 'api::order.order';
/** Order fields the caller may not set: they come from the opportunity or from Strapi. */
const NOT_GIVEN = ['id', 'documentId', 'customer', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'publishedAt', 'locale'];

const ref = (value: { documentId?: string } | null | undefined) => value?.documentId ?? undefined;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Turns an open opportunity into an order, in one transaction: converts its prospect (checked
   * before any write), creates the order pre-filled from the opportunity, marks the opportunity
   * won. Any refusal (rules, credit control) leaves everything as it was.
   */
  async toOrder(documentId: string, body: Record<string, unknown>) {
    const opportunity = await strapi.db.query(OPPORTUNITY).findOne({
      where: { documentId },
      populate: { customer: { populate: ['company', 'currency'] }, company: { populate: ['currency'] }, project: true, salesman: true, currency: true, order: true },
    });
    if (!opportunity) throw notFound(say('documentNotFound', { document: documentWord(OPPORTUNITY, documentId) }));
    if (opportunity.state !== 'open') refuse('state', say('opportunityNotOpen', { opportunity: opportunity.number, state: stateWord(OPPORTUNITY, opportunity.state) }));
    if (opportunity.order) refuse('order', say('opportunityHasOrder', { opportunity: opportunity.number, order: opportunity.order.number }));
    const customer = opportunity.customer;
    if (!customer) refuse('customer', say('opportunityNoCustomer', { opportunity: opportunity.number }));

    const { customerCode, ...orderFields } = body;
    const attributes = (strapi.getModel(ORDER as any) as unknown as { attributes: Record<string, unknown> }).attributes;
    for (const key of Object.keys(orderFields)) {
      if (key === 'customer') refuse(key, say('orderForOpportunityCustomer'));
      if (!(key in attributes) || NOT_GIVEN.includes(key)) refuse(key, say('notOrderField', { field: fieldWord(ORDER, key) }));
    }
    if (typeof orderFields.number !== 'string' || orderFields.number.trim() === '') refuse('number', say('orderNumberRequired'));

    const lifecycle = strapi.service('api::customer.lifecycle' as any);
    let plan: ConversionPlan | null = null;
    if (customer.kind === 'prospect') plan = await lifecycle.plan(customer.documentId, customerCode, 'customerCode');
    else if (customerCode !== undefined && customerCode !== null && customerCode !== '') {
      refuse('customerCode', say('alreadyCustomerNoCode', { name: customer.callName }));
    }

    const currency = opportunity.currency ?? opportunity.customer.currency ?? opportunity.company?.currency ?? customer.company?.currency;
    const lines = Array.isArray(orderFields.lines) && orderFields.lines.length > 0;
    const data: Record<string, unknown> = {
      customer: customer.documentId,
      company: ref(opportunity.company ?? customer.company),
      project: ref(opportunity.project),
      salesman: ref(opportunity.salesman),
      currency: ref(currency),
      date: today(),
      state: 'confirmed',
      ...(lines ? {} : { amountExclTax: opportunity.expectedAmountExclTax }),
      ...orderFields,
    };
    if (!data.currency) refuse('currency', say('opportunityNoCurrency', { opportunity: opportunity.number }));

    return strapi.db.transaction(async () => {
      const converted = plan ? await lifecycle.apply(plan) : null;
      const order = await strapi.documents(ORDER).create({ data: data as any });
      const won = await strapi.documents(OPPORTUNITY).update({
        documentId,
        data: { state: 'won', closedOn: today(), order: order.documentId } as any,
        populate: ['order', 'customer'] as any,
      });
      const finalCustomer = converted ?? (await strapi.documents('api::customer.customer').findOne({ documentId: customer.documentId }));
      return { order, opportunity: won, customer: finalCustomer };
    });
  },
});
