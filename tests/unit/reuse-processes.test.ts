// Reuse on a database that several processes share (PostgreSQL): reports stored by one process are
// resolved against those another stored, once. Two resolvers running at the same moment (two servers
// finishing their uploads together) take turns, so no pair is aligned or stored twice; two `yanpan
// ingest` processes loading different batches at once find the copies between the batches, with their
// direction; and so do two `yanpan serve` processes (as behind a load balancer) each receiving one batch
// through the upload page's endpoints at the same moment. Runs in `npm run test:pg` (SQLite has one writer, and is its own server's); needs the
// province corpus of ../shared.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommitLine, UploadBatch } from '../../shared/uploads.js';
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

/** Expects no repeated passage, every planted pair, and the 2015 report as the copier of the 2010 one. */
async function expectCopiesBetween(url: string, a: CorpusText[], b: CorpusText[]): Promise<void> {
  const db = await openDb(url);
  opened.push(db);
  const { pairs, repeats } = await pairsAndRepeats(db);
  expect(repeats).toBe(0);
  expect(pairs).toEqual(expect.arrayContaining(expectedPairs(a, b)));
  const kinds = await db
    .selectFrom('reuse_spans as s')
    .innerJoin('reports as r', 'r.id', 's.report_id')
    .select(['r.year', 's.kind'])
    .where('s.kind', 'in', ['copied', 'original'])
    .distinct()
    .execute();
  expect(kinds.map((k) => `${k.year}:${k.kind}`).sort()).toEqual(['2010:original', '2015:copied']);
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** `yanpan serve` on the database; resolves with its address once it listens. */
function serve(url: string, dataDir: string, children: ChildProcess[]): Promise<string> {
  return freePort().then(
    (port) =>
      new Promise((resolve, reject) => {
        const child = spawn('node', [path.join(REPO_ROOT, 'bin', 'yanpan.js'), 'serve', '--db', url, '--host', '127.0.0.1', '--port', String(port)], {
          cwd: REPO_ROOT,
          env: { ...process.env, YANPAN_ADMIN_PASSWORD: 'two-servers-pw', YANPAN_DATA_DIR: dataDir },
        });
        children.push(child);
        let stderr = '';
        child.stderr!.on('data', (d: Buffer) => {
          stderr += d.toString();
          if (stderr.includes('研判看板已启动')) resolve(`http://127.0.0.1:${port}`);
        });
        child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
      }),
  );
}

/** Signs in, uploads the batch, and commits it with its units and years; the commit's result lines. */
async function uploadBatch(base: string, texts: CorpusText[]): Promise<CommitLine[]> {
  const signIn = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'two-servers-pw' }) });
  expect(signIn.status).toBe(200);
  const jar = Object.fromEntries(signIn.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]));
  const headers = { cookie: `yanpan_session=${jar.yanpan_session}; yanpan_csrf=${jar.yanpan_csrf}`, 'x-csrf-token': decodeURIComponent(jar.yanpan_csrf!) };
  const form = new FormData();
  for (const t of texts) form.append('files', new Blob([t.text]), t.file);
  const staged = await fetch(`${base}/api/uploads`, { method: 'POST', headers, body: form });
  expect(staged.status).toBe(200);
  const { batch, items } = (await staged.json()) as UploadBatch;
  const meta = (file: string) => {
    const t = texts.find((x) => x.file === file)!;
    return { title: null, unit: t.unit, department: t.department ?? null, year: t.year, period: 'annual' as const };
  };
  const committed = await fetch(`${base}/api/uploads/${batch}/commit`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ items: items.map((i) => ({ id: i.id, meta: meta(i.fileName) })) }),
  });
  expect(committed.status).toBe(200);
  return (await committed.text())
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as CommitLine);
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
      // Who copied whom: the 2015 report copied, the 2010 one is the original.
      await expectCopiesBetween(url, a, b);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);

  it('two `yanpan serve` processes, each receiving one batch through its upload endpoints at once, find the copies between them', async () => {
    const url = await freshDbLocation();
    const { a, b } = batches();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-two-servers-'));
    const children: ChildProcess[] = [];
    try {
      // A database in use (an empty one would be given the demo data), with nothing in common with the batches.
      const before = await openDb(url);
      opened.push(before);
      const other = { file: 'other.txt', unit: '某研究会', department: null, year: 2024, text: '某研究会2024年度工作总结：全年召开理事会两次，编印会刊四期。' };
      await before.transaction().execute(async (trx) => indexReportReuse(trx, await storeText(trx, other)));
      await finalizeReuse(before);
      // Started one after the other: the first migrates the database and creates the administrator.
      const one = await serve(url, dataDir, children);
      const two = await serve(url, dataDir, children);
      const [ra, rb] = await Promise.all([uploadBatch(one, a), uploadBatch(two, b)]);
      for (const [lines, texts] of [
        [ra, a],
        [rb, b],
      ] as const) {
        const stored = lines.filter((l) => l.type === 'result' && l.status === 'stored');
        expect(stored.length, JSON.stringify(lines)).toBe(texts.length);
      }
      await expectCopiesBetween(url, a, b);
    } finally {
      for (const child of children) child.kill('SIGTERM');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 600_000);
});
