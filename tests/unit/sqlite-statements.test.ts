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

  describe('a bound limit (every findOne of the query engine)', () => {
    const seeded = () => {
      const opened = open();
      for (const name of ['a', 'b', 'c']) opened.db.prepare('insert into t (name) values (?)').run(name);
      opened.prepare.mockClear();
      return opened;
    };
    const select = 'select name from t where id > ? order by id limit ?';

    it('is written into the text, one statement per value, with the same rows as bound', () => {
      const { db, prepare } = seeded();
      expect(db.prepare(select).all(0, 2)).toEqual([{ name: 'a' }, { name: 'b' }]);
      expect(db.prepare(select).all([1, 2])).toEqual([{ name: 'b' }, { name: 'c' }]);
      expect((db.prepare(select) as any).get([0, 1])).toEqual({ name: 'a' });
      expect([...(db.prepare(select) as any).iterate(2, 5)]).toEqual([{ name: 'c' }]);
      const texts = prepare.mock.calls.map(([sql]) => sql);
      expect(texts).toEqual([select, 'select name from t where id > ? order by id limit 2', 'select name from t where id > ? order by id limit 1', 'select name from t where id > ? order by id limit 5']);
    });

    it('keeps a bound offset bound (knex writes it after the limit)', () => {
      const { db, prepare } = seeded();
      const paged = 'select name from t order by id limit ? offset ?';
      expect(db.prepare(paged).all(1, 1)).toEqual([{ name: 'b' }]);
      expect(db.prepare(paged).all(1, 2)).toEqual([{ name: 'c' }]);
      expect(prepare.mock.calls.map(([sql]) => sql)).toEqual([paged, 'select name from t order by id limit 1 offset ?']);
    });

    it('runs the statement as it is when the limit is no integer, or bindings are named', () => {
      const { db, prepare } = seeded();
      expect(db.prepare(select).all(0, '1')).toEqual([{ name: 'a' }]);
      expect(db.prepare('select name from t where id > @after order by id limit @n').all({ after: 1, n: 1 })).toEqual([{ name: 'b' }]);
      expect(prepare.mock.calls.map(([sql]) => sql)).toEqual([select, 'select name from t where id > @after order by id limit @n']);
    });

    it('a limit inside the text (a subquery’s) stays bound', () => {
      const { db } = seeded();
      expect(db.prepare('delete from t where id in (select id from t order by id limit ?)').run(2).changes).toBe(2);
      expect(db.prepare('select name from t').all()).toEqual([{ name: 'c' }]);
    });
  });
});
