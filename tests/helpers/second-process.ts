import { spawn, type ChildProcess } from 'child_process';
import path from 'path';
import request from 'supertest';
import type { TestApp } from './strapi';

export interface SecondProcess {
  /** supertest on the second process, with the first app's full-access token */
  api: () => request.Agent;
  stop: () => Promise<void>;
}

/**
 * A second Strapi process on the test app's database (tests/helpers/serve.js), for cross-process
 * tests on Postgres: row locks must hold between processes, not only between one process's requests.
 */
export async function startSecondProcess(app: TestApp): Promise<SecondProcess> {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'serve.js')], {
    env: { ...process.env, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /PORT (\d+)/.exec(out);
      if (match) resolve(`http://127.0.0.1:${match[1]}`);
    });
    child.on('exit', (code) => reject(new Error(`second process exited with ${code}`)));
  });
  return {
    api: () => request.agent(url).set('Authorization', `Bearer ${app.token}`),
    stop: async () => {
      if (child.exitCode !== null) return;
      await new Promise((resolve) => {
        child.on('exit', resolve);
        child.kill('SIGKILL');
      });
    },
  };
}
