/** Boots the compiled app (dist/) in this process, on the database named by `env`. */
import path from 'path';
import type { Core } from '@strapi/strapi';

export const APP_DIR = path.resolve(__dirname, '..', '..');
export const DIST_DIR = path.join(APP_DIR, 'dist');

export function benchEnv(env: Record<string, string>): void {
  // the bench switch is read at boot: every Strapi the bench starts is a bench server
  Object.assign(process.env, { STRAPI_TELEMETRY_DISABLED: 'true', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error', CREDIT_CONTROL_BENCH: '1' }, env);
}

export async function boot(env: Record<string, string>): Promise<Core.Strapi> {
  benchEnv(env);
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { createStrapi } = require('@strapi/strapi');
  return createStrapi({ appDir: APP_DIR, distDir: DIST_DIR }).load();
}
