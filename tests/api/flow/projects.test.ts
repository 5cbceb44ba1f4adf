import { dec, Factories, fieldErrors, Probes, startingKit, uniq } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

// "Creating a quotation from a schedule and from a task"; a due schedule line billed straight. Each item once.
const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;
let article: string;

beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
  article = (await f.article({ label: 'Journée de conseil' })).documentId;
});

async function project(data: Record<string, unknown> = {}) {
  const customer = (await f.bareCustomer()).documentId;
  await f.creditPolicy(customer, { mode: 'alert', threshold: '1000000.00', currency: 'EUR' });
  const made = await f.post('projects?populate[tasks]=true&populate[billingSchedule]=true', {
    code: uniq('PRJ'), name: 'ERP roll-out', customer, currency: eur, state: 'active', amountExclTax: '20000.00',
    tasks: [
      { label: 'Workshops', plannedDays: '5', dailyRate: '950.00', article },
      { label: 'Set-up', plannedAmountExclTax: '3000.00', article },
    ],
    billingSchedule: [
      { dueDate: '2026-01-15', label: 'Kick-off', percentage: '30', article },
      { dueDate: '2026-06-30', label: 'Go-live', amountExclTax: '14000.00', article },
    ],
    ...data,
  });
  return { customer, project: made };
}

test('tasks are priced, the schedule follows the project amount and never passes it', async () => {
  const { project: p } = await project();
  expect(p.tasks.map((t: any) => dec(t.plannedAmountExclTax))).toEqual(['4750.00', '3000.00']);
  expect(p.billingSchedule.map((l: any) => dec(l.amountExclTax))).toEqual(['6000.00', '14000.00']);
  const over = await app.api().put(`/api/projects/${p.documentId}`).send({ data: { amountExclTax: '15000.00' } });
  expect([over.status, fieldErrors(over)]).toEqual([400, ['billingSchedule: the schedule comes to 18500.00, more than the project amount 15000.00']]);
  const bad = await app.api().post('/api/projects').send({ data: { code: uniq('PRJ'), name: 'x', tasks: [{ label: 'nothing' }], billingSchedule: [{ dueDate: '2026-01-01', percentage: '10' }] } });
  expect([bad.status, fieldErrors(bad)]).toEqual([400, [
    'tasks.0.plannedAmountExclTax: a task gives planned days and a daily rate, or a planned amount',
    'billingSchedule.0.percentage: a percentage of the project needs the project amount (amountExclTax)',
  ]]);
});

test('a quotation from the tasks, then none left; refusing it frees them; the project derives what was quoted', async () => {
  const { customer, project: p } = await project();
  const res = await probe.op(`/api/projects/${p.documentId}/quotations`, { from: 'tasks' });
  expect(res.status).toBe(201);
  const q = res.body.data;
  expect([q.origin, q.state, dec(q.amountExclTax)]).toEqual(['task', 'draft', '7750.00']);
  expect(q.lines.map((l: any) => [l.label, dec(l.quantity, 3), dec(l.unitPrice), l.sourceKey])).toEqual([
    ['Workshops', '5.000', '950.00', p.tasks[0].key],
    ['Set-up', '1.000', '3000.00', p.tasks[1].key],
  ]);
  expect(dec((await probe.read('projects', p.documentId)).quotedAmountExclTax)).toBe('7750.00');
  expect(await probe.byBucket(customer)).toEqual({ quotations: '7750.00' });
  const again = await probe.op(`/api/projects/${p.documentId}/quotations`, { from: 'tasks' });
  expect([again.status, fieldErrors(again)]).toEqual([400, [expect.stringMatching(/^items: nothing of project .* is left to quote/)]]);
  // a task cannot leave the project while quoted
  const dropped = await app.api().put(`/api/projects/${p.documentId}`).send({ data: { tasks: [{ key: p.tasks[1].key, label: 'Set-up', plannedAmountExclTax: '3000.00' }] } });
  expect([dropped.status, fieldErrors(dropped)[0]]).toEqual([400, expect.stringMatching(/^tasks: an item quoted by QUO-.* cannot be removed/)]);
  expect((await app.api().put(`/api/quotations/${q.documentId}`).send({ data: { state: 'refused' } })).status).toBe(200);
  expect(dec((await probe.read('projects', p.documentId)).quotedAmountExclTax)).toBe('0.00');
  expect((await probe.op(`/api/projects/${p.documentId}/quotations`, { from: 'tasks', items: [p.tasks[0].key] })).status).toBe(201);
  expect(await probe.drift()).toEqual([]);
});

test('a due schedule line goes straight to a delivery or a billing table, once; a quoted line cannot be billed straight', async () => {
  const { customer, project: p } = await project();
  const [kickOff, goLive] = p.billingSchedule.map((l: any) => l.key);
  const early = await probe.op(`/api/projects/${p.documentId}/schedule-billing`, { dueDate: '2026-01-01' });
  expect([early.status, fieldErrors(early)]).toEqual([400, [expect.stringMatching(/^items: no schedule line of project .* is due on 2026-01-01/)]]);
  const res = await probe.op(`/api/projects/${p.documentId}/schedule-billing`, { dueDate: '2026-02-01' });
  expect(res.status).toBe(201);
  expect([res.body.data.origin, dec(res.body.data.amountExclTax), res.body.data.lines.map((l: any) => l.sourceKey)]).toEqual(['schedule', '6000.00', [kickOff]]);
  expect(dec((await probe.read('projects', p.documentId)).billedAmountExclTax)).toBe('6000.00');
  expect(await probe.byBucket(customer)).toEqual({ deliveries: '6000.00' });
  const twice = await probe.op(`/api/projects/${p.documentId}/schedule-billing`, { make: 'billingTable', dueDate: '2026-02-01' });
  expect(twice.status).toBe(400);
  // the go-live line is quoted: it is then billed through its quotation, not straight
  expect((await probe.op(`/api/projects/${p.documentId}/quotations`, { from: 'schedule' })).body.data.lines.map((l: any) => l.sourceKey)).toEqual([goLive]);
  const quoted = await probe.op(`/api/projects/${p.documentId}/schedule-billing`, { make: 'billingTable', dueDate: '2026-07-01' });
  expect([quoted.status, fieldErrors(quoted)]).toEqual([400, [expect.stringMatching(/left to bill/)]]);
  // by hand, naming the billed line again: refused
  const byHand = await app.api().post('/api/billing-tables').send({ data: {
    number: uniq('BT'), customer, currency: eur, project: p.documentId, date: '2026-02-02', state: 'validated',
    lines: [{ label: 'again', quantity: 1, unitPrice: 6000, vatRate: 20, sourceKey: kickOff }],
  } });
  expect([byHand.status, fieldErrors(byHand)]).toEqual([400, [expect.stringMatching(/^lines.0.sourceKey: this item of project .* is already billed by DEL-/)]]);
  expect(await probe.drift()).toEqual([]);
});
