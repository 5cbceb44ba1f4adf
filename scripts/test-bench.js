#!/usr/bin/env node
// `npm run test:bench` (CI): the bench at small scale on SQLite and on the throwaway Postgres. It asserts
// no timings, only that the command completes and writes a results file with every figure id.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const appDir = path.resolve(__dirname, '..');
const results = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'results.json');
const env = { ...process.env, BENCH_RESULTS: results };
// `npm test` has built dist/ already (pretest): --skip-build saves the bench's own build
if (process.argv.includes('--skip-build')) env.BENCH_SKIP_BUILD = '1';
const bench = (args) => execFileSync(process.execPath, [path.join(appDir, 'scripts/bench.js'), '--scale', 'small', '--rounds', '2', '--warmup', '0', ...args], { cwd: appDir, env, stdio: 'inherit' });

bench([]);
env.BENCH_SKIP_BUILD = '1';
bench(['--pg']);

const written = JSON.parse(fs.readFileSync(results, 'utf8'));
const missing = [];
for (const id of ['P0', 'P1', 'P1c', 'P2', 'P3', 'P3h', 'P3x4', 'P3hx4', 'P4', 'P5', 'P6', 'P7']) {
  for (const db of ['sqlite', 'postgres']) {
    const entry = written[id] && written[id][db];
    const ok = entry && ('na' in entry ? db === 'sqlite' && id.startsWith('P3') : Number.isFinite(entry.ratio) && Number.isFinite(entry.min) && Number.isFinite(entry.max));
    // the creates, the flow and the history reads report their statements per operation beside the ratio
    if (ok && ['P0', 'P1', 'P1c', 'P2', 'P6', 'P7'].includes(id) && !(entry.queries && entry.queries.a > 0 && entry.queries.b > 0)) missing.push(`${id}.${db}.queries`);
    if (!ok) missing.push(`${id}.${db}`);
  }
}
if (missing.length) {
  console.error(`test:bench: ${results} lacks ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`test:bench: ${results} has every figure on SQLite and Postgres`);
