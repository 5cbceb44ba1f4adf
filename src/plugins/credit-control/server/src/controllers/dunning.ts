import type { Core } from '@strapi/strapi';
import fs from 'fs';
import { fieldName, localeOfRequest, parseDunningCriteria, reportFileName, translate, type DunningCriteria } from '../core';
import { labelsFor } from '../reports/labels';
import { RECORD_UID } from '../services/dunning';
import { SmtpError } from '../services/dunning-email';
import { pageOf, pageParams } from '../services/paging';
import { partyOf } from './reports';
import { newPdf } from '../reports/pdf-document';
import { criteriaError, fieldError } from '../services/field-error';
import { getService } from '../utils/get-service';


/** Parsed and checked criteria (a `party` must exist): call before the response starts. */
export const dunningCriteria = async (strapi: Core.Strapi, input: Record<string, unknown>): Promise<DunningCriteria> => {
  getService(strapi, 'report-data').reports();
  const { criteria, errors: problems } = parseDunningCriteria(input ?? {});
  if (problems.length) throw criteriaError(localeOfRequest(strapi.requestContext.get()), problems);
  await getService(strapi, 'dunning').check(criteria);
  return criteria;
};

/** Dunning letters: preview (records nothing), run (records, in one transaction), and the records. */
const dunningController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async preview(ctx: any) {
    const criteria = await dunningCriteria(strapi, ctx.query);
    const doc = newPdf(labelsFor(criteria.locale).dunningSummary);
    getService(strapi, 'dunning')
      .render(doc, criteria)
      .catch((error: any) => {
        strapi.log.error(`credit-control: dunning preview failed: ${error?.message ?? error}`);
        doc.destroy(error);
      });
    ctx.type = 'application/pdf';
    ctx.set('Content-Disposition', `inline; filename="${reportFileName(labelsFor(criteria.locale).files.preview, criteria.asOf)}"`);
    ctx.body = doc;
  },

  async run(ctx: any) {
    const body = ctx.request.body && typeof ctx.request.body === 'object' && !Array.isArray(ctx.request.body) ? ctx.request.body : {};
    // a run records a level on every invoice it letters: it is asked for a day on purpose, never by default
    if (body.asOf === undefined || body.asOf === '') throw fieldError(localeOfRequest(ctx), 'asOf', 'dunningRunAsOf', { field: fieldName('asOf') });
    const criteria = await dunningCriteria(strapi, body);
    const runId: string = getService(strapi, 'dunning').newRunId();
    // the PDF goes to a file while the levels are recorded; a failure rolls the records back
    const { file, result } = await strapi.db.transaction(() =>
      getService(strapi, 'report-files').render(`dunning-${runId}`, labelsFor(criteria.locale).dunningSummary, (doc: PDFKit.PDFDocument) =>
        getService(strapi, 'dunning').render(doc, criteria, { record: { channel: 'pdf', runId } })
      )
    );
    ctx.type = 'application/pdf';
    ctx.set('Content-Disposition', `attachment; filename="${reportFileName(labelsFor(criteria.locale).files.dunning, criteria.asOf)}"`);
    ctx.set('X-Dunning-Run', runId);
    ctx.set('X-Dunning-Letters', String(result.letters));
    ctx.set('X-Dunning-Invoices', String(result.invoices));
    const stream = fs.createReadStream(file);
    stream.on('close', () => fs.rm(file, { force: true }, () => undefined));
    ctx.body = stream;
  },

  async recipients(ctx: any) {
    const party = await partyOf(strapi, ctx);
    ctx.body = { data: await getService(strapi, 'recipients').candidates(party) };
  },

  async email(ctx: any) {
    const party = await partyOf(strapi, ctx);
    try {
      ctx.body = { data: await getService(strapi, 'dunning-email').send(party, ctx.request.body ?? {}) };
    } catch (error) {
      if (!(error instanceof SmtpError)) throw error;
      // the SMTP server is not ours: a bad gateway, and nothing was recorded; the clerk reads what went
      // wrong and where, the administrator the server's own words in `details.cause`
      ctx.status = 502;
      ctx.body = { data: null, error: { status: 502, name: 'SmtpError', message: translate(error.said, localeOfRequest(ctx)), details: error.details } };
    }
  },

  async records(ctx: any) {
    getService(strapi, 'report-data').reports();
    const { party, invoice } = ctx.query ?? {};
    const { page, pageSize } = pageParams(localeOfRequest(ctx), ctx.query ?? {}, 50);
    for (const [name, value] of Object.entries({ party, invoice })) {
      if (value !== undefined && typeof value !== 'string') throw fieldError(localeOfRequest(ctx), name, 'documentIdExpected', { field: fieldName(name) });
    }
    const where = { ...(party ? { party } : {}), ...(invoice ? { invoice } : {}) };
    const [rows, total] = await Promise.all([
      strapi.db.query(RECORD_UID as any).findMany({ where, orderBy: [{ dunnedAt: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }),
      strapi.db.query(RECORD_UID as any).count({ where }),
    ]);
    ctx.body = pageOf(rows, { page, pageSize }, total);
  },
});

export default dunningController;
