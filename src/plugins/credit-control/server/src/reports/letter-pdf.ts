import type PDFKit from 'pdfkit';
import { RECOVERY_INDEMNITY, formatDay, formatMoney, legalMentions, renderTemplate, type DunningCriteria, type DunningLine, type LetterTotals, type DunningLevel } from '../core';
import type { Letterhead, PartyRecord } from '../services/report-data';
import type { Labels } from './labels';
import { CONTENT_WIDTH, FONT, PAGE, currentPage, ensureSpace, keyValues, numberPages, table, type Column } from './layout';
import { drawLetterhead, drawPaymentDetails, drawRecipient, paymentDetailsHeight } from './letterhead';

export interface Letter {
  party: PartyRecord;
  lines: DunningLine[];
  level: DunningLevel;
  totals: LetterTotals[];
}

const w = (ratio: number) => Math.floor(CONTENT_WIDTH * ratio);

/** The placeholders a level's subject and body may use. */
export function letterVars(letter: Letter, head: Letterhead, criteria: DunningCriteria): Record<string, string> {
  const money = (t: LetterTotals) => formatMoney(t.totalMinor, t.currency, criteria.locale);
  return {
    customer: letter.party.legalName,
    code: letter.party.code,
    total: letter.totals.map(money).join(' + '),
    asOf: formatDay(criteria.asOf, criteria.locale, true),
    company: head.name,
    count: String(letter.lines.length),
    level: letter.level.name,
  };
}

/**
 * A French business letter: sender, window-envelope recipient, place and date, registered-mail
 * mention, subject, body, table, totals with the legal mentions kept on their page, the payment
 * details (the company's bank), signature, the customer named by its legal name; its
 * pages numbered "Page k / n".
 */
export function drawLetter(doc: PDFKit.PDFDocument, letter: Letter, head: Letterhead, criteria: DunningCriteria, labels: Labels, first: boolean): void {
  const { locale } = criteria;
  if (!first) doc.addPage();
  const firstPage = currentPage(doc);
  const vars = letterVars(letter, head, criteria);
  drawLetterhead(doc, head, labels);
  const bottom = drawRecipient(doc, { name: letter.party.legalName, address: letter.party.address });

  doc.font(FONT.regular).fontSize(10).text(labels.placeDate(head.city, formatDay(criteria.asOf, locale, true)), 320, bottom + 14, { width: 220 });
  doc.y = bottom + 48;
  const x = PAGE.margin;
  if (letter.level.registeredMail) doc.font(FONT.bold).fontSize(10).text(labels.registeredMail.toUpperCase(), x, doc.y, { width: CONTENT_WIDTH }).moveDown(0.4);
  doc.font(FONT.regular).fontSize(9).fillColor('#333').text(`${labels.yourCode} ${letter.party.code}`, x, doc.y).fillColor('#000');
  doc.font(FONT.bold).fontSize(10).text(`${labels.subject} ${renderTemplate(letter.level.subject, vars)}`, x, doc.y + 6, { width: CONTENT_WIDTH });
  doc.moveDown(1);
  doc.font(FONT.regular).fontSize(10);
  for (const paragraph of renderTemplate(letter.level.body, vars).split(/\n{2,}/)) {
    doc.text(paragraph.trim(), x, doc.y, { width: CONTENT_WIDTH, align: 'justify', lineGap: 1.5 });
    doc.moveDown(0.7);
  }

  const money = (minor: bigint, currency: string) => formatMoney(minor, currency, locale);
  const cols: Column[] = [
    { label: labels.invoice, width: w(0.2) },
    { label: labels.date, width: w(0.13) },
    { label: labels.dueDate, width: w(0.13) },
    { label: labels.daysLate, width: w(0.14), align: 'right' },
    { label: labels.balance, width: w(0.2), align: 'right' },
    { label: labels.interest, width: CONTENT_WIDTH - w(0.2) - 2 * w(0.13) - w(0.14) - w(0.2), align: 'right' },
  ];
  const rows = letter.lines.map((l) => [l.number, formatDay(l.date, locale), formatDay(l.dueDate, locale), String(l.daysOverdue), money(l.balanceMinor, l.currency), money(l.interestMinor, l.currency)]);
  table(doc, cols, rows, { heading: labels.invoice, continued: labels.continued });
  // the totals and the legal mentions share a page: a mention alone on a last page reads as an afterthought
  const mentions = legalMentions({ locale, professional: letter.party.professional, lateRatePercent: head.lateRatePercent }).join(' ');
  const totals = letter.totals.map((t) => totalLines(t, labels, (minor, currency) => money(minor, currency)));
  doc.font(FONT.italic).fontSize(7.5);
  const mentionsHeight = mentions ? doc.heightOfString(mentions, { width: CONTENT_WIDTH }) + 8 : 0;
  ensureSpace(doc, totals.reduce((h, pairs) => h + pairs.length * 13 + 10, 0) + mentionsHeight);
  for (const pairs of totals) keyValues(doc, pairs);
  if (mentions) {
    doc.font(FONT.italic).fontSize(7.5).fillColor('#444').text(mentions, x, doc.y + 2, { width: CONTENT_WIDTH });
    doc.fillColor('#000');
  }

  ensureSpace(doc, paymentDetailsHeight(head));
  drawPaymentDetails(doc, head, labels);

  ensureSpace(doc, 70);
  doc.font(FONT.regular).fontSize(10).text(labels.closing, x, doc.y + 8, { width: CONTENT_WIDTH });
  doc.moveDown(1.5);
  doc.text(labels.signature, 320, doc.y, { width: 220 });
  doc.font(FONT.bold).text(head.name, 320, doc.y, { width: 220 });
  numberPages(doc, firstPage, labels.pageOf);
}

