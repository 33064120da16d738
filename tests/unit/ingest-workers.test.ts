// A batch whose text work runs in worker threads stores exactly what the same batch stores in line: the
// reports, their findings, search words, fingerprints, reuse and themes — the five seeds and, when ../shared
// is there, two years of the province corpus (copying between provinces, recycling within one). Also: a
// file no decoder can read fails alone with its Chinese reason, as in line.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.js';
import type { Database } from '../../server/db/schema.js';
import { type BatchSource, type BatchSummary, ingestBatch } from '../../server/intake/batch.js';
import { readManifest } from '../../server/intake/manifest.js';
import { getReportReuse } from '../../server/reuse/index.js';
import { PROVINCES_DIR, provinceCorpusAvailable, SEED_SAMPLES_DIR } from '../shared-material.js';
import { openFreshDb } from '../test-db.js';

const PROVINCE_YEARS = new Set([2021, 2022]);

function manifestSources(dir: string, keep: (year: number | null) => boolean): BatchSource[] {
  return readManifest(path.join(dir, 'manifest.csv'))
    .filter((row) => keep(row.meta.year ?? null))
    .map((row) => ({ label: row.file, read: async () => ({ fileName: path.basename(row.file), bytes: fs.readFileSync(row.file), meta: row.meta }) }));
}

/** A file that claims to be a Word document and is not one. */
const broken: BatchSource = { label: 'broken.docx', read: async () => ({ fileName: '损坏的报告.docx', bytes: new TextEncoder().encode('这不是一个docx文件'), meta: { unit: '某单位' } }) };

async function ingestWith(workers: string, sources: BatchSource[]): Promise<{ db: Db; summary: BatchSummary }> {
  const before = process.env.YANPAN_INGEST_WORKERS;
  process.env.YANPAN_INGEST_WORKERS = workers;
  try {
    const db = await openFreshDb('sqlite');
    return { db, summary: await ingestBatch(db, sources) };
  } finally {
    if (before === undefined) delete process.env.YANPAN_INGEST_WORKERS;
    else process.env.YANPAN_INGEST_WORKERS = before;
  }
}

const TIMES = new Set(['ingested_at', 'created_at']);
const rowsOf = async (db: Db, table: keyof Database): Promise<string[]> =>
  ((await db.selectFrom(table).selectAll().execute()) as unknown[]).map((r) => JSON.stringify(r, (k, v: unknown) => (TIMES.has(k) ? undefined : v))).sort();

describe('text work in worker threads', () => {
  let inLine: { db: Db; summary: BatchSummary };
  let threaded: { db: Db; summary: BatchSummary };

  beforeAll(async () => {
    const sources = [
      ...manifestSources(SEED_SAMPLES_DIR, () => true),
      broken,
      ...(provinceCorpusAvailable() ? manifestSources(PROVINCES_DIR, (y) => y !== null && PROVINCE_YEARS.has(y)) : []),
    ];
    inLine = await ingestWith('0', sources);
    threaded = await ingestWith('2', sources);
  }, 600_000);
  afterAll(async () => {
    await inLine?.db.destroy();
    await threaded?.db.destroy();
  });

  it('did the text work in two workers, losing none', () => {
    expect(inLine.summary.workers).toBe(0);
    expect(threaded.summary.workers).toBe(2);
  });

  it('fails the unreadable file alone, with the same Chinese reason', () => {
    expect(threaded.summary.failed).toEqual(inLine.summary.failed);
    expect(threaded.summary.failed).toHaveLength(1);
    expect(threaded.summary.failed[0]!.error).toMatch(/[\u4e00-\u9fff]/);
    expect(threaded.summary.ingested).toBe(inLine.summary.ingested);
    expect(threaded.summary.results.map((r) => [r.file, r.status])).toEqual(inLine.summary.results.map((r) => [r.file, r.status]));
  });

  it('stores the same reports, findings, fingerprints, reuse and themes', async () => {
    const tables = ['units', 'reports', 'report_texts', 'sections', 'problems', 'figures', 'placeholders', 'flags', 'report_findings', 'report_activity', 'reuse_fingerprints', 'reuse_passages', 'reuse_spans', 'themes', 'recurrence_runs'] as const;
    for (const table of tables) expect(await rowsOf(threaded.db, table), table).toEqual(await rowsOf(inLine.db, table));
    expect(await getReportReuse(threaded.db)).toEqual(await getReportReuse(inLine.db));
  });

  it('indexes the same words for search', async () => {
    const words = async (db: Db) => (await sql<{ rowid: number; words: string }>`select rowid, words from report_words order by rowid`.execute(db)).rows;
    expect(await words(threaded.db)).toEqual(await words(inLine.db));
  });
});
