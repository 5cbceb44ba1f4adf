import { policyOnProspect } from '../../helpers/credit';
import fs from 'fs';
import path from 'path';
import { changedTables, snapshotDatabase } from '../../helpers/db-snapshot';
import { Factories, IDS, type Doc } from '../../helpers/factories';
import { portalUser } from '../../helpers/portal-user';
import { testApp } from '../../helpers/strapi';

// Edit > Transfer a prospect to a prospect or a customer: the target record takes the prospect's
// content and every relation, in one transaction.
const CUSTOMER = 'api::customer.customer';
const POLICY = 'plugin::credit-control.policy';
const ACTION = 'api::customer.transfer.transfer';

const app = testApp();
let f: Factories;
let eur: Doc;
let company: Doc;
beforeAll(async () => {
  f = new Factories(app.api);
  eur = await f.currency({ code: 'EUR', name: 'Euro' });
  company = await f.company({ currency: eur.documentId });
});

const service = () => app.strapi.service('api::customer.transfer');
const transfer = (source: string, body: Record<string, unknown>) => app.api().post(`/api/customers/${source}/transfer`).send(body);
const errorPaths = (body: any): string[] => (body?.error?.details?.errors ?? []).map((e: { path: string[] }) => e.path.join('.'));
const rowId = async (uid: string, documentId: string) => (await app.strapi.db.query(uid).findOne({ where: { documentId } }))?.id;

/** Owning-side relations to the customer type, read straight from the schema files. */
function referencesInSchemaFiles(): string[] {
  const root = path.resolve(__dirname, '..', '..', '..', 'src');
  const found: string[] = [];
  const scan = (uid: string, file: string) => {
    const attributes = JSON.parse(fs.readFileSync(file, 'utf8')).attributes as Record<string, any>;
    for (const [field, a] of Object.entries(attributes)) if (a.type === 'relation' && a.target === CUSTOMER && !a.mappedBy) found.push(`${uid}.${field}`);
  };
  for (const api of fs.readdirSync(path.join(root, 'api'))) {
    const dir = path.join(root, 'api', api, 'content-types');
    if (!fs.existsSync(dir)) continue;
    for (const type of fs.readdirSync(dir)) scan(`api::${api}.${type}`, path.join(dir, type, 'schema.json'));
  }
  for (const category of fs.readdirSync(path.join(root, 'components'))) {
    for (const file of fs.readdirSync(path.join(root, 'components', category))) scan(`${category}.${file.replace(/\.json$/, '')}`, path.join(root, 'components', category, file));
  }
  return found.sort();
}

type Ref = { uid: string; field: string; many: boolean };
const refs = (): Ref[] => service().references();

/** For each relation: how many records point at the party (row id). */
async function relationCounts(party: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { uid, field } of refs()) counts[`${uid}.${field}`] = await app.strapi.db.query(uid).count({ where: { [field]: { id: party } } });
  return counts;
}

/** Records of list relations (manyToMany) that hold both parties: they end up holding the target once. */
async function sharedListRecords(a: number, b: number): Promise<Record<string, number>> {
  const shared: Record<string, number> = {};
  for (const { uid, field } of refs().filter((r) => r.many)) {
    const rows = await app.strapi.db.query(uid).findMany({ where: { [field]: { id: a } }, populate: { [field]: { select: ['id'] } } });
    shared[`${uid}.${field}`] = rows.filter((row: any) => row[field].some((p: any) => p.id === b)).length;
  }
  return shared;
}

const salesman = (employee: Doc, isMain = false, role: string | null = null) => ({ employee: employee.documentId, isMain, role });

describe('relation discovery', () => {
  it('finds every owning-side relation to the customer type that the schema files declare', () => {
    const found = refs().map((r) => `${r.uid}.${r.field}`).sort();
    expect(found).toEqual(referencesInSchemaFiles());
    expect(found).toEqual(expect.arrayContaining(['api::project.project.customers', 'api::supplier.supplier.linkedProspect', 'api::registration-file.registration-file.donorCustomer']));
  });
});

