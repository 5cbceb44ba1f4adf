import type { Core } from '@strapi/strapi';
import { dashboardByCurrency } from '../../../domain/dashboard-currencies';
import { termBandEdges } from '../../../domain/insights';
import { currencyCode } from '../../../domain/money';
import { sumsOf } from '../../../hooks/customer-sums';
import { whereLinkedToAny } from '../../../repositories/sql';
import { say } from '../../../domain/messages';
import { notFound } from '../../../rules/said-errors';

const CUSTOMER = 'api::customer.customer';
const PROJECT = 'api::project.project';

/**
 * The customer's dashboard (spec, "Displaying the customer's profitability chart"). A fixed number of
 * queries, each a few rows whatever the customer's history: what it was billed per year and article
 * family, what it owes per due day and its unallocated payments are maintained sums
 * (src/repositories/customer-sums.ts), per currency. The figures are in the
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
      sumsOf(strapi).owed(customer.id, termBandEdges(today)),
      sumsOf(strapi).unallocated(customer.id, today),
      sumsOf(strapi).billed(customer.id, within),
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
