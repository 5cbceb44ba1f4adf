/**
 * After a create or update Strapi reloads the record for its event without awaiting it: stopping
 * (or counting statements) while those reads run aborts or pollutes them (Postgres: an unhandled
 * "aborted"). Waits until the knex pool has been idle for three checks in a row (at most 5 s).
 */
export async function waitForIdlePool(strapi: any): Promise<void> {
  const pool = strapi?.db?.connection?.client?.pool;
  if (!pool) return;
  for (let i = 0, quiet = 0; i < 100 && quiet < 3; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    quiet = pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() === 0 ? quiet + 1 : 0;
  }
}
