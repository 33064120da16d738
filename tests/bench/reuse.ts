// Reuse bench: ingest the province corpus (714 reports, 12.7M characters) through the real batch path
// into a fresh database (each report decoded, analysed and fingerprinted in a worker thread, stored in its
// own transaction; reuse resolved and summaries derived at the end), then one more report on its own,
// and another stored without analysis, to time the reuse engine alone.
// With --scale N it runs on the demo corpus of seed/generator at that scale instead.
// Usage: node bin/run-ts.js tests/bench/reuse.ts [--scale 10] [--keep]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDb } from '../../server/db/connection.js';
import { ingestBatch, ingestBatchWorkers } from '../../server/intake/batch.js';
import { ingestSubmission, type Submission } from '../../server/intake/ingest.js';
import { readManifest } from '../../server/intake/manifest.js';
import { finalizeReuse, indexReportReuse } from '../../server/reuse/index.js';
import { provinceTexts, storeText } from '../reuse-corpus.js';
import { provinceCorpusAvailable } from '../shared-material.js';

const { values } = parseArgs({ options: { scale: { type: 'string' }, keep: { type: 'boolean' } } });
const scale = values.scale === undefined ? null : Number(values.scale);
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-bench-reuse-'));

/** A submission read when the batch comes to it. */
interface Lazy {
  fileName: string;
  read: () => Submission;
}

/**
 * The demo corpus at a scale, as a user builds the 10,000-report demo: written to a folder by the generator
 * in a process of its own (generating 42 M characters leaves this process's heap a gigabyte larger, which
 * the ingest would then be measured with), each file read from disk when the batch comes to it.
 */
function demoCorpus(scale: number): { name: string; submissions: Lazy[] } {
  const folder = path.join(dir, 'corpus');
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'run-ts.js'), path.join(ROOT, 'seed', 'generator', 'write.ts'), folder, '--scale', String(scale)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
  return {
    name: `demo corpus ×${scale}`,
    submissions: readManifest(path.join(folder, 'manifest.csv')).map((row) => ({
      fileName: path.basename(row.file),
      read: () => ({ fileName: path.basename(row.file), bytes: fs.readFileSync(row.file), meta: row.meta }),
    })),
  };
}

function corpus(): { name: string; submissions: Lazy[] } {
  if (scale !== null) return demoCorpus(scale);
  if (!provinceCorpusAvailable()) process.exit(2);
  const encode = (text: string) => new TextEncoder().encode(text);
  return {
    name: 'province corpus',
    submissions: provinceTexts().map((t) => ({
      fileName: t.file,
      read: () => ({ fileName: t.file, bytes: encode(t.text), meta: { unit: t.unit, department: t.department, year: t.year, period: 'annual' } }),
    })),
  };
}

const { name, submissions } = corpus();
const last = submissions.pop()!.read();
const spare = submissions.pop()!.read();
let chars = 0;
const db = await openDb(path.join(dir, 'bench.db'));

// Through the batch path, as the CLI ingests a folder: text work in worker threads (YANPAN_INGEST_WORKERS,
// 0 for none), one writer, reuse resolved and the summaries derived at the end.
const workers = ingestBatchWorkers(submissions.length);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
let indexedAt = 0;
const summary = await ingestBatch(
  db,
  submissions.map(({ fileName, read }) => ({
    label: fileName,
    read: async () => {
      const sub = read();
      chars += new TextDecoder().decode(sub.bytes).length;
      return sub;
    },
  })),
  { onResult: () => void (indexedAt = performance.now()) },
);
const failed = submissions.length - summary.ingested;
const batchDone = performance.now();
const cpu = process.cpuUsage(cpu0);

const t1 = performance.now();
const one = await ingestSubmission(db, last);
const oneStored = performance.now();
await finalizeReuse(db);
const oneDone = performance.now();
// Another report with the analysis and its tables aside: what the reuse engine itself costs.
const reuseStart = await db.transaction().execute(async (trx) => {
  const { meta } = spare;
  const start = performance.now();
  const id = await storeText(trx, {
    file: spare.fileName,
    unit: meta?.unit ?? 'bench',
    department: meta?.department ?? null,
    year: meta?.year ?? null,
    text: new TextDecoder().decode(spare.bytes),
  });
  await indexReportReuse(trx, id);
  return start;
});
const reuseOnly = await finalizeReuse(db).then(() => performance.now() - reuseStart);

const counts: Record<string, number> = {};
for (const t of ['reuse_passages', 'reuse_spans', 'reuse_sources', 'reuse_pairs'] as const) {
  const r = await db.selectFrom(t).select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  counts[t] = Number(r.n);
}
const dbBytes = fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
await db.destroy();

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(`reuse bench — ${name}: ${submissions.length} reports, ${(chars / 1e6).toFixed(1)}M chars (${failed} not stored); ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}`);
console.log(`  whole corpus, one batch:   ${s(batchDone - t0)}  (stored ${s(indexedAt - t0)}, then search index, reuse resolution and derived summaries ${s(batchDone - indexedAt)}); ${workers} text worker(s), ${summary.workers} at the end; CPU ${s((cpu.user + cpu.system) / 1000)}`);
console.log(`  one more report:           ${(oneDone - t1).toFixed(0)} ms through ingest (${one.status}: stored in ${(oneStored - t1).toFixed(0)} ms, reuse resolved in ${(oneDone - oneStored).toFixed(0)} ms); another, reuse indexing alone: ${reuseOnly.toFixed(0)} ms`);
console.log(`  peak memory (max RSS):     ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(`  database:                  ${(dbBytes / 1e6).toFixed(0)} MB; ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
if (values.keep) console.log(`  kept in ${dir}`);
else fs.rmSync(dir, { recursive: true, force: true });
