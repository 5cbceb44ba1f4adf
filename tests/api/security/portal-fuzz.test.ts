import { changedTables, snapshotDatabase } from '../../helpers/db-snapshot';
import { leaked, portalFixtures, type PortalFixtures } from '../../helpers/portal-fixtures';
import { testApp } from '../../helpers/strapi';
import { contentApiRoutes, generateCases, type FuzzCase } from './fuzz-cases';

// The seeded fuzz of fuzz.test.ts, sent as customer-portal user A with B's real ids in the paths:
// no 5xx, every 4xx names its reason, nothing written, exposure unchanged, and no 2xx body holds
// anything of customer B.
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const CASES = Number(process.env.PORTAL_FUZZ_CASES ?? process.env.FUZZ_CASES ?? 1000);

const app = testApp();
let x: PortalFixtures;
const realIds = new Map<string, string>();

beforeAll(async () => {
  x = await portalFixtures(app);
  for (const [key, doc] of Object.entries(x.B)) {
    const uid = `api::${key === 'issue' ? 'helpdesk-issue' : key}.${key === 'issue' ? 'helpdesk-issue' : key}`;
    realIds.set(uid, doc.documentId);
  }
});

async function send(c: FuzzCase) {
  let req = (x.portalA.agent() as any)[c.method.toLowerCase()](c.path);
  if (c.raw !== undefined) req = req.set('Content-Type', c.contentType ?? 'application/json').send(c.raw);
  else if (c.body !== undefined) req = req.send(c.body);
  return req;
}

describe('seeded fuzz over every route as a portal user', () => {
  it('no 5xx, every 4xx has a message, nothing written, nothing of the other customer', async () => {
    const strapi = app.strapi;
    // logging out would end the session the run uses; its refusal of bad bodies is in the token run
    const list = contentApiRoutes(strapi).filter((r) => r.template !== '/api/auth/logout');
    const cases = generateCases(SEED, CASES, list, (uid) => (strapi.getModel(uid) as any)?.attributes ?? {}, (uid) => realIds.get(uid), () => ({}));

    const before = await snapshotDatabase(strapi);
    const serverErrors: string[] = [];
    const silent: string[] = [];
    const leaks: string[] = [];
    let answered = 0;
    for (const c of cases) {
      const res = await send(c);
      if (res.status >= 500) serverErrors.push(`${res.status} ${c.label} ${JSON.stringify(res.body).slice(0, 200)}`);
      else if (res.status >= 400 && res.type === 'application/json' && !(typeof res.body?.error?.message === 'string' && res.body.error.message.length > 0)) {
        silent.push(`${res.status} ${c.label}`);
      }
      if (res.status < 300) {
        answered += 1;
        const seen = leaked(res.type === 'application/json' ? res.body : res.text, x.B);
        if (seen.length) leaks.push(`${res.status} ${c.label}: ${seen.join(', ')}`);
      }
    }
    const after = await snapshotDatabase(strapi);

    expect(serverErrors).toEqual([]);
    expect(silent).toEqual([]);
    expect(leaks).toEqual([]);
    expect(answered).toBeGreaterThan(0); // the leak check saw bodies
    expect(changedTables(before, after)).toEqual([]);
    const reconcile = await strapi.plugin('credit-control').service('reconcile').run();
    expect(reconcile.drift).toEqual([]);
  }, 600_000);
});
