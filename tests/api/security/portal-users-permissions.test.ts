import { leaked, portalFixtures, type PortalFixtures } from '../../helpers/portal-fixtures';
import { customerPortalUser } from '../../helpers/portal-user';
import { testApp } from '../../helpers/strapi';

// users-permissions reads users through the query engine, outside the document-service scoping:
// its routes must still only reach the portal user's own records (src/security/portal-account.ts).
const app = testApp();
let x: PortalFixtures;

beforeAll(async () => {
  x = await portalFixtures(app);
});

const me = (query: string) => x.portalA.agent().get(`/api/users/me?${query}`);

describe('GET /api/users/me as a portal user', () => {
  it('a deep populate stops at the other customer’s records (A’s contact sits on B’s site)', async () => {
    const res = await me('populate[customer][populate][contacts][populate][site][populate][customer]=true').expect(200);
    expect(leaked(res.body, x.B)).toEqual([]);
    expect(res.body.customer.documentId).toBe(x.A.customer.documentId);
    const contacts = res.body.customer.contacts.map((c: any) => [c.documentId, c.site?.documentId ?? null]);
    expect(contacts.sort()).toEqual([[x.A.contact.documentId, x.A.site.documentId], [x.crossContact.documentId, null]].sort());
  });

  it.each([
    'populate=customer.contacts.site.customer,customer.sites',
    'populate[0]=customer.contacts.site.customer.contacts',
    'populate[customer][populate]=*',
    'populate[customer][populate][contacts][populate]=*',
    'populate[customer][populate][contacts][populate][site][populate]=*',
    'populate[customer][populate][contacts][filters][site][customer][callName][$eq]=Beta&populate[customer][populate][contacts][populate]=site',
  ])('%s: nothing of the other customer', async (query) => {
    const res = await me(query);
    expect([res.status, res.body?.error]).toEqual([200, undefined]);
    expect(leaked(res.body, x.B)).toEqual([]);
  });

  it('relations to types the portal does not read are dropped: the role is not shown', async () => {
    for (const query of ['populate=role', 'populate=*', 'populate[role][populate]=*', 'populate[0]=role.permissions']) {
      const res = await me(query).expect(200);
      expect([query, res.body.role]).toEqual([query, undefined]);
    }
  });

  it('a filter cannot probe the other customer through the user’s own records', async () => {
    const probe = async (name: string) => {
      const res = await me(`filters[customer][contacts][site][customer][callName][$eq]=${name}`);
      return [res.status, res.body?.id ?? null];
    };
    // crossContact, A's, sits on Beta's site: the probe must answer as for a name nobody has
    expect(await probe('Beta')).toEqual(await probe('Nobody'));
    expect((await probe('Alpha'))[1]).toBe(x.portalA.user.id);
  });

  it('a sort through a relation is refused, as on the portal’s other reads', async () => {
    const res = await me('populate[customer][populate][contacts][sort]=site.name:asc');
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['sort']);
  });

  it('an unlinked portal user gets a 403', async () => {
    await x.unlinked.agent().get('/api/users/me').expect(403);
  });
});

describe('users-permissions responses that carry the user', () => {
  it('the login and change-password responses hold the user’s own fields only', async () => {
    const user = await customerPortalUser(app, x.A.customer.documentId);
    const login = await app.http.post('/api/auth/local').send({ identifier: user.user.email, password: 'Portal-Passw0rd' }).expect(200);
    expect(login.body.user.id).toBe(user.user.id);
    expect(leaked(login.body, x.B)).toEqual([]);
    expect(login.body.user.role).toBeUndefined();
    const changed = await user
      .agent()
      .post('/api/auth/change-password?populate[customer][populate][contacts][populate][site][populate]=customer')
      .send({ currentPassword: 'Portal-Passw0rd', password: 'Portal-Passw0rd2', passwordConfirmation: 'Portal-Passw0rd2' })
      .expect(200);
    expect(changed.body.user.id).toBe(user.user.id);
    expect(leaked(changed.body, x.B)).toEqual([]);
    expect(changed.body.user.role).toBeUndefined();
  });
});
