import { dec, Factories, fieldErrors, Probes, startingKit, uniq } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

// "Generating a delivery note from expenses rebilling" and "… from a training session": each item billed once.
const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;
let fees: string;
let employee: string;

beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
  fees = (await f.article({ label: 'Frais refacturés' })).documentId;
  employee = (await f.employee({ firstName: 'Paul', lastName: 'Durand' })).documentId;
});

async function customerWithPolicy(data: Record<string, unknown> = {}) {
  const customer = (await f.bareCustomer()).documentId;
  await f.creditPolicy(customer, { mode: 'alert', threshold: '1000000.00', currency: 'EUR', ...data });
  return customer;
}
const project = async (customer: string) => f.post('projects', { code: uniq('PRJ'), name: 'Migration', customer, currency: eur, state: 'active' });
const report = (projectId: string, lines: [string, boolean][], data: Record<string, unknown> = {}) =>
  f.post('expense-reports?populate=lines', {
    number: uniq('EXP'), employee, project: projectId, currency: eur, date: '2026-03-31', state: 'approved',
    lines: lines.map(([amount, rebillable], i) => ({ date: `2026-03-${String(10 + i).padStart(2, '0')}`, nature: 'travel', label: `train ${i + 1}`, amountExclTax: amount, rebillable })),
    ...data,
  });
const deliveriesOf = async (customer: string) => (await app.api().get(`/api/deliveries?filters[customer][documentId][$eq]=${customer}&populate=lines`)).body.data;

