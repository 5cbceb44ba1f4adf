import { Factories } from '../../helpers/factories';
import { binary, pdfText } from '../../helpers/pdf-text';
import { customerPortalUser } from '../../helpers/portal-user';
import { testApp } from '../../helpers/strapi';

/** The portal reads the statement of its own customer, and of no other. */
const app = testApp();

it("prints its own customer's statement, and refuses another customer's (403) and the range report", async () => {
  const f = new Factories(app.api);
  const eur = (await f.isoCurrency('EUR')).documentId;
  const mine = await f.bareCustomer({ callName: 'Portal Owner SARL', code: 'PORTAL-A', siret: '73282932000074' });
  const other = await f.bareCustomer({ callName: 'Someone Else SA', code: 'PORTAL-B' });
  expect((await f.invoiceResponse(mine.documentId, eur, 100, { number: 'PORTAL-INV-A', dueDate: '2026-02-10' })).status).toBe(201);
  expect((await f.invoiceResponse(other.documentId, eur, 200, { number: 'PORTAL-INV-B', dueDate: '2026-02-10' })).status).toBe(201);
  const portal = await customerPortalUser(app, mine.documentId);

  const own = await portal.agent().get(`/api/credit-control/reports/parties/${mine.documentId}/statement?asOf=2026-03-01`).buffer(true).parse(binary);
  expect(own.status).toBe(200);
  expect(own.headers['content-type']).toMatch(/application\/pdf/);
  const { text } = await pdfText(own.body as Buffer);
  expect(text).toContain('PORTAL-INV-A');
  expect(text).not.toContain('PORTAL-INV-B');

  const foreign = await portal.agent().get(`/api/credit-control/reports/parties/${other.documentId}/statement`);
  expect(foreign.status).toBe(403);
  expect(foreign.body.error.details).toEqual({ reason: 'partyOutOfScope', party: other.documentId });
  expect((await portal.agent().get('/api/credit-control/reports/statement')).status).toBe(403);
});

// The app's hooks (src/security/credit-hooks.ts) hold even where the portal role is given more than
// it has: scoped to its customer, and no credit figure.
it('a portal user granted more credit-control routes still acts on its own customer only and reads no figure', async () => {
  const f = new Factories(app.api);
  const mine = await f.bareCustomer({ callName: 'Portal Granted SARL', code: 'PORTAL-G' });
  const portal = await customerPortalUser(app, mine.documentId);
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'portal' } });
  const other = await f.bareCustomer({ callName: 'Someone Else SA', code: 'PORTAL-O' });
  const actions = ['plugin::credit-control.dunning.recipients', 'plugin::credit-control.credit.summary', 'plugin::credit-control.dunning.preview', 'plugin::credit-control.dunning-list.letters', 'plugin::credit-control.dunning.run'];
  const rows = await Promise.all(actions.map((action) => app.strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } })));
  try {
    // its own party, a route without figures: answered
    expect((await portal.agent().get(`/api/credit-control/reports/parties/${mine.documentId}/recipients`)).status).toBe(200);
    // its own party, a route of figures: refused with the code
    const figures = await portal.agent().get(`/api/credit-control/parties/${mine.documentId}/credit`);
    expect(figures.status).toBe(403);
    expect(figures.body.error.details).toEqual({ reason: 'figuresHidden' });
    // a route over many parties: refused with the code
    const many = await portal.agent().get('/api/credit-control/reports/dunning');
    expect(many.status).toBe(403);
    expect(many.body.error.details).toEqual({ reason: 'partyOutOfScope' });
    // the same routes narrowed by a party criterion: its own party is answered, another is refused
    const criteria = { asOf: '2026-03-01', dueBefore: '2026-03-01' };
    const ownLetters = await portal.agent().get('/api/credit-control/reports/dunning/letters').query({ ...criteria, party: mine.documentId });
    expect([ownLetters.status, ownLetters.body.error]).toEqual([200, undefined]);
    expect(ownLetters.body.data).toEqual([]);
    for (const query of [{ party: other.documentId }, { party: '' }, { 'party[0]': mine.documentId }, { party: other.documentId, codeFrom: 'PORTAL-G', codeTo: 'PORTAL-G' }]) {
      const res = await portal.agent().get('/api/credit-control/reports/dunning/letters').query({ ...criteria, ...query });
      expect([res.status, res.body.error?.details?.reason]).toEqual([403, 'partyOutOfScope']);
    }
    const ownPreview = await portal.agent().get('/api/credit-control/reports/dunning').query({ ...criteria, party: mine.documentId });
    expect(ownPreview.status).toBe(200);
    expect((await portal.agent().get('/api/credit-control/reports/dunning').query({ ...criteria, party: other.documentId })).status).toBe(403);
    // an own party in the query does not cover another one in the body
    const mixed = await portal.agent().post('/api/credit-control/reports/dunning').query({ party: mine.documentId }).send({ ...criteria, party: other.documentId });
    expect([mixed.status, mixed.body.error?.details]).toEqual([403, { reason: 'partyOutOfScope', party: other.documentId }]);
  } finally {
    await Promise.all(rows.map((row) => app.strapi.db.query('plugin::users-permissions.permission').delete({ where: { id: row.id } })));
  }
});
