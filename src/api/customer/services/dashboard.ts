import type { Core } from '@strapi/strapi';
import { dashboardByCurrency } from '../../../domain/dashboard-currencies';
import { currencyCode } from '../../../domain/money';
import { billedByYearAndGroup } from '../../../repositories/invoice-sums';
import { owedByDueDay, unallocatedPayments } from '../../../repositories/owed-sums';
import { whereLinkedToAny } from '../../../repositories/sql';
import { say } from '../../../domain/messages';
import { notFound } from '../../../rules/said-errors';

const CUSTOMER = 'api::customer.customer';
const PROJECT = 'api::project.project';
/** Invoices billed (billing by family): drafts and cancelled ones are not. What is owed reads the statement's open states (owed-sums.ts). */
const BILLED_STATES = ['issued', 'partiallyPaid', 'paid'];

/**
 * The customer's dashboard (spec, "Displaying the customer's profitability chart"). A fixed number of
 * queries, each bounded in size whatever the customer's history: the database sums what is owed per
 * due day and what was billed per year and article family, per currency. The figures are in the
 * customer's currency; `otherCurrencies` holds each other currency's, never added to them.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async dashboard(documentId: string, years: number[], today = new Date().toISOString().slice(0, 10)) {
    const customer: any = await strapi.db.query(CUSTOMER).findOne({ where: { documentId }, select: ['id', 'documentId', 'callName', 'code'], populate: { currency: { select: ['code'] } } });
    if (!customer) throw notFound(say('noCustomerOrProspect', { documentId }));
    const within = years.length ? { from: years[0], to: years[years.length - 1] } : undefined;

    const [projects, owed, unallocated, billed] = await Promise.all([
      strapi.db.query(PROJECT).findMany({
        where: whereLinkedToAny(strapi, PROJECT, [['customer'], ['customers']], customer.id),
        select: ['documentId', 'code', 'name'],
        populate: { yearlyFigures: { select: ['year', 'revenue', 'cost'] }, currency: { select: ['code'] } },
      }),
      owedByDueDay(strapi, customer.id),
      unallocatedPayments(strapi, customer.id, today),
      billedByYearAndGroup(strapi, customer.id, BILLED_STATES, within),
    ]);

    const sums = { projects: projects.map((project: any) => ({ ...project, currency: currencyCode(project.currency?.code) })), owed, unallocated, billed };
    return {
      customer: { documentId: customer.documentId, code: customer.code ?? null, callName: customer.callName },
      years,
      today,
      ...dashboardByCurrency(currencyCode(customer.currency?.code), sums, years, today),
    };
  },
});
