// A second Strapi process on the same database, for cross-process tests: prints "PORT <n>" once listening.
const path = require('path');

const appDir = path.resolve(__dirname, '..', '..');
process.env.STRAPI_TELEMETRY_DISABLED = 'true';

(async () => {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`PORT ${strapi.server.httpServer.address().port}\n`);
  // the test ends this process with SIGKILL; its database is dropped with the test's
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
