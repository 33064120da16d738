// Multi-row inserts written as one statement per chunk of rows. Runs on SQLite and, in test:pg, PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFreshDb } from '../../tests/test-db.js';
import type { Db } from './connection.js';
import { insertRows } from './insert.js';

describe('insertRows', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openFreshDb();
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('stores rows that set the same columns as given, nulls included, over more parameters than one statement takes', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => ({ name: `单位${i}`, department: i % 2 ? null : '宣传口', level: '乡镇' }));
    await insertRows(db, 'units', rows);
    const stored = await db.selectFrom('units').select(['name', 'department', 'level', 'kind']).where('name', 'like', '单位%').orderBy('id').execute();
    expect(stored).toHaveLength(12_000);
    expect(stored[0]).toEqual({ name: '单位0', department: '宣传口', level: '乡镇', kind: 'found' });
    expect(stored[11_999]).toEqual({ name: '单位11999', department: null, level: '乡镇', kind: 'found' });
  });
});
