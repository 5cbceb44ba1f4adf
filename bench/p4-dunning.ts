/**
 * P4: 1,000 dunning letters to PDF (the plugin's render: reads, levels, templates, formatting,
 * layout) vs pdfkit writing the same pages bare: the very pdfkit calls that render made, recorded
 * once and replayed, so B draws identical pages with none of the plugin's work.
 */
import PDFDocument from 'pdfkit';
import type { Core } from '@strapi/strapi';
import { AS_OF } from './args';
import { alternate, type Figure } from './stats';

const LETTERS = 1000;

/** One call the plugin made on the document: a method with its arguments, or a property it set (doc.y = …). */
type Call = { method: string; args: unknown[] } | { property: string; value: unknown };

/** Draws into a fresh A4 document and resolves with its size in bytes once its last byte is out. */
async function pdf(draw: (doc: PDFKit.PDFDocument) => Promise<unknown> | void, ends: boolean): Promise<number> {
  // buffered pages, as the plugin's newPdf: a letter numbers its pages, then flushes them
  const doc = new PDFDocument({ size: 'A4', margin: 50, bufferPages: true });
  let bytes = 0;
  const done = new Promise<number>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => (bytes += chunk.length));
    doc.on('end', () => resolve(bytes));
    doc.on('error', reject);
  });
  await draw(doc);
  if (!ends) doc.end();
  return done;
}

// options objects are copied when recorded: pdfkit may change the ones it is given
const copy = (arg: unknown): unknown => (arg && typeof arg === 'object' && Object.getPrototypeOf(arg) === Object.prototype ? { ...(arg as object) } : arg);

/** The document as the plugin sees it, writing down each call it makes (pdfkit's own inner calls are not the plugin's). */
function recording(doc: PDFKit.PDFDocument, calls: Call[]): PDFKit.PDFDocument {
  const proxy: PDFKit.PDFDocument = new Proxy(doc, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      return (...args: unknown[]) => {
        calls.push({ method: key, args: args.map(copy) });
        const result = value.apply(target, args);
        return result === target ? proxy : result;
      };
    },
    set(target, key, value) {
      if (typeof key === 'string') calls.push({ property: key, value });
      return Reflect.set(target, key, value, target);
    },
  });
  return proxy;
}

/** pdfkit alone: the recorded calls, in order, on a fresh document. */
function replay(doc: PDFKit.PDFDocument, calls: Call[]): void {
  const target = doc as unknown as Record<string, any>;
  for (const call of calls) {
    if ('property' in call) target[call.property] = call.value;
    else target[call.method](...call.args.map(copy));
  }
}

export async function dunningFigure(strapi: Core.Strapi, options: { rounds: number; warmup: number; after: string }): Promise<Figure & { letters: number }> {
  // a space sorts before every code character: the first code after `after`
  const skipCode = `${options.after} `;
  const dunning = strapi.plugin('credit-control').service('dunning');
  const base = { dueBefore: AS_OF, asOf: AS_OF, format: 'letter', locale: 'fr' };
  const levels = await dunning.levels('fr');
  // the first 1,000 letters in code order after the benchmark's big customer (its 100k open
  // documents make one letter of thousands of pages); the range then makes the render draw exactly those
  const codes: string[] = [];
  for await (const letter of dunning.letters({ ...base, codeFrom: skipCode }, levels)) if (codes.push(letter.party.code) >= LETTERS) break;
  if (codes.length === 0) throw new Error('P4: the data set has no overdue invoice to dun');
  const criteria = { ...base, codeFrom: codes[0], codeTo: codes[codes.length - 1] };

  // record the render once: its calls are the baseline's pages
  const calls: Call[] = [];
  let rendered = 0;
  const recordedBytes = await pdf(async (doc) => (rendered = (await dunning.render(recording(doc, calls), criteria)).letters), true);
  if (rendered !== codes.length) throw new Error(`P4: the render drew ${rendered} letters, ${codes.length} were listed`);
  const replayedBytes = await pdf((doc) => replay(doc, calls), true);
  // the same pages: sizes differ only by the creation date and file id
  if (Math.abs(replayedBytes - recordedBytes) > recordedBytes * 0.001) {
    throw new Error(`P4: the replay wrote ${replayedBytes} bytes, the render ${recordedBytes}: not the same pages`);
  }

  const figure = await alternate({
    rounds: options.rounds,
    warmup: options.warmup,
    ops: codes.length,
    label: 'P4',
    a: () => pdf((doc) => dunning.render(doc, criteria), true),
    b: () => pdf((doc) => replay(doc, calls), true),
  });
  return { ...figure, letters: codes.length };
}
