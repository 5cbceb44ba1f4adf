import request from 'supertest';
import { leaked, portalFixtures, type PortalFixtures } from '../../helpers/portal-fixtures';
import { testApp } from '../../helpers/strapi';

// Every users-permissions content-API route × public, portal A, portal B, unlinked portal user:
// the expected status, and no other customer's data in any 2xx body.
const app = testApp();
let x: PortalFixtures;

beforeAll(async () => {
  x = await portalFixtures(app);
});

type Actor = 'public' | 'portalA' | 'portalB' | 'unlinked';
const ACTORS: Actor[] = ['public', 'portalA', 'portalB', 'unlinked'];
const DENIED = { public: 403, portalA: 403, portalB: 403, unlinked: 403 };

/**
 * Expected status per route. Public: log in, recover a password, confirm an e-mail (with the bad
 * inputs sent here, a 400; an unknown e-mail address gets the same 200 as a known one). Portal:
 * its own profile, change its password (a wrong current password here: 400), log out. Unlinked:
 * nothing. Registration is closed.
 */
const EXPECTED: Record<string, Record<Actor, number | number[]>> = {
  'POST /api/auth/local': { ...DENIED, public: 200 },
  'POST /api/auth/local/register': DENIED,
  'GET /api/auth/:provider/callback': { ...DENIED, public: 400 },
  'GET /api/connect/(.*)': { ...DENIED, public: 400 },
  'POST /api/auth/forgot-password': { ...DENIED, public: 200 },
  'POST /api/auth/reset-password': { ...DENIED, public: 400 },
  'GET /api/auth/email-confirmation': { ...DENIED, public: 400 },
  'POST /api/auth/send-email-confirmation': { ...DENIED, public: [200, 400] },
  'POST /api/auth/change-password': { ...DENIED, portalA: 400, portalB: 400 },
  'POST /api/auth/refresh': { ...DENIED, public: [400, 401] },
  'POST /api/auth/logout': { ...DENIED, portalA: 200, portalB: 200 },
  'GET /api/auth/sessions': DENIED,
  'DELETE /api/auth/sessions/:sessionId': DENIED,
  'GET /api/users/me': { ...DENIED, portalA: 200, portalB: 200 },
  'GET /api/users/count': DENIED,
  'GET /api/users': DENIED,
  'GET /api/users/:id': DENIED,
  'POST /api/users': DENIED,
  'PUT /api/users/:id': DENIED,
  'DELETE /api/users/:id': DENIED,
  'GET /api/users-permissions/roles': DENIED,
  'GET /api/users-permissions/roles/:id': DENIED,
  'POST /api/users-permissions/roles': DENIED,
  'PUT /api/users-permissions/roles/:role': DENIED,
  'DELETE /api/users-permissions/roles/:role': DENIED,
  'GET /api/users-permissions/permissions': DENIED,
};

/** The users-permissions content-API routes Strapi serves. */
function routes(): { method: string; template: string }[] {
  const out: { method: string; template: string }[] = [];
  for (const layer of app.strapi.server.listRoutes() as { path: string; methods: string[] }[]) {
    if (!/^\/api\/(auth|connect|users)(\/|$)|^\/api\/users-permissions\//.test(layer.path)) continue;
    for (const method of layer.methods.filter((m) => m !== 'HEAD')) out.push({ method, template: layer.path });
  }
  return out;
}

/** A request for the route: real ids of the other party's records, a deep populate, plausible bodies. */
function call(actor: Actor, method: string, template: string) {
  const agent = actor === 'public' ? request(app.strapi.server.httpServer) : x[actor].agent();
  const other = actor === 'portalB' ? x.portalA : x.portalB;
  const path = template
    .replace('(.*)', 'github')
    .replace(':provider', 'github')
    .replace(/:(id|role|sessionId)\b/, String(other.user.id));
  const query = 'populate[customer][populate][contacts][populate][site][populate]=customer&populate[role]=true';
  const body: Record<string, unknown> = {
    'POST /api/auth/local': { identifier: x.portalA.user.email, password: 'Portal-Passw0rd' },
    'POST /api/auth/local/register': { username: `reg-${actor}`, email: `reg-${actor}@example.com`, password: 'Portal-Passw0rd' },
    'POST /api/auth/forgot-password': { email: 'nobody@example.com' },
    'POST /api/auth/reset-password': { code: 'not-a-code', password: 'Portal-Passw0rd9', passwordConfirmation: 'Portal-Passw0rd9' },
    'POST /api/auth/send-email-confirmation': { email: 'nobody@example.com' },
    'POST /api/auth/change-password': { currentPassword: 'wrong-password', password: 'Portal-Passw0rd9', passwordConfirmation: 'Portal-Passw0rd9' },
    'POST /api/auth/refresh': { refreshToken: 'not-a-token' },
    'POST /api/users': { username: 'u', email: 'u@example.com', password: 'Portal-Passw0rd', customer: x.B.customer.id },
    'PUT /api/users/:id': { customer: x.B.customer.id },
    'POST /api/users-permissions/roles': { name: 'r', description: 'r', type: 'r', permissions: {} },
    'PUT /api/users-permissions/roles/:role': { name: 'r' },
  };
  const key = `${method} ${template}`;
  const url = `${path}${template === '/api/auth/email-confirmation' ? '?confirmation=bad' : `?${query}`}`;
  const req = (agent as any)[method.toLowerCase()](url);
  return method === 'GET' || method === 'DELETE' ? req : req.send(body[key] ?? {});
}

describe('users-permissions routes × public, portal A, portal B, unlinked portal user', () => {
  it('every route is in the table', () => {
    const served = routes().map((r) => `${r.method} ${r.template}`).sort();
    expect(served).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(ACTORS)('%s: the expected status, and no other customer’s data in a 2xx body', async (actor) => {
    const failures: string[] = [];
    // logout last: it ends the session the other calls use
    const list = routes().sort((a, b) => Number(a.template === '/api/auth/logout') - Number(b.template === '/api/auth/logout'));
    for (const { method, template } of list) {
      const res = await call(actor, method, template);
      const want = EXPECTED[`${method} ${template}`]?.[actor];
      const allowed = Array.isArray(want) ? want : [want];
      if (!allowed.includes(res.status)) failures.push(`${method} ${template} → ${res.status} (expected ${want}) ${JSON.stringify(res.body).slice(0, 120)}`);
      if (res.status >= 200 && res.status < 300) {
        // public logs in as A here: nothing of B; A's calls show nothing of B, B's nothing of A
        const foreign = actor === 'portalB' ? x.A : x.B;
        const seen = leaked(res.body, foreign);
        if (seen.length) failures.push(`${method} ${template} → ${res.status} shows ${seen.join(', ')}`);
        if (JSON.stringify(res.body).includes('"role"')) failures.push(`${method} ${template} → ${res.status} shows the role`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('registration is closed, whatever the body says', async () => {
    const count = () => app.strapi.db.query('plugin::users-permissions.user').count();
    const before = await count();
    for (const body of [
      { username: 'r1', email: 'r1@example.com', password: 'Portal-Passw0rd' },
      { username: 'r2', email: 'r2@example.com', password: 'Portal-Passw0rd', customer: x.B.customer.id, role: 1 },
    ]) {
      const res = await request(app.strapi.server.httpServer).post('/api/auth/local/register').send(body);
      expect([403, 400]).toContain(res.status);
    }
    expect(await count()).toBe(before);
  });
});
