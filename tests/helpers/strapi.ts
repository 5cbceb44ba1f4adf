import path from 'path';
import request from 'supertest';
import { waitForIdlePool } from '../../database/idle-pool';
import { appDir, freshDatabase } from './template-db';

/** The throwaway database of a test app, to boot a second app on it (a restart). */
export interface TestDatabase {
  /** the SQLite file or the Postgres database name */
  filename?: string;
  name?: string;
  /** drops it */
  cleanup: () => Promise<void>;
}

export interface StartOptions {
  /** boot on this database (from an earlier app's `database`) instead of a fresh one */
  database?: TestDatabase;
  /** leave the database in place on stop() (for a restart); drop it with `database.cleanup()` */
  keepDatabase?: boolean;
}

export interface TestApp {
  database: TestDatabase;
  strapi: any;
  token: string;
  api: () => request.Agent;
  /** supertest on the HTTP server with the full-access token set */
  http: request.SuperTest<request.Test>;
  stop: () => Promise<void>;
}

// the tests wait for Strapi's unawaited reloads as the bench does
export { waitForIdlePool };

/** Boots the compiled app on its own throwaway database: a temp SQLite file, or a fresh Postgres database (copies of the run's template). */
export async function startApp(options: StartOptions = {}): Promise<TestApp> {
  // telemetry's request to analytics.strapi.io keeps Jest from exiting for up to a minute
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const database: TestDatabase = options.database ?? (await freshDatabase());
  const cleanup = database.cleanup;
  if (database.name) process.env.DATABASE_NAME = database.name;
  if (database.filename) process.env.DATABASE_FILENAME = database.filename;

  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  strapi.server.mount();
  const { accessKey } = await strapi.service('admin::api-token').create({
    name: `test-${Date.now()}`,
    type: 'full-access',
    lifespan: null,
  });
  const server = strapi.server.httpServer;
  const agent = () => request.agent(server).set('Authorization', `Bearer ${accessKey}`);
  return {
    database,
    strapi,
    token: accessKey,
    api: agent,
    http: request(server) as unknown as request.SuperTest<request.Test>,
    stop: async () => {
      await waitForIdlePool(strapi);
      await strapi.destroy();
      if (!options.keepDatabase) await cleanup();
    },
  };
}

/**
 * The one app set-up of an API test file: boots the app before the file's tests (in the first
 * beforeAll, so the file's own hooks see it booted; `beforeBoot` runs just before) and stops it
 * after them. The handle stands for
 * the booted app; reading it before the boot is a mistake and says so.
 */
export function testApp({ beforeBoot, ...options }: StartOptions & { beforeBoot?: () => unknown } = {}): TestApp {
  let booted: TestApp | undefined;
  beforeAll(async () => {
    // what the app reads at boot (a local SMTP or webhook receiver's address) is set up here
    await beforeBoot?.();
    booted = await startApp(options);
  });
  afterAll(async () => {
    await booted?.stop();
  });
  return new Proxy({} as TestApp, {
    get(_target, key) {
      if (!booted) throw new Error(`the test app is not booted yet (read of ${String(key)}): use it inside a hook or a test`);
      return (booted as any)[key];
    },
  });
}
