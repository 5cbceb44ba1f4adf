import type { Core } from '@strapi/strapi';
import fs from 'fs';
import { localeOfRequest, minorToString, parseStatementCriteria, reportFileName, type CurrencyTotals, type StatementSection } from '../core';
import { labelsFor } from '../reports/labels';
import { criteriaError } from '../services/field-error';
import { partyOf as existingParty } from './party-param';
import { getService } from '../utils/get-service';

/** A report route's `:party`: reports must be configured (404 first), then the party must exist. */
const partyOf = async (strapi: Core.Strapi, ctx: any): Promise<string> => {
  getService(strapi, 'report-data').reports();
  return existingParty(strapi, ctx);
};

const sendPdf = (ctx: any, stream: unknown, filename: string) => {
  ctx.type = 'application/pdf';
  ctx.set('Content-Disposition', `inline; filename="${filename}"`);
  ctx.body = stream;
};

const amounts = (t: CurrencyTotals) => {
  const m = (minor: bigint) => minorToString(minor, t.currency);
  return {
    currency: t.currency, total: m(t.totalMinor), paid: m(t.paidMinor), openItemsBalance: m(t.balanceMinor), payments: m(t.paymentsMinor),
    unallocatedPayments: m(t.unallocatedMinor), balanceDue: m(t.dueMinor), ageing: Object.fromEntries(Object.entries(t.ageing).map(([band, minor]) => [band, m(minor)])),
  };
};

/** A party's statement as JSON: its figures per currency (decimal strings), as its PDF prints them. */
const sectionJson = (section: StatementSection) => ({
  party: { documentId: section.party.documentId, code: section.party.code, name: section.party.name, legalName: section.party.legalName },
  openItems: section.items.length,
  payments: section.payments.length,
  totals: section.totals.map(amounts),
});

/** PDFs are streamed: criteria are checked first, so that a bad one is a 400, not a cut PDF. */
const reportsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async statement(ctx: any) {
    const { criteria, errors: problems } = parseStatementCriteria(ctx.query ?? {});
    if (problems.length) throw criteriaError(localeOfRequest(ctx), problems);
    await getService(strapi, 'statements').check(criteria);
    sendPdf(ctx, getService(strapi, 'statements').stream(criteria), reportFileName(labelsFor(criteria.locale).files.statement, criteria.asOf));
  },
  async startRun(ctx: any) {
    const runs = getService(strapi, 'report-runs');
    const id = await runs.start(await runs.parse(ctx.request.body ?? {}));
    ctx.status = 202;
    ctx.body = { data: await runs.get(id) };
  },
  async run(ctx: any) {
    getService(strapi, 'report-data').reports();
    ctx.body = { data: await getService(strapi, 'report-runs').get(String(ctx.params.id)) };
  },
  async runFile(ctx: any) {
    getService(strapi, 'report-data').reports();
    const file = await getService(strapi, 'report-runs').file(String(ctx.params.id));
    sendPdf(ctx, fs.createReadStream(file), `report-${ctx.params.id}.pdf`);
  },
  async partyStatement(ctx: any) {
    const party = await partyOf(strapi, ctx);
    const { criteria, errors: problems } = parseStatementCriteria(ctx.query ?? {});
    if (problems.length) throw criteriaError(localeOfRequest(ctx), problems);
    const single = { ...criteria, party, company: undefined, division: undefined, entity: undefined, codeFrom: undefined, codeTo: undefined };
    sendPdf(ctx, getService(strapi, 'statements').stream(single), reportFileName(labelsFor(criteria.locale).files.statement, criteria.asOf));
  },
  async partyStatementTotals(ctx: any) {
    const party = await partyOf(strapi, ctx);
    const { criteria, errors: problems } = parseStatementCriteria(ctx.query ?? {});
    if (problems.length) throw criteriaError(localeOfRequest(ctx), problems);
    const section = await getService(strapi, 'statements').section(party, criteria);
    ctx.body = { data: section ? sectionJson(section) : null, meta: { criteria: { ...criteria, party } } };
  },
});

export default reportsController;
export { partyOf };
