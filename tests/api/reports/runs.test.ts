/**
 * Batch runs over a seeded book of ~300 customers: progress reaches the total, the PDF has one
 * section per customer with something to show, and parties are read one page at a time.
 */
import { seed } from '../../../database/seeds';
import { binary, pdfText } from '../../helpers/pdf-text';
import { testApp } from '../../helpers/strapi';

const app = testApp();
beforeAll(async () => {
  await seed(app.strapi, { customers: 300, documents: 900, seed: 11, asOf: '2026-06-30' });
}, 600_000);

const waitFor = async (id: string) => {
  for (let i = 0; i < 600; i += 1) {
    const res = await app.api().get(`/api/credit-control/reports/runs/${id}`);
    if (['done', 'failed'].includes(res.body.data.state)) return res.body.data;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`run ${id} did not finish`);
};

/** Parties the statement must show: an open item with a balance, or a counted payment. */
async function expectedSections(strapi: any): Promise<number> {
  const parties = new Set<string>();
  const invoices = await strapi.db.query('api::invoice.invoice').findMany({ where: { state: { $in: ['issued', 'partiallyPaid'] } }, populate: { customer: true, customerToBill: true } });
  for (const i of invoices) if (Math.round(Number(i.amountInclTax) * 100) !== Math.round(Number(i.amountPaid ?? 0) * 100)) parties.add((i.customerToBill ?? i.customer).documentId);
  const receipts = await strapi.db.query('api::receipt.receipt').findMany({ where: { state: { $notIn: ['cancelled'] } }, populate: { customer: true } });
  for (const r of receipts) parties.add(r.customer.documentId);
  return parties.size;
}

describe('batch report runs', () => {
  it('runs a statement over the whole range in the background, with progress, a page of parties at a time', async () => {
    const partyUid = 'api::customer.customer';
    const parties = await app.strapi.db.query(partyUid).count({});
    expect(parties).toBeGreaterThanOrEqual(300);
    const limits: unknown[] = [];
    const query = app.strapi.db.query.bind(app.strapi.db);
    const spy = jest.spyOn(app.strapi.db, 'query').mockImplementation((uid: any) => {
      const q = query(uid);
      if (uid !== partyUid) return q;
      const findMany = q.findMany.bind(q);
      return { ...q, findMany: (params: any) => (limits.push(params?.limit), findMany(params)) };
    });
    try {
      const start = await app.api().post('/api/credit-control/reports/runs').send({ kind: 'statement', criteria: { asOf: '2026-06-30', sort: 'code' } });
      expect(start.status).toBe(202);
      expect(start.body.data).toMatchObject({ kind: 'statement', state: 'queued', done: 0 });
      const run = await waitFor(start.body.data.id);
      expect(run).toMatchObject({ state: 'done', total: parties, done: parties, error: null });
      expect(run.sections).toBe(await expectedSections(app.strapi));

      const file = await app.api().get(`/api/credit-control/reports/runs/${run.id}/file`).buffer(true).parse(binary);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      const { text } = await pdfText(file.body);
      expect(text.match(/Relevé de compte client/g)).toHaveLength(run.sections);
      expect(text).toContain(`Total général · ${run.sections} clients`);
    } finally {
      spy.mockRestore();
    }
    // flat memory: every read of parties is one page of at most 200 rows, and there were several
    const pages = limits.filter((l) => l !== undefined);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.every((l) => l === 200)).toBe(true);
    expect(limits.filter((l) => l === undefined)).toEqual([]);
  }, 300_000);

  it('runs a dunning batch that records, and refuses bad requests', async () => {
    const start = await app.api().post('/api/credit-control/reports/runs').send({ kind: 'dunning', record: true, criteria: { asOf: '2026-06-30', format: 'summary' } });
    expect(start.status).toBe(202);
    const run = await waitFor(start.body.data.id);
    expect(run.state).toBe('done');
    expect(run.sections).toBeGreaterThan(0);
    const records = await app.api().get('/api/credit-control/reports/dunning-records').query({ pageSize: 1 });
    expect(records.body.data[0].runId).toBe(run.id);
    expect(records.body.meta.pagination.total).toBeGreaterThanOrEqual(run.sections);

    const bad = await app.api().post('/api/credit-control/reports/runs').send({ kind: 'statement', criteria: { sort: 'amount' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['criteria', 'sort']);
    expect((await app.api().post('/api/credit-control/reports/runs').send({ kind: 'ledger' })).body.error.details.errors[0].path).toEqual(['kind']);
    expect((await app.api().get('/api/credit-control/reports/runs/nope')).status).toBe(404);
  }, 300_000);

  it('reports a run whose server stopped mid-way as failed, and leaves a live one running', async () => {
    const runs = () => app.strapi.db.connection('credit_control_report_runs');
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    const row = (id: string, beat: Date) => ({
      id, kind: 'statement', criteria: JSON.stringify({ kind: 'statement', criteria: { asOf: '2026-06-30' } }),
      state: 'running', done: 3, total: 10, created_at: minutesAgo(10), beat_at: beat,
    });
    await runs().insert([row('stopped-run', minutesAgo(5)), row('live-run', new Date())]);

    const stopped = await app.api().get('/api/credit-control/reports/runs/stopped-run');
    expect(stopped.status).toBe(200);
    expect(stopped.body.data).toMatchObject({ state: 'failed', done: 3, total: 10 });
    expect(stopped.body.data.error).toMatch(/interrupted: the server stopped during the run/);
    expect(stopped.body.data.finishedAt).not.toBeNull();
    expect((await runs().where({ id: 'stopped-run' }).first()).state).toBe('failed');
    const file = await app.api().get('/api/credit-control/reports/runs/stopped-run/file');
    expect(file.status).toBe(400);
    expect(file.body.error.message).toMatch(/is failed/);

    const live = await app.api().get('/api/credit-control/reports/runs/live-run');
    expect(live.body.data).toMatchObject({ state: 'running', done: 3, error: null, finishedAt: null });
  });
});
