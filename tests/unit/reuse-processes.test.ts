// Reuse on a database that several processes share (PostgreSQL): reports stored by one process are
// resolved against those another stored, once. Two resolvers running at the same moment (two servers
// finishing their uploads together) take turns, so no pair is aligned or stored twice; and two `yanpan
// ingest` processes loading different batches at once find the copies between the batches, with their
// direction. Runs in `npm run test:pg` (SQLite has one writer, and is its own server's); needs the
// province corpus of ../shared.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../server/db/connection.js';
import { finalizeReuse, indexReportReuse } from '../../server/reuse/index.js';
import { type CorpusText, provinceTexts, storeText } from '../reuse-corpus.js';
import { REPO_ROOT, provinceCorpusAvailable } from '../shared-material.js';
import { freshDbLocation, TEST_DIALECT } from '../test-db.js';

const run = TEST_DIALECT === 'postgres' && provinceCorpusAvailable();
if (TEST_DIALECT !== 'postgres') console.warn('[tests] reuse-processes: 多进程共用数据库的比对只在 PostgreSQL 上测试（npm run test:pg）');

/** Batch A: reports of 2010; batch B: reports of 2015 by other provinces, each with a passage of one of A's. */
function batches(): { a: CorpusText[]; b: CorpusText[]; passages: string[] } {
  const all = provinceTexts();
  const a = all.filter((t) => t.year === 2010).slice(0, 6);
  const b = all.filter((t) => t.year === 2015 && !a.some((x) => x.unit === t.unit)).slice(0, 6);
  const passages = a.map((t) => t.text.slice(2000, 2600));
  return {
    a,
    b: b.map((t, i) => ({ ...t, file: `copy-${t.file}`, text: `${t.text.slice(0, 3000)}\n${passages[i]!}\n${t.text.slice(3000)}` })),
    passages,
  };
}

/** Pairs (copier of 2015, source of 2010) with passages stored — the planted ones and any the reports share by themselves — and how many passage rows repeat another. */
async function pairsAndRepeats(db: Db): Promise<{ pairs: Array<[string, string]>; repeats: number }> {
  const rows = await db
    .selectFrom('reuse_passages as p')
    .innerJoin('reports as r', 'r.id', 'p.report_id')
    .innerJoin('reports as s', 's.id', 'p.source_id')
    .select(['r.file_name as copier', 's.file_name as source'])
    .where('r.year', '=', 2015)
    .where('s.year', '=', 2010)
    .distinct()
    .execute();
  const { n } = await db
    .selectFrom('reuse_passages')
    .select(sql<number>`count(*) - count(distinct (report_id, source_id, start, "end"))`.as('n'))
    .executeTakeFirstOrThrow();
  return { pairs: rows.map((r) => [r.copier, r.source] as [string, string]).sort(), repeats: Number(n) };
}

function expectedPairs(a: CorpusText[], b: CorpusText[]): Array<[string, string]> {
  return b.map((t, i) => [t.file, a[i]!.file] as [string, string]).sort();
}

const opened: Db[] = [];
afterAll(async () => {
  for (const db of opened) await db.destroy();
});

describe.runIf(run)('reuse on a database several processes share', () => {
  it('two resolvers at the same moment take turns: every pair once, none twice', async () => {
    const url = await freshDbLocation();
    const [one, two] = [await openDb(url), await openDb(url)];
    opened.push(one, two);
    const { a, b } = batches();
    // Each "server" stores its batch; both batches are committed and queued before either resolves.
    for (const [db, texts] of [
      [one, a],
      [two, b],
    ] as const) {
      for (const t of texts) await db.transaction().execute(async (trx) => indexReportReuse(trx, await storeText(trx, t)));
    }
    const [r1, r2] = await Promise.all([finalizeReuse(one), finalizeReuse(two)]);
    expect(r1.resolved + r2.resolved).toBe(a.length + b.length);
    expect([r1.resolved, r2.resolved]).toContain(0);
    const { pairs, repeats } = await pairsAndRepeats(one);
    expect(repeats).toBe(0);
    expect(pairs).toEqual(expect.arrayContaining(expectedPairs(a, b)));
  }, 300_000);

  it('two `yanpan ingest` processes loading different batches at once find the copies between them', async () => {
    const url = await freshDbLocation();
    const { a, b } = batches();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-two-processes-'));
    const folder = (name: string, texts: CorpusText[]): string => {
      const f = path.join(dir, name);
      fs.mkdirSync(f);
      for (const t of texts) fs.writeFileSync(path.join(f, t.file), t.text);
      const rows = texts.map((t) => `${t.file},${t.unit},${t.department ?? ''},${t.year},annual,`);
      fs.writeFileSync(path.join(f, 'manifest.csv'), ['file,unit,department,year,period,title', ...rows].join('\n'));
      return f;
    };
    const ingest = (f: string): Promise<{ code: number | null; stdout: string; stderr: string }> =>
      new Promise((resolve) => {
        const child = spawn('node', [path.join(REPO_ROOT, 'bin', 'yanpan.js'), 'ingest', f, '--db', url], { cwd: REPO_ROOT });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    try {
      const [ra, rb] = await Promise.all([ingest(folder('a', a)), ingest(folder('b', b))]);
      expect(ra.code, ra.stderr).toBe(0);
      expect(rb.code, rb.stderr).toBe(0);
      expect(JSON.parse(ra.stdout)).toMatchObject({ ingested: a.length, failed: [] });
      expect(JSON.parse(rb.stdout)).toMatchObject({ ingested: b.length, failed: [] });
      const db = await openDb(url);
      opened.push(db);
      const { pairs, repeats } = await pairsAndRepeats(db);
      expect(repeats).toBe(0);
      expect(pairs).toEqual(expect.arrayContaining(expectedPairs(a, b)));
      // Who copied whom: the 2015 report copied, the 2010 one is the original.
      const kinds = await db
        .selectFrom('reuse_spans as s')
        .innerJoin('reports as r', 'r.id', 's.report_id')
        .select(['r.year', 's.kind'])
        .where('s.kind', 'in', ['copied', 'original'])
        .distinct()
        .execute();
      expect(kinds.map((k) => `${k.year}:${k.kind}`).sort()).toEqual(['2010:original', '2015:copied']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
