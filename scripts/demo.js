#!/usr/bin/env node
// `npm run demo`: build everything, start on SQLite under .tmp/, load the demo data once,
// create the first admin user and an API token, and print how to log in.
const { execSync } = require('child_process');
const path = require('path');
const { ensureEnv } = require('./ensure-env');

const appDir = path.resolve(__dirname, '..');
const admin = {
  email: process.env.DEMO_ADMIN_EMAIL || 'admin@example.com',
  password: process.env.DEMO_ADMIN_PASSWORD || 'Demo-Admin-2026',
  firstname: 'Demo',
  lastname: 'Admin',
};

const run = (command) => execSync(command, { cwd: appDir, stdio: 'inherit' });

async function ensureAdmin(strapi) {
  const users = strapi.service('admin::user');
  if (await users.exists()) return false;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await users.create({ ...admin, roles: superAdmin ? [superAdmin.id] : [], isActive: true, registrationToken: null });
  return true;
}

/** A read-only API token named "demo", regenerated on each start so its key can be printed. */
async function demoToken(strapi) {
  const tokens = strapi.service('admin::api-token');
  const existing = await strapi.db.query('admin::api-token').findOne({ where: { name: 'demo' } });
  if (existing) return (await tokens.regenerate(existing.id)).accessKey;
  const created = await tokens.create({ name: 'demo', description: 'npm run demo', type: 'read-only', lifespan: null });
  return created.accessKey;
}

async function main() {
  // a demo ends up on a network: production mode unless told otherwise (no stack traces, no
  // content-type builder; admin cookies are Secure only over https, so plain http still logs in)
  process.env.NODE_ENV ??= 'production';
  if (ensureEnv()) console.log('Wrote .env with fresh secrets');
  if (!process.env.DEMO_SKIP_BUILD) {
    run('npm run build:plugin');
    run('npx strapi build');
  }
  process.env.DATABASE_CLIENT ??= 'sqlite';
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();

  const { seedDemo, demoFeaturedCustomer } = require(path.join(appDir, 'dist/database/seeds'));
  const report = await seedDemo(strapi, { progress: process.stderr.isTTY });
  console.log(report ? `Loaded the demo data: ${report.summary}` : 'Demo data already loaded');
  const createdAdmin = await ensureAdmin(strapi);
  const token = await demoToken(strapi);

  await strapi.start();
  const url = strapi.config.get('server.absoluteUrl') || `http://localhost:${strapi.config.get('server.port')}`;
  const featured = report?.featuredCustomer ?? (await demoFeaturedCustomer(strapi));
  console.log(`
  Credit records demo is running.
    Admin panel:  ${url}/admin
    Login:        ${admin.email} / ${admin.password}${createdAdmin ? '' : ' (set on the first run)'}
    REST API:     curl -H "Authorization: Bearer ${token}" ${url}/api/customers
    GraphQL:      ${url}/graphql${featured ? `\n    Dashboard with every chart filled: ${featured.code} ${featured.callName}, ${url}/admin/customer-insights/${featured.documentId}/dashboard` : ''}
  Stop with Ctrl+C.
`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
