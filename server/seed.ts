// Demo data on first start: the five real samples in seed/samples (with their manifest), the generated
// demo corpus of seed/generator (deterministic: the same on every machine), whose units form the demo's
// unit registry (each reporting every half-year and year), and its template library (范文库), added first
// so that the reports that took text from it are marked as they arrive.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemoCorpus } from '../seed/generator/index.js';
import { collectSubmissions } from './intake/collect.js';
import type { Db } from './db/connection.js';
import { ingestBatch } from './intake/batch.js';
import { countReports, type Submission } from './intake/ingest.js';
import { importRegistry } from './intake/registry.js';
import type { RegistryUnit } from './intake/units.js';
import { importTemplates } from './intake/templates.js';
import { progressBar } from './progress.js';
import type { Period } from '../shared/types.js';

const SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'seed');

export function demoData() {
  const { files } = collectSubmissions([path.join(SEED_DIR, 'samples')]);
  const samples: Submission[] = files.map((f) => ({ fileName: f.fileName, bytes: fs.readFileSync(f.path), meta: f.meta, extra: f.extra }));
  const encoder = new TextEncoder();
  const demo = generateDemoCorpus();
  const generated: Submission[] = demo.reports.map((r) => ({
    fileName: r.fileName,
    bytes: encoder.encode(r.text),
    meta: { unit: r.unit, department: r.department, year: r.year, period: r.period, title: r.title },
  }));
  const registry: RegistryUnit[] = demo.truth.units.map((u) => ({ name: u.unit, department: u.department, aliases: [], level: '市直单位', expected: ['annual', 'H1'] as Period[] }));
  const templates = demo.templates.map((t) => ({ ...t, bytes: encoder.encode(t.text) }));
  const sampleUnits = [...new Set(samples.map((s) => s.meta?.unit).filter((u): u is string => !!u))];
  return { submissions: [...samples, ...generated], registry, templates, sampleUnits };
}

/** Seeds an empty database; returns how many reports were stored (0 when it already had data). */
export async function seedIfEmpty(db: Db): Promise<number> {
  if ((await countReports(db)) > 0) return 0;
  const { submissions, registry, templates, sampleUnits } = demoData();
  await importRegistry(db, registry);
  for (const t of templates) {
    const r = await importTemplates(db, [{ label: t.fileName, read: async () => ({ fileName: t.fileName, bytes: t.bytes }) }], {
      kind: t.kind,
      title: t.title,
      source: t.source,
      addedBy: '演示数据',
    });
    for (const f of r.failed) console.error(`[seed] ${f.file}: ${f.error}`);
  }
  const sources = submissions.map((sub) => ({ label: sub.fileName, read: async () => sub }));
  const summary = await ingestBatch(db, sources, { progress: progressBar(sources.length, '载入演示数据') });
  for (const f of summary.failed) console.error(`[seed] ${f.file}: ${f.error}`);
  // The real samples are shown as what they are, not as units that failed to report or need review.
  if (sampleUnits.length) await db.updateTable('units').set({ sample: 1 }).where('name', 'in', sampleUnits).execute();
  return summary.ingested;
}
