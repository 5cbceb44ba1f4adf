import type { Core } from '@strapi/strapi';
import fs from 'fs';
import path from 'path';
import { newPdf } from '../reports/pdf-document';

/** PDFs written to `<app>/.tmp/reports/`: dunning runs (recorded in a transaction) and batch runs. */
const reportFilesService = ({ strapi }: { strapi: Core.Strapi }) => ({
  dir(): string {
    const dir = path.join(strapi.dirs.app.root, '.tmp', 'reports');
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  },
  pathOf(name: string): string {
    return path.join(this.dir(), `${name.replace(/[^\w.-]/g, '_')}.pdf`);
  },
  /** Renders into a file (memory stays flat: pdfkit's pages go to disk as they are drawn). */
  async render<T>(name: string, title: string, draw: (doc: PDFKit.PDFDocument) => Promise<T>): Promise<{ file: string; result: T }> {
    const file = this.pathOf(name);
    const doc = newPdf(title);
    const out = fs.createWriteStream(file);
    const written = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
    });
    // a failed draw destroys the file's stream with pages still on their way to it: that stream's
    // late error ("writev after a stream was destroyed") is expected then, not an unhandled rejection
    written.catch(() => undefined);
    doc.pipe(out);
    try {
      const result = await draw(doc);
      await written;
      return { file, result };
    } catch (error) {
      doc.unpipe(out);
      // the file goes once its stream has closed: it may still be opening the file, which would
      // otherwise come back after its removal
      if (!out.closed) await new Promise<void>((closed) => out.once('close', () => closed()).destroy());
      fs.rmSync(file, { force: true });
      throw error;
    }
  },
});

export default reportFilesService;
export type ReportFilesService = ReturnType<typeof reportFilesService>;
