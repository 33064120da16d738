import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedTexts, storeText } from '../../tests/reuse-corpus.js';
import { openFreshDb, TEST_DIALECT } from '../../tests/test-db.js';
import type { Db } from '../db/connection.js';
import { finalizeReuse, getReportReuse, indexReportReuse, storeMissingPostingRows } from './index.js';
import { currentIndex } from './memory-index.js';
import { PostingRows } from './posting-rows.js';
import { indexNormalized, seedPositions } from './postings.js';

// PostgreSQL resolves reports through the fingerprints stored as rows, not through an index in the memory
// of whichever process resolves: these tests take rows away and put them back to show that the rows
// are what the engine reads, and check that a bulk resolution's in-memory index (open-corpus.ts)
// answers the engine as the rows do. (SQLite has no such rows: its single process keeps the index in memory.)
if (TEST_DIALECT !== 'postgres') console.warn('[tests] posting-rows: PostgreSQL only, skipped on SQLite (npm run test:pg runs it)');

describe.skipIf(TEST_DIALECT !== 'postgres')('fingerprints as rows (PostgreSQL)', () => {
  const shared = '尊重舆论宣传规律，讲究舆论宣传艺术';
  let db: Db;
  beforeEach(async () => {
    db = await openFreshDb();
  });
  afterEach(() => db.destroy());

  const rowCount = async (reportId?: number) => {
    let q = db.selectFrom('reuse_postings').select(sql<number>`count(*)`.as('n'));
    if (reportId !== undefined) q = q.where('report_id', '=', reportId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  const storedPostings = async (reportId: number) =>
    (await db.selectFrom('reuse_fingerprints').select('postings').where('report_id', '=', reportId).executeTakeFirstOrThrow()).postings.byteLength / 12;
  /** Store and resolve one seed sample; its report id. */
  const ingestSeed = async (i: number) => {
    const id = await db.transaction().execute(async (trx) => {
      const reportId = await storeText(trx, seedTexts()[i]!);
      await indexReportReuse(trx, reportId);
      return reportId;
    });
    await finalizeReuse(db);
    return id;
  };
  const copiedFrom = async (reportId: number, sourceId: number) => {
    const text = seedTexts()[2]!.text;
    const reuse = (await getReportReuse(db)).find((r) => r.id === String(reportId))!;
    return reuse.spans.filter((s) => text.slice(s.start, s.end).includes(shared) && s.sources.some((x) => 'id' in x && x.id === String(sourceId)));
  };

  it('stores every fingerprint of a report as a row, in its ingest transaction', async () => {
    const id = await ingestSeed(0);
    expect(await rowCount(id)).toBeGreaterThan(500);
    expect(await rowCount(id)).toBe(await storedPostings(id));
  });

  it('finds an earlier report only through its rows: without them the copy goes unseen; the derive stage puts them back', async () => {
    const original = await ingestSeed(0);
    const rows = await rowCount(original);
    await db.deleteFrom('reuse_postings').where('report_id', '=', original).execute();
    const copier = await ingestSeed(2);
    expect(await copiedFrom(copier, original)).toEqual([]);

    // As after the upgrade that added the rows: the stored fingerprints are written out again.
    await db.deleteFrom('reuse_postings').execute();
    expect(await storeMissingPostingRows(db)).toBe(2);
    expect(await rowCount(original)).toBe(rows);
    expect(await rowCount()).toBe((await storedPostings(original)) + (await storedPostings(copier)));

    // Resolved again (queued as after a batch), the copy is found through the rows.
    await db.updateTable('reuse_reports').set({ resolved: 0 }).where('report_id', '=', copier).execute();
    await finalizeReuse(db);
    expect((await copiedFrom(copier, original)).length).toBeGreaterThan(0);
  });

  it('answers the engine as the in-memory index of a bulk resolution does', async () => {
    const ids = await db.transaction().execute(async (trx) => {
      const out: number[] = [];
      for (const t of seedTexts()) {
        const id = await storeText(trx, t);
        await indexReportReuse(trx, id);
        out.push(id);
      }
      return out;
    });
    const rows = await PostingRows.open(db);
    const memory = await currentIndex(db);
    expect(rows.unitCount()).toBe(memory.unitCount());
    let postings = 0;
    for (const id of ids) {
      const ix = indexNormalized((await rows.report(db, id)).norm);
      // Holders are counted no further than the cap: at or above it, one answer.
      const capped = (holders: Int32Array) => Array.from(holders, (n) => Math.min(n, 3));
      expect(capped(await rows.holders(ix.gramHashes, 3))).toEqual(capped(await memory.holders(ix.gramHashes, 3)));
      const hashes = [...seedPositions(ix).keys()];
      const fromRows = await rows.postingsByReport(hashes, (other) => other !== id, 64);
      expect(fromRows).toEqual(await memory.postingsByReport(hashes, (other) => other !== id, 64));
      for (const p of fromRows.values()) postings += p.length;
    }
    expect(postings).toBeGreaterThan(0);
  });
});
