// Race (issue #21): Yanpan's whole ingest against copydetect (github.com/blingenf/copydetect, the public
// winnowing detector) on the same files, scored by the same PAN measures. The planted-copy corpus of
// tests/reuse-plant.ts is built once and written to a temporary folder as .txt files; then
//   Yanpan:     every file through ingestBatch into a fresh SQLite database, as `yanpan ingest` does
//               (decode, analysis, search index, reuse, derived summaries), timed whole;
//   copydetect: its CopyDetector over the folder, every pair (its design), its detection alone timed
//               (tests/bench/copydetect-driver.py).
// Each engine's detections between a planted target and its source are scored by panOfPlanted.
// copydetect is not a dependency: fetch it beside the repository (../copydetect) and install its Python
// dependencies from the system's packages; without it the bench says how and exits 2.
// Usage: node bin/run-ts.js tests/bench/race.ts [--reports N] [--copydetect 25/30,42/42,42/46] [--keep]
//   --reports N: the first N reports of the corpus manifest only, for both engines.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openDb } from '../../server/db/connection.js';
import { ingestBatch } from '../../server/intake/batch.js';
import type { AlignmentCase, PanScores } from '../pan.js';
import { provinceTexts } from '../reuse-corpus.js';
import { panOfPlanted, type PlantedScores, plantCopies, runEngine, scorePlanted } from '../reuse-plant.js';
import { provinceCorpusAvailable, REPO_ROOT } from '../shared-material.js';

const { values } = parseArgs({
  options: { reports: { type: 'string' }, copydetect: { type: 'string', default: '25/30,42/42,42/46' }, keep: { type: 'boolean' } },
});
// copydetect's settings, noise/guarantee threshold (characters): its defaults; its best plagdet on this
// benchmark among k = 8…80 with every k-gram kept (guarantee = noise: no winnowing), 0.71 at 42 (shorter
// k-grams match the stock phrases every province shares, longer ones miss the edited passages); and its
// best with winnowing, two to three times faster (among 30/34…50/54: window 5 at 42).
const settings = values.copydetect.split(',').map((s) => {
  const [noise, guarantee] = s.split('/').map(Number);
  if (!noise || !guarantee || guarantee < noise) throw new Error(`--copydetect ${s}: noise/guarantee, guarantee ≥ noise`);
  return { noise, guarantee };
});

const COPYDETECT_DIR = process.env.COPYDETECT_DIR ?? path.resolve(REPO_ROOT, '..', 'copydetect');
const DRIVER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'copydetect-driver.py');
// The system's Python first: its packages (python3-numpy …) are where copydetect's dependencies come from.
const python = [process.env.COPYDETECT_PYTHON, '/usr/bin/python3', 'python3']
  .filter((p): p is string => !!p)
  .find((p) => spawnSync(p, ['-c', `import sys; sys.path.insert(0, ${JSON.stringify(COPYDETECT_DIR)}); import copydetect`]).status === 0);
if (!python) {
  console.error(
    [
      `copydetect cannot be imported from ${COPYDETECT_DIR}. Fetch it beside the repository, never inside it:`,
      `  git clone https://github.com/blingenf/copydetect ${COPYDETECT_DIR}`,
      '  apt-get install python3-numpy python3-pygments python3-jinja2 python3-tqdm python3-matplotlib',
      'or set COPYDETECT_DIR (its checkout) and COPYDETECT_PYTHON (a Python with its dependencies).',
    ].join('\n'),
  );
  process.exit(2);
}
if (!provinceCorpusAvailable()) process.exit(2);

const all = provinceTexts();
const texts = values.reports === undefined ? all : all.slice(0, Number(values.reports));
const base = await runEngine(texts);
const corpus = await plantCopies(texts, base);
await base.db.destroy();
const fileOf = new Map(base.ids.map((id, i) => [id, texts[i]!.file]));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-race-'));
const folder = path.join(dir, 'reports');
fs.mkdirSync(folder);
for (const t of corpus.texts) fs.writeFileSync(path.join(folder, t.file), t.text);
const chars = corpus.texts.reduce((n, t) => n + t.text.length, 0);

interface Entry {
  engine: string;
  seconds: number;
  cpuSeconds: number;
  load: number;
  scores: Pick<PlantedScores, 'all' | 'byEdit'>;
}
const entries: Entry[] = [];