describe('transfer of a prospect with every kind of relation', () => {
  let source: Doc;
  let target: Doc;
  let other: Doc;
  const e: Doc[] = [];
  const links: Record<string, Doc> = {};

  beforeAll(async () => {
    for (let i = 0; i < 3; i += 1) e.push(await f.employee({ company: company.documentId }));
    const otherCompany = await f.company({ currency: eur.documentId });
    target = await f.customer({
      callName: 'Target SA', company: company.documentId, corporateName: 'Target corporate', notes: 'target notes',
      address: { line1: '1 rue Vieille', line2: 'Bâtiment B', city: 'Paris', postalCode: '75001', country: 'FR' },
      salesmen: [salesman(e[0], true, 'owner'), salesman(e[1])],
    });
    source = await f.customer({
      kind: 'prospect', callName: 'Source prospect', company: otherCompany.documentId, corporateName: 'Source corporate',
      siret: IDS.siret2, siren: IDS.siren2, prospectStatus: 'shortTerm',
      address: { line1: '2 rue Neuve', city: 'Lyon', postalCode: '69001', country: 'FR' },
      marketing: { sector: 'Retail', keywords: 'erp' },
      salesmen: [salesman(e[1], true, 'source role'), salesman(e[2], false, 'farmer')],
    });
    other = await f.customer({ callName: 'Other SA', company: company.documentId });
    const [s, t, x] = [source.documentId, target.documentId, other.documentId];
    const money = { currency: eur.documentId };
    for (const customer of [s, s, t]) await f.site({ customer });
    for (const customer of [s, s, t]) await f.contact({ customer });
    for (const customer of [s, t]) await f.event({ customer });
    for (const customer of [s, t]) await f.opportunity({ customer });
    await f.quotation({ customer: s, ...money });
    await f.invoice({ customer: s, ...money });
    await f.invoice({ customer: x, customerToBill: s, ...money });
    await f.project({ customer: t, endCustomer: s, customers: [s, x] });
    await f.project({ customer: x, customers: [s, t] });
    await f.supplier({ linkedProspect: s });
    await f.registrationFile({ customer: x, donorCustomer: s, ...money });
    links.affDup = await f.affiliationLink({ customer: s, linkedCustomer: x, role: 'parent' });
    links.affMoved = await f.affiliationLink({ customer: x, linkedCustomer: s, role: 'subsidiary' });
    links.affSelf = await f.affiliationLink({ customer: s, linkedCustomer: t, role: 'groupMember' });
    links.affTarget = await f.affiliationLink({ customer: t, linkedCustomer: x, role: 'parent' });
    const [lt1, lt2] = [await f.linkType(), await f.linkType({ label: 'Stakeholder', kind: 'stakeholder' })];
    links.busTarget = await f.businessLink({ customer: t, linkedCustomer: x, linkType: lt1.documentId });
    links.busDup = await f.businessLink({ customer: s, linkedCustomer: x, linkType: lt1.documentId });
    links.busMoved = await f.businessLink({ customer: s, linkedCustomer: x, linkType: lt2.documentId });
    links.busSelf = await f.businessLink({ customer: t, linkedCustomer: s, linkType: lt1.documentId });
    for (const party of [s, t]) await policyOnProspect(app, party, { mode: 'alert', threshold: '1000000.00', currency: 'EUR' });
  });

  it.each(['checked', 'content', 'links', 'relations:api::invoice.invoice', 'relations:api::site.site', 'source'])(
    'a fault after step %s leaves every table exactly as it was',
    async (failingStep) => {
      const before = await snapshotDatabase(app.strapi);
      const seen: string[] = [];
      const sourcePolicies = () => app.strapi.db.query(POLICY).count({ where: { party: source.documentId } });
      let policiesAfterDelete: number | undefined;
      const onStep = async (step: string) => {
        seen.push(step);
        // inside the transaction: the source's delete has taken its policy along
        if (step === 'source') policiesAfterDelete = await sourcePolicies();
        if (step === failingStep) throw new Error(`injected fault at ${step}`);
      };
      await expect(service().transfer(source.documentId, target.documentId, { onStep })).rejects.toThrow(`injected fault at ${failingStep}`);
      expect(seen[seen.length - 1]).toBe(failingStep);
      const after = await snapshotDatabase(app.strapi);
      expect(changedTables(before, after)).toEqual([]);
      expect(after).toEqual(before);
      // rolled back with the delete: the source keeps its policy
      if (failingStep === 'source') expect(policiesAfterDelete).toBe(0);
      expect(await sourcePolicies()).toBe(1);
    }
  );

  it('moves every relation onto the target, removes self-links and duplicates, keeps the target identity', async () => {
    const [sId, tId] = [await rowId(CUSTOMER, source.documentId), await rowId(CUSTOMER, target.documentId)];
    const [sourceBefore, targetBefore, shared] = [await relationCounts(sId), await relationCounts(tId), await sharedListRecords(sId, tId)];
    // the links that must go, with the party fields through which they count
    const removedIds: Record<string, number[]> = {
      'api::affiliation-link.affiliation-link': [links.affDup.id, links.affSelf.id],
      'api::business-link.business-link': [links.busDup.id, links.busSelf.id],
    };
    const removedRefs: Record<string, number> = {};
    const removedFromSource: Record<string, number> = {};
    for (const { uid, field } of refs().filter((r) => r.uid in removedIds)) {
      const rows = await app.strapi.db.query(uid).findMany({ where: { id: { $in: removedIds[uid] } }, populate: { [field]: { select: ['id'] } } });
      const key = `${uid}.${field}`;
      removedRefs[key] = rows.filter((r: any) => [sId, tId].includes(r[field]?.id)).length;
      removedFromSource[key] = rows.filter((r: any) => r[field]?.id === sId).length;
    }
    const totals = async () => Object.fromEntries(await Promise.all([...new Set(refs().map((r) => r.uid))].map(async (uid) => [uid, await app.strapi.db.query(uid).count()])));
    const totalsBefore = await totals();

    const res = await transfer(source.documentId, { target: target.documentId });
    expect(res.status).toBe(200);

    const [sourceAfter, targetAfter] = [await relationCounts(sId), await relationCounts(tId)];
    for (const key of Object.keys(sourceBefore)) {
      expect([key, sourceAfter[key]]).toEqual([key, 0]);
      const expected = targetBefore[key] + sourceBefore[key] - (removedRefs[key] ?? 0) - (shared[key] ?? 0);
      expect([key, targetAfter[key]]).toEqual([key, expected]);
      expect([key, res.body.meta.moved[key]]).toEqual([key, sourceBefore[key] - (removedFromSource[key] ?? 0)]);
    }
    expect(Object.values(sourceBefore).filter((n) => n > 0).length).toBeGreaterThanOrEqual(14);
    expect(res.body.meta.removed).toEqual({ selfLinks: 2, duplicates: 2 });
    // nothing duplicated: the same records, only the four removed links fewer
    const totalsAfter = await totals();
    for (const uid of Object.keys(totalsBefore)) {
      const removed = removedIds[uid]?.length ?? (uid === CUSTOMER ? 1 : 0);
      expect([uid, totalsAfter[uid]]).toEqual([uid, totalsBefore[uid] - removed]);
    }
    expect(await app.strapi.db.query('api::affiliation-link.affiliation-link').count({ where: { id: { $in: [links.affMoved.id, links.affTarget.id] } } })).toBe(2);
    expect(await app.strapi.db.query('api::business-link.business-link').count({ where: { id: { $in: [links.busMoved.id, links.busTarget.id] } } })).toBe(2);
    expect(await app.strapi.db.query('api::affiliation-link.affiliation-link').count({ where: { id: links.affMoved.id, linkedCustomer: { id: tId } } })).toBe(1);
    expect(await app.strapi.db.query('api::business-link.business-link').count({ where: { id: links.busMoved.id, customer: { id: tId } } })).toBe(1);

    // the source is gone, with its policy; the target keeps its own
    expect(await app.strapi.db.query(CUSTOMER).count({ where: { documentId: source.documentId } })).toBe(0);
    expect(await app.strapi.db.query(POLICY).count({ where: { party: source.documentId } })).toBe(0);
    expect(await app.strapi.db.query(POLICY).count({ where: { party: target.documentId } })).toBe(1);
    for (const table of ['credit_control_exposures', 'credit_control_locks']) {
      expect([table, (await app.strapi.db.connection(table).where({ party: source.documentId }).select('party')).length]).toEqual([table, 0]);
    }

    // identity from the target, content from the source, nothing lost
    const data = res.body.data;
    expect(data).toMatchObject({ documentId: target.documentId, callName: 'Target SA', code: target.code, kind: 'customer' });
    const stored = await app.strapi.db.query(CUSTOMER).findOne({
      where: { id: tId },
      populate: { company: true, address: true, marketing: true, salesmen: { populate: { employee: true } } },
    });
    expect(stored.company.documentId).toBe(company.documentId);
    expect(stored).toMatchObject({ corporateName: 'Source corporate', notes: 'target notes', siret: IDS.siret2, siren: IDS.siren2, prospectStatus: 'shortTerm' });
    expect(stored.address).toMatchObject({ line1: '2 rue Neuve', line2: 'Bâtiment B', city: 'Lyon', postalCode: '69001' });
    expect(stored.marketing).toMatchObject({ sector: 'Retail', keywords: 'erp' });
    const assignments = stored.salesmen.map((a: any) => [a.employee.documentId, a.isMain, a.role]);
    expect(assignments).toEqual([[e[0].documentId, true, 'owner'], [e[1].documentId, false, null], [e[2].documentId, false, 'farmer']]);
    expect(res.body.meta.salesmen).toBe(3);

    // the maintained exposure still matches the documents
    const reconcile = await app.strapi.plugin('credit-control').service('reconcile').run();
    expect(reconcile.drift).toEqual([]);
  });
});

