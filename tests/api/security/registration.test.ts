import request from 'supertest';
import { testApp } from '../../helpers/strapi';
import { customerPortalUser, portalUser } from '../../helpers/portal-user';

// Registration is closed on every path: REST, GraphQL `register`, and whatever an admin turns
// back on in the users-permissions settings (the public role still lacks the permission).
const app = testApp();
const USER = 'plugin::users-permissions.user';

const anonymous = () => request(app.strapi.server.httpServer);
const graphql = (query: string, variables: Record<string, unknown> = {}, jwt?: string) => {
  const req = anonymous().post('/graphql');
  if (jwt) req.set('Authorization', `Bearer ${jwt}`);
  return req.send({ query, variables });
};
const REGISTER = 'mutation($u:String!,$e:String!,$p:String!){ register(input:{username:$u,email:$e,password:$p}) { jwt user { id } } }';
const users = () => app.strapi.db.query(USER).count();
const advanced = () => app.strapi.store({ type: 'plugin', name: 'users-permissions' });

describe('registration', () => {
  it('the users-permissions "allow registration" setting is off after boot', async () => {
    expect((await advanced().get({ key: 'advanced' })).allow_register).toBe(false);
  });

  it('REST registration is refused and creates no user', async () => {
    const before = await users();
    const res = await anonymous().post('/api/auth/local/register').send({ username: 'rest-new', email: 'rest-new@example.com', password: 'Passw0rd-2026' });
    expect(res.status).toBe(403);
    expect(await users()).toBe(before);
  });

  it('GraphQL register without a token is refused and creates no user', async () => {
    const before = await users();
    const res = await graphql(REGISTER, { u: 'gql-new', e: 'gql-new@example.com', p: 'Passw0rd-2026' });
    expect(res.body.data?.register ?? null).toBeNull();
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await users()).toBe(before);
  });

  it('GraphQL register follows the public role even when an admin turns registration back on', async () => {
    const store = advanced();
    const saved = await store.get({ key: 'advanced' });
    await store.set({ key: 'advanced', value: { ...saved, allow_register: true } });
    try {
      const before = await users();
      const res = await graphql(REGISTER, { u: 'gql-open', e: 'gql-open@example.com', p: 'Passw0rd-2026' });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await users()).toBe(before);
    } finally {
      await store.set({ key: 'advanced', value: saved });
    }
  });

  it('a signed-in user whose role lacks auth.register cannot register another account over GraphQL either', async () => {
    const portal = await portalUser(app, ['plugin::users-permissions.user.me']);
    const before = await users();
    const res = await graphql(REGISTER, { u: 'gql-portal', e: 'gql-portal@example.com', p: 'Passw0rd-2026' }, portal.jwt as string);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await users()).toBe(before);
  });

  it('logging in stays open over REST and GraphQL, as the public role allows', async () => {
    const portal = await customerPortalUser(app, null);
    const identifier = portal.user.email;
    await anonymous().post('/api/auth/local').send({ identifier, password: 'Portal-Passw0rd' }).expect(200);
    const res = await graphql('mutation($i:String!,$p:String!){ login(input:{identifier:$i,password:$p}) { jwt } }', { i: identifier, p: 'Portal-Passw0rd' });
    expect(res.body.errors).toBeUndefined();
    expect(typeof res.body.data.login.jwt).toBe('string');
  });

  it('changing a password over GraphQL needs the role permission, as over REST', async () => {
    const portal = await portalUser(app, ['plugin::users-permissions.auth.changePassword']);
    const change = 'mutation{ changePassword(currentPassword:"Portal-Passw0rd", password:"Portal-Passw0rd-2", passwordConfirmation:"Portal-Passw0rd-2") { jwt } }';
    const ok = await graphql(change, {}, portal.jwt as string);
    expect(ok.body.errors).toBeUndefined();
    // without a token it is the public role's, which may not
    const refused = await graphql(change);
    expect(refused.body.data?.changePassword ?? null).toBeNull();
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
