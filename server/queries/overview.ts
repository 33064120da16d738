// Queries for the overview: submissions per department and year, and the filter options.
import { sql } from 'kysely';
import type { Filters } from '../../shared/filters.js';
import { PERIODS, type Period } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { applyFilters, liveReports, namedUnits, nullsLow, reportsWithUnits, shareOf } from './filters.js';
import { reuseShares, reuseSums } from './rates.js';
import { getUnitBaselines } from './baselines.js';
import { type BaselineRate, spreadOf } from '../../shared/baselines.js';

export async function getReportsByDepartmentYear(db: Db, f: Filters) {
  const rows = await applyFilters(reportsWithUnits(db), f)
    .select(['u.department', 'r.year', sql<number>`count(*)`.as('reports')])
    .groupBy(['u.department', 'r.year'])
    .orderBy('r.year', nullsLow())
    .orderBy('u.department', nullsLow())
    .execute();
  return rows.map((r) => ({ ...r, department: r.department ?? '未分组' }));
}

export async function getFilterOptions(db: Db) {
  const [units, years] = await Promise.all([
    namedUnits(db).select(['u.name', 'u.department']).orderBy('u.department', nullsLow()).orderBy('u.name').execute(),
    liveReports(db.selectFrom('reports as r')).select('r.year').distinct().where('r.year', 'is not', null).orderBy('r.year').execute(),
  ]);
  const departments = [...new Set(units.map((u) => u.department).filter((d): d is string => !!d))];
  return { departments, units, years: years.map((y) => y.year as number) };
}

/** Whether sample units (seed/samples) count among the findings about units; they do not unless asked. */
export interface SampleOption {
  includeSamples?: boolean;
}

/** Within a year: annual closes it, then H2/Q4 … (alphabetical order is not the calendar). */
const LATEST_PERIOD_FIRST = (column: string) =>
  sql`case ${sql.ref(column)} when 'annual' then 0 when 'Q4' then 1 when 'H2' then 2 when 'Q3' then 3 when 'Q2' then 4 when 'H1' then 5 when 'Q1' then 6 else 7 end`;

/** The latest (year, period) any report was submitted for: the period the committee is collecting. */
export async function getCurrentPeriod(db: Db): Promise<{ year: number; period: Period } | null> {
  const row = await liveReports(db.selectFrom('reports as r'))
    .select(['r.year', 'r.period'])
    .where('r.year', 'is not', null)
    .where('r.period', 'is not', null)
    .groupBy(['r.year', 'r.period'])
    .orderBy('r.year', 'desc')
    .orderBy(LATEST_PERIOD_FIRST('r.period'))
    .limit(1)
    .executeTakeFirst();
  return row && row.year !== null && row.period !== null ? { year: row.year, period: row.period } : null;
}

/**
 * Units (within the filters' department/unit) with no report for the given or current period, among
 * those that must report it: a unit whose registry entry lists its periods (annual;H1) is not missing a
 * period it need not report.
 */