describe('credit refusal while moving management objects', () => {
  it('refuses the whole transfer when the target is blocked, and changes nothing', async () => {
    const target = await f.customer({ callName: 'Blocked target', company: company.documentId });
    const source = await f.customer({ kind: 'prospect', callName: 'Prospect with an invoice', company: company.documentId });
    await f.site({ customer: source.documentId });
    await f.invoice({ customer: source.documentId, currency: eur.documentId, state: 'issued' });
    const policy = await app.api().post('/api/credit-control/policies').send({ data: { party: target.documentId, mode: 'blockAll', currency: 'EUR' } });
    expect(policy.status).toBe(201);

    const ignore = { ignoreColumns: { strapi_api_tokens: ['last_used_at', 'updated_at'] }, ignoreTables: ['credit_control_decisions'] };
    const before = await snapshotDatabase(app.strapi, ignore);
    const decisionsBefore = await app.strapi.db.connection('credit_control_decisions').select('id');
    const res = await transfer(source.documentId, { target: target.documentId });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toMatch(/credit/i);
    expect(res.body.error.details.creditControl).toMatchObject({ mode: 'blockAll' });
    const after = await snapshotDatabase(app.strapi, ignore);
    expect(changedTables(before, after)).toEqual([]);
    expect(after).toEqual(before);
    // only the refusal itself is kept, in the audit log
    const added = await app.strapi.db.connection('credit_control_decisions').whereNotIn('id', decisionsBefore.map((d: any) => d.id)).select();
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((d: any) => d.outcome === 'refused' && d.party === target.documentId)).toBe(true);
  });
});

