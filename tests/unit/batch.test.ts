// What a batch leaves behind when it breaks off, and an upgrade when it fails halfway: never a state the
// views cannot trust.
import fs from 'node:fs';
import path from 'node:path';
import { type Kysely, Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ingestBatch } from '../../server/intake/batch.js';
import { openDb } from '../../server/db/connection.js';
import { deriveStale } from '../../server/derive/index.js';
import { migrations } from '../../server/db/migrations/index.js';
import { REUSE_RULES } from '../../server/reuse/index.js';
import { searchReports } from '../../server/search/index.js';
import { seedSampleFiles } from '../shared-material.js';
import { columnsOf, connectFreshDb, freshDbLocation, openFreshDb, tablesOf } from '../test-db.js';

describe('a batch that breaks off', () => {
  it('still derives the summaries and search words of the reports it stored, then passes the error on', async () => {
    const db = await openFreshDb();
    const [file] = seedSampleFiles();
    const sources = [
      { label: 'good', read: async () => ({ fileName: path.basename(file!), bytes: fs.readFileSync(file!), meta: { unit: '市统计局', department: '经济', year: 2024 } }) },
      {
        label: 'disk',
        // The disk failing as Node reports it (an error of one file's content would fail that file alone).
        read: async (): Promise<never> => {
          throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
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

describe('reuse rules that changed since the spans were stored', () => {
  it('derive the stored spans again when the CLI or server opens the database, as ingest derives them now', async () => {
    const file = await freshDbLocation();
    let db = await openDb(file);
    const sources = seedSampleFiles().map((f, i) => ({
      label: f,
      read: async () => ({ fileName: path.basename(f), bytes: fs.readFileSync(f), meta: { unit: `样本单位${i}`, department: '党群', year: 2024 } }),
    }));
    await ingestBatch(db, sources);
    const spans = () => db.selectFrom('reuse_spans').select(['report_id', 'start', 'end', 'kind']).orderBy('report_id').orderBy('start').execute();
    const rates = () => db.selectFrom('reuse_reports').selectAll().orderBy('report_id').execute();
    const [before, ratesBefore] = [await spans(), await rates()];
    expect(before.some((s) => s.kind === 'copied')).toBe(true);
    // As stored by an older version: other copied and self spans (the formula runs stay), and no record of the rules.
    const reused = db.selectFrom('reuse_spans').select('id').where('kind', '<>', 'stock');
    await db.deleteFrom('reuse_sources').where('span_id', 'in', reused).execute();
    await db.deleteFrom('reuse_spans').where('kind', '<>', 'stock').execute();
    await db.updateTable('reuse_reports').set({ copied_chars: 0, stock_chars: 0, self_chars: 0 }).execute();
    await db.deleteFrom('settings').execute();
    await db.destroy();
    db = await openDb(file);
    await deriveStale(db);
    expect(await spans()).toEqual(before);
    expect(await rates()).toEqual(ratesBefore);
    expect(await db.selectFrom('settings').select('value').where('key', '=', 'reuse_rules').executeTakeFirst()).toEqual({ value: REUSE_RULES });
    await db.destroy();
  });
});

describe('an upgrade that fails halfway', () => {
  it('leaves the database as it was, and the next open upgrades it', async () => {
    const { db: at007, location } = await connectFreshDb();
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
    expect(await columnsOf(at007, 'reports')).toContain('text');
    expect(await tablesOf(at007)).not.toContain('report_texts');
    expect(await tablesOf(at007)).not.toContain('report_trigrams');
    await at007.destroy();
    const db = await openDb(location);
    expect(await columnsOf(db, 'reports')).not.toContain('text');
    await db.destroy();
  });
});
