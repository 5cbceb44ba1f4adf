import { dec, Factories, fieldErrors, Probes, startingKit, uniq } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

// "Generating a delivery note from a contract": one note per billing period, never twice, alone or as a batch.
const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;
let article: string;

beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
  article = (await f.article({ label: 'Maintenance' })).documentId;
});

const contract = (customer: string, data: Record<string, unknown> = {}) =>
  f.post('maintenance-contracts', {
    number: uniq('MC'), customer, currency: eur, title: 'Server maintenance', article,
    startDate: '2026-01-01', billingFrequency: 'quarterly', annualAmountExclTax: '4800.00', state: 'active', ...data,
  });
const notesOf = async (contractId: string) =>
  (await app.api().get(`/api/deliveries?filters[contract][documentId][$eq]=${contractId}&sort=periodStart&populate=lines`)).body.data;
async function customerWithPolicy(data: Record<string, unknown> = {}) {
  const customer = (await f.bareCustomer()).documentId;
  await f.creditPolicy(customer, { mode: 'alert', threshold: '1000000.00', currency: 'EUR', ...data });
  return customer;
}
async function finished(run: any) {
  for (let i = 0; i < 200 && run.state === 'running'; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    run = (await app.api().get(`/api/contract-billing-runs/${run.documentId}`)).body.data;
  }
  return run;
}

