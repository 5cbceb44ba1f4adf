import type { Core } from '@strapi/strapi';
import { randomUUID } from 'crypto';
import { RECOVERY_INDEMNITY, creditsOf, dueOn, dunningLines, fieldName, formatDay, letterOf, list, localeOfRequest, minorToString, problem, type DunnableInvoice, type DunningCriteria, type DunningLevel, type Problem } from '../core';
import { criteriaError } from './field-error';
import { DEFAULT_LEVELS } from '../reports/default-levels';
import { labelsFor } from '../reports/labels';
import { FONT, PAGE, table } from '../reports/layout';
import { drawLetter, summaryColumns, summaryRow, type Letter } from '../reports/letter-pdf';
import { chunksOf } from './batched-reads';
import type { Letterhead, ReportDataService } from './report-data';
import type { Progress } from './statements';
import { getService } from '../utils/get-service';

export const LEVEL_UID = 'plugin::credit-control.dunning-level';
export const RECORD_UID = 'plugin::credit-control.dunning-record';

export interface RecordOptions {
  channel: 'pdf' | 'email';
  recipients?: string[];
  runId?: string;
}

/** Dunning: letters per customer from the levels, and the record of the level each invoice reached. */
const dunningService = ({ strapi }: { strapi: Core.Strapi }) => {
  const data = (): ReportDataService => getService(strapi, 'report-data');

  return {
    /** Seeds the default French and English levels when there are none. */
    async seedLevels(): Promise<void> {
      if ((await strapi.db.query(LEVEL_UID as any).count({})) === 0) {
        for (const level of DEFAULT_LEVELS) await strapi.documents(LEVEL_UID as any).create({ data: { ...level } } as any);
        return;
      }
      // levels seeded before the interval, registered-mail and indemnity settings existed: the defaults'
      // (once: a level whose interval is set was seeded or edited since)
      for (const { code, language, minDaysSincePrevious, registeredMail, claimsIndemnity } of DEFAULT_LEVELS) {
        await strapi.db.query(LEVEL_UID as any).updateMany({ where: { code, language, minDaysSincePrevious: { $null: true } }, data: { minDaysSincePrevious, registeredMail, claimsIndemnity } });
      }
    },

    async levels(locale: string): Promise<DunningLevel[]> {
      const rows = await strapi.db.query(LEVEL_UID as any).findMany({ where: { language: locale }, orderBy: [{ rank: 'asc' }] });
      return rows.map((r: any) => ({ ...r, fee: r.fee === null ? null : String(r.fee), interestRate: r.interestRate === null ? null : String(r.interestRate) }));
    },

    /**
     * The levels the letters take: the language's, each invoice by its delay and history; or the one
     * `criteria.level` names, forced on every overdue invoice (a clerk's choice), with a problem when unknown.
     */
    async levelsFor(criteria: Pick<DunningCriteria, 'locale' | 'level'>): Promise<{ levels: DunningLevel[]; problems: Problem[] }> {
      const levels = await this.levels(criteria.locale);
      if (criteria.level === undefined) return { levels, problems: [] };
      const forced = levels.find((l) => l.code === criteria.level);
      if (!forced) return { levels, problems: [problem(['level'], 'notOneOf', { field: fieldName('level'), allowed: list(levels.map((l) => l.code)) })] };
      return { levels: [{ ...forced, minDaysOverdue: 1, minDaysSincePrevious: 0 }], problems: [] };
    },

    /** Checks what parsing cannot (a `party` criterion names an existing party, a `level` one of the language's): 400 naming the field. */
    async check(criteria: DunningCriteria): Promise<void> {
      await data().checkParty(criteria.party);
      const { problems } = await this.levelsFor(criteria);
      if (problems.length) throw criteriaError(localeOfRequest(strapi.requestContext.get()), problems);
    },

    /** Highest rank each invoice already reached, and the first run day (as-of) it reached it. */
    async lastRanks(invoiceUid: string, invoices: string[]): Promise<Map<string, { rank: number; reachedOn: string }>> {
      const reached = new Map<string, { rank: number; reachedOn: string }>();
      if (invoices.length === 0) return reached;
      for (const chunk of chunksOf(invoices)) {
        const rows = await strapi.db.query(RECORD_UID as any).findMany({ where: { invoiceUid, invoice: { $in: chunk } }, select: ['invoice', 'rank', 'asOf'] });
        for (const r of rows as { invoice: string; rank: number; asOf: string }[]) {
          const day = String(r.asOf).slice(0, 10);
          const seen = reached.get(r.invoice);
          if (!seen || r.rank > seen.rank) reached.set(r.invoice, { rank: r.rank, reachedOn: day });
          else if (r.rank === seen.rank && day < seen.reachedOn) seen.reachedOn = day;
        }
      }
      return reached;
    },

    /** Letters in party-code order, a page of parties at a time. */
    async *letters(criteria: DunningCriteria, levels: DunningLevel[], onProgress?: Progress): AsyncGenerator<Letter> {
      const invoiceUid = data().reports().invoices.uid;
      let done = 0;
      for await (const page of data().partyPages({ party: criteria.party, codeFrom: criteria.codeFrom, codeTo: criteria.codeTo, sort: 'code' })) {
        const ids = page.map((p) => p.documentId);
        // the open invoices due before the run's day, and every open credit note (deducted from what a letter claims)
        const byParty = await data().invoices(ids, { dueBefore: criteria.dueBefore, creditNotesAnyDue: true });
        const payments = await data().payments(ids, { paymentsUntil: criteria.asOf, unallocatedOnly: true });
        const all = [...byParty.values()].flat().filter((i) => !i.creditNote);
        const ranks = await this.lastRanks(invoiceUid, all.map((i) => i.documentId));
        for (const party of page) {
          const open = byParty.get(party.documentId) ?? [];
          const dunnable: DunnableInvoice[] = open
            .filter((i) => !i.creditNote && dueOn(i))
            .map((i) => {
              const last = ranks.get(i.documentId);
              return { documentId: i.documentId, number: i.number, date: i.date, dueDate: dueOn(i)!, balanceMinor: i.totalMinor - i.paidMinor, currency: i.currency, lastRank: last?.rank ?? null, lastReachedOn: last?.reachedOn ?? null };
            });
          const lines = dunningLines(dunnable, criteria, levels);
          const letter = letterOf(lines, party.professional ? RECOVERY_INDEMNITY : null, creditsOf(open, payments.get(party.documentId) ?? []));
          if (letter) yield { party, lines, ...letter };
        }
        done += page.length;
        onProgress?.(done);
      }
    },

    /** Records the level each invoice of the letter reached (inside the caller's transaction). */
    async record(letter: Letter, criteria: DunningCriteria, options: RecordOptions): Promise<void> {
      const invoiceUid = data().reports().invoices.uid;
      const dunnedAt = new Date().toISOString();
      for (const line of letter.lines) {
        await strapi.documents(RECORD_UID as any).create({
          data: {
            invoiceUid, invoice: line.documentId, invoiceNumber: line.number, party: letter.party.documentId, levelCode: line.level.code, rank: line.level.rank,
            dunnedAt, asOf: criteria.asOf, daysOverdue: line.daysOverdue, currency: line.currency,
            balance: minorToString(line.balanceMinor, line.currency), interest: minorToString(line.interestMinor, line.currency),
            channel: options.channel, recipients: options.recipients ?? null, runId: options.runId ?? null,
          },
        } as any);
      }
    },

    /**
     * Draws the letters (or the summary) into `doc` and ends it. With `record`, each letter's
     * levels are recorded as it is drawn: the caller wraps this in a transaction.
     */
    async render(doc: PDFKit.PDFDocument, criteria: DunningCriteria, options: { record?: RecordOptions; onProgress?: Progress } = {}): Promise<{ letters: number; invoices: number }> {
      const labels = labelsFor(criteria.locale);
      const { levels } = await this.levelsFor(criteria);
      const heads = new Map<string, Letterhead>();
      const headOf = async (company?: string) => heads.get(company ?? '') ?? heads.set(company ?? '', await data().letterhead(company)).get(company ?? '')!;
      let letters = 0;
      let invoices = 0;
      let rows: string[][] = [];
      if (criteria.format === 'summary') {
        doc.font(FONT.bold).fontSize(13).fillColor('#1f3b57').text(labels.dunningSummary, PAGE.margin, PAGE.margin).fillColor('#000');
        doc.font(FONT.regular).fontSize(9).text(`${labels.dueBefore} ${formatDay(criteria.dueBefore, criteria.locale)} · ${labels.asOf} ${formatDay(criteria.asOf, criteria.locale)}`, PAGE.margin, doc.y + 2);
        doc.y += 8;
      }
      for await (const letter of this.letters(criteria, levels, options.onProgress)) {
        if (criteria.format === 'letter') drawLetter(doc, letter, await headOf(letter.party.company), criteria, labels, letters === 0);
        else rows.push(summaryRow(letter, criteria.locale));
        if (options.record) await this.record(letter, criteria, options.record);
        letters += 1;
        invoices += letter.lines.length;
        if (rows.length >= 200) {
          table(doc, summaryColumns(labels), rows, { heading: labels.dunningSummary, continued: labels.continued });
          rows = [];
        }
      }
      if (rows.length) table(doc, summaryColumns(labels), rows, { heading: labels.dunningSummary, continued: labels.continued });
      if (letters === 0) doc.font(FONT.italic).fontSize(11).text(labels.nothing, PAGE.margin, criteria.format === 'summary' ? doc.y : PAGE.margin);
      doc.end();
      return { letters, invoices };
    },

    newRunId: () => randomUUID(),
  };
};

export default dunningService;
export type DunningService = ReturnType<typeof dunningService>;
