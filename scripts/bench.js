#!/usr/bin/env node
// `npm run bench -- [--pg] [--scale small|full] …`: compiles the server (and the plugin), then runs the bench from dist/.
const { execSync } = require('child_process');
const path = require('path');
const { ensureEnv } = require('./ensure-env');

const appDir = path.resolve(__dirname, '..');
ensureEnv();
if (!process.env.BENCH_SKIP_BUILD) execSync('npm run --silent build:server', { cwd: appDir, stdio: 'inherit' });
require(path.join(appDir, 'dist/bench/main.js'));
