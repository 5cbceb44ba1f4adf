import type { Core } from '@strapi/strapi';

/**
 * Registration is closed: portal accounts are opened by the back office, which links each one to
 * its customer. The public role lacks `auth.register` (portal-role.ts), which closes the REST
 * route; users-permissions' own "allow registration" setting is the switch its register
 * controller reads, whatever route reaches it (REST, GraphQL `register`, a provider's first
 * login), so it is turned off at every start too.
 */
export async function closeRegistration(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
}
