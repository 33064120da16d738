// SQLite and PostgreSQL side by side on the province corpus (714 reports): the whole corpus ingested in
// one batch into each, then search (substrings, words, short words, what only a scan answers) and every
// view's data timed on each. PostgreSQL: a fresh database on the server YANPAN_TEST_PG names (as for
// `npm run test:pg`; tests/pg-cluster.sh starts one). Skipped, with a message, without it.
// Usage: node bin/run-ts.js tests/bench/dialects.ts [--reports N]
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { type Db, openDb } from '../../server/db/connection.js';
import { ingestBatch } from '../../server/intake/batch.js';
import { searchReports } from '../../server/search/index.js';
import { provinceTexts } from '../reuse-corpus.js';
import { provinceCorpusAvailable } from '../shared-material.js';
import { type Dialect, dropFreshDb, freshDbLocation, postgresAvailable } from '../test-db.js';
import { dashboardViews, medianMs, viewSample } from '../views.js';

const { values } = parseArgs({ options: { reports: { type: 'string' } } });
if (!provinceCorpusAvailable() || !postgresAvailable()) process.exit(0);

const texts = provinceTexts().slice(0, values.reports === undefined ? undefined : Number(values.reports));
const encoder = new TextEncoder();
const sources = texts.map((t) => ({
  label: t.file,
  read: async () => ({ fileName: t.file, bytes: encoder.encode(t.text), meta: { unit: t.unit, department: t.department, year: t.year, period: 'annual' as const } }),
}));

const SEARCHES = ['网络舆情', '情引导', '意识形态工作责任制', '高质量发展', '舆情', '党', 'GDP', '%'];

async function databaseBytes(db: Db, dialect: Dialect): Promise<number> {
  const q =
    dialect === 'postgres'
      ? sql<{ n: number }>`select pg_database_size(current_database()) as n`
      : sql<{ n: number }>`select page_count * page_size as n from pragma_page_count(), pragma_page_size()`;
  return (await q.execute(db)).rows[0]!.n;
}

const results = new Map<string, Record<Dialect, number>>();
const record = (name: string, dialect: Dialect, ms: number) => {
  const row = results.get(name) ?? { sqlite: NaN, postgres: NaN };
  row[dialect] = ms;
  results.set(name, row);
};

for (const dialect of ['sqlite', 'postgres'] as const) {
  // Named apart from the tests' databases, which a test run drops when it starts.
  const location = await freshDbLocation(dialect, 'yanpan_bench_');
  const db = await openDb(location);
  const t0 = performance.now();
  const summary = await ingestBatch(db, sources);
  record(`ingest ${summary.ingested} reports (s)`, dialect, (performance.now() - t0) / 1000);
  record('database (MB)', dialect, (await databaseBytes(db, dialect)) / 2 ** 20);
  for (const q of SEARCHES) {
    let hits = 0;
    const ms = await medianMs(async () => (hits = (await searchReports(db, { q, page: 1, pageSize: 20 })).total));
    record(`检索 “${q}” (ms, ${hits} hits)`, dialect, ms);
  }
  const sample = await viewSample(db);
  for (const [name, run] of await dashboardViews(db, sample)) record(`${name} (ms)`, dialect, await medianMs(() => run({})));
  await db.destroy();
  await dropFreshDb(location);
}

console.log(`dialects bench: ${texts.length} province reports`);
console.log(`${''.padEnd(36)} ${'SQLite'.padStart(10)} ${'PostgreSQL'.padStart(12)}`);
for (const [name, r] of results) console.log(`${name.padEnd(36)} ${r.sqlite.toFixed(1).padStart(10)} ${r.postgres.toFixed(1).padStart(12)}`);
