/**
 * A throwaway Strapi 5.54 JavaScript app that has never seen this repository: its own party and
 * document types, and the credit-control plugin installed from the packed tarball. Its
 * node_modules links the repository's installed packages one by one (no download) and holds the
 * unpacked plugin as a real folder, as `npm install <tarball>` leaves it. Its config/database.js
 * reads DATABASE_CLIENT as a generated app's does: SQLite by default, MySQL / MariaDB through the
 * mysql2 driver, which the repository does not install: installMysql2() installs it for the app.
 */
import { execFileSync, fork, type ChildProcess } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const repoRoot = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { packPlugin } = require(path.join(repoRoot, 'scripts', 'pack-plugin.js'));
export const PLUGIN = 'strapi-plugin-credit-control';

/** The mapping an installer would write for these types (the README's "minimal two-type app"). */
export const MAPPING = {
  party: { uid: 'api::client.client', labelField: 'name' },
  currency: { default: 'EUR' },
  documents: {
    'api::bill.bill': {
      gate: 'bills', bucket: 'bills', partyField: 'payer', amountField: 'total', currencyField: 'devise',
      open: { field: 'state', in: ['open'] }, labelField: 'number',
    },
    'api::order-form.order-form': {
      gate: 'orderForms', bucket: 'orderForms', partyField: 'buyer', amountField: 'amount', minus: ['deliveredAmount'],
      labelField: 'reference',
    },
  },
};

/**
 * What this app installs: the minimal mapping, plus the dates its rules read (a bill's due day for
 * the overdue rules, an order form's delivery day for the horizon) and the reports over its bills
 * and payments (statements, dunning, payment behaviour).
 */
export const INSTALLED_MAPPING = {
  ...MAPPING,
  documents: {
    'api::bill.bill': { ...MAPPING.documents['api::bill.bill'], dueDateField: 'dueOn' },
    'api::order-form.order-form': { ...MAPPING.documents['api::order-form.order-form'], horizonDateField: 'deliverOn' },
  },
  reports: {
    party: { codeField: 'code', nameField: 'name' },
    company: { uid: 'api::company.company', nameField: 'name' },
    invoices: {
      uid: 'api::bill.bill', partyField: 'payer', numberField: 'number', dateField: 'issuedOn', dueDateField: 'dueOn',
      totalField: 'total', paidField: 'paidAmount', paidOnField: 'paidOn', currencyField: 'devise', open: { field: 'state', in: ['open'] },
    },
    payments: { uid: 'api::payment.payment', partyField: 'payer', numberField: 'number', dateField: 'paidAt', amountField: 'amount', allocatedField: 'matched' },
  },
};

const relation = (target: string) => ({ type: 'relation', relation: 'manyToOne', target });
const SCHEMAS: Record<string, { plural: string; draftAndPublish: boolean; attributes: Record<string, unknown> }> = {
  client: { plural: 'clients', draftAndPublish: false, attributes: { name: { type: 'string', required: true }, code: { type: 'string' } } },
  bill: {
    plural: 'bills',
    draftAndPublish: false,
    attributes: {
      number: { type: 'string' },
      total: { type: 'decimal' },
      devise: { type: 'string', default: 'EUR' },
      state: { type: 'enumeration', enum: ['open', 'paid', 'cancelled'], default: 'open' },
      payer: relation('api::client.client'),
      issuedOn: { type: 'date' },
      dueOn: { type: 'date' },
      paidAmount: { type: 'decimal', default: 0 },
      paidOn: { type: 'date' },
    },
  },
  company: { plural: 'companies', draftAndPublish: false, attributes: { name: { type: 'string', required: true } } },
  payment: {
    plural: 'payments',
    draftAndPublish: false,
    // a payment's moment as a datetime: the reports compare it through the query engine
    attributes: { number: { type: 'string' }, paidAt: { type: 'datetime' }, amount: { type: 'decimal' }, matched: { type: 'decimal' }, payer: relation('api::client.client') },
  },
  'order-form': {
    plural: 'order-forms',
    draftAndPublish: true,
    attributes: {
      reference: { type: 'string' },
      amount: { type: 'decimal' },
      deliveredAmount: { type: 'decimal', default: 0 },
      buyer: relation('api::client.client'),
      deliverOn: { type: 'date' },
    },
  },
};