export async function getMissingSubmissions(db: Db, f: Filters, opts: SampleOption = {}) {
  const current = f.year !== undefined && f.period ? { year: f.year, period: f.period } : await getCurrentPeriod(db);
  if (!current) return { year: null, period: null, basis: 'seen' as const, units: [] };
  // With a registry, who must report is the registry's call: a unit only read from a text (a template
  // site's page, a unit outside the committee's remit) owes nothing. Without one, every unit seen.
  const registry = await db.selectFrom('units').select('id').where('kind', '=', 'registry').limit(1).executeTakeFirst();
  let units = namedUnits(db)
    .$if(registry !== undefined, (q) => q.where('u.kind', '=', 'registry'))
    .select(['u.id', 'u.name', 'u.department'])
    .where((eb) => eb.or([eb('u.expected', 'is', null), eb(sql<string>`';' || u.expected || ';'`, 'like', `%;${current.period};%`)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          liveReports(selectFrom('reports as r'))
            .select('r.id')
            .whereRef('r.unit_id', '=', 'u.id')
            .where('r.year', '=', current.year)
            .where('r.period', '=', current.period),
        ),
      ),
    );
  if (f.department) units = units.where('u.department', '=', f.department);
  if (f.unit) units = units.where('u.name', '=', f.unit);
  if (!opts.includeSamples) units = units.where('u.sample', '=', 0);
  // The unit's latest report, year and period: 最近报送 2025年上半年, not only the year.
  const latest = (column: 'year' | 'period') =>
    sql<string | number | null>`(select ${sql.ref(`r2.${column}`)} from reports r2 where r2.unit_id = u.id and r2.deleted_at is null and r2.year is not null order by r2.year desc, ${LATEST_PERIOD_FIRST('r2.period')} limit 1)`;
  const rows = await units.select([latest('year').as('lastYear'), latest('period').as('lastPeriod'), 'u.sample']).orderBy('u.department', nullsLow()).orderBy('u.name').execute();
  return {
    year: current.year,
    period: current.period,
    /** What the list is judged against: the registry's expected periods, or the units seen so far. */
    basis: registry ? ('registry' as const) : ('seen' as const),
    units: rows.map((r) => ({
      id: r.id,
      name: r.name,
      department: r.department,
      sample: r.sample === 1,
      lastYear: r.lastYear === null ? null : Number(r.lastYear),
      lastPeriod: typeof r.lastPeriod === 'string' && PERIODS.includes(r.lastPeriod as Period) ? (r.lastPeriod as Period) : null,
    })),
  };
}

/** Headline figures for the filtered reports. */
export async function getHeadlines(db: Db, f: Filters) {
  const base = applyFilters(reportsWithUnits(db).leftJoin('report_findings as rf', 'rf.report_id', 'r.id'), f);
  const row = await base
    .select([
      sql<number>`count(*)`.as('reports'),
      sql<number>`count(distinct u.id)`.as('units'),
      sql<number>`count(distinct u.department)`.as('departments'),
      sql<number>`coalesce(avg(r.chars), 0)`.as('avgChars'),
      sql<number | null>`sum(case when coalesce(rf.problem_sections, 0) = 0 then 1 else 0 end)`.as('withoutProblems'),
    ])
    .executeTakeFirstOrThrow();
  const reuse = await applyFilters(reportsWithUnits(db).innerJoin('reuse_reports as x', 'x.report_id', 'r.id'), f)
    .select([sql<number>`sum(r.chars)`.as('chars'), ...reuseSums('x')])
    .executeTakeFirstOrThrow();
  const shares = reuseShares(reuse, reuse.chars);
  const reports = Number(row.reports);
  return {
    reuseRate: shares.reuse,
    copiedRate: shares.copied,
    modelRate: shares.model,
    reports,
    units: Number(row.units),
    departments: Number(row.departments),
    avgChars: Math.round(Number(row.avgChars)),
    withoutProblemsShare: reports ? Number(row.withoutProblems ?? 0) / reports : 0,
  };
}

/** Copied share from which a report is listed for a look, and self-reuse share likewise. */
export const REVIEW_COPIED_RATE = 0.1;
export const REVIEW_SELF_RATE = 0.3;

/**
 * The reports most in need of a look: those with the most distinct reasons (flag kinds, copied or
 * recycled text), then the most flags. Each comes with its reasons, so the list explains itself.
 */
