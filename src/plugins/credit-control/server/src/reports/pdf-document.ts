import PDFDocument from 'pdfkit';
import { FONT, PAGE } from './layout';

/** Every report's PDF: A4 with the letter margins, titled, in the body font. */
export const newPdf = (title: string) =>
  new PDFDocument({ size: 'A4', margin: PAGE.margin, info: { Title: title, Producer: 'strapi-plugin-credit-control' }, font: FONT.regular });
