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
    doc.pipe(out);
    try {
      const result = await draw(doc);
      await written;
      return { file, result };
    } catch (error) {
      doc.unpipe(out);
      out.destroy();
      fs.rmSync(file, { force: true });
      throw error;
    }
  },
});

export default reportFilesService;
export type ReportFilesService = ReturnType<typeof reportFilesService>;
