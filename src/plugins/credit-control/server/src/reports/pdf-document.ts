import PDFDocument from 'pdfkit';
import { FONT, PAGE } from './layout';

/**
 * Every report's PDF: A4 with the letter margins, titled, in the body font. Pages stay buffered
 * until flushed, so that a letter can number its pages ("Page 2 / 3") once it knows how many it has.
 */
export const newPdf = (title: string) =>
  new PDFDocument({ size: 'A4', margin: PAGE.margin, bufferPages: true, info: { Title: title, Producer: 'strapi-plugin-credit-control' }, font: FONT.regular });