describe('expenses rebilling', () => {
  test('the rebillable expenses of the approved reports become one note; a second run makes nothing; figures and exposure follow', async () => {
    const customer = await customerWithPolicy();
    const p = await project(customer);
    const r1 = await report(p.documentId, [['120.50', true], ['40.00', false]]);
    const r2 = await report(p.documentId, [['300.00', true]]);
    await report(p.documentId, [['999.00', true]], { state: 'submitted' });
    expect(dec(r1.amountExclTax)).toBe('160.50');
    const res = await probe.op(`/api/projects/${p.documentId}/expenses-rebilling`, { article: fees, date: '2026-04-02' });
    expect(res.status).toBe(201);
    const note = res.body.data;
    expect([note.origin, note.state, dec(note.amountExclTax), dec(note.amountInclTax)]).toEqual(['expensesRebilling', 'delivered', '420.50', '504.60']);
    // a line per rebillable expense, naming it; the one not rebillable is left out
    expect(note.lines.map((l: any) => [l.label, l.sourceKey]).sort()).toEqual([
      ['travel 2026-03-10 — Paul Durand — train 1', r1.lines[0].key],
      ['travel 2026-03-10 — Paul Durand — train 1', r2.lines[0].key],
    ].sort());
    expect(dec((await probe.read('expense-reports', r1.documentId)).rebilledAmountExclTax)).toBe('120.50');
    expect(dec((await probe.read('expense-reports', r2.documentId)).rebilledAmountExclTax)).toBe('300.00');
    expect(await probe.byBucket(customer)).toEqual({ deliveries: '420.50' });
    const again = await probe.op(`/api/projects/${p.documentId}/expenses-rebilling`, { article: fees });
    expect([again.status, fieldErrors(again)]).toEqual([400, [expect.stringMatching(/^expenseReports: no rebillable expense of project .* is left to rebill/)]]);
    expect(await deliveriesOf(customer)).toHaveLength(1);
    expect(await probe.drift()).toEqual([]);
  });

  test('an expense is rebilled once, whatever the path; cancelling the note frees it; the report keeps what was rebilled', async () => {
    const customer = await customerWithPolicy();
    const p = await project(customer);
    const r = await report(p.documentId, [['80.00', true], ['20.00', true]]);
    const first = await probe.op(`/api/projects/${p.documentId}/expenses-rebilling`, { article: fees });
    expect(first.status).toBe(201);
    // by hand, through the plain API, naming an expense already rebilled
    const byHand = await app.api().post('/api/deliveries').send({ data: {
      number: uniq('DEL'), customer, currency: eur, date: '2026-04-03', state: 'delivered', expenseReports: [r.documentId],
      lines: [{ label: 'again', quantity: 1, unitPrice: 80, vatRate: 20, sourceKey: r.lines[0].key }],
    } });
    expect([byHand.status, fieldErrors(byHand)]).toEqual([400, [expect.stringMatching(/^lines.0.sourceKey: this item of expense report .* is already rebilled by DEL-/)]]);
    // the report cannot drop a rebilled expense, nor make it not rebillable, nor leave approved
    const dropped = await app.api().put(`/api/expense-reports/${r.documentId}`).send({ data: { lines: [{ key: r.lines[1].key, date: '2026-03-11', nature: 'travel', amountExclTax: '20.00', rebillable: true }] } });
    expect([dropped.status, fieldErrors(dropped)]).toEqual([400, [expect.stringMatching(/^lines: an item rebilled by DEL-.* cannot be removed/)]]);
    const unflagged = await app.api().put(`/api/expense-reports/${r.documentId}`).send({ data: { lines: r.lines.map((l: any) => ({ key: l.key, date: l.date, nature: l.nature, amountExclTax: l.amountExclTax, rebillable: false })) } });
    expect([unflagged.status, fieldErrors(unflagged)[0]]).toEqual([400, expect.stringMatching(/^lines: an item rebilled by DEL-.* must stay rebillable/)]);
    const rejected = await app.api().put(`/api/expense-reports/${r.documentId}`).send({ data: { state: 'rejected' } });
    expect([rejected.status, fieldErrors(rejected)]).toEqual([400, [expect.stringMatching(/^state: its items are rebilled by DEL-.*: it stays approved until they are cancelled/)]]);
    expect((await app.api().delete(`/api/expense-reports/${r.documentId}`)).status).toBe(400);
    // the rebilled figure is derived: typed, it is refused
    const typed = await app.api().put(`/api/expense-reports/${r.documentId}`).send({ data: { rebilledAmountExclTax: '0.00' } });
    expect([typed.status, fieldErrors(typed)]).toEqual([400, ['rebilledAmountExclTax: rebilledAmountExclTax is derived from the linked documents and cannot be set']]);
    expect((await app.api().put(`/api/deliveries/${first.body.data.documentId}`).send({ data: { state: 'cancelled' } })).status).toBe(200);
    expect(dec((await probe.read('expense-reports', r.documentId)).rebilledAmountExclTax)).toBe('0.00');
    expect((await probe.op(`/api/projects/${p.documentId}/expenses-rebilling`, { article: fees })).status).toBe(201);
  });

  test('refused: no article; another project\'s report; the credit check under the deliveries gate; preview writes nothing', async () => {
    const customer = await customerWithPolicy({ mode: 'block', threshold: '100.00' });
    const p = await project(customer);
    await report(p.documentId, [['500.00', true]]);
    const other = await report((await project(customer)).documentId, [['10.00', true]]);
    const noArticle = await probe.op(`/api/projects/${p.documentId}/expenses-rebilling`);
    expect([noArticle.status, fieldErrors(noArticle)]).toEqual([400, [expect.stringMatching(/^article: give the article the lines are billed under \(no article with the configured code "FRAIS-DEPL"\)/)]]);
    const foreign = await probe.op(`/api/projects/${p.documentId}/expenses-rebilling`, { article: fees, expenseReports: [other.documentId] });
    expect([foreign.status, fieldErrors(foreign)]).toEqual([400, [expect.stringMatching(/^expenseReports: expense report .* is not an approved report of project/)]]);
    const preview = await probe.op(`/api/projects/${p.documentId}/expenses-rebilling`, { article: fees, preview: true });
    expect([preview.status, preview.body.data.amountExclTax]).toEqual([200, '500.00']);
    const refused = await probe.op(`/api/projects/${p.documentId}/expenses-rebilling`, { article: fees });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/^Credit blocked: outstanding [\d,.]+ EUR exceeds the 100.00 EUR threshold/);
    expect(await deliveriesOf(customer)).toHaveLength(0);
  });
});

