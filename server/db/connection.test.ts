import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { preparingOnce } from './connection.js';

describe('statements prepared once (preparingOnce)', () => {
  const open = () => {
    const sqlite = new SQLite(':memory:');
    sqlite.exec('create table t (n integer)');
    sqlite.exec('insert into t values (1), (2), (3)');
    return sqlite;
  };

  it('hands out the same statement for the same query', () => {
    const db = preparingOnce(open());
    expect(db.prepare('select n from t')).toBe(db.prepare('select n from t'));
    expect(db.prepare('select n from t')).not.toBe(db.prepare('select n from t where n > 1'));
  });

  it('never hands out a statement that is still being iterated', () => {
    const db = preparingOnce(open());
    const outer = db.prepare('select n from t order by n');
    const seen: number[][] = [];
    for (const row of outer.iterate([]) as Iterable<{ n: number }>) {
      // The same query asked again while the first still reads: a second statement, which reads on its own.
      const inner = db.prepare('select n from t order by n');
      expect(inner).not.toBe(outer);
      seen.push([row.n, ...(inner.all([]) as Array<{ n: number }>).map((r) => r.n)]);
    }
    expect(seen).toEqual([[1, 1, 2, 3], [2, 1, 2, 3], [3, 1, 2, 3]]);
  });

  it('keeps a bounded number, dropping the least recently used', () => {
    const db = preparingOnce(open());
    const used = db.prepare('select 0');
    const unused = db.prepare('select -1');
    for (let i = 1; i <= 300; i++) {
      db.prepare(`select ${i}`);
      if (i % 10 === 0) db.prepare('select 0'); // kept in use: stays
    }
    expect(db.prepare('select 0')).toBe(used);
    // `select -1`, not asked for since 300 other queries came: prepared anew.
    expect(db.prepare('select -1')).not.toBe(unused);
  });

  it('still sees schema changes made after a statement was kept', () => {
    const sqlite = open();
    const db = preparingOnce(sqlite);
    expect(db.prepare('select * from t limit 1').all([])).toEqual([{ n: 1 }]);
    sqlite.exec('alter table t add column m text default \'x\'');
    expect(db.prepare('select * from t limit 1').all([])).toEqual([{ n: 1, m: 'x' }]);
  });
});