describe('one contract', () => {
  test('the next period is billed: the note, its line at the VAT of the article, the contract figures, the exposure', async () => {
    const customer = await customerWithPolicy();
    const c = await contract(customer);
    const res = await probe.op(`/api/maintenance-contracts/${c.documentId}/deliveries`, { date: '2026-01-02' });
    expect(res.status).toBe(201);
    const note = res.body.data;
    expect([note.origin, note.state, note.periodStart, note.periodEnd, dec(note.amountExclTax), dec(note.amountInclTax)])
      .toEqual(['contract', 'delivered', '2026-01-01', '2026-03-31', '1200.00', '1440.00']);
    expect(note.lines).toHaveLength(1);
    expect(note.lines[0].label).toBe('Server maintenance (2026-01-01 – 2026-03-31)');
    const stored = await probe.read('maintenance-contracts', c.documentId);
    expect([stored.billedUntil, dec(stored.billedAmountExclTax)]).toEqual(['2026-03-31', '1200.00']);
    expect(await probe.byBucket(customer)).toEqual({ deliveries: '1200.00' });
    // the next call bills the next period
    const second = await probe.op(`/api/maintenance-contracts/${c.documentId}/deliveries`);
    expect([second.status, second.body.data.periodStart]).toEqual([201, '2026-04-01']);
    expect(await probe.byBucket(customer)).toEqual({ deliveries: '2400.00' });
    expect(await probe.drift()).toEqual([]);
  });

  test('a period is billed once: by the operation, by hand, or by a period that is not one of the contract', async () => {
    const customer = await customerWithPolicy();
    const c = await contract(customer);
    expect((await probe.op(`/api/maintenance-contracts/${c.documentId}/deliveries`, { periodStart: '2026-04-01' })).status).toBe(201);
    const again = await probe.op(`/api/maintenance-contracts/${c.documentId}/deliveries`, { periodStart: '2026-04-01' });
    expect([again.status, fieldErrors(again)]).toEqual([400, [expect.stringMatching(/^periodStart: the period from 2026-04-01 of contract .* is already billed/)]]);
    const notAPeriod = await probe.op(`/api/maintenance-contracts/${c.documentId}/deliveries`, { periodStart: '2026-04-02' });
    expect([notAPeriod.status, fieldErrors(notAPeriod)]).toEqual([400, [expect.stringMatching(/^periodStart: no billing period of contract .* starts on 2026-04-02/)]]);
    // typed by hand through the plain API: the same rule
    const byHand = await app.api().post('/api/deliveries').send({ data: {
      number: uniq('DEL'), customer, currency: eur, date: '2026-04-02', state: 'delivered', contract: c.documentId,
      periodStart: '2026-04-01', periodEnd: '2026-06-30', lines: [{ label: 'maintenance', quantity: 1, unitPrice: 1200, vatRate: 20 }],
    } });
    expect([byHand.status, fieldErrors(byHand)]).toEqual([400, [expect.stringMatching(/^periodStart: the period from 2026-04-01 .* is already billed by delivery DEL-/)]]);
    const wrongEnd = await app.api().post('/api/deliveries').send({ data: {
      number: uniq('DEL'), customer, currency: eur, date: '2026-04-02', state: 'delivered', contract: c.documentId,
      periodStart: '2026-07-01', periodEnd: '2026-07-31', lines: [{ label: 'maintenance', quantity: 1, unitPrice: 400, vatRate: 20 }],
    } });
    expect([wrongEnd.status, fieldErrors(wrongEnd)]).toEqual([400, ['periodEnd: the period of contract ' + c.number + ' that starts on 2026-07-01 ends on 2026-09-30']]);
    expect(await notesOf(c.documentId)).toHaveLength(1);
    // a cancelled note frees its period
    const [note] = await notesOf(c.documentId);
    expect((await app.api().put(`/api/deliveries/${note.documentId}`).send({ data: { state: 'cancelled' } })).status).toBe(200);
    expect((await probe.read('maintenance-contracts', c.documentId)).billedUntil).toBeNull();
    expect((await probe.op(`/api/maintenance-contracts/${c.documentId}/deliveries`, { periodStart: '2026-04-01' })).status).toBe(201);
  });

  test('refused: a contract not active, without an article, billed to its end; another customer on the note; derived figures typed', async () => {
    const customer = await customerWithPolicy();
    const suspended = await contract(customer, { state: 'suspended' });
    const res1 = await probe.op(`/api/maintenance-contracts/${suspended.documentId}/deliveries`);
    expect([res1.status, fieldErrors(res1)]).toEqual([400, [expect.stringMatching(/^state: contract .* is suspended: only an active contract is billed/)]]);
    const bare = await contract(customer, { article: null });
    const res2 = await probe.op(`/api/maintenance-contracts/${bare.documentId}/deliveries`);
    expect([res2.status, fieldErrors(res2)]).toEqual([400, [expect.stringMatching(/^article: contract .* names no article/)]]);
    const short = await contract(customer, { billingFrequency: 'yearly', endDate: '2026-12-31' });
    expect((await probe.op(`/api/maintenance-contracts/${short.documentId}/deliveries`)).status).toBe(201);
    const res3 = await probe.op(`/api/maintenance-contracts/${short.documentId}/deliveries`);
    expect([res3.status, fieldErrors(res3)]).toEqual([400, [expect.stringMatching(/^periodStart: every period of contract .* is billed/)]]);
    const other = (await f.bareCustomer()).documentId;
    const c = await contract(customer);
    const foreign = await app.api().post('/api/deliveries').send({ data: {
      number: uniq('DEL'), customer: other, currency: eur, date: '2026-01-02', state: 'delivered', contract: c.documentId,
      periodStart: '2026-01-01', periodEnd: '2026-03-31', lines: [{ label: 'maintenance', quantity: 1, unitPrice: 1200, vatRate: 20 }],
    } });
    expect([foreign.status, fieldErrors(foreign)]).toEqual([400, [expect.stringMatching(/^customer: contract .* is for another customer/)]]);
    const typed = await app.api().put(`/api/maintenance-contracts/${c.documentId}`).send({ data: { billedUntil: '2026-12-31' } });
    expect([typed.status, fieldErrors(typed)]).toEqual([400, ['billedUntil: billedUntil is derived from the linked documents and cannot be set']]);
    const unknown = await probe.op(`/api/maintenance-contracts/${c.documentId}/deliveries`, { period: '2026-01-01' });
    expect([unknown.status, fieldErrors(unknown)[0]]).toEqual([400, expect.stringMatching(/^period: period is not a field of this operation/)]);
  });

  test('a billed contract keeps its terms: no new start date or frequency under its notes, no deletion', async () => {
    const customer = await customerWithPolicy();
    const c = await contract(customer);
    expect((await probe.op(`/api/maintenance-contracts/${c.documentId}/deliveries`)).status).toBe(201);
    const moved = await app.api().put(`/api/maintenance-contracts/${c.documentId}`).send({ data: { billingFrequency: 'monthly' } });
    expect([moved.status, fieldErrors(moved)]).toEqual([400, [expect.stringMatching(/bills 2026-01-01 to 2026-03-31, which would no longer be a period of this contract/)]]);
    // the amount may change: periods still to bill take the new one
    expect((await app.api().put(`/api/maintenance-contracts/${c.documentId}`).send({ data: { annualAmountExclTax: '6000.00' } })).status).toBe(200);
    expect(dec((await probe.op(`/api/maintenance-contracts/${c.documentId}/deliveries`)).body.data.amountExclTax)).toBe('1500.00');
    const deleted = await app.api().delete(`/api/maintenance-contracts/${c.documentId}`);
    expect([deleted.status, fieldErrors(deleted)]).toEqual([400, [expect.stringMatching(/^state: delivery notes were made from contract/)]]);
  });

  test('preview shows the note without writing it', async () => {
    const customer = await customerWithPolicy();
    const c = await contract(customer, { billingFrequency: 'monthly', annualAmountExclTax: '1000.00' });
    const res = await probe.op(`/api/maintenance-contracts/${c.documentId}/deliveries`, { preview: true });
    expect([res.status, res.body.meta.preview, res.body.data.periodEnd, res.body.data.amountExclTax]).toEqual([200, true, '2026-01-31', '83.33']);
    expect(await notesOf(c.documentId)).toHaveLength(0);
  });

  test('the note is invoiced through the billing tool; the invoice names the contract', async () => {
    const customer = await customerWithPolicy();
    const c = await contract(customer);
    const note = (await probe.op(`/api/maintenance-contracts/${c.documentId}/deliveries`)).body.data;
    const res = await probe.op('/api/invoices/from-sources', { deliveries: [note.documentId] });
    expect(res.status).toBe(201);
    const invoice = await probe.read('invoices', res.body.data[0].documentId, 'contract');
    expect([invoice.contract?.documentId, dec(invoice.amountExclTax)]).toEqual([c.documentId, '1200.00']);
    expect(await probe.byBucket(customer)).toEqual({ invoices: '1200.00' }); // pre-tax, as every bucket
    expect(await probe.drift()).toEqual([]);
    // the chain: contract → note → invoice, read from either end
    const fromContract = (await app.api().get(`/api/sales-flow/maintenance-contracts/${c.documentId}/chain`)).body.data;
    expect(fromContract.made.map((n: any) => [n.type, n.number, n.made.map((m: any) => m.type)])).toEqual([['delivery', note.number, ['invoice']]]);
    const fromNote = (await app.api().get(`/api/sales-flow/deliveries/${note.documentId}/chain`)).body.data;
    expect(fromNote.from).toEqual([expect.objectContaining({ type: 'maintenance-contract', number: c.number, link: 'contract', date: '2026-01-01', amountExclTax: expect.stringMatching(/^4800/) })]);
  });

  test('refused by the credit check under the deliveries gate, with the clerk message, nothing written', async () => {
    const customer = await customerWithPolicy({ mode: 'block', threshold: '1000.00' });
    const c = await contract(customer);
    const res = await probe.op(`/api/maintenance-contracts/${c.documentId}/deliveries`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Credit blocked: outstanding [\d,.]+ EUR exceeds the 1,000.00 EUR threshold/);
    expect(await notesOf(c.documentId)).toHaveLength(0);
    expect((await probe.read('maintenance-contracts', c.documentId)).billedUntil).toBeNull();
    const decisions = (await app.api().get(`/api/credit-control/decisions?party=${customer}`)).body.data;
    expect(decisions.find((d: any) => d.documentUid === 'api::delivery.delivery')).toMatchObject({ outcome: 'refused', gate: 'deliveries' });
  });
});

