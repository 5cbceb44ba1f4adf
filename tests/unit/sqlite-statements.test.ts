import Database from 'better-sqlite3';
import { keepPreparedStatements } from '../../database/sqlite-statements';

describe('prepared statements kept per SQLite connection', () => {
  const open = (size?: number) => {
    const db = new Database(':memory:');
    const prepare = jest.spyOn(db, 'prepare');
    keepPreparedStatements(db, size);
    db.prepare('create table t (id integer primary key, name text)').run();
    prepare.mockClear();
    return { db, prepare };
  };

  it('prepares a text once and runs it again with other bindings', () => {
    const { db, prepare } = open();
    const insert = 'insert into t (name) values (?)';
    for (const name of ['a', 'b', 'c']) db.prepare(insert).run(name);
    const select = 'select name from t where id > ? order by id';
    expect(db.prepare(select).all(0)).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    expect(db.prepare(select).all(2)).toEqual([{ name: 'c' }]);
    expect(prepare.mock.calls.map(([sql]) => sql)).toEqual([insert, select]);
  });

  it('keeps only the most recently used texts', () => {
    const { db, prepare } = open(2);
    const texts = ['select 1 as n', 'select 2 as n', 'select 3 as n'];
    db.prepare(texts[0]);
    db.prepare(texts[1]);
    db.prepare(texts[0]); // used again: now the most recent
    db.prepare(texts[2]); // drops texts[1]
    db.prepare(texts[0]);
    db.prepare(texts[1]);
    expect(prepare.mock.calls.map(([sql]) => sql)).toEqual([texts[0], texts[1], texts[2], texts[1]]);
  });

  it('a kept statement follows a change of the schema', () => {
    const { db } = open();
    const select = 'select * from t';
    db.prepare('insert into t (name) values (?)').run('a');
    expect(db.prepare(select).all()).toEqual([{ id: 1, name: 'a' }]);
    db.prepare('alter table t add column city text').run();
    expect(db.prepare(select).all()).toEqual([{ id: 1, name: 'a', city: null }]);
  });

  it('a statement that fails to prepare is not kept', () => {
    const { db, prepare } = open();
    expect(() => db.prepare('select * from missing')).toThrow(/no such table/);
    db.prepare('create table missing (id integer)').run();
    expect(db.prepare('select * from missing').all()).toEqual([]);
    expect(prepare.mock.calls.filter(([sql]) => sql === 'select * from missing')).toHaveLength(2);
  });
});
