// Every dashboard view's data at the server for a corpus of about 10,000 reports (the demo generator at
// scale): the query functions the tRPC procedures call, timed with and without filters.
// The corpus database is built once and kept (it takes minutes): --db PATH to choose where, --reports N.
// Run: node bin/run-ts.js tests/bench/views.ts [--reports 10000] [--db /tmp/yanpan-bench-views.db]
import fs from 'node:fs';
import { generateDemoCorpus } from '../../seed/generator/index.js';
import { getActivityByCategory, getUnitsMissingCategory, getUnmatchedActivities } from '../../server/queries/activity.js';
import { listFigures } from '../../server/queries/figures.js';
import { getComparison, getCounterparts } from '../../server/queries/compare.js';
import { getFilterOptions, getHeadlines, getMissingSubmissions, getReportsByDepartmentYear, getReportsNeedingReview } from '../../server/queries/overview.js';
import { getReport, listReports } from '../../server/queries/reports.js';
import { getMostCopiedReports, getReuseByDepartmentYear, getTopCopiedPassages, getCopyGraph } from '../../server/queries/reuse.js';
import { getRecurrences, getThemeMembers, getThemes, getThemesByDepartment, getThemeTrends } from '../../server/queries/themes.js';
import { getUnitComparison, getUnitHistory } from '../../server/queries/units.js';
import { ingestBatch } from '../../server/intake/batch.js';
import { openDb } from '../../server/db/connection.js';
import { countReports } from '../../server/intake/ingest.js';
import { progressBar } from '../../server/progress.js';
import { getReportReuse } from '../../server/reuse/index.js';
import { searchReports } from '../../server/search/index.js';
import type { Filters } from '../../shared/filters.js';

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
const sample = (await db.selectFrom('reports as r').innerJoin('units as u', 'u.id', 'r.unit_id').select(['r.id', 'u.name', 'u.department', 'r.year']).orderBy('r.id', 'desc').limit(1).executeTakeFirstOrThrow());
const counterpart = (await getCounterparts(db, sample.id))[0]?.id;
const theme = (await db.selectFrom('themes').select('id').limit(1).executeTakeFirst())?.id ?? null;
const scoped: Filters = { department: sample.department ?? undefined, year: sample.year ?? undefined };

const views: Array<[string, (f: Filters) => Promise<unknown>]> = [
  ['总览 submissions chart', (f) => getReportsByDepartmentYear(db, f)],
  ['总览 headlines', (f) => getHeadlines(db, f)],
  ['总览 missing submissions', (f) => getMissingSubmissions(db, f)],
  ['总览 most copied reports', (f) => getMostCopiedReports(db, f)],
  ['总览 needing review', (f) => getReportsNeedingReview(db, f)],
  ['filter options', () => getFilterOptions(db)],
  ['单位对比 comparison', (f) => getUnitComparison(db, f)],
  ['单位 history', () => getUnitHistory(db, sample.name)],
  ['活动 by department', (f) => getActivityByCategory(db, f, 'department')],
  ['活动 by year', (f) => getActivityByCategory(db, f, 'year')],
  ['活动 by unit', (f) => getActivityByCategory(db, f, 'unit')],
  ['活动 missing category', (f) => getUnitsMissingCategory(db, f)],
  ['活动 unmatched', (f) => getUnmatchedActivities(db, f)],
  ['活动 drill-down page', (f) => listFigures(db, { ...f, category: '培训', page: 1, pageSize: 10 })],
  ['主题 list', (f) => getThemes(db, f)],
  ['主题 members page', (f) => getThemeMembers(db, theme, f, { page: 1, pageSize: 8 })],
  ['主题 trends', (f) => getThemeTrends(db, f)],
  ['主题 by department', (f) => getThemesByDepartment(db, f)],
  ['主题 recurrences page', (f) => getRecurrences(db, f, { minPeriods: 3, page: 1, pageSize: 10 })],
  ['雷同 by department/year', (f) => getReuseByDepartmentYear(db, f)],
  ['雷同 copy graph', (f) => getCopyGraph(db, f)],
  ['雷同 top passages', (f) => getTopCopiedPassages(db, f)],
  ['报告列表 page 1', (f) => listReports(db, { ...f, page: 1, pageSize: 20 })],
  ['报告列表 page 200', (f) => listReports(db, { ...f, page: 200, pageSize: 20 })],
  ['报告详情', () => getReport(db, sample.id)],
  ['报告详情 reuse', () => getReportReuse(db, sample.id)],
  ['对照 counterparts', () => getCounterparts(db, sample.id)],
  ['对照 side by side', () => (counterpart ? getComparison(db, sample.id, counterpart) : Promise.resolve(null))],
  ['检索 网络舆情', (f) => searchReports(db, { ...f, q: '网络舆情', page: 1, pageSize: 20 })],
  ['检索 substring', (f) => searchReports(db, { ...f, q: '情引导', page: 1, pageSize: 20 })],
];

async function time(f: () => Promise<unknown>): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await f();
    runs.push(performance.now() - t);
  }
  return runs.sort((a, b) => a - b)[2]!; // median of 5
}

console.log(`views benchmark: ${reports} reports, database ${dbPath} (${Math.round(fs.statSync(dbPath).size / 2 ** 20)} MB)`);
console.log(`${'view'.padEnd(28)} ${'all (ms)'.padStart(10)} ${'dept+year (ms)'.padStart(15)}`);
let over = 0;
for (const [name, run] of views) {
  const all = await time(() => run({}));
  const filtered = await time(() => run(scoped));
  if (Math.max(all, filtered) > 200) over++;
  console.log(`${name.padEnd(28)} ${all.toFixed(1).padStart(10)} ${filtered.toFixed(1).padStart(15)}${Math.max(all, filtered) > 200 ? '  > 200 ms' : ''}`);
}
console.log(`${views.length - over}/${views.length} views under 200 ms; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
await db.destroy();
