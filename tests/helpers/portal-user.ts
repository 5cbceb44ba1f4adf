import request from 'supertest';
import type { TestApp } from './strapi';

let users = 0;

/**
 * A users-permissions user (a customer-portal login) whose role holds exactly `actions`
 * (e.g. `api::invoice.invoice.create`). Returns a supertest agent with its JWT.
 */
export async function portalUser(app: TestApp, actions: string[]) {
  const strapi = app.strapi;
  const n = ++users;
  const role = await strapi.db.query('plugin::users-permissions.role').create({
    data: { name: `Test role ${n} ${Date.now()}`, description: 'test', type: `test-${n}-${Date.now()}` },
  });
  for (const action of actions) {
    await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
  }
  const user = await strapi.plugin('users-permissions').service('user').add({
    username: `portal-${n}-${Date.now()}`,
    email: `portal-${n}-${Date.now()}@example.com`,
    password: 'Portal-Passw0rd',
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: role.id,
  });
  const jwt = await strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
  const server = strapi.server.httpServer;
  return {
    user,
    role,
    jwt: jwt as string,
    agent: () => request.agent(server).set('Authorization', `Bearer ${jwt}`),
    grant: async (action: string) => strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } }),
  };
}

/**
 * A login of the seeded customer-portal role linked to `customerDocumentId` (or to no customer
 * when null). Returns a supertest agent with its JWT and a GraphQL helper.
 */
export async function customerPortalUser(app: TestApp, customerDocumentId: string | null) {
  const strapi = app.strapi;
  const n = ++users;
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'portal' } });
  if (!role) throw new Error('the portal role was not seeded');
  const customer = customerDocumentId
    ? await strapi.db.query('api::customer.customer').findOne({ where: { documentId: customerDocumentId }, select: ['id'] })
    : null;
  if (customerDocumentId && !customer) throw new Error(`no customer ${customerDocumentId}`);
  const stamp = `${n}-${Date.now()}`;
  const user = await strapi.plugin('users-permissions').service('user').add({
    username: `customer-portal-${stamp}`,
    email: `customer-portal-${stamp}@example.com`,
    password: 'Portal-Passw0rd',
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: role.id,
    customer: customer?.id ?? null,
  });
  const jwt = await strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
  const server = strapi.server.httpServer;
  const agent = () => request.agent(server).set('Authorization', `Bearer ${jwt}`);
  return {
    user,
    jwt,
    agent,
    graphql: (query: string, variables: Record<string, unknown> = {}) => agent().post('/graphql').send({ query, variables }),
  };
}