const CONFIG: Record<string, string> = {
  'database.js': `const path = require('path');
module.exports = ({ env }) => ({
  connection: env('DATABASE_CLIENT', 'sqlite') === 'mysql'
    ? {
        client: 'mysql',
        connection: {
          host: env('DATABASE_HOST', '127.0.0.1'), port: env.int('DATABASE_PORT', 3306), database: env('DATABASE_NAME', 'strapi'),
          user: env('DATABASE_USERNAME', 'strapi'), password: env('DATABASE_PASSWORD', 'strapi'),
        },
        pool: { min: 0, max: 10 },
      }
    : { client: 'sqlite', connection: { filename: env('DATABASE_FILENAME', path.join(__dirname, '..', '.tmp', 'data.db')) }, useNullAsDefault: true },
});`,
  'server.js': `module.exports = ({ env }) => ({ host: '127.0.0.1', port: env.int('PORT', 1337), app: { keys: ['install-a', 'install-b'] } });`,
  'admin.js': `module.exports = () => ({
  serveAdminPanel: false,
  auth: { secret: 'install-admin-secret' },
  apiToken: { salt: 'install-token-salt' },
  transfer: { token: { salt: 'install-transfer-salt' } },
  secrets: { encryptionKey: 'install-encryption-key-0123456789' },
});`,
  'middlewares.js': `module.exports = ['strapi::logger', 'strapi::errors', 'strapi::security', 'strapi::cors', 'strapi::poweredBy',
  'strapi::query', 'strapi::body', 'strapi::session', 'strapi::favicon', 'strapi::public'];`,
  // CREDIT_MAPPING (JSON) replaces the mapping: the bad-mapping tests boot the same app with a broken one
  'plugins.js': `const mapping = ${JSON.stringify(INSTALLED_MAPPING, null, 2)};
module.exports = ({ env }) => ({
  graphql: { config: { endpoint: '/graphql', landingPage: false, depthLimit: 10, defaultLimit: 25, maxLimit: 100 } },
  'credit-control': { enabled: true, config: env.json('CREDIT_MAPPING', mapping) },
});`,
};

// Boots the app on a free port and tells the test its port and a full-access API token.
const BOOT = `const { createStrapi } = require('@strapi/strapi');
(async () => {
  let app;
  try {
    app = await createStrapi({ appDir: __dirname, distDir: __dirname }).load();
  } catch (error) {
    process.send({ failed: String(error && error.message) });
    return process.exit(1);
  }
  // a second process on the same database names its own token (names are unique)
  const name = process.env.TOKEN_NAME || 'install-test';
  const { accessKey } = await app.service('admin::api-token').create({ name, type: 'full-access', lifespan: null });
  app.server.mount();
  app.server.httpServer.listen(0, '127.0.0.1', () => process.send({ port: app.server.httpServer.address().port, token: accessKey }));
})();`;

const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};

/** Links every package the repository installed, then unpacks the plugin tarball beside them. */
function installModules(appDir: string, tarball: string) {
  const source = fs.realpathSync(path.join(repoRoot, 'node_modules'));
  const target = path.join(appDir, 'node_modules');
  fs.mkdirSync(target);
  for (const entry of fs.readdirSync(source)) {
    if (entry === PLUGIN || entry.startsWith('.')) continue;
    fs.symlinkSync(path.join(source, entry), path.join(target, entry));
  }
  const pluginDir = path.join(target, PLUGIN);
  fs.mkdirSync(pluginDir);
  execFileSync('tar', ['-xzf', tarball, '-C', pluginDir, '--strip-components=1']);
}

/** The mysql2 an installer on MySQL / MariaDB adds (`npm install mysql2`); Strapi's `client: 'mysql'` loads it. */
export const MYSQL2 = '3.25.0';

/**
 * Installs mysql2 from the registry once per machine (a folder in the temp dir, reused by later
 * runs) and links it into the app's node_modules like the other packages.
 */
