// The same corpus ingested into SQLite and into PostgreSQL gives the same reports, findings, reuse spans,
// themes, search hits and view results: the five seeds and, when ../shared is there, a slice of the
// province corpus (two years of every province: copying between provinces, recycling within one).
// Runs in `npm run test:pg`, beside a SQLite database built in the same way.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.js';
import type { Database } from '../../server/db/schema.js';
import { type BatchSource, ingestBatch } from '../../server/intake/batch.js';
import { readManifest } from '../../server/intake/manifest.js';
import { getThemeMembers, getThemes } from '../../server/queries/themes.js';
import { getReportReuse } from '../../server/reuse/index.js';
import { searchReports } from '../../server/search/index.js';
import { reportTexts } from '../../server/db/texts.js';
import { PROVINCES_DIR, provinceCorpusAvailable, SEED_SAMPLES_DIR } from '../shared-material.js';
import { columnsOf, openFreshDb, tablesOf, TEST_DIALECT } from '../test-db.js';
import { dashboardViews, viewSample } from '../views.js';

/** Province reports of these years join the seeds. */
const PROVINCE_YEARS = new Set([2021, 2022]);

function manifestSources(dir: string, keep: (year: number | null) => boolean): BatchSource[] {
  return readManifest(path.join(dir, 'manifest.csv'))
    .filter((row) => keep(row.meta.year ?? null))
    .map((row) => ({
      label: row.file,
      read: async () => ({ fileName: path.basename(row.file), bytes: fs.readFileSync(row.file), meta: row.meta }),
    }));
}

/** Rows of a table in a fixed order (tables are read without one). */
const rowsOf = (db: Db, table: keyof Database) => async () =>
  ((await db.selectFrom(table).selectAll().execute()) as unknown[]).map((r) => JSON.stringify(withoutTimes(r))).sort();

/** A seed's text with every year taken out, so that no year can be found for it. */
function undatedReport(): Uint8Array {
  const seed = fs.readFileSync(path.join(SEED_SAMPLES_DIR, fs.readdirSync(SEED_SAMPLES_DIR).filter((f) => f.endsWith('.txt')).sort()[0]!), 'utf8');
  return new TextEncoder().encode(seed.replace(/(19|20)\d\d\s*年?|二〇[〇一二三四五六七八九]{2}年?/g, '今年'));
}

const TIMES = new Set(['ingestedAt', 'ingested_at', 'created_at']);

/**
 * What differs between two ingests of the same files by nature: when they were stored, and the last
 * bits of sums of fractional amounts (each database adds them in its own order).
 */
function withoutTimes(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => {
      if (TIMES.has(key)) return undefined;
      return typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v;
    }),
  );
}

