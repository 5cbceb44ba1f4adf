#!/usr/bin/env node
// `npm run pack:plugin [-- <dir>]`: packs the built credit-control plugin (npm pack: dist, README,
// LICENSE, package.json) into <dir> or a fresh temp dir, and prints the tarball's path.
// The install test (tests/install) packs through packPlugin() too. `npm pack` builds the plugin on
// its own (prepack); here the build is already done (`npm run build:plugin`), so scripts are skipped.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const pluginDir = path.resolve(__dirname, '..', 'src', 'plugins', 'credit-control');

/** Returns the tarball path and the files npm put in it. */
function packPlugin(destination = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-control-pack-'))) {
  if (!fs.existsSync(path.join(pluginDir, 'dist', 'server', 'index.js'))) {
    throw new Error('the plugin is not built: run `npm run build:plugin` first');
  }
  fs.mkdirSync(destination, { recursive: true });
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], { cwd: pluginDir, encoding: 'utf8' });
  const [info] = JSON.parse(out);
  return { tarball: path.join(destination, info.filename), files: info.files.map((f) => f.path) };
}

module.exports = { packPlugin, pluginDir };

if (require.main === module) {
  const { tarball, files } = packPlugin(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(`${files.length} files`);
  console.log(tarball);
}
