// Demo data on first start: the five real samples in seed/samples (with their manifest).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectSubmissions } from './collect.js';
import type { Db } from './db/connection.js';
import { countReports, ingestSubmission, type Submission } from './ingest.js';
import { progressBar } from './progress.js';

const SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'seed');

export function demoSubmissions(): Submission[] {
  const { files } = collectSubmissions([path.join(SEED_DIR, 'samples')]);
  return files.map((f) => ({ fileName: f.fileName, bytes: fs.readFileSync(f.path), meta: f.meta, extra: f.extra }));
}

/** Seeds an empty database; returns how many reports were stored (0 when it already had data). */
export async function seedIfEmpty(db: Db): Promise<number> {
  if ((await countReports(db)) > 0) return 0;
  const subs = demoSubmissions();
  const bar = progressBar(subs.length, '载入演示数据');
  let stored = 0;
  for (const sub of subs) {
    const r = await ingestSubmission(db, sub);
    if (r.status === 'stored') stored++;
    else if (r.status === 'failed') console.error(`[seed] ${r.file}: ${r.error}`);
    bar.tick(sub.fileName);
  }
  bar.done();
  return stored;
}