// Yanpan: the files as `yanpan ingest` reads them with a manifest (unit, year), into a fresh database.
{
  const load = os.loadavg()[0]!;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const db = await openDb(path.join(dir, 'race.db'));
  const summary = await ingestBatch(
    db,
    corpus.texts.map((t) => ({
      label: t.file,
      read: async () => ({
        fileName: t.file,
        bytes: fs.readFileSync(path.join(folder, t.file)),
        meta: { unit: t.unit, department: t.department, year: t.year, period: 'annual' },
      }),
    })),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (summary.ingested !== corpus.texts.length) throw new Error(`Yanpan stored ${summary.ingested} of ${corpus.texts.length} files`);
  // The planted truth is in the ids and character offsets of the planted corpus: the ingest must have
  // stored each file under the same id with the same text.
  const stored = await db.selectFrom('reports').innerJoin('report_texts', 'report_texts.report_id', 'reports.id').select(['reports.id', 'reports.file_name', 'report_texts.text']).execute();
  for (const r of stored) {
    const i = base.ids.indexOf(Number(r.id));
    if (corpus.texts[i]?.file !== r.file_name || corpus.texts[i].text !== r.text) throw new Error(`report ${r.id} (${r.file_name}) is not stored as planted`);
  }
  entries.push({ engine: 'Yanpan (whole ingest)', seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, load, scores: await scorePlanted(db, corpus) });
  await db.destroy();
}

// copydetect: its detection over the same folder, every pair compared, at each setting.
const pairs = corpus.planted.map((p) => [fileOf.get(p.target)!, fileOf.get(p.source)!]);
for (const { noise, guarantee } of settings) {
  const load = os.loadavg()[0]!;
  const run = spawnSync(python, [DRIVER, COPYDETECT_DIR, folder, String(noise), String(guarantee)], {
    input: JSON.stringify(pairs),
    encoding: 'utf8',
    // Python salts its string hashes per process, and winnowing keeps the smallest: the same run each time.
    env: { ...process.env, PYTHONHASHSEED: '0' },
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`copydetect failed (exit ${run.status})`);
  const Range = z.tuple([z.number(), z.number(), z.number(), z.number()]);
  const answer = z
    .object({ seconds: z.number(), cpuSeconds: z.number(), files: z.number(), matches: z.array(z.tuple([z.string(), z.string(), z.array(Range)])) })
    .parse(JSON.parse(run.stdout));
  if (answer.files !== corpus.texts.length) throw new Error(`copydetect read ${answer.files} of ${corpus.texts.length} files`);
  const detections: AlignmentCase[] = corpus.planted.flatMap((p, i) =>
    answer.matches[i]![2].map(([suspStart, suspEnd, srcStart, srcEnd]) => ({ susp: String(p.target), suspStart, suspEnd, src: String(p.source), srcStart, srcEnd })),
  );
  entries.push({
    engine: `copydetect, detection alone (noise ${noise}, guarantee ${guarantee})`,
    seconds: answer.seconds,
    cpuSeconds: answer.cpuSeconds,
    load,
    scores: panOfPlanted(corpus, detections),
  });
}

const f3 = (x: number) => x.toFixed(3);
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
console.log(`race: ${corpus.texts.length} province reports (${(chars / 1e6).toFixed(1)}M chars), ${corpus.planted.length} planted passages; ${os.cpus().length} CPUs`);
console.log(row(['engine', 'time (s)', 'CPU (s)', 'load', 'precision', 'recall', 'granularity', 'plagdet', 'time / Yanpan\'s']));
console.log(row(Array(9).fill('---')));
for (const e of entries) {
  const a: PanScores = e.scores.all;
  const ratio = (e.seconds / entries[0]!.seconds).toFixed(2);
  console.log(row([e.engine, e.seconds.toFixed(1), e.cpuSeconds.toFixed(1), e.load.toFixed(1), f3(a.precision), f3(a.recall), f3(a.granularity), f3(a.plagdet), ratio]));
}
for (const e of entries) console.log(`  plagdet by edit, ${e.engine}: ${e.scores.byEdit.map(([kind, s]) => `${kind} ${f3(s.plagdet)}`).join(', ')}`);
if (values.keep) console.log(`  kept in ${dir}`);
else fs.rmSync(dir, { recursive: true, force: true });