export function installMysql2(appDir: string): void {
  const home = path.join(os.tmpdir(), `credit-install-mysql2-${MYSQL2}`);
  const installed = path.join(home, 'node_modules', 'mysql2');
  if (!fs.existsSync(path.join(installed, 'package.json'))) {
    const partial = fs.mkdtempSync(`${home}-`);
    fs.writeFileSync(path.join(partial, 'package.json'), JSON.stringify({ name: 'mysql2-home', private: true }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', `mysql2@${MYSQL2}`], { cwd: partial, stdio: 'pipe' });
    fs.rmSync(home, { recursive: true, force: true });
    fs.renameSync(partial, home);
  }
  const link = path.join(appDir, 'node_modules', 'mysql2');
  if (!fs.existsSync(link)) fs.symlinkSync(installed, link);
}

export interface ForeignApp {
  appDir: string;
  tarball: string;
  /** what npm put in the tarball */
  packed: string[];
  cleanup: () => void;
}

export function createForeignApp(): ForeignApp {
  const base = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const appDir = fs.mkdtempSync(path.join(base, 'credit-foreign-app-'));
  const { tarball, files } = packPlugin(path.join(appDir, '.pack'));
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  write(path.join(appDir, 'package.json'), JSON.stringify({
    name: 'foreign-app',
    private: true,
    version: '0.0.0',
    dependencies: {
      '@strapi/strapi': pkg.dependencies['@strapi/strapi'],
      '@strapi/plugin-graphql': pkg.dependencies['@strapi/plugin-graphql'],
      'better-sqlite3': pkg.dependencies['better-sqlite3'],
      mysql2: MYSQL2,
      [PLUGIN]: `file:${path.relative(appDir, tarball)}`,
    },
    strapi: { uuid: false },
  }, null, 2));
  for (const [file, text] of Object.entries(CONFIG)) write(path.join(appDir, 'config', file), text);
  write(path.join(appDir, 'src', 'index.js'), 'module.exports = { register() {}, bootstrap() {} };\n');
  write(path.join(appDir, 'public', 'robots.txt'), 'User-agent: *\n');
  fs.mkdirSync(path.join(appDir, 'public', 'uploads'));
  fs.copyFileSync(path.join(repoRoot, 'favicon.png'), path.join(appDir, 'favicon.png'));
  write(path.join(appDir, 'boot.js'), BOOT);
  for (const [name, { plural, draftAndPublish, attributes }] of Object.entries(SCHEMAS)) {
    const uid = `api::${name}.${name}`;
    const dir = path.join(appDir, 'src', 'api', name);
    write(path.join(dir, 'content-types', name, 'schema.json'), JSON.stringify({
      kind: 'collectionType',
      collectionName: plural.replace(/-/g, '_'),
      info: { singularName: name, pluralName: plural, displayName: name },
      options: { draftAndPublish },
      attributes,
    }, null, 2));
    for (const kind of ['controllers', 'services', 'routes']) {
      const factory = { controllers: 'createCoreController', services: 'createCoreService', routes: 'createCoreRouter' }[kind];
      write(path.join(dir, kind, `${name}.js`), `module.exports = require('@strapi/strapi').factories.${factory}('${uid}');\n`);
    }
  }
  installModules(appDir, tarball);
  return { appDir, tarball, packed: files, cleanup: () => fs.rmSync(appDir, { recursive: true, force: true }) };
}

export interface RunningApp {
  url: string;
  token: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Boots the app in a child process, on its own SQLite file unless `env` names another database
 * (DATABASE_CLIENT=mysql and its DATABASE_*); rejects with the boot error and output.
 */
export function bootForeignApp(appDir: string, env: Record<string, string> = {}): Promise<RunningApp> {
  const dbDir = fs.mkdtempSync(path.join(appDir, 'db-'));
  const child: ChildProcess = fork(path.join(appDir, 'boot.js'), [], {
    cwd: appDir,
    silent: true,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      STRAPI_TELEMETRY_DISABLED: 'true',
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(dbDir, 'data.db'),
      // the linked packages run from their real folder, outside the app: Strapi finds the app's own
      // packages (the plugin) through NODE_PATH, as it would from an npm-installed node_modules
      NODE_PATH: path.join(appDir, 'node_modules'),
      ...env,
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    child.once('message', (message: any) => {
      if (message.failed !== undefined) return reject(Object.assign(new Error(message.failed), { output: () => output }));
      resolve({ url: `http://127.0.0.1:${message.port}`, token: message.token, output: () => output, stop });
    });
    child.once('exit', (code) => reject(Object.assign(new Error(`the app exited (${code}) before it was ready:\n${output}`), { output: () => output })));
  });
}
