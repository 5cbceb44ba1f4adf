import { formatDay, formatMoney, legalMentions, renderTemplate, reportFileName, type DunningCriteria } from '../core';
import type { Letterhead } from '../services/report-data';
import type { Labels } from './labels';
import { letterVars, totalLines, type Letter } from './letter-pdf';

/** A table as words: its heading, which columns are figures (right-aligned), its rows. */
export interface TextTable {
  head: string[];
  right: boolean[];
  rows: string[][];
}

/** The letter's invoices, as the letter prints them: number, date, due date, days late, balance due, interest. */
export function invoiceTable(letter: Letter, locale: DunningCriteria['locale'], labels: Labels): TextTable {
  return {
    head: [labels.invoice, labels.date, labels.dueDate, labels.daysLate, labels.balance, labels.interest],
    right: [false, false, false, true, true, true],
    rows: letter.lines.map((l) => [l.number, formatDay(l.date, locale), formatDay(l.dueDate, locale), String(l.daysOverdue), formatMoney(l.balanceMinor, l.currency, locale), formatMoney(l.interestMinor, l.currency, locale)]),
  };
}

/** What the email says, in the letter's language: the level's body, the invoices, the totals, the mentions, the signature. */
export interface LetterContent {
  paragraphs: string[];
  /** "Your customer reference: C001", when the customer has a code */
  reference: string | null;
  table: TextTable;
  /** one list of [label, amount] per currency, the amount claimed last */
  totals: [string, string][][];
  mentions: string[];
  closing: string;
  signature: [string, string];
}

export function letterContent(letter: Letter, head: Letterhead, criteria: DunningCriteria, labels: Labels): LetterContent {
  const { locale } = criteria;
  return {
    paragraphs: renderTemplate(letter.level.body, letterVars(letter, head, criteria))
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
    reference: letter.party.code ? `${labels.yourCode} ${letter.party.code}` : null,
    table: invoiceTable(letter, locale, labels),
    totals: letter.totals.map((t) => totalLines(t, labels, (minor, currency) => formatMoney(minor, currency, locale))),
    mentions: legalMentions({ locale, professional: letter.party.professional, lateRatePercent: head.lateRatePercent }),
    closing: labels.closing,
    signature: [labels.signature, head.name],
  };
}

const pad = (text: string, width: number, right: boolean) => (right ? text.padStart(width) : text.padEnd(width));

/** Columns aligned with spaces, a rule under the heading. */
export function textTable(table: TextTable): string {
  const widths = table.head.map((h, i) => Math.max(h.length, ...table.rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], table.right[i])).join('  ').trimEnd();
  return [line(table.head), widths.map((w) => '-'.repeat(w)).join('  '), ...table.rows.map(line)].join('\n');
}

/** The plain-text part: what the HTML part says, laid out in aligned columns. */
export function letterText(content: LetterContent): string {
  const totals = content.totals.map((pairs) => {
    const width = Math.max(...pairs.map(([label]) => label.length));
    const amounts = Math.max(...pairs.map(([, amount]) => amount.length));
    return pairs.map(([label, amount]) => `${label.padEnd(width)}  ${amount.padStart(amounts)}`).join('\n');
  });
  return [...content.paragraphs, ...(content.reference ? [content.reference] : []), textTable(content.table), ...totals, ...content.mentions, content.closing, content.signature.join('\n')].join('\n\n') + '\n';
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
/** A paragraph of the user's text: escaped, its single line breaks kept. */
const paragraph = (text: string, style = '') => `<p${style ? ` style="${style}"` : ''}>${escapeHtml(text).replace(/\r?\n/g, '<br>')}</p>`;

const CELL = 'padding:4px 10px;border-bottom:1px solid #ddd;';
const align = (right: boolean) => (right ? 'text-align:right;white-space:nowrap;' : 'text-align:left;');

/** The HTML part: the level's paragraphs, the invoices in a table, the totals, the mentions and the signature; every value escaped. */
export function letterHtml(content: LetterContent, meta: { title: string; lang: string }): string {
  const { table } = content;
  const th = table.head.map((h, i) => `<th style="${CELL}${align(table.right[i])}background:#f2f2f2;">${escapeHtml(h)}</th>`).join('');
  const rows = table.rows.map((r) => `<tr>${r.map((c, i) => `<td style="${CELL}${align(table.right[i])}">${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  const totals = content.totals.map(
    (pairs) =>
      `<table style="border-collapse:collapse;margin:12px 0;">\n${pairs
        .map(([label, amount], i) => {
          const weight = i === pairs.length - 1 ? 'font-weight:bold;border-top:1px solid #333;' : '';
          return `<tr><td style="padding:2px 10px 2px 0;${weight}">${escapeHtml(label)}</td><td style="padding:2px 0 2px 10px;text-align:right;white-space:nowrap;${weight}">${escapeHtml(amount)}</td></tr>`;
        })
        .join('\n')}\n</table>`
  );
  return [
    `<!DOCTYPE html>\n<html lang="${escapeHtml(meta.lang)}">\n<head><meta charset="utf-8"><title>${escapeHtml(meta.title)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45;color:#222;">',
    ...content.paragraphs.map((p) => paragraph(p)),
    ...(content.reference ? [paragraph(content.reference, 'font-size:12px;color:#555;')] : []),
    `<table style="border-collapse:collapse;font-size:13px;">\n<thead><tr>${th}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`,
    ...totals,
    ...content.mentions.map((m) => paragraph(m, 'font-size:11px;font-style:italic;color:#555;')),
    paragraph(content.closing),
    `<p>${escapeHtml(content.signature[0])}<br><strong>${escapeHtml(content.signature[1])}</strong></p>`,
    '</body>\n</html>\n',
  ].join('\n');
}

/** The email of one dunning letter: its text and HTML parts say the same, in the letter's language. */
export function letterEmail(letter: Letter, head: Letterhead, criteria: DunningCriteria, labels: Labels, title: string): { text: string; html: string } {
  const content = letterContent(letter, head, criteria, labels);
  return { text: letterText(content), html: letterHtml(content, { title, lang: criteria.locale }) };
}

/** The attached letter's file name in its language: the level's name, the customer's code (else its id), the day. */
export const letterFileName = (letter: Letter, criteria: DunningCriteria, partyId: string): string =>
  reportFileName([letter.level.name, letter.level.code], letter.party.code || partyId, criteria.asOf);
