import type { TestApp } from './strapi';

/** An admin user (super admin unless roles are given) logged in, with Content Manager and admin-API helpers. */
export async function adminSession(app: TestApp, roles?: number[]) {
  const strapi = app.strapi;
  const email = `admin-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const password = 'Passw0rd-Credit-1';
  const roleIds = roles ?? [(await strapi.service('admin::role').getSuperAdmin()).id];
  const user = await strapi.service('admin::user').create({ email, firstname: 'Test', lastname: 'Admin', password, roles: roleIds, isActive: true, registrationToken: null });
  const login = await app.http.post('/admin/login').send({ email, password });
  if (login.status !== 200) throw new Error(`admin login: ${login.status} ${JSON.stringify(login.body)}`);
  const token: string = login.body.data.token;
  const auth = (req: any) => req.set('Authorization', `Bearer ${token}`);
  const base = (uid: string) => `/content-manager/collection-types/${uid}`;
  return {
    user,
    token,
    get: (path: string) => auth(app.http.get(path)),
    post: (path: string) => auth(app.http.post(path)),
    put: (path: string) => auth(app.http.put(path)),
    delete: (path: string) => auth(app.http.delete(path)),
    cmCreate: (uid: string, data: Record<string, unknown>) => auth(app.http.post(base(uid))).send(data),
    cmUpdate: (uid: string, documentId: string, data: Record<string, unknown>) => auth(app.http.put(`${base(uid)}/${documentId}`)).send(data),
    cmClone: (uid: string, documentId: string, data: Record<string, unknown> = {}) => auth(app.http.post(`${base(uid)}/clone/${documentId}`)).send(data),
    cmBulkDelete: (uid: string, documentIds: string[]) => auth(app.http.post(`${base(uid)}/actions/bulkDelete`)).send({ documentIds }),
  };
}

/** Number of audit rows of a party, optionally with one outcome. */
export async function decisionCount(app: TestApp, party: string, outcome?: string, kind?: string): Promise<number> {
  const query = new URLSearchParams({ party, ...(outcome ? { outcome } : {}), ...(kind ? { kind } : {}) });
  const res = await app.api().get(`/api/credit-control/decisions?${query}`);
  if (res.status !== 200) throw new Error(`decisions: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.meta.pagination.total;
}

/**
 * A policy on a prospect: blocking rules are offered on customers only (mapping party.policyWhen), so
 * this stands for a record that got its rules as a customer and is a prospect again (its kind is
 * restored directly afterwards; a customer keeps its kind).
 */
export async function policyOnProspect(app: TestApp, party: string, data: Record<string, unknown>): Promise<void> {
  const customers = app.strapi.db.query('api::customer.customer' as any);
  const { kind } = await customers.findOne({ where: { documentId: party }, select: ['kind'] });
  await customers.update({ where: { documentId: party }, data: { kind: 'customer' } });
  try {
    const res = await app.api().post('/api/credit-control/policies').send({ data: { party, ...data } });
    if (res.status !== 201) throw new Error(`policy on ${party}: ${res.status} ${JSON.stringify(res.body)}`);
  } finally {
    await customers.update({ where: { documentId: party }, data: { kind } });
  }
}
