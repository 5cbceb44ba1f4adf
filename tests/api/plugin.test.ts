import { testApp } from '../helpers/strapi';

// The credit-control plugin is built, loaded and reads its mapping from config/plugins.ts.
const app = testApp();

it('is loaded with the app mapping', async () => {
  expect(app.strapi.plugin('credit-control')).toBeDefined();
  const res = await app.api().get('/api/credit-control/status');
  expect(res.status).toBe(200);
  expect(res.body.plugin).toBe('credit-control');
  expect(res.body.mapping.party).toBe('api::customer.customer');
  const uids = res.body.mapping.documents.map((d: { uid: string }) => d.uid);
  expect(uids).toContain('api::invoice.invoice');
  expect(uids).toHaveLength(10);
});

it('exposes no public route', async () => {
  expect((await app.http.get('/api/credit-control/status')).status).toBe(403);
  expect((await app.http.get('/api/customers')).status).toBe(403);
});

it('loads its server code from the built dist/, not from TypeScript sources', () => {
  const pkg = require('../../src/plugins/credit-control/package.json');
  expect(pkg.exports['./strapi-server'].require).toBe('./dist/server/index.js');
  expect(pkg.peerDependencies['@strapi/utils']).toBeDefined();
  expect(pkg.dependencies?.['@strapi/utils']).toBeUndefined();
});
