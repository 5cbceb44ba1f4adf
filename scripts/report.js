#!/usr/bin/env node
// `npm run report -- --statement|--dunning [--code-from C0001] [--code-to C0999] [--as-of 2026-06-30]
//   [--due-before 2026-06-30] [--sort name|code] [--locale fr|en] [--format letter|summary] [--record]
//   --out f.pdf`: a statement or dunning run over a customer range, with a progress bar on stderr.
const fs = require('fs');
const path = require('path');
const { ensureEnv } = require('./ensure-env');

const appDir = path.resolve(__dirname, '..');
const FLAGS = { 'code-from': 'codeFrom', 'code-to': 'codeTo', 'as-of': 'asOf', 'due-before': 'dueBefore', 'due-by': 'dueBy', from: 'from', to: 'to', 'payments-until': 'paymentsUntil', sort: 'sort', locale: 'locale', format: 'format', company: 'company', division: 'division', entity: 'entity', out: 'out' };

function parseArgs(argv) {
  const options = { kind: null, record: false, criteria: {}, out: null };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i].replace(/^--/, '');
    if (arg === 'statement' || arg === 'dunning') options.kind = arg;
    else if (arg === 'record') options.record = true;
    else if (FLAGS[arg] && argv[i + 1] !== undefined) {
      if (arg === 'out') options.out = argv[++i];
      else options.criteria[FLAGS[arg]] = argv[++i];
    } else throw new Error(`unknown or incomplete option --${arg}`);
  }
  if (!options.kind) throw new Error('say --statement or --dunning');
  if (!options.out) throw new Error('--out <file.pdf> is required');
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  ensureEnv();
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const { createStrapi } = require('@strapi/strapi');
  const { Progress } = require(path.join(appDir, 'dist', 'database', 'seeds', 'progress'));
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  strapi.log.level = 'warn';
  const progress = new Progress(true);
  try {
    const runs = strapi.plugin('credit-control').service('report-runs');
    const request = await runs.parse({ kind: options.kind, record: options.record, criteria: options.criteria });
    const id = await runs.create(request);
    let shown = 0;
    const { file, sections } = await runs.execute(id, request, (done, total) => {
      progress.start('customers', total);
      progress.tick('customers', done - shown);
      shown = done;
    });
    progress.stop();
    fs.copyFileSync(file, options.out);
    fs.rmSync(file, { force: true });
    console.log(`${options.kind}: ${sections} ${options.kind === 'statement' ? 'customer sections' : 'letters'} written to ${options.out} (run ${id})`);
  } catch (error) {
    progress.stop();
    const details = error?.details?.errors?.map((e) => `  - ${e.path.join('.')}: ${e.message}`).join('\n');
    console.error(`report failed: ${error?.message ?? error}${details ? `\n${details}` : ''}`);
    process.exitCode = 1;
  } finally {
    await strapi.destroy();
  }
}

main().catch((error) => {
  console.error(error?.message ?? error);
  process.exit(2);
});
