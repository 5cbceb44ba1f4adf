import { binary } from '../../helpers/pdf-text';
import { testApp } from '../../helpers/strapi';
import { receivablesBook } from './fixtures';

const app = testApp();
let book: Awaited<ReturnType<typeof receivablesBook>>;
beforeAll(async () => {
  book = await receivablesBook(app);
});

const asOf = { asOf: '2025-06-30' };
const day = { ...asOf, dueBefore: '2025-06-30' };
const fileOf = (res: any) => {
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return /filename="([^"]+)"/.exec(res.headers['content-disposition'] ?? '')?.[1];
};

describe('report file names follow the report language', () => {
  it.each([
    ['the statement', 'fr', () => app.api().get('/api/credit-control/reports/statement').query({ ...asOf, locale: 'fr' }), 'inline', 'releve-de-compte-2025-06-30.pdf'],
    ['the statement', 'en', () => app.api().get('/api/credit-control/reports/statement').query({ ...asOf, locale: 'en' }), 'inline', 'statement-2025-06-30.pdf'],
    ["a customer's statement", 'fr', () => app.api().get(`/api/credit-control/reports/parties/${book.zeta.documentId}/statement`).query({ ...asOf }), 'inline', 'releve-de-compte-2025-06-30.pdf'],
    ['the dunning preview', 'fr', () => app.api().get('/api/credit-control/reports/dunning').query({ ...day, locale: 'fr' }), 'inline', 'apercu-des-relances-2025-06-30.pdf'],
    ['the dunning preview', 'en', () => app.api().get('/api/credit-control/reports/dunning').query({ ...day, locale: 'en' }), 'inline', 'dunning-preview-2025-06-30.pdf'],
    ['a recorded dunning run', 'fr', () => app.api().post('/api/credit-control/reports/dunning').send({ ...day, locale: 'fr' }), 'attachment', 'relances-2025-06-30.pdf'],
  ])('names %s in %s', async (_what, _locale, call, disposition, expected) => {
    const res = await call().buffer(true).parse(binary);
    expect(fileOf(res)).toBe(expected);
    expect(res.headers['content-disposition'].startsWith(`${disposition};`)).toBe(true);
  });
});