export async function getReportsNeedingReview(db: Db, f: Filters, limit = 10, opts: SampleOption = {}) {
  const base = () => applyFilters(reportsWithUnits(db), f).$if(!opts.includeSamples, (q) => q.where('u.sample', '=', 0));
  const [flagged, reused] = await Promise.all([
    base().innerJoin('flags as fl', 'fl.report_id', 'r.id').select(['r.id', 'fl.kind', sql<number>`count(*)`.as('n')]).groupBy(['r.id', 'fl.kind']).execute(),
    base()
      .innerJoin('reuse_reports as x', 'x.report_id', 'r.id')
      .where((eb) => eb.or([eb(sql`cast(x.copied_chars as double precision) / r.chars`, '>=', REVIEW_COPIED_RATE), eb(sql`cast(x.self_chars as double precision) / r.chars`, '>=', REVIEW_SELF_RATE)]))
      .select(['r.id', sql<number>`cast(x.copied_chars as double precision) / r.chars`.as('copied'), sql<number>`cast(x.self_chars as double precision) / r.chars`.as('self')])
      .execute(),
  ]);
  const byReport = new Map<number, { flags: Map<string, number>; copied: number; self: number }>();
  const entry = (id: number) => byReport.get(id) ?? byReport.set(id, { flags: new Map(), copied: 0, self: 0 }).get(id)!;
  for (const row of flagged) entry(row.id).flags.set(row.kind, row.n);
  for (const row of reused) Object.assign(entry(row.id), { copied: row.copied, self: row.self });
  const ranked = [...byReport.entries()]
    .map(([id, e]) => {
      const reasons = [...e.flags.entries()].map(([kind, n]) => ({ kind, count: n }));
      if (e.copied >= REVIEW_COPIED_RATE) reasons.push({ kind: 'copied', count: Math.round(e.copied * 100) });
      if (e.self >= REVIEW_SELF_RATE) reasons.push({ kind: 'self', count: Math.round(e.self * 100) });
      const flagCount = [...e.flags.values()].reduce((s, n) => s + n, 0);
      return { id, reasons, score: reasons.length * 1000 + flagCount };
    })
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, limit);
  if (ranked.length === 0) return [];
  const heads = await db
    .selectFrom('reports as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .where('r.id', 'in', ranked.map((r) => r.id))
    .select(['r.id', 'u.name as unit', 'u.department', 'u.sample', 'r.year', 'r.period', 'r.title'])
    .execute();
  const head = new Map(heads.map((h) => [h.id, h]));
  return ranked.map((r) => ({ ...head.get(r.id)!, sample: head.get(r.id)!.sample === 1, period: head.get(r.id)!.period as Period | null, reasons: r.reasons }));
}

/** The period a headline figure is compared in: the scope's, or its latest; and the same period a year before. */
async function comparedPeriods(db: Db, f: Filters): Promise<{ current: Filters; previous: Filters } | null> {
  if (f.year !== undefined) return { current: f, previous: { ...f, year: f.year - 1 } };
  const latest = await applyFilters(reportsWithUnits(db), f)
    .select(['r.year', 'r.period'])
    .where('r.year', 'is not', null)
    .orderBy('r.year', 'desc')
    .orderBy(LATEST_PERIOD_FIRST('r.period'))
    .limit(1)
    .executeTakeFirst();
  if (!latest || latest.year === null) return null;
  const period = f.period ?? (PERIODS.includes(latest.period as Period) ? (latest.period as Period) : undefined);
  return { current: { ...f, year: latest.year, ...(period ? { period } : {}) }, previous: { ...f, year: latest.year - 1, ...(period ? { period } : {}) } };
}

/**
 * What the headline figures are read against: the latest period in scope beside the same period a year
 * before (reports of one kind compared with reports of that kind), and the spread of each rate across
 * units with the count of units that stand out from their department or their own past.
 */
export async function getHeadlineBaselines(db: Db, f: Filters) {
  const [periods, units] = await Promise.all([comparedPeriods(db, f), getUnitBaselines(db, f)]);
  const [current, previous] = periods ? await Promise.all([getHeadlines(db, periods.current), getHeadlines(db, periods.previous)]) : [null, null];
  const label = (x: Filters | undefined) => (x?.year === undefined ? null : { year: x.year, period: x.period ?? null });
  const spread = (k: BaselineRate) => spreadOf(units.map((u) => u.rates[k]));
  const outliers = (k: BaselineRate) => units.filter((u) => u.outliers[k]?.length).map((u) => ({ unit: u.unit, department: u.department, reasons: u.outliers[k]! }));
  return {
    current: current && { ...label(periods!.current)!, headlines: current },
    previous: previous && previous.reports > 0 ? { ...label(periods!.previous)!, headlines: previous } : null,
    spread: { reuse: spread('reuse'), copied: spread('copied'), stock: spread('stock') },
    outliers: { reuse: outliers('reuse'), copied: outliers('copied'), stock: outliers('stock') },
  };
}
