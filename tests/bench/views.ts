// Every dashboard view's data at the server for a corpus of about 10,000 reports (the demo generator at
// scale): the query functions the tRPC procedures call, timed with and without filters.
// The corpus database is built once and kept (it takes minutes): --db PATH to choose where, --reports N.
// Run: node bin/run-ts.js tests/bench/views.ts [--reports 10000] [--db /tmp/yanpan-bench-views.db | --db postgres://…]
import fs from 'node:fs';
import { sql } from 'kysely';
import { generateDemoCorpus } from '../../seed/generator/index.js';
import { ingestBatch } from '../../server/intake/batch.js';
import { isPostgresUrl, openDb } from '../../server/db/connection.js';
import { countReports } from '../../server/intake/ingest.js';
import { progressBar } from '../../server/progress.js';
import { dashboardViews, medianMs, viewSample } from '../views.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const wanted = Number(arg('--reports', '10000'));
const dbPath = arg('--db', `/tmp/yanpan-bench-views-${wanted}.db`);

const db = await openDb(dbPath);
if ((await countReports(db)) === 0) {
  const started = Date.now();
  const demo = generateDemoCorpus({ scale: Math.ceil(wanted / 384) });
  const reports = demo.reports.slice(0, wanted);
  const encoder = new TextEncoder();
  const sources = reports.map((r) => ({
    label: r.fileName,
    read: async () => ({ fileName: r.fileName, bytes: encoder.encode(r.text), meta: { unit: r.unit, department: r.department, year: r.year, period: r.period, title: r.title } }),
  }));
  const summary = await ingestBatch(db, sources, { progress: progressBar(sources.length, '构建基准语料') });
  console.error(`built ${summary.ingested} reports in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
const reports = await countReports(db);
const sample = await viewSample(db);
const scoped = sample.scope;
const views = await dashboardViews(db, sample);

const bytes = isPostgresUrl(dbPath)
  ? (await sql<{ n: number }>`select pg_database_size(current_database()) as n`.execute(db)).rows[0]!.n
  : fs.statSync(dbPath).size;
console.log(`views benchmark: ${reports} reports, database ${isPostgresUrl(dbPath) ? 'PostgreSQL' : dbPath} (${Math.round(bytes / 2 ** 20)} MB)`);
console.log(`${'view'.padEnd(28)} ${'all (ms)'.padStart(10)} ${'dept+year (ms)'.padStart(15)}`);
let over = 0;
for (const [name, run] of views) {
  const all = await medianMs(() => run({}));
  const filtered = await medianMs(() => run(scoped));
  if (Math.max(all, filtered) > 200) over++;
  console.log(`${name.padEnd(28)} ${all.toFixed(1).padStart(10)} ${filtered.toFixed(1).padStart(15)}${Math.max(all, filtered) > 200 ? '  > 200 ms' : ''}`);
}
console.log(`${views.length - over}/${views.length} views under 200 ms; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
await db.destroy();
