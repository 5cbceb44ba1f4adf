import type PDFKit from 'pdfkit';
import type { Letterhead } from '../services/report-data';
import { FONT, PAGE } from './layout';
import type { Labels } from './labels';

/** Sender block, top left: company name, address, legal identifiers. */
export function drawLetterhead(doc: PDFKit.PDFDocument, head: Letterhead, labels: Labels): void {
  const x = PAGE.margin;
  doc.font(FONT.bold).fontSize(14).fillColor('#1f3b57').text(head.name || ' ', x, PAGE.margin - 10, { width: 260 });
  doc.font(FONT.regular).fontSize(8.5).fillColor('#333');
  for (const line of head.address) doc.text(line, x, doc.y, { width: 260 });
  const ids = [head.siren ? `${labels.siren} ${head.siren}` : '', head.vat ? `${labels.vat} ${head.vat}` : ''].filter(Boolean);
  if (ids.length) doc.fontSize(7.5).text(ids.join(' · '), x, doc.y + 2, { width: 260 });
  doc.fillColor('#000');
}

/** Recipient block where a DL window envelope shows it (about 100 mm from the left, 50 mm from the top). */
export function drawRecipient(doc: PDFKit.PDFDocument, lines: { name: string; address: string[]; extra?: string }): number {
  const x = 320;
  const top = 142;
  doc.font(FONT.bold).fontSize(10).text(lines.name, x, top, { width: 220 });
  doc.font(FONT.regular).fontSize(10);
  for (const line of lines.address) doc.text(line, x, doc.y, { width: 220 });
  if (lines.extra) doc.fontSize(8.5).fillColor('#555').text(lines.extra, x, doc.y + 4, { width: 220 }).fillColor('#000');
  return Math.max(doc.y, 250);
}

/** The height `drawPaymentDetails` takes (0 without bank details), so a caller can keep it with what precedes it. */
export const paymentDetailsHeight = (head: Letterhead): number => (head.bank ? 21 + 11 * paymentLines(head, undefined).length : 0);

const paymentLines = (head: Letterhead, labels: Labels | undefined): string[] => {
  const bank = head.bank;
  if (!bank) return [];
  return [
    `${labels?.accountHolder ?? ''} ${bank.holder || head.name}`,
    bank.bankName ? `${labels?.bankName ?? ''} ${bank.bankName}` : '',
    `IBAN ${bank.iban}${bank.bic ? ` · BIC ${bank.bic}` : ''}`,
  ].filter(Boolean);
};

/** "Coordonnées bancaires" / "Payment details": whom to pay and where (the issuing company's bank details). */
export function drawPaymentDetails(doc: PDFKit.PDFDocument, head: Letterhead, labels: Labels): void {
  if (!head.bank) return;
  const x = PAGE.margin;
  let y = doc.y + 6;
  doc.font(FONT.bold).fontSize(9).fillColor('#1f3b57').text(labels.paymentDetails, x, y, { lineBreak: false });
  doc.font(FONT.regular).fontSize(9).fillColor('#000');
  for (const line of paymentLines(head, labels)) {
    y += 11;
    doc.text(line, x, y, { lineBreak: false });
  }
  doc.x = x;
  doc.y = y + 15;
}
