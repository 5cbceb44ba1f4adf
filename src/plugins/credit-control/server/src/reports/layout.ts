import type PDFKit from 'pdfkit';

/** A4 portrait, in points; French business letters keep 20 mm side margins. */
export const PAGE = { width: 595.28, height: 841.89, margin: 56, bottom: 841.89 - 60 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;

export interface Column {
  label: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

const ROW = 15;

/** Starts a new page when `height` points do not fit above the bottom margin. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number, onNewPage?: () => void): void {
  if (doc.y + height <= PAGE.bottom) return;
  doc.addPage();
  onNewPage?.();
}

const SMALLEST = 6.5;

/** Per font, each character's advance at 1 pt: a cell's width summed without pdfkit's layout (its kerning only narrows). */
const advances = new Map<string, Map<string, number>>();

function roughWidth(doc: PDFKit.PDFDocument, font: string, text: string, size: number): number {
  let table = advances.get(font);
  if (!table) advances.set(font, (table = new Map()));
  let width = 0;
  for (const char of text) {
    let advance = table.get(char);
    if (advance === undefined) {
      advance = doc.font(font).fontSize(1000).widthOfString(char) / 1000;
      table.set(char, advance);
    }
    width += advance;
  }
  return width * size;
}

/**
 * What fits one line of a cell in `font`: pdfkit wraps a string wider than its box even without line
 * breaks, over the next row. A figure (aligned right) is set smaller, a name cut with "…". A string
 * whose characters' advances fit is never laid out (a thousand letters' cells stay cheap). The
 * document is left in `font` at `size`.
 */
export function fitCell(doc: PDFKit.PDFDocument, font: string, text: string, width: number, size: number, align: 'left' | 'right' | 'center'): { text: string; size: number } {
  const rough = roughWidth(doc, font, text, size);
  doc.font(font).fontSize(size);
  if (rough <= width) return { text, size };
  let fitted = size;
  if (align !== 'left') {
    while (doc.widthOfString(text) > width && fitted > SMALLEST) doc.fontSize((fitted -= 0.5));
  }
  let cut = text;
  if (doc.widthOfString(text) > width) {
    while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
    cut = `${cut.trimEnd()}…`;
  }
  doc.fontSize(size);
  return { text: cut, size: fitted };
}

/** A fitted cell's text at column `c` of the row at `y`, centred on the row when set smaller. */
function cellText(doc: PDFKit.PDFDocument, cell: { text: string; size: number }, size: number, x: number, y: number, c: Column): void {
  if (cell.size !== size) doc.fontSize(cell.size);
  doc.text(cell.text, x + 3, y + 4 + (size - cell.size) / 2, { width: c.width - 6, align: c.align ?? 'left', lineBreak: false });
  if (cell.size !== size) doc.fontSize(size);
}

/**
 * A table whose rows continue on the next page with the header repeated; `heading` is the
 * section's name, printed again as "(continued)" above the repeated header.
 */
export function table(doc: PDFKit.PDFDocument, columns: Column[], rows: string[][], options: { heading?: string; continued?: string; bold?: number[] } = {}): void {
  const x0 = PAGE.margin;
  const header = (again: boolean) => {
    if (again && options.heading) doc.font(FONT.bold).fontSize(9).fillColor('#000').text(`${options.heading} ${options.continued ?? ''}`, x0, doc.y);
    const y = doc.y + 2;
    doc.rect(x0, y, CONTENT_WIDTH, ROW).fill('#e8ecf1');
    let x = x0;
    doc.fillColor('#000');
    for (const c of columns) {
      const cell = fitCell(doc, FONT.bold, c.label, c.width - 6, 8, c.align ?? 'left');
      cellText(doc, cell, 8, x, y, c);
      x += c.width;
    }
    doc.y = y + ROW;
  };
  ensureSpace(doc, 2 * ROW + 12);
  header(false);
  rows.forEach((row, index) => {
    if (doc.y + ROW > PAGE.bottom) {
      doc.addPage();
      header(true);
    }
    const y = doc.y;
    if (index % 2 === 1) doc.rect(x0, y, CONTENT_WIDTH, ROW).fill('#f7f8fa');
    doc.fillColor('#000');
    const font = options.bold?.includes(index) ? FONT.bold : FONT.regular;
    let x = x0;
    columns.forEach((c, i) => {
      cellText(doc, fitCell(doc, font, row[i] ?? '', c.width - 6, 8.5, c.align ?? 'left'), 8.5, x, y, c);
      x += c.width;
    });
    doc.y = y + ROW;
  });
  doc.moveTo(x0, doc.y).lineTo(x0 + CONTENT_WIDTH, doc.y).lineWidth(0.5).strokeColor('#9aa5b1').stroke();
  doc.x = x0;
  doc.y += 6;
}

/** A section title in bold, kept with at least `keep` points of what follows. */
export function heading(doc: PDFKit.PDFDocument, text: string, keep = 50): void {
  ensureSpace(doc, keep);
  doc.y += 6;
  doc.font(FONT.bold).fontSize(10).fillColor('#1f3b57').text(text, PAGE.margin, doc.y);
  doc.fillColor('#000');
  doc.y += 2;
}

/** Label / value lines right-aligned (totals). */
export function keyValues(doc: PDFKit.PDFDocument, pairs: [string, string][], boldLast = true): void {
  ensureSpace(doc, pairs.length * 13 + 6);
  // the keys' column widens for a long key ("Indemnité forfaitaire de recouvrement (2 × 40,00 €)") rather than wrap it
  doc.font(FONT.bold).fontSize(9);
  const keyWidth = Math.min(CONTENT_WIDTH - 110, Math.max(150, ...pairs.map(([key]) => Math.ceil(doc.widthOfString(key)) + 8)));
  const x = PAGE.margin + CONTENT_WIDTH - keyWidth - 110;
  pairs.forEach(([key, value], i) => {
    const bold = boldLast && i === pairs.length - 1;
    const y = doc.y;
    doc.font(bold ? FONT.bold : FONT.regular).fontSize(9);
    doc.text(key, x, y, { width: keyWidth, lineBreak: false });
    doc.text(value, x + keyWidth, y, { width: 110, align: 'right', lineBreak: false });
    doc.y = y + 13;
  });
  doc.x = PAGE.margin;
  doc.y += 4;
}

/**
 * Writes "Page k / n" at the foot of the pages drawn since `firstPage` (an index of the document's
 * buffer), then flushes them: a letter's pages are numbered on their own, and a run of a thousand
 * letters never holds more than one letter's pages.
 */
export function numberPages(doc: PDFKit.PDFDocument, firstPage: number, pageOf: (page: number, pages: number) => string): void {
  const range = doc.bufferedPageRange();
  const last = range.start + range.count - 1;
  const pages = last - firstPage + 1;
  for (let index = firstPage; index <= last; index += 1) {
    doc.switchToPage(index);
    // below the bottom margin: with no width pdfkit does not wrap, so it writes there rather than open a page
    const footer = pageOf(index - firstPage + 1, pages);
    doc.font(FONT.regular).fontSize(7.5).fillColor('#666');
    doc.text(footer, PAGE.margin + (CONTENT_WIDTH - doc.widthOfString(footer)) / 2, PAGE.height - 38, { lineBreak: false });
    doc.fillColor('#000');
  }
  doc.flushPages();
}

/** The index, in the document's page buffer, of the page being drawn. */
export const currentPage = (doc: PDFKit.PDFDocument): number => {
  const range = doc.bufferedPageRange();
  return range.start + range.count - 1;
};
