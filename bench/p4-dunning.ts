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

function bare(doc: PDFKit.PDFDocument, letters: Letter[]): void {
  letters.forEach((l, i) => {
    if (i > 0) doc.addPage();
    doc.fontSize(10).text(l.party.name).text(l.party.address.join('\n')).moveDown();
    doc.text(`Code ${l.party.code}`).text(l.level.subject).moveDown().text(l.level.body).moveDown();
    for (const line of l.lines) doc.text(`${line.number}  ${line.date}  ${line.dueDate}  ${line.daysOverdue}  ${money(line.balanceMinor, line.currency)}  ${money(line.interestMinor, line.currency)}`);
    for (const t of l.totals) doc.text(`${money(t.balanceMinor, t.currency)}  ${money(t.interestMinor, t.currency)}  ${money(t.feeMinor, t.currency)}  ${money(t.totalMinor, t.currency)}`);
  });
}

export async function dunningFigure(strapi: Core.Strapi, options: { rounds: number; warmup: number }): Promise<Figure & { letters: number }> {
  const dunning = strapi.plugin('credit-control').service('dunning');
  const base = { dueBefore: AS_OF, asOf: AS_OF, format: 'letter', locale: 'fr' };
  const levels = await dunning.levels('fr');
  // the first 1,000 letters in code order; the range then makes the render draw exactly those
  const letters: Letter[] = [];
  for await (const letter of dunning.letters(base, levels)) if (letters.push(letter) >= LETTERS) break;
  if (letters.length === 0) throw new Error('P4: the data set has no overdue invoice to dun');
  const criteria = { ...base, codeFrom: letters[0].party.code, codeTo: letters[letters.length - 1].party.code };
  let rendered = 0;
  const figure = await alternate({
    rounds: options.rounds,
    warmup: options.warmup,
    ops: letters.length,
    a: () => pdf(async (doc) => (rendered = (await dunning.render(doc, criteria)).letters), true),
    b: () => pdf((doc) => bare(doc, letters), false),
  });
  if (rendered !== letters.length) throw new Error(`P4: the render drew ${rendered} letters, the baseline ${letters.length}`);
  return { ...figure, letters: letters.length };
}
