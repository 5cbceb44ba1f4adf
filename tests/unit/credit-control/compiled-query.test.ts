import knexFactory from 'knex';
import { compileQuery, compiledCache, param } from '../../../src/plugins/credit-control/server/src/services/compiled-query';

/** A query compiled once runs again by its text: identifiers written in, constants kept, each param replaced. */
describe('compiled queries', () => {
  const sqlite = knexFactory({ client: 'better-sqlite3', useNullAsDefault: true });
  const pg = knexFactory({ client: 'pg' });
  afterAll(() => Promise.all([sqlite.destroy(), pg.destroy()]));

  it('keeps the builder text and its constants, and puts each run-time value in its place', () => {
    const build = (k: typeof sqlite) => k({ t: 'invoices' }).select('t.id').where('t.document_id', param(0)).where('t.state', 'open').where('t.party', param(1)).limit(1);
    const compiled = compileQuery(build(sqlite));
    const direct = build(sqlite).toSQL();
    expect(compiled.sql).toBe(direct.sql);
    expect(compiled.bindings(['doc-1', 'party-9'])).toEqual(['doc-1', 'open', 'party-9', 1]);
    // a second run with other values reuses the text
    expect(compiled.bindings(['doc-2', 'party-3'])).toEqual(['doc-2', 'open', 'party-3', 1]);
    expect(sqlite.raw(compiled.sql, compiled.bindings(['a', 'b']) as any[]).toQuery()).toBe(
      sqlite({ t: 'invoices' }).select('t.id').where('t.document_id', 'a').where('t.state', 'open').where('t.party', 'b').limit(1).toQuery()
    );
  });

  it('writes a raw text\'s identifiers in, so a run binds values only (Postgres quoting)', () => {
    const compiled = compileQuery(pg.raw('select ?? from ?? where party = ? and flag = ?', ['amount', 'exposures', param(0), true]));
    expect(compiled.sql).toBe('select "amount" from "exposures" where party = ? and flag = ?');
    expect(compiled.bindings(['p-1'])).toEqual(['p-1', true]);
  });

  it('compiles a multi-row insert once per number of rows, in the order the values are given', () => {
    const rows = [0, 1].map((j) => ({ party: param(j * 2), amount: param(j * 2 + 1) }));
    const compiled = compileQuery(sqlite('decisions').insert(rows));
    expect(sqlite.raw(compiled.sql, compiled.bindings(['p1', 10, 'p2', 20]) as any[]).toQuery()).toBe(
      sqlite('decisions').insert([{ party: 'p1', amount: 10 }, { party: 'p2', amount: 20 }]).toQuery()
    );
  });

  it('keeps a compiled query per key, compiles a new key once, and forgets all past its size', () => {
    const cache = compiledCache<number>(2);
    let compiles = 0;
    const get = (key: string) => cache(key, () => ++compiles);
    expect([get('a'), get('a'), get('b'), get('b')]).toEqual([1, 1, 2, 2]);
    expect(get('c')).toBe(3);
    // 'a' was forgotten with the rest when 'c' came past the size
    expect(get('a')).toBe(4);
    expect(compiles).toBe(4);
  });
});
