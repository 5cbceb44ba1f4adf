/**
 * The package as someone who installs it meets it: `npm pack` from a clean checkout builds it, the
 * app boots with the plugin installed but not configured (inert, one warning), and in a TypeScript
 * app `defineConfig()` turns a typo in the mapping into a compile error.
 */
import { execFileSync, spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { bootForeignApp, createForeignApp, INSTALLED_MAPPING, MAPPING, PLUGIN, type ForeignApp } from './foreign-app';

const repoRoot = path.resolve(__dirname, '..', '..');
let app: ForeignApp;
beforeAll(() => {
  app = createForeignApp();
});
afterAll(() => app?.cleanup());

it('packs from a clean checkout: prepack builds dist, with the config types', () => {
  // a copy of the plugin's sources without dist, inside the repository so that its build tools resolve
  fs.mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true }); // a fresh clone has none
  const copy = fs.mkdtempSync(path.join(repoRoot, '.tmp', 'pack-'));
  try {
    const source = path.join(repoRoot, 'src', 'plugins', 'credit-control');
    for (const entry of fs.readdirSync(source)) {
      if (entry !== 'dist' && entry !== 'node_modules') fs.cpSync(path.join(source, entry), path.join(copy, entry), { recursive: true });
    }
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', copy], { cwd: copy, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const files = JSON.parse(out)[0].files.map((f: { path: string }) => f.path);
    expect(files).toEqual(expect.arrayContaining(['dist/server/index.js', 'dist/admin/index.mjs', 'dist/config/index.js', 'dist/config/index.d.ts', 'CHANGELOG.md']));
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}, 180_000);

it('publishes what a registry page shows: repository, homepage, bugs, author, keywords and the strapi block', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(app.appDir, 'node_modules', PLUGIN, 'package.json'), 'utf8'));
  expect(pkg).toMatchObject({ repository: { type: 'git' }, homepage: expect.stringMatching(/^https:\/\//), bugs: { url: expect.stringMatching(/^https:\/\//) }, author: { name: expect.any(String) } });
  expect(pkg.keywords).toEqual(expect.arrayContaining(['strapi', 'strapi-plugin']));
  expect(pkg.strapi).toMatchObject({ kind: 'plugin', name: 'credit-control', displayName: expect.any(String), description: expect.any(String) });
});

it('boots inert when installed without a mapping: one warning, no check, routes that say why', async () => {
  const running = await bootForeignApp(app.appDir, { CREDIT_MAPPING: '{}' });
  try {
    const call = async (method: string, url: string, body?: unknown) => {
      const res = await fetch(`${running.url}${url}`, { method, headers: { Authorization: `Bearer ${running.token}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    };
    const warnings = running.output().split('\n').filter((line) => line.includes('credit-control is installed but not configured'));
    expect(warnings).toHaveLength(1);
    // a JavaScript app: the warning names its config/plugins.js
    expect(warnings[0]).toContain('until its mapping is in config/plugins.js');
    const status = await call('GET', '/api/credit-control/status');
    expect(status).toMatchObject({ status: 200, body: { configured: false, configFile: 'config/plugins.js', mapping: null } });
    const policies = await call('GET', '/api/credit-control/policies');
    expect(policies.status).toBe(400);
    expect(policies.body.error).toMatchObject({ name: 'ApplicationError', details: { reason: 'notConfigured' } });
    expect(policies.body.error.message).toContain('config/plugins.js');
    // writes go through unchecked
    const client = await call('POST', '/api/clients', { data: { name: 'Inert' } });
    const bill = await call('POST', '/api/bills', { data: { number: 'B-1', total: '999999999.00', payer: client.body.data.documentId } });
    expect(bill.status).toBe(201);
  } finally {
    await running.stop();
  }
}, 120_000);

it('types the mapping with defineConfig in a TypeScript app: the installed one compiles, a typo does not', () => {
  // one tsc run over four config/plugins.ts variants; each error line starts with its file's name
  const dir = fs.mkdtempSync(path.join(app.appDir, 'ts-'));
  const bill = MAPPING.documents['api::bill.bill'];
  const variants: Record<string, unknown> = {
    installed: INSTALLED_MAPPING,
    typo: { ...MAPPING, documents: { 'api::bill.bill': { ...bill, partyFeild: 'payer' } } },
    uid: { ...MAPPING, party: { uid: 'client.client' } },
    sign: { ...MAPPING, documents: { 'api::bill.bill': { ...bill, sign: 2 } } },
  };
  for (const [name, mapping] of Object.entries(variants)) {
    fs.writeFileSync(path.join(dir, `${name}.ts`), `import { defineConfig, type CreditControlConfig } from '${PLUGIN}/config';
const mapping: CreditControlConfig = defineConfig(${JSON.stringify(mapping)});
export default () => ({ 'credit-control': { enabled: true, config: mapping } });
`);
  }
  const tsc = path.join(app.appDir, 'node_modules', 'typescript', 'bin', 'tsc');
  const files = Object.keys(variants).map((name) => path.join(dir, `${name}.ts`));
  const result = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--skipLibCheck', '--module', 'esnext', '--moduleResolution', 'bundler', '--target', 'es2022', ...files], { cwd: app.appDir, encoding: 'utf8' });
  const errors = (name: string) => `${result.stdout}${result.stderr}`.split('\n').filter((line) => line.includes(`${name}.ts(`)).join('\n');
  expect(errors('installed')).toBe('');
  expect(errors('typo')).toMatch(/error TS\d+: .*'"?partyFeild"?' does not exist in type 'DocumentConfig'/);
  expect(errors('uid')).toMatch(/error TS\d+: .*"client\.client"/);
  expect(errors('sign')).toMatch(/error TS\d+/);
}, 120_000);
