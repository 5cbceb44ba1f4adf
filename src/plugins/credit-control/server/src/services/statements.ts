import type { Core } from '@strapi/strapi';
import { addTotals, buildSection, type CurrencyTotals, type StatementCriteria, type StatementSection } from '../core';
import { labelsFor } from '../reports/labels';
import { FONT, PAGE } from '../reports/layout';
import { newPdf } from '../reports/pdf-document';
import { drawStatementSection, drawTotals } from '../reports/statement-pdf';
import type { Letterhead, ReportDataService } from './report-data';
import { getService } from '../utils/get-service';

export type Progress = (done: number) => void;

/** A statement's payments: those of its period, none dated after its as-of date (nor after `paymentsUntil`). */
const paymentCriteria = (c: StatementCriteria) => ({ from: c.from, to: c.to, paymentsUntil: [c.paymentsUntil, c.asOf].filter((d): d is string => Boolean(d)).sort()[0] });

/** The invoice statement: one section per customer, streamed page of parties after page of parties. */
const statementsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const data = (): ReportDataService => getService(strapi, 'report-data');
  return {
    /** Checks what parsing cannot (configured, relations exist): call before the response starts. */
    async check(criteria: StatementCriteria): Promise<void> {
      data().reports();
      for (const field of ['company', 'division', 'entity'] as const) await data().checkRelation(field, criteria[field]);
    },

    /** One party's section (null: no open item and no payment), as its statement prints it. */
    async section(party: string, criteria: StatementCriteria): Promise<StatementSection | null> {
      for await (const page of data().partyPages({ ...criteria, party }, 1)) {
        const [invoices, payments] = await Promise.all([data().invoices([party], criteria), data().payments([party], paymentCriteria(criteria))]);
        return page[0] ? buildSection(page[0], invoices.get(party) ?? [], payments.get(party) ?? [], criteria.asOf) : null;
      }
      return null;
    },

    /** Draws into `doc` and ends it; resolves with the number of customer sections. */
    async render(doc: PDFKit.PDFDocument, criteria: StatementCriteria, onProgress?: Progress): Promise<number> {
      const labels = labelsFor(criteria.locale);
      const letterheads = new Map<string, Letterhead>();
      const letterheadOf = async (company: string | undefined) => {
        const key = criteria.company ?? company ?? '';
        if (!letterheads.has(key)) letterheads.set(key, await data().letterhead(key || undefined));
        return letterheads.get(key)!;
      };
      const grand = new Map<string, CurrencyTotals>();
      let sections = 0;
      let done = 0;
      for await (const page of data().partyPages(criteria)) {
        const ids = page.map((p) => p.documentId);
        const [invoices, payments] = await Promise.all([data().invoices(ids, criteria), data().payments(ids, paymentCriteria(criteria))]);
        for (const party of page) {
          const section = buildSection(party, invoices.get(party.documentId) ?? [], payments.get(party.documentId) ?? [], criteria.asOf);
          if (!section) continue;
          drawStatementSection(doc, section, await letterheadOf(party.company), criteria, labels, sections === 0);
          addTotals(grand, section);
          sections += 1;
        }
        done += page.length;
        onProgress?.(done);
      }
      if (sections === 0) doc.font(FONT.italic).fontSize(11).text(labels.nothing, PAGE.margin, PAGE.margin);
      else if (!criteria.party) {
        doc.addPage();
        doc.font(FONT.bold).fontSize(13).fillColor('#1f3b57').text(`${labels.grandTotal} · ${sections} ${labels.customers}`, PAGE.margin, PAGE.margin).fillColor('#000');
        doc.y += 8;
        drawTotals(doc, [...grand.values()].sort((a, b) => a.currency.localeCompare(b.currency)), labels, criteria.locale, labels.totals);
      }
      doc.end();
      return sections;
    },

    /** A PDF stream to hand to Koa; a failure mid-way destroys the stream (the client sees a cut response). */
    stream(criteria: StatementCriteria): PDFKit.PDFDocument {
      const doc = newPdf(labelsFor(criteria.locale).statement);
      this.render(doc, criteria).catch((error) => {
        strapi.log.error(`credit-control: statement failed: ${error?.message ?? error}`);
        doc.destroy(error);
      });
      return doc;
    },
  };
};

export default statementsService;
