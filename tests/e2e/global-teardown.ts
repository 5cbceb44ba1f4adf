import fs from 'fs';
import path from 'path';
import { DEMO_TEMPLATE_ENV } from './demo-server';

export default async function globalTeardown(): Promise<void> {
  const template = process.env[DEMO_TEMPLATE_ENV];
  if (template) fs.rmSync(path.dirname(template), { recursive: true, force: true });
}