describe('the batch: every contract due at a date', () => {
  test('N contracts due, one run, N notes with progress; a second run makes none; a refused customer does not stop the others', async () => {
    const customer = await customerWithPolicy();
    const blocked = await customerWithPolicy({ mode: 'block', threshold: '100.00' });
    // the run bills one company's contracts: other tests' contracts are of none
    const company = (await f.company()).documentId;
    const start = '2031-02-01';
    const due = await Promise.all([0, 1, 2, 3].map(() => contract(customer, { startDate: start, company })));
    const catchingUp = await contract(customer, { startDate: '2030-08-01', company }); // three quarters due
    const refused = await contract(blocked, { startDate: start, company });
    const notYet = await contract(customer, { startDate: '2031-02-02', company });
    const elsewhere = await contract(customer, { startDate: start });
    const run = await app.api().post('/api/contract-billing-runs').send({ data: { dueDate: '2031-02-01', company } });
    expect([202, 201]).toContain(run.status);
    const done = await finished(run.body.data);
    expect(done).toMatchObject({ state: 'done', dueDate: '2031-02-01', contractsBilled: 5, deliveriesMade: 7, contractsRefused: 1 });
    expect([done.total, done.processed, done.company]).toEqual([6, 6, company]);
    expect(await notesOf(elsewhere.documentId)).toHaveLength(0);
    for (const c of due) expect((await notesOf(c.documentId)).map((n: any) => n.periodStart)).toEqual([start]);
    expect((await notesOf(catchingUp.documentId)).map((n: any) => n.periodStart)).toEqual(['2030-08-01', '2030-11-01', '2031-02-01']);
    expect(await notesOf(notYet.documentId)).toHaveLength(0);
    expect(await notesOf(refused.documentId)).toHaveLength(0);
    const refusal = done.outcomes.find((o: any) => o.contract === refused.documentId);
    expect(refusal).toMatchObject({ outcome: 'refused', credit: true, message: expect.stringMatching(/^Credit blocked/) });
    expect(done.outcomes.find((o: any) => o.contract === catchingUp.documentId).deliveries).toHaveLength(3);
    expect(await probe.byBucket(customer)).toMatchObject({ deliveries: dec(1200 * 7) });

    const second = await app.api().post('/api/contract-billing-runs').send({ data: { dueDate: '2031-02-01', company, wait: true } });
    expect(second.status).toBe(201);
    expect(second.body.data).toMatchObject({ state: 'done', contractsBilled: 0, deliveriesMade: 0 });
    for (const c of [...due, catchingUp]) expect(await notesOf(c.documentId)).toHaveLength(due.includes(c) ? 1 : 3);
    const listed = (await app.api().get('/api/contract-billing-runs')).body.data;
    expect(listed.map((r: any) => r.documentId).slice(0, 2)).toEqual([second.body.data.documentId, done.documentId]);
    expect(await probe.drift()).toEqual([]);
  });

  test('two runs at once for one date bill each period once', async () => {
    const customer = await customerWithPolicy();
    const company = (await f.company()).documentId;
    const contracts = await Promise.all([0, 1, 2].map(() => contract(customer, { startDate: '2032-01-01', company })));
    const runs = await Promise.all([0, 1].map(() => app.api().post('/api/contract-billing-runs').send({ data: { dueDate: '2032-01-01', company, wait: true } })));
    expect(runs.map((r) => r.status)).toEqual([201, 201]);
    expect(runs.map((r) => r.body.data.deliveriesMade).reduce((a, b) => a + b, 0)).toBe(3);
    for (const c of contracts) expect(await notesOf(c.documentId)).toHaveLength(1);
  });

  test('over GraphQL: one contract, a preview, the batch and its run', async () => {
    const gql = async (query: string, variables: Record<string, unknown> = {}) => (await app.api().post('/graphql').send({ query, variables })).body;
    const customer = await customerWithPolicy();
    const company = (await f.company()).documentId;
    const c = await contract(customer, { startDate: '2033-01-01', company });
    const preview = await gql('query($id: ID) { salesFlowPreview(operation: "deliveryFromContract", documentId: $id) }', { id: c.documentId });
    expect(preview.data.salesFlowPreview).toMatchObject({ periodStart: '2033-01-01', periodEnd: '2033-03-31', amountExclTax: '1200.00' });
    const made = await gql('mutation($id: ID!) { deliveryFromContract(documentId: $id, data: { periodStart: "2033-01-01" }) { documentId periodStart periodEnd amountExclTax origin } }', { id: c.documentId });
    expect(made.errors).toBeUndefined();
    expect(made.data.deliveryFromContract).toMatchObject({ periodStart: '2033-01-01', periodEnd: '2033-03-31', amountExclTax: 1200, origin: 'contract' });
    const twice = await gql('mutation($id: ID!) { deliveryFromContract(documentId: $id, data: { periodStart: "2033-01-01" }) { documentId } }', { id: c.documentId });
    expect([twice.errors[0].extensions.code, twice.errors[0].message]).toEqual(['BAD_USER_INPUT', expect.stringMatching(/already billed/)]);
    const run = await gql('mutation($c: ID) { startContractBilling(data: { dueDate: "2033-04-01", company: $c, wait: true }) }', { c: company });
    expect(run.data.startContractBilling).toMatchObject({ state: 'done', deliveriesMade: 1, total: 1 });
    const read = await gql('query($id: ID!) { contractBillingRun(documentId: $id) }', { id: run.data.startContractBilling.documentId });
    expect(read.data.contractBillingRun).toMatchObject({ state: 'done', processed: 1 });
  });

  test('a bad or missing date is a 400 naming the field; an unknown run is a 404', async () => {
    const res = await app.api().post('/api/contract-billing-runs').send({ data: { dueDate: '2031-13-45' } });
    expect([res.status, fieldErrors(res)]).toEqual([400, ['dueDate: dueDate must be a date YYYY-MM-DD']]);
    const none = await app.api().post('/api/contract-billing-runs').send({ data: {} });
    expect([none.status, fieldErrors(none)]).toEqual([400, [expect.stringMatching(/^dueDate: dueDate is required/)]]);
    expect((await app.api().get('/api/contract-billing-runs/nope')).status).toBe(404);
  });
});
