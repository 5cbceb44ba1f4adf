import { createTemplate } from './template-db';

// Jest's global set-up for the API tests: the schema is created once (see template-db.ts).
export default async function globalSetup(): Promise<void> {
  await createTemplate();
}
