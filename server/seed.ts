// Demo data on first start: the five real samples in seed/samples (with their manifest) and the
// generated demo corpus of seed/generator (deterministic: the same on every machine).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemoCorpus } from '../seed/generator/index.js';
import { collectSubmissions } from './intake/collect.js';
import type { Db } from './db/connection.js';
import { ingestBatch } from './intake/batch.js';
import { countReports, type Submission } from './intake/ingest.js';
import { progressBar } from './progress.js';

const SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'seed');

export function demoSubmissions(): Submission[] {
  const { files } = collectSubmissions([path.join(SEED_DIR, 'samples')]);
  const samples = files.map((f) => ({ fileName: f.fileName, bytes: fs.readFileSync(f.path), meta: f.meta, extra: f.extra }));
  const encoder = new TextEncoder();
  const generated = generateDemoCorpus().reports.map((r) => ({
    fileName: r.fileName,
    bytes: encoder.encode(r.text),
    meta: { unit: r.unit, department: r.department, year: r.year, period: r.period, title: r.title },
  }));
  return [...samples, ...generated];
}

/** Seeds an empty database; returns how many reports were stored (0 when it already had data). */
export async function seedIfEmpty(db: Db): Promise<number> {
  if ((await countReports(db)) > 0) return 0;
  const subs = demoSubmissions();
  const sources = subs.map((sub) => ({ label: sub.fileName, read: async () => sub }));
  const summary = await ingestBatch(db, sources, { progress: progressBar(sources.length, '载入演示数据') });
  for (const f of summary.failed) console.error(`[seed] ${f.file}: ${f.error}`);
  return summary.ingested;
}
