import type PDFKit from 'pdfkit';
import { AGEING_BANDS, formatDay, formatMoney, type CurrencyTotals, type StatementCriteria, type StatementSection } from '../core';
import type { Letterhead } from '../services/report-data';
import type { Labels } from './labels';
import { CONTENT_WIDTH, FONT, PAGE, ensureSpace, heading, keyValues, table, type Column } from './layout';
import { drawLetterhead, drawPaymentDetails, drawRecipient, paymentDetailsHeight } from './letterhead';

const w = (ratio: number) => Math.floor(CONTENT_WIDTH * ratio);

/** One customer's statement, starting on its own page. */
export function drawStatementSection(doc: PDFKit.PDFDocument, section: StatementSection, head: Letterhead, criteria: StatementCriteria, labels: Labels, first: boolean): void {
  const { locale } = criteria;
  if (!first) doc.addPage();
  drawLetterhead(doc, head, labels);
  const bottom = drawRecipient(doc, { name: section.party.legalName, address: section.party.address, extra: labels.customerCodeLine(section.party.code) });

  doc.y = bottom + 16;
  doc.font(FONT.bold).fontSize(13).fillColor('#1f3b57').text(labels.statement, PAGE.margin, doc.y);
  const period = criteria.from || criteria.to ? ` · ${labels.period} ${formatDay(criteria.from, locale) || '…'} ${labels.periodTo} ${formatDay(criteria.to, locale) || '…'}` : '';
  doc.font(FONT.regular).fontSize(9).fillColor('#333').text(`${labels.asOf} ${formatDay(criteria.asOf, locale)}${period}`, PAGE.margin, doc.y + 2);
  doc.fillColor('#000');
  doc.y += 12;

  const money = (minor: bigint, currency: string) => formatMoney(minor, currency, locale);
  heading(doc, labels.openItems);
  if (section.items.length === 0) doc.font(FONT.italic).fontSize(9).text(labels.noItems, PAGE.margin, doc.y).moveDown(0.5);
  else {
    const cols: Column[] = [
      // room for "CN-2025-0000001 (credit note)" on one line
      { label: labels.number, width: w(0.29) },
      { label: labels.date, width: w(0.12) },
      { label: labels.dueDate, width: w(0.12) },
      { label: labels.totalInclTax, width: w(0.16), align: 'right' },
      { label: labels.paid, width: w(0.14), align: 'right' },
      { label: labels.balance, width: CONTENT_WIDTH - w(0.29) - 2 * w(0.12) - w(0.16) - w(0.14), align: 'right' },
    ];
    const rows = section.items.map((i) => [
      i.creditNote ? `${i.number} (${labels.creditNote})` : i.number,
      formatDay(i.date, locale),
      formatDay(i.dueDate, locale),
      money(i.signedTotalMinor, i.currency),
      money(i.signedPaidMinor, i.currency),
      money(i.balanceMinor, i.currency),
    ]);
    table(doc, cols, rows, { heading: `${section.party.name} · ${labels.openItems}`, continued: labels.continued });
  }

  heading(doc, labels.payments);
  if (section.payments.length === 0) doc.font(FONT.italic).fontSize(9).text(labels.noPayments, PAGE.margin, doc.y).moveDown(0.5);
  else {
    const cols: Column[] = [
      { label: labels.number, width: w(0.26) },
      { label: labels.date, width: w(0.16) },
      { label: labels.amount, width: w(0.2), align: 'right' },
      { label: labels.allocated, width: w(0.19), align: 'right' },
      { label: labels.unallocated, width: CONTENT_WIDTH - w(0.26) - w(0.16) - w(0.2) - w(0.19), align: 'right' },
    ];
    const rows = section.payments.map((p) => [p.number, formatDay(p.date, locale), money(p.amountMinor, p.currency), money(p.allocatedMinor, p.currency), money(p.amountMinor - p.allocatedMinor, p.currency)]);
    table(doc, cols, rows, { heading: `${section.party.name} · ${labels.payments}`, continued: labels.continued });
  }

  drawTotals(doc, section.totals, labels, locale, labels.totals);
  ensureSpace(doc, paymentDetailsHeight(head));
  drawPaymentDetails(doc, head, labels);
}

/** Totals and the ageing row, per currency: the open items' balance, the unallocated payments deducted, the balance due. */
export function drawTotals(doc: PDFKit.PDFDocument, totals: CurrencyTotals[], labels: Labels, locale: StatementCriteria['locale'], title: string): void {
  for (const t of totals) {
    heading(doc, totals.length > 1 ? `${title} (${t.currency})` : title, 150);
    const m = (minor: bigint) => formatMoney(minor, t.currency, locale);
    keyValues(doc, [
      [labels.totalInclTax, m(t.totalMinor)],
      [labels.paid, m(t.paidMinor)],
      [labels.openItemsBalance, m(t.balanceMinor)],
      [labels.unallocatedPayments, m(-t.unallocatedMinor)],
      [labels.balanceDue, m(t.dueMinor)],
    ]);
    const width = Math.floor(CONTENT_WIDTH / AGEING_BANDS.length);
    heading(doc, labels.ageing);
    table(
      doc,
      labels.ageingBands.map((label) => ({ label, width, align: 'right' as const })),
      [AGEING_BANDS.map((b) => m(t.ageing[b]))],
      { heading: labels.ageing, continued: labels.continued }
    );
  }
}
