/**
 * node dist/database/seeds/cli.js --customers 200 --documents 5000 [--seed 42] [--demo]
 *        [--as-of YYYY-MM-DD] [--batch-size 5000] [--progress | --no-progress] [--json]
 *
 * Loads the compiled app (dist/), seeds it, prints a summary (rows per type, elapsed seconds,
 * the SQLite file size) and closes Strapi. Set DATABASE_FILENAME to seed a throwaway SQLite file.
 * This file is an entry point: it runs when loaded (scripts/seed.js requires it).
 */
import path from 'path';
import { databaseFile, fileSize, parseArgs, summary, USAGE } from './cli-args';
import { seed } from './index';

async function main(): Promise<void> {
  const { options, json, help } = parseArgs(process.argv.slice(2));
  if (help) {
    console.log(USAGE);
    return;
  }
  // --json: keep stdout for the report (Strapi logs at info level on stdout)
  if (json) process.env.LOG_LEVEL ??= 'error';
  const appDir = path.resolve(__dirname, '..', '..', '..');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { createStrapi } = require('@strapi/strapi');
  const app = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  let failed = false;
  try {
    const report = await seed(app, options);
    const dbFile = databaseFile(app);
    console.log(json ? JSON.stringify({ ...report, databaseFile: dbFile, databaseBytes: dbFile ? fileSize(dbFile) : null }, null, 2) : summary(report, dbFile));
  } catch (error) {
    failed = true;
    console.error(`Seed failed: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof Error && error.stack && process.env.DEBUG) console.error(error.stack);
  } finally {
    await app.destroy();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
