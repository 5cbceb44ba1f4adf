import fs from 'fs';
import path from 'path';

/**
 * The app knows the credit-control plugin only through its public contract: the mapping and hooks
 * (config/plugins.ts, typed by the package's `strapi-plugin-credit-control/config` export), its
 * routes, RBAC actions, response headers, reason codes and the services its README names. This scan
 * fails when app code imports the plugin's files, recognises its messages, or names its tables.
 */
const ROOT = path.resolve(__dirname, '../..');
const PLUGIN = path.join(ROOT, 'src/plugins/credit-control');
const SCANNED = ['src', 'config'].map((dir) => path.join(ROOT, dir));

const appFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === PLUGIN || entry.name === 'node_modules' ? [] : appFiles(full);
    return /\.(ts|tsx|js|jsx|json)$/.test(entry.name) ? [full] : [];
  });

/** The plugin's content types, from its own folder: `plugin::credit-control.policy`… */
const PLUGIN_TYPES = fs
  .readdirSync(path.join(PLUGIN, 'server/src/content-types'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `plugin::credit-control.${entry.name}`);

/** Where app code may name a plugin type, and why (reads only). */
const TYPE_READERS: Record<string, string> = {
  'src/middlewares/input-guard.ts': 'checks the filters of a content-API list request against the type before any controller runs',
};

export interface Crossing {
  file: string;
  line: number;
  rule: 'import' | 'message' | 'table';
  text: string;
}

/** Every boundary crossing in `source` (exported for the detector's own test). */
export function crossings(file: string, source: string): Crossing[] {
  const out: Crossing[] = [];
  source.split('\n').forEach((text, i) => {
    const at = (rule: Crossing['rule']) => out.push({ file, line: i + 1, rule, text: text.trim() });
    // a relative path into the plugin's folder (the package's public export is a bare specifier)
    if (/(from\s+|require\(\s*|import\(\s*)['"][^'"]*plugins\/credit-control\//.test(text)) at('import');
    // the plugin's messages are for people and may change: its reason codes are the contract
    if (/Credit \(?(alert|blocked)|Call[- ]taking \(?(alert|blocked)|accounts department/.test(text)) at('message');
    // its tables belong to it
    if (/credit_control_|credit_control\b/.test(text)) at('table');
    if (!TYPE_READERS[file] && PLUGIN_TYPES.some((uid) => new RegExp(`${uid.replace(/[.]/g, '\\.')}\\b`).test(text))) at('table');
  });
  return out;
}

describe('the boundary between the app and the credit-control plugin', () => {
  const files = SCANNED.flatMap(appFiles);

  it('scans the whole app', () => {
    expect(files.length).toBeGreaterThan(200);
    expect(PLUGIN_TYPES).toEqual(expect.arrayContaining(['plugin::credit-control.policy', 'plugin::credit-control.rate']));
  });

  it('no app file imports the plugin’s files, matches its messages or names its tables', () => {
    const found = files.flatMap((full) => crossings(path.relative(ROOT, full), fs.readFileSync(full, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the allowed readers of plugin types exist and still need it', () => {
    for (const file of Object.keys(TYPE_READERS)) expect(fs.readFileSync(path.join(ROOT, file), 'utf8')).toMatch(/plugin::credit-control\./);
  });

  it('the detector catches each kind of crossing', () => {
    const sample = [
      "import { warningsOf } from '../../plugins/credit-control/admin/src/utils/formData';",
      "const x = require('../plugins/credit-control/server/src/core');",
      'const quotesCredit = (text) => /^Credit (alert|blocked)/.test(text);',
      "await strapi.db.query('plugin::credit-control.policy').delete({ where: { party } });",
      "await knex('credit_control_exposure').del();",
      "import type { CreditControlHooks } from 'strapi-plugin-credit-control/config';",
      "{ action: 'plugin::credit-control.reports.read', subject: null },",
    ].join('\n');
    expect(crossings('src/sample.ts', sample).map((c) => [c.line, c.rule])).toEqual([
      [1, 'import'],
      [2, 'import'],
      [3, 'message'],
      [4, 'table'],
      [5, 'table'],
    ]);
  });
});