describe('training sessions', () => {
  const opportunity = (customer: string, data: Record<string, unknown> = {}) =>
    f.post('training-opportunities?populate[trainingLines][populate]=article', {
      number: uniq('TOP'), customer, currency: eur, title: 'Excel', date: '2026-02-01', state: 'won',
      trainingLines: [
        { label: 'Excel basics', sessionDate: '2026-03-02', trainees: 6, amountExclTax: '1800.00', status: 'won', held: true, article: fees },
        { label: 'Excel advanced', sessionDate: '2026-04-06', trainees: 4, amountExclTax: '2400.00', status: 'won', held: false, article: fees },
      ],
      ...data,
    });

  test('a held session makes its note; the next held one makes the next; never twice', async () => {
    const customer = await customerWithPolicy();
    const o = await opportunity(customer);
    const [basics, advanced] = o.trainingLines;
    const res = await probe.op(`/api/training-opportunities/${o.documentId}/deliveries`, { date: '2026-03-03' });
    expect(res.status).toBe(201);
    expect([res.body.data.origin, dec(res.body.data.amountExclTax)]).toEqual(['trainingSession', '1800.00']);
    expect(res.body.data.lines.map((l: any) => [l.label, l.sourceKey])).toEqual([['Excel basics (2026-03-02, 6 trainees)', basics.key]]);
    expect(dec((await probe.read('training-opportunities', o.documentId)).deliveredAmountExclTax)).toBe('1800.00');
    const none = await probe.op(`/api/training-opportunities/${o.documentId}/deliveries`);
    expect([none.status, fieldErrors(none)]).toEqual([400, [expect.stringMatching(/^sessions: no held session of training opportunity .* is left to deliver/)]]);
    // the second session is held: its note comes next; keys last across the edit
    const held = await app.api().put(`/api/training-opportunities/${o.documentId}`).send({ data: {
      trainingLines: o.trainingLines.map((l: any) => ({ key: l.key, label: l.label, sessionDate: l.sessionDate, trainees: l.trainees, amountExclTax: l.amountExclTax, status: l.status, held: true, article: fees })),
    } });
    expect(held.status).toBe(200);
    const second = await probe.op(`/api/training-opportunities/${o.documentId}/deliveries`, { sessions: [advanced.key] });
    expect([second.status, second.body.data.lines.map((l: any) => l.sourceKey)]).toEqual([201, [advanced.key]]);
    expect(dec((await probe.read('training-opportunities', o.documentId)).deliveredAmountExclTax)).toBe('4200.00');
    const twice = await probe.op(`/api/training-opportunities/${o.documentId}/deliveries`, { sessions: [basics.key] });
    expect([twice.status, fieldErrors(twice)]).toEqual([400, [expect.stringMatching(/^sessions: session .* is not held, or already delivered/)]]);
    expect(await probe.drift()).toEqual([]);
  });

  test('an open opportunity delivers nothing; a blocked customer is refused under the deliveries gate', async () => {
    const customer = await customerWithPolicy();
    const open = await opportunity(customer, { state: 'open' });
    const res = await probe.op(`/api/training-opportunities/${open.documentId}/deliveries`);
    expect([res.status, fieldErrors(res)]).toEqual([400, [expect.stringMatching(/^state: training opportunity .* is open: only a won training opportunity delivers its sessions/)]]);
    const blocked = await customerWithPolicy();
    const won = await opportunity(blocked);
    expect((await app.api().post(`/api/credit-control/parties/${blocked}/block`).send({ reason: 'litigation' })).status).toBe(200);
    const refused = await probe.op(`/api/training-opportunities/${won.documentId}/deliveries`);
    expect([refused.status, refused.body.error.message]).toEqual([400, expect.stringMatching(/^Credit blocked: the customer is blocked/)]);
    expect(await deliveriesOf(blocked)).toHaveLength(0);
  });

  test('over GraphQL', async () => {
    const customer = await customerWithPolicy();
    const o = await opportunity(customer);
    const gql = async (query: string, variables: Record<string, unknown> = {}) => (await app.api().post('/graphql').send({ query, variables })).body;
    const made = await gql('mutation($id: ID!) { deliverSessions(documentId: $id) { documentId origin amountExclTax } }', { id: o.documentId });
    expect(made.errors).toBeUndefined();
    expect(made.data.deliverSessions).toMatchObject({ origin: 'trainingSession', amountExclTax: 1800 });
    const p = await project(customer);
    await report(p.documentId, [['75.00', true]]);
    const rebilled = await gql('mutation($id: ID!, $a: ID) { rebillExpenses(documentId: $id, data: { article: $a }) { origin amountExclTax } }', { id: p.documentId, a: fees });
    expect(rebilled.data.rebillExpenses).toMatchObject({ origin: 'expensesRebilling', amountExclTax: 75 });
  });
});
