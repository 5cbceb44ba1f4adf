import { errors } from '@strapi/utils';
import { adminSession } from '../../helpers/credit';
import { changedTables, snapshotDatabase } from '../../helpers/db-snapshot';
import { Factories, Probes, startingKit } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

// The plugin owns what happens to its rows when a party is deleted: the policy and the maintained
// exposure and lock rows go with the party, in the delete's transaction; the decision log and
// dunning records stay as history.
const CUSTOMER = 'api::customer.customer';
const POLICY = 'plugin::credit-control.policy';
const DUNNING_RECORD = 'plugin::credit-control.dunning-record';

const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;
beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
});

const ignore = { ignoreColumns: { strapi_api_tokens: ['last_used_at', 'updated_at'] } };
const rowsOf = async (table: string, party: string) => app.strapi.db.connection(table).where({ party }).select();
const customers = (documentId: string) => app.strapi.db.query(CUSTOMER).count({ where: { documentId } });
const policies = (party: string) => app.strapi.db.query(POLICY).count({ where: { party } });
const reconcile = () => app.strapi.plugin('credit-control').service('reconcile').run();

/** A customer with a policy, open invoices (maintained exposure), logged decisions and a dunning record. */
async function partyWithCredit() {
  const customer = await f.bareCustomer();
  const party: string = customer.documentId;
  await f.creditPolicy(party, { mode: 'alert', threshold: '100.00', currency: 'EUR' });
  const invoice = await f.invoiceResponse(party, eur, 150);
  expect(invoice.status).toBe(201);
  expect((await f.invoiceResponse(party, eur, 40)).status).toBe(201);
  // an update locks its parties before its write, which leaves a lock row on every database (a
  // create on SQLite needs none: its own write holds the database's lock)
  await app.strapi.documents('api::invoice.invoice').update({ documentId: invoice.body.data.documentId, data: { dueDate: '2026-03-31' } } as any);
  await app.strapi.db.query(DUNNING_RECORD).create({
    data: { invoiceUid: 'api::invoice.invoice', invoice: invoice.body.data.documentId, party, levelCode: 'friendly', rank: 1, dunnedAt: new Date(), asOf: '2026-02-01', channel: 'pdf' },
  });
  // the rows that must go are there, and match the documents
  expect(await policies(party)).toBe(1);
  expect((await rowsOf('credit_control_exposures', party)).length).toBeGreaterThan(0);
  expect((await rowsOf('credit_control_locks', party)).length).toBe(1);
  expect((await reconcile()).drift).toEqual([]);
  const decisions = (await rowsOf('credit_control_decisions', party)).map((d: any) => d.id);
  expect(decisions.length).toBeGreaterThanOrEqual(2); // the policy's creation and a warned invoice
  return { party, label: customer.callName as string, decisions };
}

/** The party's policy, exposure and lock rows are gone, its history kept, and a reconcile finds nothing to fix. */
async function expectForgotten({ party, label, decisions }: Awaited<ReturnType<typeof partyWithCredit>>) {
  expect(await customers(party)).toBe(0);
  expect(await policies(party)).toBe(0);
  expect(await rowsOf('credit_control_exposures', party)).toEqual([]);
  expect(await rowsOf('credit_control_locks', party)).toEqual([]);
  const report = await reconcile();
  expect(report.drift).toEqual([]);
  expect(report.fixed).toBe(false);

  const kept = await rowsOf('credit_control_decisions', party);
  expect(kept.map((d: any) => d.id)).toEqual(expect.arrayContaining(decisions));
  // one row more: the policy's end, told apart from a person's delete by its reason
  const added = kept.filter((d: any) => !decisions.includes(d.id));
  expect(added).toHaveLength(1);
  expect(added[0]).toMatchObject({ kind: 'policy', outcome: 'recorded', reason: 'partyDeleted', action: 'delete', mode: 'alert' });
  expect(JSON.parse(added[0].details)).toMatchObject({ before: { party, mode: 'alert', threshold: '100.00' }, after: null });
  // the log still names the party it no longer finds
  const log = await app.api().get(`/api/credit-control/decisions?party=${party}&pageSize=100`);
  expect(log.status).toBe(200);
  expect(log.body.data).toHaveLength(decisions.length + 1);
  expect(log.body.data.every((d: any) => d.partyLabel === label)).toBe(true);
  expect(await app.strapi.db.query(DUNNING_RECORD).count({ where: { party } })).toBe(1);
}