/** A currency's totals: balances, interest, the level's fee and the recovery indemnity when charged, the credit notes and unallocated payments deducted, what is claimed. */
export function totalLines(t: LetterTotals, labels: Labels, money: (minor: bigint, currency: string) => string): [string, string][] {
  const pairs: [string, string][] = [
    [labels.balanceTotal, money(t.balanceMinor, t.currency)],
    [labels.interest, money(t.interestMinor, t.currency)],
  ];
  if (t.feeMinor > 0n) pairs.push([labels.fee, money(t.feeMinor, t.currency)]);
  if (t.indemnityCount > 0) {
    const each = money(t.indemnityMinor / BigInt(t.indemnityCount), RECOVERY_INDEMNITY.currency);
    pairs.push([labels.indemnity(t.indemnityCount, each), money(t.indemnityMinor, t.currency)]);
  }
  if (t.creditNotesMinor > 0n) pairs.push([labels.creditNotesDeducted, money(-t.creditNotesMinor, t.currency)]);
  if (t.unallocatedMinor > 0n) pairs.push([labels.unallocatedPayments, money(-t.unallocatedMinor, t.currency)]);
  pairs.push([labels.totalDue, money(t.totalMinor, t.currency)]);
  return pairs;
}

/** The compact form: one row per customer. */
export function summaryColumns(labels: Labels): Column[] {
  return [
    // the figures get the room: a pound amount in French reads "25 537,86 £GB"
    { label: labels.customerCode, width: w(0.11) },
    { label: labels.customer, width: w(0.22) },
    { label: labels.level, width: w(0.15) },
    { label: labels.invoiceCount, width: w(0.08), align: 'right' },
    { label: labels.balance, width: w(0.15), align: 'right' },
    { label: labels.interest, width: w(0.13), align: 'right' },
    { label: labels.totalDue, width: CONTENT_WIDTH - w(0.11) - w(0.22) - w(0.15) - w(0.08) - w(0.15) - w(0.13), align: 'right' },
  ];
}

export function summaryRow(letter: Letter, locale: DunningCriteria['locale']): string[] {
  const m = (pick: (t: LetterTotals) => bigint) => letter.totals.map((t) => formatMoney(pick(t), t.currency, locale)).join(' + ');
  return [letter.party.code, letter.party.name, letter.level.name, String(letter.lines.length), m((t) => t.balanceMinor), m((t) => t.interestMinor), m((t) => t.totalMinor)];
}