describe.runIf(TEST_DIALECT === 'postgres')('the same corpus in SQLite and PostgreSQL', () => {
  let sqlite: Db;
  let postgres: Db;
  let texts: Map<number, string>;
  const both = async <T,>(f: (db: Db) => Promise<T>) => [withoutTimes(await f(sqlite)), withoutTimes(await f(postgres))];

  beforeAll(async () => {
    const sources = [
      ...manifestSources(SEED_SAMPLES_DIR, () => true),
      // A unit without a department sending a report without a year: where the dialects order nulls differently.
      { label: 'undated', read: async () => ({ fileName: '无年份报告.txt', bytes: undatedReport(), meta: { unit: '某未登记单位' } }) },
      ...(provinceCorpusAvailable() ? manifestSources(PROVINCES_DIR, (y) => y !== null && PROVINCE_YEARS.has(y)) : []),
    ];
    [sqlite, postgres] = [await openFreshDb('sqlite'), await openFreshDb('postgres')];
    for (const db of [sqlite, postgres]) {
      const summary = await ingestBatch(db, sources);
      expect(summary.failed).toEqual([]);
      expect(summary.ingested).toBe(sources.length);
    }
    texts = await reportTexts(sqlite, (await sqlite.selectFrom('reports').select('id').execute()).map((r) => r.id));
  }, 600_000);
  afterAll(async () => {
    await sqlite?.destroy();
    await postgres?.destroy();
  });

  it('has the same tables and columns, but for the search and fingerprint indexes of each dialect', async () => {
    // SQLite: the FTS5 tables (and their shadow tables); PostgreSQL: the word vectors, the lines and the fingerprints as rows.
    const own = /^(report_words|report_trigrams)(_|$)|^(report_word_vectors|report_paragraphs|reuse_postings)$/;
    const [a, b] = [(await tablesOf(sqlite, 'sqlite')).filter((t) => !own.test(t)), (await tablesOf(postgres, 'postgres')).filter((t) => !own.test(t))];
    expect(b).toEqual(a);
    for (const table of a) expect(await columnsOf(postgres, table, 'postgres'), table).toEqual(await columnsOf(sqlite, table, 'sqlite'));
  });

  it('returns counts, sums and averages as numbers, as their types say', async () => {
    for (const db of [sqlite, postgres]) {
      const row = await db
        .selectFrom('reports')
        .select([sql<number>`count(*)`.as('count'), sql<number>`sum(chars)`.as('sum'), sql<number>`avg(chars)`.as('avg'), sql<number>`count(distinct unit_id)`.as('units')])
        .executeTakeFirstOrThrow();
      for (const [name, value] of Object.entries(row)) expect(typeof value, name).toBe('number');
    }
  });

  it('stores the same reports and findings', async () => {
    for (const table of ['units', 'reports', 'report_texts', 'sections', 'problems', 'figures', 'placeholders', 'flags', 'report_findings', 'report_activity'] as const) {
      expect(await rowsOf(postgres, table)(), table).toEqual(await rowsOf(sqlite, table)());
    }
  });

  it('finds the same reuse: spans with their sources, rates, passages', async () => {
    const [a, b] = await both((db) => getReportReuse(db));
    expect(b).toEqual(a);
    expect(JSON.stringify(a)).toContain('"kind":"copied"');
    const [pa, pb] = await both((db) => db.selectFrom('reuse_passages').select(['report_id', 'source_id', 'start', 'end', 'source_start', 'source_end']).orderBy('report_id').orderBy('source_id').orderBy('start').execute());
    expect(pb).toEqual(pa);
  });

  it('finds the same themes, members and recurrences', async () => {
    const [a, b] = await both((db) => getThemes(db, {}));
    expect(b).toEqual(a);
    for (const theme of [...(a as Awaited<ReturnType<typeof getThemes>>).themes.map((t) => t.id), null]) {
      const [ma, mb] = await both((db) => getThemeMembers(db, theme, {}));
      expect(mb, String(theme)).toEqual(ma);
    }
    for (const table of ['recurrence_runs', 'recurrence_reports', 'unmatched_activities'] as const) {
      expect(await rowsOf(postgres, table)(), table).toEqual(await rowsOf(sqlite, table)());
    }
  });

  it('answers every view alike, over the whole corpus and within a department and year', async () => {
    const sample = await viewSample(sqlite);
    const [views, pgViews] = [await dashboardViews(sqlite, sample), await dashboardViews(postgres, sample)];
    for (const [i, [name, run]] of views.entries()) {
      for (const f of [{}, sample.scope]) {
        const [a, b] = [withoutTimes(await run(f)), withoutTimes(await pgViews[i]![1](f))];
        expect(b, `${name} ${JSON.stringify(f)}`).toEqual(a);
      }
    }
  });

  it('finds the same search hits: substrings cut from the texts, short words, letters in either case, symbols', async () => {
    const queries = ['意识形态', '舆情', '党', 'XX', 'xx', 'ＸＸ', '%', '“', '，', '5%', '工作，', '网络 意识形态', '习近平新时代'];
    for (const text of texts.values()) {
      for (let at = 50; at + 8 < text.length && queries.length < 120; at += Math.floor(text.length / 5)) queries.push(text.slice(at, at + 3 + (at % 5)).trim());
    }
    let found = 0;
    for (const q of queries) {
      const [a, b] = await both((db) => searchReports(db, { q, page: 1, pageSize: 30 }));
      expect(b, q).toEqual(a);
      if ((a as { total: number }).total > 0) found++;
    }
    expect(found).toBeGreaterThan(queries.length / 2);
  });
});
