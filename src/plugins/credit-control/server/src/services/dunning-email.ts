import type { Core } from '@strapi/strapi';
import { day, fieldName, list, localeOfRequest, parseDunningCriteria, problem, renderTemplate, smtpFailure, wordOf, type CriteriaError, type MailServer, type SmtpFailure } from '../core';
import { labelsFor } from '../reports/labels';
import { drawLetter, letterVars, type Letter } from '../reports/letter-pdf';
import { letterEmail, letterFileName } from '../reports/letter-email';
import type { DunningService } from './dunning';
import type { ReportDataService } from './report-data';
import { newPdf } from '../reports/pdf-document';
import { criteriaError } from './field-error';
import { getService } from '../utils/get-service';

export const MAX_ATTACHMENTS = 5;
// extra files travel base64 in a JSON body, which Strapi's body parser caps at 1 MB by default
export const MAX_ATTACHMENT_BYTES = 512 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const KIND_WORDS = { employees: 'recipientsEmployees', contacts: 'recipientsContacts' } as const;

/** Thrown when the SMTP server refuses or cannot be reached: the controller answers 502 in the reader's language. */
export class SmtpError extends Error {
  readonly said: SmtpFailure['said'];
  readonly details: SmtpFailure['details'];
  constructor(failure: SmtpFailure) {
    super(failure.said.message);
    this.said = failure.said;
    this.details = failure.details;
  }
}

interface Attachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

const pdfBuffer = (draw: (doc: PDFKit.PDFDocument) => void, title: string): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const doc = newPdf(title);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });

/** One customer's dunning letter, emailed to chosen employees and contacts; recorded only once sent. */
const dunningEmailService = ({ strapi }: { strapi: Core.Strapi }) => {
  const dunning = (): DunningService => getService(strapi, 'dunning');
  const data = (): ReportDataService => getService(strapi, 'report-data');
  const locale = () => localeOfRequest(strapi.requestContext.get());

  const parseAttachments = (value: unknown, problems: CriteriaError[]): Attachment[] => {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || value.length > MAX_ATTACHMENTS) {
      problems.push(problem(['attachments'], 'attachmentsList', { max: MAX_ATTACHMENTS }));
      return [];
    }
    let total = 0;
    return value.flatMap((a: any, i: number) => {
      const where = (field: string) => ['attachments', String(i), field];
      if (typeof a?.filename !== 'string' || !/^[^/\\\0]{1,200}$/.test(a.filename)) problems.push(problem(where('filename'), 'attachmentFilename'));
      if (typeof a?.contentType !== 'string' || !/^[\w.+-]+\/[\w.+-]+$/.test(a.contentType)) problems.push(problem(where('contentType'), 'attachmentType'));
      if (typeof a?.base64 !== 'string' || a.base64.length === 0 || !BASE64.test(a.base64.replace(/\s/g, ''))) {
        problems.push(problem(where('base64'), 'attachmentBase64'));
        return [];
      }
      const content = Buffer.from(a.base64, 'base64');
      total += content.length;
      if (total > MAX_ATTACHMENT_BYTES) problems.push(problem(where('base64'), 'attachmentsTooBig', { kb: MAX_ATTACHMENT_BYTES / 1024 }));
      return [{ filename: String(a.filename), contentType: String(a.contentType), content }];
    });
  };

  return {
    async send(party: string, body: Record<string, any>) {
      const problems: CriteriaError[] = [];
      const { criteria } = ((r) => (problems.push(...r.errors), r))(parseDunningCriteria(body ?? {}, undefined, ['subject', 'attachments', 'recipients', 'record', 'letterPdf']));
      // the route names the party: a `party` in the body may only repeat it
      if (criteria.party !== undefined && criteria.party !== party) problems.push(problem(['party'], 'emailPartyFromRoute', { party }));
      const subject = typeof body?.subject === 'string' ? body.subject.trim() : '';
      if (!subject || subject.length > 255) problems.push(problem(['subject'], 'requiredText', { field: fieldName('subject'), max: 255 }));
      const attachments = parseAttachments(body?.attachments, problems);

      // recipients must belong to the customer and have an email
      const candidates = await getService(strapi, 'recipients').candidates(party);
      const emails: string[] = [];
      for (const kind of ['employees', 'contacts'] as const) {
        const chosen = body?.recipients?.[kind] ?? [];
        if (!Array.isArray(chosen)) {
          problems.push(problem(['recipients', kind], 'recipientsNotList', { kind }));
          continue;
        }
        chosen.forEach((id: unknown, i: number) => {
          const found = (candidates[kind] as { documentId: string; name: string; email: string | null }[]).find((c) => c.documentId === id);
          if (!found) problems.push(problem(['recipients', kind, String(i)], 'recipientNotOfParty', { id: String(id), kind: wordOf(KIND_WORDS[kind]) }));
          else if (!found.email) problems.push(problem(['recipients', kind, String(i)], 'recipientNoEmail', { name: found.name || String(id) }));
          else if (!emails.includes(found.email)) emails.push(found.email);
        });
      }
      if (emails.length === 0 && !problems.some((p) => p.path[0] === 'recipients')) problems.push(problem(['recipients'], 'recipientsNone'));

      // a `level` applies its template to every overdue invoice, whatever its delay
      const { levels, problems: levelProblems } = await dunning().levelsFor(criteria);
      problems.push(...levelProblems);
      // the admin's dialog says whether to record the levels and attach the letter; API clients that do not say get both
      const flag = (name: 'record' | 'letterPdf'): boolean => {
        if (body?.[name] === undefined) return true;
        if (typeof body[name] !== 'boolean') problems.push(problem([name], 'notOneOf', { field: fieldName(name), allowed: list(['true', 'false']) }));
        return body[name] !== false;
      };
      const record = flag('record');
      const letterPdf = flag('letterPdf');
      if (problems.length) throw criteriaError(locale(), problems);

      const single = { ...criteria, party };
      let letter: Letter | undefined;
      for await (const l of dunning().letters(single, levels)) letter = l;
      if (!letter) throw criteriaError(locale(), [problem(['dueBefore'], 'nothingToDun', { day: day(criteria.dueBefore) })]);

      const head = await data().letterhead(letter.party.company);
      const labels = labelsFor(criteria.locale);
      const pdf = await pdfBuffer((doc) => drawLetter(doc, letter!, head, single, labels, true), renderTemplate(letter.level.subject, letterVars(letter, head, single)));
      const { text, html } = letterEmail(letter, head, single, labels, subject);
      try {
        await strapi.plugin('email').service('email').send({
          to: emails,
          subject,
          text,
          html,
          attachments: [
            ...(letterPdf ? [{ filename: letterFileName(letter, single, party), content: pdf, contentType: 'application/pdf' }] : []),
            ...attachments,
          ],
        });
      } catch (error) {
        throw new SmtpError(smtpFailure(error, strapi.config.get('plugin::email.providerOptions', {}) as MailServer));
      }
      // sent: now record the levels when asked (a failure here leaves the mail sent but is reported as a 500)
      const runId = dunning().newRunId();
      if (record) await strapi.db.transaction(() => dunning().record(letter!, single, { channel: 'email', recipients: emails, runId }));
      return { runId, recorded: record, recipients: emails, level: letter.level.code, invoices: letter.lines.map((l) => ({ documentId: l.documentId, number: l.number, rank: l.level.rank, level: l.level.code })) };
    },
  };
};

export default dunningEmailService;
