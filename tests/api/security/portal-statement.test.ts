import { creditFixtures } from '../../helpers/credit';
import { binary, pdfText } from '../../helpers/pdf-text';
import { customerPortalUser } from '../../helpers/portal-user';
import { startApp, type TestApp } from '../../helpers/strapi';

/** The portal reads the statement of its own customer, and of no other. */
let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

it("prints its own customer's statement, and refuses another customer's (403) and the range report", async () => {
  const f = creditFixtures(app);
  const eur = (await f.currency('EUR')).documentId;
  const mine = await f.customer({ callName: 'Portal Owner SARL', code: 'PORTAL-A', siret: '73282932000074' });
  const other = await f.customer({ callName: 'Someone Else SA', code: 'PORTAL-B' });
  expect((await f.invoice(mine.documentId, eur, 100, { number: 'PORTAL-INV-A', dueDate: '2026-02-10' })).status).toBe(201);
  expect((await f.invoice(other.documentId, eur, 200, { number: 'PORTAL-INV-B', dueDate: '2026-02-10' })).status).toBe(201);
  const portal = await customerPortalUser(app, mine.documentId);

  const own = await portal.agent().get(`/api/credit-control/reports/parties/${mine.documentId}/statement?asOf=2026-03-01`).buffer(true).parse(binary);
  expect(own.status).toBe(200);
  expect(own.headers['content-type']).toMatch(/application\/pdf/);
  const { text } = await pdfText(own.body as Buffer);
  expect(text).toContain('PORTAL-INV-A');
  expect(text).not.toContain('PORTAL-INV-B');

  const foreign = await portal.agent().get(`/api/credit-control/reports/parties/${other.documentId}/statement`);
  expect(foreign.status).toBe(403);
  expect((await portal.agent().get('/api/credit-control/reports/statement')).status).toBe(403);
});
