import type { TestApp } from '../../helpers/strapi';

/**
 * Creates a users-permissions role granted exactly `actions` (uids such as
 * 'api::identification.sirene.bySiret'), a confirmed user in it, and logs in: returns the user's JWT.
 */
export async function loginWithRole(app: TestApp, roleName: string, actions: string[]): Promise<string> {
  const up = app.strapi.plugin('users-permissions');
  const permissions: Record<string, { controllers: Record<string, Record<string, { enabled: boolean }>> }> = {};
  for (const action of actions) {
    const match = /^(.+)\.([^.]+)\.([^.]+)$/.exec(action);
    if (!match) throw new Error(`not an action uid: ${action}`);
    const [, type, controller, name] = match;
    permissions[type] ??= { controllers: {} };
    permissions[type].controllers[controller] ??= {};
    permissions[type].controllers[controller][name] = { enabled: true };
  }
  await up.service('role').createRole({ name: roleName, description: roleName, permissions });
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { name: roleName } });
  const email = `${roleName.toLowerCase()}@example.test`;
  await up.service('user').add({ username: roleName, email, password: 'Secret-pass-1', role: role.id, confirmed: true, provider: 'local' });
  const res = await app.http.post('/api/auth/local').send({ identifier: email, password: 'Secret-pass-1' });
  if (res.status !== 200) throw new Error(`login as ${email} → ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.jwt as string;
}
