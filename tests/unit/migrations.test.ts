// A database written before migrations 008–011 and 020 (text inside reports, no trigram index, no
// summaries, on PostgreSQL no word index) is brought up to date on open and then answers exactly as one
// built by the current ingest: the seeds are ingested into a current database, copied row by row into a
// database at 007, and the two compared.
import fs from 'node:fs';
import path from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../server/db/connection.js';
import { deriveAfterBatch, deriveStale } from '../../server/derive/index.js';
import { migrations } from '../../server/db/migrations/index.js';
import { reportTexts } from '../../server/db/texts.js';
import { ingestBatch } from '../../server/intake/batch.js';
import { getActivityByCategory } from '../../server/queries/activity.js';
import { getHeadlines } from '../../server/queries/overview.js';
import { getUnitComparison } from '../../server/queries/units.js';
import { searchReports } from '../../server/search/index.js';
import { seedSampleFiles } from '../shared-material.js';
import { columnsOf, connectFreshDb, openFreshDb, TEST_DIALECT } from '../test-db.js';

let current: Db;
let upgraded: Db;

beforeAll(async () => {
  current = await openFreshDb();
  // As the CLI, the upload and the demo loader store reports: one batch, reuse resolved over all of it.
  await ingestBatch(
    current,
    seedSampleFiles().map((file, i) => ({
      label: file,
      read: async () => ({ fileName: path.basename(file), bytes: fs.readFileSync(file), meta: { unit: `样本单位${i}`, department: '党群', year: 2024 } }),
    })),
  );

  // The same data in the layout of migration 007.
  const { db: old, location: oldLocation } = await connectFreshDb();
  const to007 = await new Migrator({ db: old, provider: { getMigrations: async () => migrations } }).migrateTo('007_versions');
  expect(to007.error).toBeUndefined();
  const texts = await reportTexts(current, (await current.selectFrom('reports').select('id').execute()).map((r) => r.id));
  // Columns later migrations added (014: units.kind/level/expected, reports.pending; 018: OCR) stay behind.
  for (const { id, name, department } of await current.selectFrom('units').selectAll().execute()) await old.insertInto('units').values({ id, name, department }).execute();
  const at007 = new Set((await old.introspection.getTables()).find((t) => t.name === 'reports')!.columns.map((c) => c.name));
  for (const r of await current.selectFrom('reports').selectAll().execute()) {
    await old.insertInto('reports').values({ ...Object.fromEntries(Object.entries(r).filter(([k]) => at007.has(k))), text: texts.get(r.id) }).execute();
  }
  const tables = ['themes', 'sections', 'problems', 'figures', 'placeholders', 'flags'] as const;
  const reuse = ['reuse_fingerprints', 'reuse_reports', 'reuse_passages', 'reuse_spans', 'reuse_sources', 'reuse_pairs'] as const;
  // Columns later migrations added (015: the kinds of reuse by direction and the template library; 016: theme
  // corrections) are not in 007.
  const later: Record<string, string[]> = {
    reuse_reports: ['shared_chars', 'template_chars', 'directive_chars', 'original_chars'],
    reuse_pairs: ['kind'],
    themes: ['merged_into', 'renamed_by'], // 016
  };
  for (const table of [...tables, ...reuse]) {
    for (const row of await current.selectFrom(table).selectAll().execute()) {
      const values: Record<string, unknown> = { ...row };
      for (const column of later[table] ?? []) delete values[column];
      await old.insertInto(table).values(values).execute();
    }
  }
  // SQLite's word index dates from 004; PostgreSQL's (020) is built by the derive stage below.
  if (TEST_DIALECT === 'sqlite') {
    const words = await sql<{ rowid: number; words: string }>`select rowid, words from report_words`.execute(current);
    for (const w of words.rows) await sql`insert into report_words (rowid, words) values (${w.rowid}, ${w.words})`.execute(old);
  }
  await old.destroy();
  upgraded = await openDb(oldLocation);
  await deriveStale(upgraded);
}, 120_000);

afterAll(async () => {
  await current.destroy();
  await upgraded.destroy();
});

describe('upgrading a database from migration 007', () => {
  it('moves the texts out of reports, unchanged', async () => {
    expect(await columnsOf(upgraded, 'reports')).not.toContain('text');
    const ids = (await upgraded.selectFrom('reports').select('id').execute()).map((r) => r.id);
    expect(ids.length).toBe(5);
    expect(await reportTexts(upgraded, ids)).toEqual(await reportTexts(current, ids));
  });

  it('fills the summaries as ingest does', async () => {
    const rows = async (db: Db) => ({
      findings: await db.selectFrom('report_findings').selectAll().orderBy('report_id').execute(),
      activity: await db.selectFrom('report_activity').selectAll().orderBy('report_id').orderBy('category').execute(),
    });
    const expected = await rows(current);
    expect(expected.findings.length).toBe(5);
    expect(expected.activity.length).toBeGreaterThan(5);
    expect(await rows(upgraded)).toEqual(expected);
    expect(await getUnitComparison(upgraded, {})).toEqual(await getUnitComparison(current, {}));
    expect(await getHeadlines(upgraded, {})).toEqual(await getHeadlines(current, {}));
    expect(await getActivityByCategory(upgraded, {}, 'unit')).toEqual(await getActivityByCategory(current, {}, 'unit'));
  });

  it('indexes the old texts for search, substrings and short words alike', async () => {
    for (const q of ['意识形态工作责任制', '形态工', '舆情', 'XX']) {
      const input = { q, page: 1, pageSize: 20 };
      const [a, b] = [await searchReports(upgraded, input), await searchReports(current, input)];
      expect(a, q).toEqual(b);
      expect(a.total, q).toBeGreaterThan(0);
    }
  });
});

describe('summaries at ingest', () => {
  it('agree with the findings they summarise', async () => {
    const direct = await sql<{ report_id: number; problems: number; figures: number; placeholders: number; flags: number; problem_sections: number }>`
      select r.id as report_id,
        (select count(*) from problems x where x.report_id = r.id) as problems,
        (select count(*) from figures x where x.report_id = r.id) as figures,
        (select count(*) from placeholders x where x.report_id = r.id) as placeholders,
        (select count(*) from flags x where x.report_id = r.id) as flags,
        (select count(*) from sections x where x.report_id = r.id and x.kind = 'problems') as problem_sections
      from reports r order by r.id`.execute(current);
    expect(await current.selectFrom('report_findings').selectAll().orderBy('report_id').execute()).toEqual(direct.rows);
    const figures = await current.selectFrom('figures').select(['report_id', 'category', 'placeholder']).execute();
    const activity = await current.selectFrom('report_activity').selectAll().execute();
    expect(activity.reduce((s, a) => s + a.figures, 0)).toBe(figures.length);
    expect(activity.reduce((s, a) => s + a.placeholders, 0)).toBe(figures.filter((f) => f.placeholder).length);
    expect(new Set(activity.map((a) => a.category || null))).toEqual(new Set(figures.map((f) => f.category)));
  });
});
