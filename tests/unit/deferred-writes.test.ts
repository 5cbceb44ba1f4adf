import { compile, slot } from '../../src/repositories/compiled';
import { deferTo, takeDeferred, withDeferred } from '../../src/repositories/deferred-writes';
import knexFactory from 'knex';

/** The read models' statements deferred to the outer middleware's scope, sent together on Postgres. */
describe('deferred read-model statements', () => {
  const pg = knexFactory({ client: 'pg' });
  afterAll(() => pg.destroy());

  /** An app whose connection records what it is sent instead of sending it. */
  const appOn = (client: string) => {
    const sent: { sql: string; bindings: unknown[] }[] = [];
    const connection = {
      raw: (sql: string, bindings: unknown[]) => {
        const query = { options: () => query, then: (resolve: (v: unknown) => void) => (sent.push({ sql, bindings }), resolve({ rows: [] })) };
        return query;
      },
    };
    const strapi = { db: { dialect: { client }, inTransaction: () => false, connection }, config: { get: () => undefined } } as any;
    return { strapi, sent };
  };
  const upsert = (table: string) => ({ compiled: compile(appOn('postgres').strapi, pg(table).insert(pg('invoices').select('id').where('id', slot(0)))), values: [5] });

  const write = { uid: 'api::invoice.invoice', action: 'create' };

  it('outside a scope nothing is deferred: the caller sends its statements', async () => {
    expect(deferTo(write, [upsert('billed')])).toBe(false);
    expect(takeDeferred()).toEqual([]);
  });

  it("takes only the statements of the write it was opened for: another write's go as they come", async () => {
    const { strapi, sent } = appOn('postgres');
    await withDeferred(strapi, write, async () => {
      expect(deferTo({ ...write }, [upsert('other')])).toBe(false);
      expect(deferTo(write, [upsert('billed')])).toBe(true);
    });
    expect(sent.map((s) => s.sql.match(/insert into "(\w+)"/)![1])).toEqual(['billed']);
  });

  it('sends what is still deferred at the scope end as one statement, once', async () => {
    const { strapi, sent } = appOn('postgres');
    const result = await withDeferred(strapi, write, async () => {
      expect(deferTo(write, [upsert('billed'), upsert('owed')])).toBe(true);
      return 'written';
    });
    expect(result).toBe('written');
    expect(sent).toHaveLength(1);
    expect(sent[0].sql).toMatch(/^with w0 as \(insert into "billed" .* returning 1\), w1 as \(insert into "owed" .* returning 1\) select/);
    expect(sent[0].bindings).toEqual([5, 5]);
  });

  it('gives the deferred statements to the one that takes them, and sends nothing more at the end', async () => {
    const { strapi, sent } = appOn('postgres');
    let taken: unknown[] = [];
    await withDeferred(strapi, write, async () => {
      deferTo(write, [upsert('billed')]);
      taken = takeDeferred();
    });
    expect(taken).toHaveLength(1);
    expect(sent).toEqual([]);
  });

  it('keeps nested scopes apart, and opens none where statements are not batched (SQLite)', async () => {
    const { strapi, sent } = appOn('postgres');
    const nested = { uid: 'api::receipt.receipt', action: 'create' };
    await withDeferred(strapi, write, async () => {
      deferTo(write, [upsert('outer')]);
      await withDeferred(strapi, nested, async () => {
        expect(deferTo(write, [upsert('late')])).toBe(false);
        deferTo(nested, [upsert('inner')]);
      });
      expect(sent.map((s) => s.sql.match(/insert into "(\w+)"/)![1])).toEqual(['inner']);
    });
    expect(sent.map((s) => s.sql.match(/insert into "(\w+)"/)![1])).toEqual(['inner', 'outer']);
    const sqlite = appOn('sqlite');
    await withDeferred(sqlite.strapi, write, async () => expect(deferTo(write, [upsert('billed')])).toBe(false));
    expect(sqlite.sent).toEqual([]);
  });
});