describe('bad requests', () => {
  let prospect: Doc;
  let customer: Doc;
  beforeAll(async () => {
    prospect = await f.customer({ kind: 'prospect', callName: 'Lonely prospect', company: company.documentId });
    customer = await f.customer({ callName: 'Some customer', company: company.documentId });
  });

  it('refuses a source that is a customer', async () => {
    const res = await transfer(customer.documentId, { target: prospect.documentId });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['kind']);
    expect(res.body.error.message).toBe('only a prospect can be transferred: Some customer is a customer');
  });

  it('answers 404 for an unknown source', async () => {
    const res = await transfer('nosuchdocumentid000000000', { target: customer.documentId });
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
  });

  it.each([
    ['missing', {}, /target is required/],
    ['empty', { target: '' }, /target is required/],
    ['not a string', { target: 42 }, /target is required/],
    ['unknown', { target: 'nosuchdocumentid000000000' }, /target nosuchdocumentid000000000 is not an existing customer or prospect/],
  ])('refuses a %s target naming the target field', async (_case, body, message) => {
    const res = await transfer(prospect.documentId, body);
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['target']);
    expect(res.body.error.message).toMatch(message);
  });

  it('refuses a transfer into the prospect itself', async () => {
    const res = await transfer(prospect.documentId, { target: prospect.documentId });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['target']);
    expect(res.body.error.message).toBe('a prospect cannot be transferred into itself');
    expect(await app.strapi.db.query(CUSTOMER).count({ where: { documentId: prospect.documentId } })).toBe(1);
  });
});

