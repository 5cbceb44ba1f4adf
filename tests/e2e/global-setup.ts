import fs from 'fs';
import path from 'path';
import { DEMO_TEMPLATE_ENV, scratchDir, startDemo } from './demo-server';

/**
 * Jest's global set-up for the browser tests: `npm run demo` loads the demo data once into a
 * template database; each test file's demo starts on a copy of it (demo-server.ts).
 */
export default async function globalSetup(): Promise<void> {
  const dir = scratchDir();
  const database = path.join(dir, 'demo-template.db');
  const demo = await startDemo({ database });
  await demo.stop();
  if (!fs.existsSync(database)) throw new Error(`the demo wrote no database at ${database}`);
  process.env[DEMO_TEMPLATE_ENV] = database;
}
