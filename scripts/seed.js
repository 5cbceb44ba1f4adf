#!/usr/bin/env node
// `npm run seed -- [options]`: compiles the server if needed, then runs the generator's CLI from dist/.
const { execSync } = require('child_process');
const path = require('path');
const { ensureEnv } = require('./ensure-env');

const appDir = path.resolve(__dirname, '..');
ensureEnv();
if (!process.env.SEED_SKIP_BUILD) execSync('npm run --silent build:server', { cwd: appDir, stdio: 'inherit' });
require(path.join(appDir, 'dist/database/seeds/cli.js'));
