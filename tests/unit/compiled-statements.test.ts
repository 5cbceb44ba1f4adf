import knexFactory from 'knex';
import { compile, compiledCache, compiledPerApp, readCompiled, runCompiled, slot } from '../../src/repositories/compiled';

/** The app's hot statements (read models' upserts, the customer read) are compiled once and run by their text. */
describe("the app's compiled statements", () => {
  const sqlite = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  const pg = knexFactory({ client: 'pg' });
  afterAll(() => Promise.all([sqlite.destroy(), pg.destroy()]));

  const strapiOn = (client: string, preparedStatements?: boolean) =>
    ({ db: { dialect: { client } }, config: { get: (key: string) => (key === 'database.preparedStatements' ? preparedStatements : undefined) } }) as any;

  it('keeps the builder text and its constants, and puts each run-time value in its place', () => {
    const build = (ids: unknown[]) => sqlite('sums').insert(sqlite('invoices').select('id', sqlite.raw('1 as n')).whereIn('id', ids).where('state', 'issued'));
    const compiled = compile(strapiOn('sqlite'), build([slot(0), slot(1)]));
    expect(compiled.sql).toBe(build([1, 2]).toSQL().sql);
    expect(compiled.bindings([7, 9])).toEqual([7, 9, 'issued']);
    expect(sqlite.raw(compiled.sql, compiled.bindings([3, 4]) as any[]).toQuery()).toBe(build([3, 4]).toQuery());
    // no name on SQLite: it keeps its statements itself
    expect(compiled.name).toBeUndefined();
  });

  it('names a Postgres statement by its text once, and sends it by name only while statements go by name', () => {
    const query = pg('customers as c').select('c.id').where('c.document_id', slot(0)).limit(1);
    const on = strapiOn('postgres', true);
    const compiled = compile(on, query);
    expect(compiled.name).toMatch(/^app_[0-9a-f]{24}$/);
    expect(compile(on, pg('customers as c').select('c.id').where('c.document_id', slot(0)).limit(1)).name).toBe(compiled.name);
    expect((runCompiled(on, pg, compiled, ['doc-1']) as any).toSQL().options).toEqual({ name: compiled.name });
    // DATABASE_PREPARED_STATEMENTS=false, read at run time: the same compiled statement goes unnamed
    expect((runCompiled(strapiOn('postgres', false), pg, compiled, ['doc-1']) as any).toSQL().options).toEqual({});
  });

  it('reads rows from a compiled select', async () => {
    await sqlite.schema.createTable('things', (t) => {
      t.increments('id');
      t.string('label');
    });
    await sqlite('things').insert([{ label: 'a' }, { label: 'b' }]);
    const compiled = compile(strapiOn('sqlite'), sqlite('things').select('label').where('id', slot(0)));
    expect(await readCompiled(strapiOn('sqlite'), sqlite, compiled, [2])).toEqual([{ label: 'b' }]);
    expect(await readCompiled(strapiOn('sqlite'), sqlite, compiled, [3])).toEqual([]);
  });

  it('keeps one compiled statement per key and forgets them all past its size', () => {
    const cache = compiledCache(2);
    let builds = 0;
    const get = (key: string) => cache(key, () => ({ sql: `${key}#${++builds}`, name: undefined, bindings: () => [] })).sql;
    expect([get('a'), get('a'), get('b')]).toEqual(['a#1', 'a#1', 'b#2']);
    expect(get('c')).toBe('c#3');
    expect(get('a')).toBe('a#4');
  });

  it('keeps one cache per app: a text compiled for one database is never run on another', () => {
    const perApp = compiledPerApp();
    const [sqliteApp, pgApp] = [strapiOn('sqlite'), strapiOn('postgres', true)];
    const build = (app: any, k: any) => () => compile(app, k('customers').select('id').where('document_id', slot(0)));
    const onSqlite = perApp(sqliteApp)('customer', build(sqliteApp, sqlite));
    const onPg = perApp(pgApp)('customer', build(pgApp, pg));
    expect(onSqlite.sql).toBe('select `id` from `customers` where `document_id` = ?');
    expect(onPg.sql).toBe('select "id" from "customers" where "document_id" = ?');
    expect(perApp(sqliteApp)('customer', () => { throw new Error('compiled again'); })).toBe(onSqlite);
  });
});
