import PDFDocument from 'pdfkit';
import { fitCell } from '../../../src/plugins/credit-control/server/src/reports/layout';

/** A report table's cells hold one line: pdfkit would wrap a wider string over the next row. */
describe('fitCell', () => {
  const doc = new PDFDocument({ size: 'A4' });
  doc.font('Helvetica');
  const width = (text: string, size: number) => doc.fontSize(size).widthOfString(text);

  it.each([
    ['a short name', 'C000001', 50, 'left'],
    ['a short figure', '7,98 €', 60, 'right'],
  ] as const)('leaves %s as it is', (_, text, room, align) => {
    expect(fitCell(doc, 'Helvetica', text, room, 8.5, align)).toEqual({ text, size: 8.5 });
  });

  it('cuts a long name with an ellipsis, within its width', () => {
    const cell = fitCell(doc, 'Helvetica', 'Boulangerie Bocage Services et Fils', 100, 8.5, 'left');
    expect(cell.size).toBe(8.5);
    expect(cell.text).toMatch(/^Boulangerie Bocage.*…$/);
    expect(width(cell.text, cell.size)).toBeLessThanOrEqual(100);
  });

  it('sets a wide figure smaller rather than cut it', () => {
    const cell = fitCell(doc, 'Helvetica', '25 537,86 £GB', 50, 8.5, 'right');
    expect(cell.text).toBe('25 537,86 £GB');
    expect(cell.size).toBeLessThan(8.5);
    expect(cell.size).toBeGreaterThanOrEqual(6.5);
    expect(width(cell.text, cell.size)).toBeLessThanOrEqual(50);
  });

  it('cuts a figure only when even the smallest size does not fit', () => {
    const cell = fitCell(doc, 'Helvetica', '25 537,86 £GB + 1 234,00 € + 9 999,99 $US', 60, 8.5, 'right');
    expect(cell.size).toBe(6.5);
    expect(cell.text.endsWith('…')).toBe(true);
    expect(width(cell.text, cell.size)).toBeLessThanOrEqual(60);
  });
});
