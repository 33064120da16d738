// Every dashboard view's data as the tRPC procedures ask for it, by name: what the views benchmark times
// and what the dialect comparison checks alike on SQLite and PostgreSQL.
import type { Db } from '../server/db/connection.js';
import { getActivityByCategory, getUnitsMissingCategory, getUnmatchedActivities } from '../server/queries/activity.js';
import { getComparison, getCounterparts } from '../server/queries/compare.js';
import { getNotableFigures, listFigures } from '../server/queries/figures.js';
import { getUnitBaselines } from '../server/queries/baselines.js';
import { getUnitsNeedingAttention } from '../server/queries/flags.js';
import { getFilterOptions, getHeadlineBaselines, getHeadlines, getMissingSubmissions, getReportsByDepartmentYear, getReportsNeedingReview } from '../server/queries/overview.js';
import { getReport, listReports } from '../server/queries/reports.js';
import { getMostCopiedReports, getReuseByDepartmentYear, getTopCopiedPassages, getCopyGraph } from '../server/queries/reuse.js';
import { getRecurrences, getThemeMembers, getThemes, getThemesByDepartment, getThemeTrends } from '../server/queries/themes.js';
import { getUnitComparison, getUnitHistory } from '../server/queries/units.js';
import { getReportReuse } from '../server/reuse/index.js';
import { searchReports } from '../server/search/index.js';
import type { Filters } from '../shared/filters.js';

export type View = [name: string, run: (f: Filters) => Promise<unknown>];

/** A report to open in the report views, and a scope (its department and year) for the filtered runs. */
export interface ViewSample {
  report: number;
  unit: string;
  scope: Filters;
}

/** The latest report of the corpus as the sample. */
export async function viewSample(db: Db): Promise<ViewSample> {
  const r = await db
    .selectFrom('reports as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.id', 'u.name', 'u.department', 'r.year'])
    .orderBy('r.id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { report: r.id, unit: r.name, scope: { department: r.department ?? undefined, year: r.year ?? undefined } };
}

export async function dashboardViews(db: Db, sample: ViewSample): Promise<View[]> {
  const counterpart = (await getCounterparts(db, sample.report))[0]?.id;
  const theme = (await db.selectFrom('themes').select('id').orderBy('id').limit(1).executeTakeFirst())?.id ?? null;
  return [
    ['总览 submissions chart', (f) => getReportsByDepartmentYear(db, f)],
    ['总览 headlines', (f) => getHeadlines(db, f)],
    ['总览 missing submissions', (f) => getMissingSubmissions(db, f)],
    ['总览 most copied reports', (f) => getMostCopiedReports(db, f)],
    ['总览 needing review', (f) => getReportsNeedingReview(db, f)],
    ['总览 headline baselines', (f) => getHeadlineBaselines(db, f)],
    ['单位对比 baselines', (f) => getUnitBaselines(db, f)],
    ['简报 units needing attention', (f) => getUnitsNeedingAttention(db, f)],
    ['简报 notable figures', (f) => getNotableFigures(db, f, ['培训', '专题学习'])],
    ['filter options', () => getFilterOptions(db)],
    ['单位对比 comparison', (f) => getUnitComparison(db, f)],
    ['单位 history', () => getUnitHistory(db, sample.unit)],
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
    ['报告详情', () => getReport(db, sample.report)],
    ['报告详情 reuse', () => getReportReuse(db, sample.report)],
    ['对照 counterparts', () => getCounterparts(db, sample.report)],
    ['对照 side by side', () => (counterpart ? getComparison(db, sample.report, counterpart) : Promise.resolve(null))],
    ['检索 网络舆情', (f) => searchReports(db, { ...f, q: '网络舆情', page: 1, pageSize: 20 })],
    ['检索 substring', (f) => searchReports(db, { ...f, q: '情引导', page: 1, pageSize: 20 })],
  ];
}

/** A call's time in milliseconds: the median of five runs. */
export async function medianMs(f: () => Promise<unknown>): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await f();
    runs.push(performance.now() - t);
  }
  return runs.sort((a, b) => a - b)[2]!;
}
