import { spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';

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

/**
 * `npm run demo` as a user runs it (built admin, demo data, first admin), on its own SQLite file
 * and port, without rebuilding: the e2e script builds once before the tests.
 */
export async function startDemo(): Promise<DemoServer> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'credit-e2e-'));
  const email = 'admin@example.com';
  const password = 'Demo-Admin-2026';
  const child: ChildProcess = spawn(process.execPath, [path.join(appDir, 'scripts', 'demo.js')], {
    cwd: appDir,
    env: { ...process.env, DEMO_SKIP_BUILD: '1', PORT: String(port), HOST: '127.0.0.1', DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'demo.db'), STRAPI_TELEMETRY_DISABLED: 'true', NODE_ENV: 'production' },
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
