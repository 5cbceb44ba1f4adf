/** The demo's admin and content APIs from the test process (Node's fetch), to set up and cross-check the UI. */
export interface AdminApi {
  /** admin API (JWT of the logged-in admin) */
  admin: <T = any>(path: string, init?: { method?: string; body?: unknown }) => Promise<T>;
  /** content API with a full-access API token the test created */
  content: <T = any>(path: string, init?: { method?: string; body?: unknown }) => Promise<T>;
}

const call = async (url: string, token: string, init: { method?: string; body?: unknown } = {}) => {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
};

export async function adminApi(url: string, email: string, password: string): Promise<AdminApi> {
  const login = await fetch(`${url}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!login.ok) throw new Error(`admin login: ${login.status} ${await login.text()}`);
  const jwt: string = ((await login.json()) as any).data.token;
  const created = await call(`${url}/admin/api-tokens`, jwt, {
    method: 'POST',
    body: { name: `e2e-${Date.now()}`, description: 'credit e2e', type: 'full-access', lifespan: null },
  });
  const apiToken: string = created.data.accessKey;
  return {
    admin: (path, init) => call(`${url}${path}`, jwt, init),
    content: (path, init) => call(`${url}${path}`, apiToken, init),
  };
}

/**
 * An admin with the Editor role plus `plugin::credit-control.read` only (no policy.edit, no override),
 * registered with a password so that the browser can log in as them.
 */
export async function readOnlyClerk(api: AdminApi, url: string) {
  const roles = await api.admin('/admin/roles');
  const editor = roles.data.find((r: any) => r.code === 'strapi-editor');
  const current = await api.admin(`/admin/roles/${editor.id}/permissions`);
  const permissions = current.data.map(({ action, subject, properties, conditions }: any) => ({ action, subject, properties, conditions }));
  permissions.push({ action: 'plugin::credit-control.read', subject: null, properties: {}, conditions: [] });
  // the clerk edits invoices (so that a missing "Save anyway" means something): update with read's fields
  const readInvoice = permissions.find((p: any) => p.action === 'plugin::content-manager.explorer.read' && p.subject === 'api::invoice.invoice');
  if (!permissions.some((p: any) => p.action === 'plugin::content-manager.explorer.update' && p.subject === 'api::invoice.invoice')) {
    permissions.push({ ...readInvoice, action: 'plugin::content-manager.explorer.update' });
  }
  await api.admin(`/admin/roles/${editor.id}/permissions`, { method: 'PUT', body: { permissions } });
  const email = `clerk-${Date.now()}@example.com`;
  const password = 'Clerk-Credit-2026';
  const created = await api.admin('/admin/users', { method: 'POST', body: { firstname: 'Credit', lastname: 'Clerk', email, roles: [editor.id] } });
  const res = await fetch(`${url}/admin/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ registrationToken: created.data.registrationToken, userInfo: { firstname: 'Credit', lastname: 'Clerk', password } }),
  });
  if (!res.ok) throw new Error(`register clerk: ${res.status} ${await res.text()}`);
  return { email, password };
}

/** The panel's money format (en): grouped thousands, the currency after. */
export const money = (value: string, currency: string) => {
  const [int, frac = ''] = value.replace('-', '').split('.');
  return `${value.startsWith('-') ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac.padEnd(2, '0')}` : ''} ${currency}`;
};