describe('GraphQL and permissions', () => {
  const pair = async (label: string) => {
    const target = await f.customer({ callName: `${label} target`, company: company.documentId });
    const source = await f.customer({ kind: 'prospect', callName: `${label} source`, company: company.documentId, corporateName: `${label} corp` });
    const site = await f.site({ customer: source.documentId });
    return { target, source, site };
  };
  const mutation = (source: string, target: string) => ({
    query: `mutation { transferProspect(documentId: "${source}", target: "${target}") { data { documentId callName corporateName sites { documentId } } meta } }`,
  });

  it('transfers through the transferProspect mutation', async () => {
    const { target, source, site } = await pair('GraphQL');
    const res = await app.api().post('/graphql').send(mutation(source.documentId, target.documentId));
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const { data, meta } = res.body.data.transferProspect;
    expect(data).toEqual({ documentId: target.documentId, callName: 'GraphQL target', corporateName: 'GraphQL corp', sites: [{ documentId: site.documentId }] });
    expect(meta.moved['api::site.site.customer']).toBe(1);
    expect(await app.strapi.db.query(CUSTOMER).count({ where: { documentId: source.documentId } })).toBe(0);
  });

  it('reports GraphQL refusals as BAD_USER_INPUT', async () => {
    const { target } = await pair('GraphQL refusal');
    const res = await app.api().post('/graphql').send(mutation(target.documentId, target.documentId));
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('is forbidden to a users-permissions role without the permission, allowed once granted', async () => {
    const portal = await portalUser(app, ['api::customer.customer.find']);
    const jwt = portal.jwt;

    const { target, source } = await pair('Permission');
    const rest = () => app.http.post(`/api/customers/${source.documentId}/transfer`).set('Authorization', `Bearer ${jwt}`).send({ target: target.documentId });
    const denied = await rest();
    expect(denied.status).toBe(403);
    const deniedGraphql = await app.http.post('/graphql').set('Authorization', `Bearer ${jwt}`).send(mutation(source.documentId, target.documentId));
    expect(deniedGraphql.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await app.strapi.db.query(CUSTOMER).count({ where: { documentId: source.documentId } })).toBe(1);

    await portal.grant(ACTION);
    const allowed = await rest();
    expect(allowed.status).toBe(200);
    expect(allowed.body.data.documentId).toBe(target.documentId);
  });
});
