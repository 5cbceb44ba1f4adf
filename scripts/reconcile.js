#!/usr/bin/env node
// `npm run reconcile [-- --fix]`: recomputes every party's exposure from the documents and
// reports drift against the maintained rows; exits 1 on drift unless --fix repaired it.
const path = require('path');
const { ensureEnv } = require('./ensure-env');

const appDir = path.resolve(__dirname, '..');

async function main() {
  ensureEnv();
  const fix = process.argv.includes('--fix');
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  try {
    const report = await strapi.plugin('credit-control').service('reconcile').run({ fix });
    for (const d of report.drift) {
      console.log(`drift: party ${d.party} ${d.bucket} ${d.currency}: maintained ${d.maintained}, recomputed ${d.recomputed}`);
    }
    console.log(`${report.checkedRows} exposure rows recomputed, ${report.drift.length} with drift${report.fixed ? ', repaired' : ''}`);
    process.exitCode = report.drift.length > 0 && !report.fixed ? 1 : 0;
  } finally {
    await strapi.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
