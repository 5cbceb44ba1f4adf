import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { billingByGroup, paymentTerms, projectProfitability, type BilledLine, type Group } from '../../../domain/insights';
import { relationFieldsTo } from '../../../rules/management-types';

const CUSTOMER = 'api::customer.customer';
const INVOICE = 'api::invoice.invoice';
const PROJECT = 'api::project.project';
/** Invoices still owed (payment terms) and invoices billed (billing by family): drafts and cancelled ones are neither. */
const OPEN_STATES = ['issued', 'partiallyPaid'];
const BILLED_STATES = ['issued', 'partiallyPaid', 'paid'];
const GROUP_SELECT = ['documentId', 'code', 'label'];

/**
 * The customer's dashboard (spec, "Displaying the customer's profitability chart"). A fixed number of
 * queries whatever the number of invoices or lines: the lines, their articles and the families come
 * with the invoices through batched populates.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async dashboard(documentId: string, years: number[], today = new Date().toISOString().slice(0, 10)) {
    const customer: any = await strapi.db.query(CUSTOMER).findOne({ where: { documentId }, select: ['documentId', 'callName', 'code'], populate: { currency: { select: ['code'] } } });
    if (!customer) throw new errors.NotFoundError(`no customer or prospect ${documentId}`);
    const party = { $or: relationFieldsTo(strapi, INVOICE, CUSTOMER).map((field) => ({ [field]: { documentId } })) };
    const within = years.length ? [{ date: { $gte: `${years[0]}-01-01` } }, { date: { $lte: `${years[years.length - 1]}-12-31` } }] : [];

    const [projects, open, billed] = await Promise.all([
      strapi.db.query(PROJECT).findMany({
        where: { $or: [{ customer: { documentId } }, { customers: { documentId } }] },
        select: ['documentId', 'code', 'name'],
        populate: { yearlyFigures: { select: ['year', 'revenue', 'cost'] } },
      }),
      strapi.db.query(INVOICE).findMany({
        where: { $and: [party, { kind: 'invoice' }, { state: { $in: OPEN_STATES } }] },
        select: ['amountInclTax', 'amountPaid', 'dueDate', 'date'],
      }),
      strapi.db.query(INVOICE).findMany({
        where: { $and: [party, { state: { $in: BILLED_STATES } }, { date: { $notNull: true } }, ...within] },
        select: ['date', 'kind'],
        populate: {
          lines: {
            select: ['amountExclTax'],
            populate: { article: { select: ['documentId'], populate: { family: { select: GROUP_SELECT }, subFamily: { select: GROUP_SELECT } } } },
          },
        },
      }),
    ]);

    const lines = (pick: 'family' | 'subFamily'): BilledLine[] =>
      billed.flatMap((invoice: any) =>
        (invoice.lines ?? []).map((line: any) => ({
          year: Number(String(invoice.date).slice(0, 4)),
          creditNote: invoice.kind === 'creditNote',
          amountExclTax: line.amountExclTax,
          group: (line.article?.[pick] as Group | null) ?? null,
        }))
      );

    return {
      customer: { documentId: customer.documentId, code: customer.code ?? null, callName: customer.callName },
      currency: customer.currency?.code ?? 'EUR',
      years,
      today,
      profitability: projectProfitability(projects as any, years),
      paymentTerms: paymentTerms(open as any, today),
      billingByFamily: billingByGroup(lines('family'), years),
      billingBySubFamily: billingByGroup(lines('subFamily'), years),
    };
  },
});
