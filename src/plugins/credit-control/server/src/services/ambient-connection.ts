import type { Core } from '@strapi/strapi';

type Knex = Core.Strapi['db']['connection'];

/**
 * Where a raw read runs: inside the caller's transaction when there is one (as the query engine
 * does), so that it sees that transaction's writes and never waits for a second connection from
 * a pool the transaction holds (SQLite has one); the pool otherwise.
 */
export async function ambientConnection(strapi: Core.Strapi): Promise<Knex> {
  if (!strapi.db.inTransaction()) return strapi.db.connection;
  // nested in the caller's transaction: hands it back, commits nothing
  return strapi.db.transaction(async ({ trx }: any) => trx);
}
