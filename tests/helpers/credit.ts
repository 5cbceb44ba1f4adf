import { post as postTo, uniq } from './factories';
import type { TestApp } from './strapi';

/**
 * The credit-control API tests' builders, on the factories' poster and codes: a party is a bare
 * customer (no company, site or contact), and writes of invoices and receipts return the response,
 * since the tests read refusals from it.
 */
export function creditFixtures(app: TestApp) {
  const next = uniq;
  const post = (path: string, data: Record<string, unknown>) => postTo(app.api, path.replace(/^\/api\//, ''), data, [200, 201]);
  return {
    post,
    currency: (code = 'EUR') => post('/api/currencies', { code, name: code, minorUnits: 2 }),
    customer: (data: Record<string, unknown> = {}) => post('/api/customers', { callName: next('Customer'), kind: 'customer', ...data }),
    policy: (party: string, data: Record<string, unknown>) => post('/api/credit-control/policies', { party, ...data }),
    invoice: (customer: string, currency: string, amount: number, data: Record<string, unknown> = {}) =>
      app.api().post('/api/invoices').send({
        data: { number: next('INV'), customer, currency, date: '2026-01-10', state: 'issued', lines: [{ quantity: 1, unitPrice: amount, vatRate: 20 }], ...data },
      }),
    receipt: (customer: string, currency: string, amount: number, data: Record<string, unknown> = {}) =>
      app.api().post('/api/receipts').send({ data: { number: next('REC'), customer, currency, date: '2026-01-12', amount, ...data } }),
    summary: async (party: string) => (await app.api().get(`/api/credit-control/parties/${party}/credit`)).body.data,
  };
}

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
