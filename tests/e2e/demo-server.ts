import { spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { copySqlite } from '../../database/sqlite-files';

const appDir = path.resolve(__dirname, '..', '..');

export interface DemoServer {
  url: string;
  email: string;
  password: string;
  /** what `npm run demo` printed up to "running" (its banner names the fully charted customer) */
  output: string;
  stop: () => Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** Set by the e2e global set-up: a database `npm run demo` has loaded, that each test file's demo starts from a copy of. */
export const DEMO_TEMPLATE_ENV = 'CREDIT_RECORDS_E2E_DEMO_TEMPLATE';

export const scratchDir = () => fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'credit-e2e-'));

/**
 * `npm run demo` as a user runs it (built admin, demo data, first admin), on its own SQLite file
 * and port, without rebuilding: the e2e script builds once before the tests. With the global
 * set-up's template, the file starts as a copy of a loaded demo (a second `npm run demo`): the demo
 * data is loaded once per run, not once per test file.
 */
export async function startDemo({ database }: { database?: string } = {}): Promise<DemoServer> {
  const port = await freePort();
  const dir = scratchDir();
  const filename = database ?? path.join(dir, 'demo.db');
  const template = process.env[DEMO_TEMPLATE_ENV];
  if (!database && template && fs.existsSync(template)) copySqlite(template, filename);
  const email = 'admin@example.com';
  const password = 'Demo-Admin-2026';
  const child: ChildProcess = spawn(process.execPath, [path.join(appDir, 'scripts', 'demo.js')], {
    cwd: appDir,
    env: { ...process.env, DEMO_SKIP_BUILD: '1', PORT: String(port), HOST: '127.0.0.1', DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename, STRAPI_TELEMETRY_DISABLED: 'true', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo did not start in 240 s:\n${output.slice(-2000)}`)), 240_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Credit records demo is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`demo exited with ${code}:\n${output.slice(-2000)}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    email,
    password,
    output,
    stop: async () => {
      child.removeAllListeners('exit');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
