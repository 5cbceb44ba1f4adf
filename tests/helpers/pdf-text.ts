/**
 * Text of a PDF, page by page, with pdfjs-dist (the CJS legacy build runs in Node without a worker).
 * No-break spaces are turned into plain spaces so that assertions read naturally ("1 234,56 €").
 */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const pdfjs = require('pdfjs-dist/legacy/build/pdf.js');

export interface PdfText {
  pages: string[];
  /** all pages joined by form feeds */
  text: string;
}

export async function pdfText(buffer: Buffer | Uint8Array): Promise<PdfText> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buffer), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    // one line per text run that ends a line (pdfkit writes a run per cell / line)
    const lines: string[] = [];
    let current = '';
    let lastY: number | null = null;
    for (const item of content.items as { str: string; transform: number[]; hasEOL?: boolean }[]) {
      const y = item.transform[5];
      if (lastY !== null && Math.abs(y - lastY) > 2) {
        lines.push(current.trim());
        current = '';
      }
      current += (current && !current.endsWith(' ') ? ' ' : '') + item.str;
      lastY = y;
    }
    if (current) lines.push(current.trim());
    pages.push(lines.join('\n').replace(/[\u00a0\u202f]/g, ' ').replace(/ {2,}/g, ' '));
  }
  await doc.destroy();
  return { pages, text: pages.join('\n\f\n') };
}

/** Supertest parser that buffers a binary body (PDFs). */
export const binary = (res: any, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

/** Keeps a copy of a rendered PDF when REPORTS_PDF_OUT names a folder (to look at the layout). */
export function keepPdf(name: string, buffer: Buffer): void {
  const dir = process.env.REPORTS_PDF_OUT;
  if (!dir) return;
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  require('fs').writeFileSync(require('path').join(dir, `${name}.pdf`), buffer);
}
