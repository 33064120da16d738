// What a batch leaves behind when it breaks off, and an upgrade when it fails halfway: never a state the
// views cannot trust.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestBatch } from '../../server/batch.js';
import { openDb, YanpanSqliteDialect } from '../../server/db/connection.js';
import { migrations } from '../../server/db/migrations/index.js';
import { searchReports } from '../../server/search/index.js';
import { seedSampleFiles } from '../shared-material.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-batch-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a batch that breaks off', () => {
  it('still derives the summaries and search words of the reports it stored, then passes the error on', async () => {
    const db = await openDb(path.join(dir, 'broken.db'));
    const [file] = seedSampleFiles();
    const sources = [
      { label: 'good', read: async () => ({ fileName: path.basename(file!), bytes: fs.readFileSync(file!), meta: { unit: '市统计局', department: '经济', year: 2024 } }) },
      {
        label: 'disk',
        read: async (): Promise<never> => {
          throw new Error('EIO: i/o error');
        },
      },
    ];
    await expect(ingestBatch(db, sources)).rejects.toThrow('EIO');
    expect(await db.selectFrom('reports').select('id').execute()).toHaveLength(1);
    expect((await db.selectFrom('unmatched_activities').select('unit_id').execute()).length).toBeGreaterThan(0);
    expect((await db.selectFrom('search_terms').select('term').execute()).length).toBeGreaterThan(100);
    expect((await searchReports(db, { q: '学习', page: 1, pageSize: 10 })).total).toBe(1);
    await db.destroy();
  });
});

describe('an upgrade that fails halfway', () => {
  it('leaves the database as it was, and the next open upgrades it', async () => {
    const file = path.join(dir, 'upgrade.db');
    const at007 = new Kysely<any>({ dialect: new YanpanSqliteDialect({ database: new SQLite(file) }) });
    expect((await new Migrator({ db: at007, provider: { getMigrations: async () => migrations } }).migrateTo('007_versions')).error).toBeUndefined();
    const failing = {
      ...migrations,
      '009_substring_index': {
        up: async (db: Kysely<any>) => {
          await migrations['009_substring_index']!.up(db);
          throw new Error('interrupted');
        },
      },
    };
    const { error } = await new Migrator({ db: at007, provider: { getMigrations: async () => failing } }).migrateToLatest();
    expect(String(error)).toContain('interrupted');
    // 008 ran before the failure and is undone with it: the text is still in reports.
    const columns = await sql<{ name: string }>`select name from pragma_table_info('reports')`.execute(at007);
    expect(columns.rows.map((c) => c.name)).toContain('text');
    const tables = await sql<{ name: string }>`select name from sqlite_master where name in ('report_texts', 'report_trigrams')`.execute(at007);
    expect(tables.rows).toEqual([]);
    await at007.destroy();
    const db = await openDb(file);
    expect((await sql<{ name: string }>`select name from pragma_table_info('reports')`.execute(db)).rows.map((c) => c.name)).not.toContain('text');
    await db.destroy();
  });
});
