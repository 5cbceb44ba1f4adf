import knexFactory from 'knex';
import { batchedRun, batchesWrites, compile, compiledCache, compiledPerApp, readCompiled, runCompiled, slot } from '../../src/repositories/compiled';
import { fromJsonRows, jsonRows } from '../../src/repositories/sql';

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
  it('sends inserts as one Postgres statement of CTEs, each run\'s values in its place, built once per key', () => {
    const on = strapiOn('postgres', true);
    expect([batchesWrites(on), batchesWrites(strapiOn('sqlite')), batchesWrites(strapiOn('mysql'))]).toEqual([true, false, false]);
    const insert = (table: string) => compile(on, pg(table).insert(pg('invoices').select('id').where('id', slot(0)).where('state', 'issued')));
    const cache = compiledCache();
    const parts = [
      { compiled: insert('billed'), values: [7] },
      { compiled: insert('owed'), values: [8] },
    ];
    const sent = (batchedRun(on, pg, cache, parts) as any).toSQL();
    expect(sent.sql).toBe(
      'with w0 as (insert into "billed" select "id" from "invoices" where "id" = ? and "state" = ? returning 1), w1 as (insert into "owed" select "id" from "invoices" where "id" = ? and "state" = ? returning 1) select (select count(*) from w0) + (select count(*) from w1) as n'
    );
    expect(sent.bindings).toEqual([7, 'issued', 8, 'issued']);
    expect(sent.options.name).toMatch(/^app_[0-9a-f]{24}$/);
    // a main statement reads what its CTEs return
    const counted = (batchedRun(on, pg, cache, parts.slice(0, 1), { key: 'count-ids', sql: 'select count(*) from w0 where id > 0', returning: ['id'] }) as any).toSQL();
    expect(counted.sql).toMatch(/^with w0 as \(insert into "billed" .* returning id\) select count\(\*\) from w0 where id > 0$/);
    // the same key is the same text, whatever the values
    expect((batchedRun(on, pg, cache, [{ ...parts[0], values: [1] }, { ...parts[1], values: [2] }]) as any).toSQL().sql).toBe(sent.sql);
  });

  it('brings a list along with a row as a JSON column, empty as []', async () => {
    const on = strapiOn('sqlite');
    await sqlite.schema.createTable('sites', (t) => {
      t.increments('id');
      t.integer('owner');
      t.string('name');
      t.boolean('closed');
    });
    await sqlite('sites').insert([{ owner: 1, name: 'Lyon', closed: true }, { owner: 1, name: 'Paris', closed: false }]);
    const sitesOf = (owner: any) => sqlite('sites as s').select('s.id as s_id', 's.name as s_name', 's.closed as s_closed').where('s.owner', owner).orderBy('s.id');
    const rows = await sqlite.select(sqlite.raw('? as owner', [1]), sqlite.raw('? as list', [jsonRows(on, sqlite, sitesOf(1), ['s_id', 's_name', 's_closed'])]));
    expect(fromJsonRows(rows[0].list)).toEqual([
      { s_id: 1, s_name: 'Lyon', s_closed: 1 },
      { s_id: 2, s_name: 'Paris', s_closed: 0 },
    ]);
    const none = await sqlite.select(sqlite.raw('? as list', [jsonRows(on, sqlite, sitesOf(2), ['s_id'])]));
    expect(fromJsonRows(none[0].list)).toEqual([]);
    // Postgres: its JSON functions, and [] when no row (json_agg of none is null)
    const text = pg.select(pg.raw('? as list', [jsonRows(strapiOn('postgres'), pg, pg('sites as s').select('s.id as s_id'), ['s_id'])])).toSQL().sql;
    expect(text).toBe('select coalesce((select json_agg(json_build_object(\'s_id\', "r"."s_id")) from (select "s"."id" as "s_id" from "sites" as "s") as r), \'[]\'::json) as list');
    // a parsed list (the pg driver parses JSON) is taken as it is; keys are aliases, never input
    expect(fromJsonRows([{ a: 1 }])).toEqual([{ a: 1 }]);
    expect(() => jsonRows(on, sqlite, sitesOf(1), ["x') --"])).toThrow(/not aliases/);
  });
});