describe('deleting a party with credit rows', () => {
  it('over REST (DELETE /api/customers/:id) takes its policy, exposure and lock rows along', async () => {
    const party = await partyWithCredit();
    const res = await app.api().delete(`/api/customers/${party.party}`);
    expect(res.status).toBeLessThan(300);
    await expectForgotten(party);
  });

  it('through the document service, likewise', async () => {
    const party = await partyWithCredit();
    await app.strapi.documents(CUSTOMER).delete({ documentId: party.party });
    await expectForgotten(party);
  });

  it('through a Content Manager bulk delete (concurrent deletes in one transaction), for each party', async () => {
    const [a, b] = [await partyWithCredit(), await partyWithCredit()];
    const admin = await adminSession(app);
    const res = await admin.cmBulkDelete(CUSTOMER, [a.party, b.party]);
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(2);
    await expectForgotten(a);
    await expectForgotten(b);
  });

  it('leaves other parties alone', async () => {
    const [gone, stays] = [await partyWithCredit(), await partyWithCredit()];
    const before = { exposures: await rowsOf('credit_control_exposures', stays.party), locks: await rowsOf('credit_control_locks', stays.party) };
    await app.strapi.documents(CUSTOMER).delete({ documentId: gone.party });
    expect(await policies(stays.party)).toBe(1);
    expect(await rowsOf('credit_control_exposures', stays.party)).toEqual(before.exposures);
    expect(await rowsOf('credit_control_locks', stays.party)).toEqual(before.locks);
    expect((await probe.summary(stays.party)).exposure).toBe('190.00');
  });
});

describe('a delete that does not happen keeps every row', () => {
  it('rolled back by the caller after the delete: the policy and exposure rows come back with the party', async () => {
    const { party } = await partyWithCredit();
    const before = await snapshotDatabase(app.strapi, ignore);
    let inside: number | undefined;
    await expect(
      app.strapi.db.transaction(async () => {
        await app.strapi.documents(CUSTOMER).delete({ documentId: party });
        inside = await policies(party); // the clean-up ran in the caller's transaction
        throw new Error('caller fails after the delete');
      })
    ).rejects.toThrow('caller fails after the delete');
    expect(inside).toBe(0);
    const after = await snapshotDatabase(app.strapi, ignore);
    expect(changedTables(before, after)).toEqual([]);
    expect(after).toEqual(before);
    expect(await customers(party)).toBe(1);
    expect(await policies(party)).toBe(1);
    expect((await reconcile()).drift).toEqual([]);
  });

  it('of a customer that does not exist: still a 404, and no lock row left behind', async () => {
    const missing = 'nosuchdocumentid000000000';
    const res = await app.api().delete(`/api/customers/${missing}`);
    expect(res.status).toBe(404);
    expect(await rowsOf('credit_control_locks', missing)).toEqual([]);
  });

  it('refused over REST: nothing of the party or its credit rows is gone', async () => {
    const { party } = await partyWithCredit();
    // a veto of the app's, after the delete itself ran (inside the plugin's transaction)
    const off = app.strapi.documents.use(async (ctx: any, next: () => Promise<unknown>) => {
      const result = await next();
      if (ctx.uid === CUSTOMER && ctx.action === 'delete' && ctx.params.documentId === party) throw new errors.ApplicationError('this customer cannot be deleted');
      return result;
    });
    try {
      const before = await snapshotDatabase(app.strapi, ignore);
      const res = await app.api().delete(`/api/customers/${party}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe('this customer cannot be deleted');
      const after = await snapshotDatabase(app.strapi, ignore);
      expect(changedTables(before, after)).toEqual([]);
      expect(after).toEqual(before);
    } finally {
      off();
    }
    expect(await customers(party)).toBe(1);
    expect(await policies(party)).toBe(1);
    expect((await reconcile()).drift).toEqual([]);
  });
});
