/**
 * P4: 1,000 dunning letters to PDF (the plugin's render: reads, levels, layout) vs pdfkit writing
 * the same pages bare (the same letters, read beforehand, as plain text calls, one page each).
 */
import PDFDocument from 'pdfkit';
import type { Core } from '@strapi/strapi';
import { AS_OF } from './args';
import { alternate, type Figure } from './stats';

interface Line { number: string; date: string; dueDate: string; daysOverdue: number; balanceMinor: bigint; interestMinor: bigint; currency: string }
interface Letter {
  party: { code: string; name: string; address: string[] };
  level: { name: string; subject: string; body: string };
  lines: Line[];
  totals: { currency: string; balanceMinor: bigint; interestMinor: bigint; feeMinor: bigint; totalMinor: bigint }[];
}

const LETTERS = 1000;
const money = (minor: bigint, currency: string) => `${(Number(minor) / 100).toFixed(2)} ${currency}`;

/** Draws into a fresh A4 document and waits for its last byte (discarded). */
async function pdf(draw: (doc: PDFKit.PDFDocument) => Promise<unknown> | void, ends: boolean): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margin: 50 });
  const done = new Promise<void>((resolve, reject) => {
    doc.on('data', () => undefined);
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  await draw(doc);
  if (!ends) doc.end();
  await done;
}

const MARGIN = 56;
const WIDTH = 595.28 - 2 * MARGIN;
const BOTTOM = 841.89 - 60;
const COLUMNS = [0.2, 0.13, 0.13, 0.14, 0.2, 0.2].map((r) => Math.floor(WIDTH * r));

/** The letters' text, formatted beforehand: the baseline is pdfkit alone. */
function pagesOf(letters: Letter[]): { head: string[]; body: string[]; rows: string[][]; totals: string[][] }[] {
  return letters.map((l) => ({
    head: [l.party.name, ...l.party.address, `Code ${l.party.code}`],
    body: [l.level.subject, ...l.level.body.split(/\n{2,}/)],
    rows: l.lines.map((x) => [x.number, x.date, x.dueDate, String(x.daysOverdue), money(x.balanceMinor, x.currency), money(x.interestMinor, x.currency)]),
    totals: l.totals.flatMap((t) => [['Solde', money(t.balanceMinor, t.currency)], ['Intérêts', money(t.interestMinor, t.currency)], ['Frais', money(t.feeMinor, t.currency)], ['Total', money(t.totalMinor, t.currency)]]),
  }));
}

/** The same pages bare: the same strings at the same places, no layout helpers, no reads. */
function bare(doc: PDFKit.PDFDocument, pages: ReturnType<typeof pagesOf>): void {
  pages.forEach((page, i) => {
    if (i > 0) doc.addPage();
    doc.font('Helvetica').fontSize(10);
    page.head.forEach((text, k) => doc.text(text, 320, 150 + k * 12, { width: 220 }));
    doc.y = 260;
    for (const paragraph of page.body) doc.text(paragraph, MARGIN, doc.y + 6, { width: WIDTH, align: 'justify' });
    doc.fontSize(8.5);
    let y = doc.y + 10;
    for (const row of [['Facture', 'Date', 'Échéance', 'Retard', 'Solde', 'Intérêts'], ...page.rows]) {
      if (y + 15 > BOTTOM) {
        doc.addPage();
        y = MARGIN;
      }
      let x = MARGIN;
      row.forEach((cell, c) => {
        doc.text(cell, x + 3, y + 4, { width: COLUMNS[c] - 6, lineBreak: false });
        x += COLUMNS[c];
      });
      y += 15;
    }
    for (const [key, value] of page.totals) {
      doc.text(key, MARGIN + WIDTH - 260, y, { width: 150, lineBreak: false }).text(value, MARGIN + WIDTH - 110, y, { width: 110, align: 'right', lineBreak: false });
      y += 13;
    }
  });
}

export async function dunningFigure(strapi: Core.Strapi, options: { rounds: number; warmup: number; after: string }): Promise<Figure & { letters: number }> {
  // a space sorts before every code character: the first code after `after`
  const skipCode = `${options.after} `;
  const dunning = strapi.plugin('credit-control').service('dunning');
  const base = { dueBefore: AS_OF, asOf: AS_OF, format: 'letter', locale: 'fr' };
  const levels = await dunning.levels('fr');
  // the first 1,000 letters in code order after the benchmark's big customer (its 100k open
  // documents make one letter of thousands of pages); the range then makes the render draw exactly those
  const letters: Letter[] = [];
  for await (const letter of dunning.letters({ ...base, codeFrom: skipCode }, levels)) if (letters.push(letter) >= LETTERS) break;
  if (letters.length === 0) throw new Error('P4: the data set has no overdue invoice to dun');
  const pages = pagesOf(letters);
  const criteria = { ...base, codeFrom: letters[0].party.code, codeTo: letters[letters.length - 1].party.code };
  let rendered = 0;
  const figure = await alternate({
    rounds: options.rounds,
    warmup: options.warmup,
    ops: letters.length,
    label: 'P4',
    a: () => pdf(async (doc) => (rendered = (await dunning.render(doc, criteria)).letters), true),
    b: () => pdf((doc) => bare(doc, pages), false),
  });
  if (rendered !== letters.length) throw new Error(`P4: the render drew ${rendered} letters, the baseline ${letters.length}`);
  return { ...figure, letters: letters.length };
}
