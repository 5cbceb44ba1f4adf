import { testApp } from '../helpers/strapi';

// The embedded SQLite default runs in WAL with synchronous=NORMAL on every connection of the pool
// (config/database.ts): a commit costs ~0.1 ms instead of ~8 ms, and readers never wait for a writer.
// Its temporary store is memory: a savepoint's journal (the credit check inside a caller's transaction)
// is not written to a temporary file.
const onSqlite = (process.env.DATABASE_CLIENT ?? 'sqlite') === 'sqlite';
const app = testApp();

(onSqlite ? it : it.skip)('opens every connection in WAL with synchronous=NORMAL and temp_store=MEMORY, keeping its prepared statements', async () => {
  const knex = app.strapi.db.connection;
  const pool = knex.client.pool;
  // hold every connection the pool may open, so each is asked, not only the first one
  const connections = await Promise.all(Array.from({ length: pool.max }, () => knex.client.acquireConnection()));
  try {
    for (const conn of connections) {
      expect(conn.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(conn.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
      expect(conn.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
      // and keeps its prepared statements (database/sqlite-statements.ts): one text, one statement
      expect(conn.prepare('select 1 as one')).toBe(conn.prepare('select 1 as one'));
    }
  } finally {
    await Promise.all(connections.map((conn) => knex.client.releaseConnection(conn)));
  }
  // and a write goes through the log, not a rollback journal
  await app.api().post('/api/currencies').send({ data: { code: 'XWL', name: 'WAL test', minorUnits: 2 } }).expect(201);
  const file = app.database.filename!;
  const fs = await import('fs');
  expect(fs.existsSync(`${file}-wal`)).toBe(true);
  expect(fs.existsSync(`${file}-journal`)).toBe(false);
});
