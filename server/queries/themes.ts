// Queries for the problem-theme views: the themes and their members, trends by year and by department,
// and recurrences per unit. Statement texts are cut from the stored report text by their spans in
// JavaScript (SQL substr counts code points, the spans count UTF-16 units).
import { sql } from 'kysely';
import type { Filters } from '../../shared/filters.js';
import type { Span } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import type { ThemeOrigin } from '../themes/assign.js';
import { direction, slope, type TrendDirection } from '../themes/trend.js';
import type { SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Period } from '../../shared/types.js';
import { applyFilters, liveReports, reportsWithUnits, shareOf, unitFilters } from './filters.js';
import { inChunks } from '../db/insert.js';
import { reportTexts } from '../db/texts.js';

function problemsJoined(db: Db) {
  return reportsWithUnits(db).innerJoin('problems as p', 'p.report_id', 'r.id');
}

export interface ThemeSummary {
  id: string;
  label: string;
  terms: string[];
  origin: ThemeOrigin;
  statements: number;
  reports: number;
  units: number;
}

/** The themes with statements in scope, most statements first, and how many statements fit none. */
export async function getThemes(db: Db, f: Filters): Promise<{ themes: ThemeSummary[]; unassigned: number }> {
  const [rows, unassigned] = await Promise.all([
    applyFilters(problemsJoined(db).innerJoin('themes as t', 't.id', 'p.theme_id'), f)
      .select([
        't.id',
        't.label',
        't.terms',
        't.origin',
        sql<number>`count(*)`.as('statements'),
        sql<number>`count(distinct r.id)`.as('reports'),
        sql<number>`count(distinct u.id)`.as('units'),
      ])
      .groupBy(['t.id', 't.label', 't.terms', 't.origin'])
      .execute(),
    applyFilters(problemsJoined(db), f).where('p.theme_id', 'is', null).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const themes = rows
    .map((r) => ({
      id: r.id,
      label: r.label,
      terms: JSON.parse(r.terms) as string[],
      origin: r.origin,
      statements: Number(r.statements),
      reports: Number(r.reports),
      units: Number(r.units),
    }))
    .sort((a, b) => b.statements - a.statements || a.id.localeCompare(b.id));
  return { themes, unassigned: Number(unassigned.n) };
}

export interface ThemeMember extends Span {
  report: number;
  unit: string;
  department: string | null;
  year: number | null;
  period: string | null;
  text: string;
}

/**
 * The statements of one theme (null: the unassigned ones) in scope, newest first, then by unit and
 * position; a page at a time, or all of them when no page size is given (exports).
 */
export async function getThemeMembers(
  db: Db,
  theme: string | null,
  f: Filters,
  page: { page?: number; pageSize?: number } = {},
): Promise<{ total: number; rows: ThemeMember[] }> {
  let q = applyFilters(problemsJoined(db), f);
  q = theme === null ? q.where('p.theme_id', 'is', null) : q.where('p.theme_id', '=', theme);
  let ordered = q
    .select(['p.report_id', 'p.start', 'p.end', 'u.name', 'u.department', 'r.year', 'r.period'])
    // Reports without a year last, in either dialect (PostgreSQL puts nulls first when descending).
    .orderBy(sql`r.year desc nulls last`)
    .orderBy('u.name')
    .orderBy('p.report_id')
    .orderBy('p.start');
  if (page.pageSize !== undefined) ordered = ordered.limit(page.pageSize).offset(((page.page ?? 1) - 1) * page.pageSize);
  const [rows, count] = await Promise.all([ordered.execute(), q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()]);
  const texts = await reportTexts(
    db,
    rows.map((r) => r.report_id),
  );
  const members = rows.map((r) => ({
    report: r.report_id,
    unit: r.name,
    department: r.department,
    year: r.year,
    period: r.period,
    start: r.start,
    end: r.end,
    text: texts.get(r.report_id)?.slice(r.start, r.end) ?? '',
  }));
  return { total: Number(count.n), rows: members };
}

export interface ThemeTrendPoint {
  year: number;
  /** Reports of the year (of the compared kind) naming the theme, and all such reports in scope. */
  reports: number;
  base: number;
  statements: number;
  share: number;
}

export interface ThemeTrend {
  id: string;
  label: string;
  points: ThemeTrendPoint[];
  /** Change of share per year (least squares). */
  slope: number;
  direction: TrendDirection;
}

/**
 * The kind of report a trend compares, year with year: the period filtered on, else the annual reports
 * (with those that name no period). A year's half-year report and its annual report say much the same
 * twice, and an H1 report of a year without an annual one would count as a different, shorter kind of
 * report: mixing them makes a theme rise or fall with the mix of periods, not with the problems.
 */
export function trendPeriod(f: Filters): Period {
  return f.period ?? 'annual';
}

function ofTrendPeriod<Q extends SelectQueryBuilder<Database & { r: Database['reports'] }, 'r', object>>(q: Q, f: Filters): Q {
  const period = trendPeriod(f);
  return (period === 'annual' ? q.where((eb) => eb.or([eb('r.period', '=', 'annual'), eb('r.period', 'is', null)])) : q.where('r.period', '=', period)) as Q;
}

/**
 * Themes by year: in how many reports of the year a theme is named, as a share of all reports of that year
 * in scope (reports without a problems section included: they named nothing) — annual reports only, or the
 * period filtered on (trendPeriod). Rising themes first.
 */
export async function getThemeTrends(db: Db, f: Filters): Promise<{ years: number[]; period: Period; themes: ThemeTrend[] }> {
  const [totals, rows] = await Promise.all([
    ofTrendPeriod(applyFilters(reportsWithUnits(db), f), f)
      .where('r.year', 'is not', null)
      .select(['r.year', sql<number>`count(*)`.as('n')])
      .groupBy('r.year')
      .execute(),
    ofTrendPeriod(applyFilters(problemsJoined(db).innerJoin('themes as t', 't.id', 'p.theme_id'), f), f)
      .where('r.year', 'is not', null)
      .select(['t.id', 't.label', 'r.year', sql<number>`count(*)`.as('statements'), sql<number>`count(distinct r.id)`.as('reports')])
      .groupBy(['t.id', 't.label', 'r.year'])
      .execute(),
  ]);
  const perYear = new Map(totals.map((t) => [t.year!, Number(t.n)]));
  const years = [...perYear.keys()].sort((a, b) => a - b);
  const byTheme = new Map<string, ThemeTrend>();
  for (const r of rows) {
    const t = byTheme.get(r.id) ?? { id: r.id, label: r.label, points: [], slope: 0, direction: 'steady' as TrendDirection };
    byTheme.set(r.id, t);
    const base = perYear.get(r.year!)!;
    t.points.push({ year: r.year!, reports: Number(r.reports), base, statements: Number(r.statements), share: Number(r.reports) / base });
  }
  const themes = [...byTheme.values()].map((t) => {
    // Years without a mention are points too: share 0.
    const have = new Map(t.points.map((p) => [p.year, p]));
    const points = years.map((year) => have.get(year) ?? { year, reports: 0, base: perYear.get(year)!, statements: 0, share: 0 });
    const s = slope(points.map((p) => ({ x: p.year, y: p.share })));
    return { ...t, points, slope: s, direction: direction(s) };
  });
  return { years, period: trendPeriod(f), themes: themes.sort((a, b) => b.slope - a.slope || a.id.localeCompare(b.id)) };
}

export interface ThemeDepartmentCell {
  theme: string;
  label: string;
  department: string;
  statements: number;
  reports: number;
  units: number;
  /** The department's reports in scope: what the share is of. */
  base: number;
  /** Share of the department's reports in scope that name the theme. */
  share: number;
}

/** Themes by department. */
export async function getThemesByDepartment(db: Db, f: Filters): Promise<ThemeDepartmentCell[]> {
  const [totals, rows] = await Promise.all([
    applyFilters(reportsWithUnits(db), f)
      .select(['u.department', sql<number>`count(*)`.as('n')])
      .groupBy('u.department')
      .execute(),
    applyFilters(problemsJoined(db).innerJoin('themes as t', 't.id', 'p.theme_id'), f)
      .select([
        't.id',
        't.label',
        'u.department',
        sql<number>`count(*)`.as('statements'),
        sql<number>`count(distinct r.id)`.as('reports'),
        sql<number>`count(distinct u.id)`.as('units'),
      ])
      .groupBy(['t.id', 't.label', 'u.department'])
      .execute(),
  ]);
  const perDept = new Map(totals.map((t) => [t.department ?? '', Number(t.n)]));
  return rows
    .map((r) => {
      const base = perDept.get(r.department ?? '') ?? 0;
      return {
        theme: r.id,
        label: r.label,
        department: r.department ?? '未分组',
        statements: Number(r.statements),
        reports: Number(r.reports),
        units: Number(r.units),
        base,
        share: shareOf(r.reports, base),
      };
    })
    .sort((a, b) => a.department.localeCompare(b.department) || b.reports - a.reports);
}

export interface ThemeCatalogEntry {
  id: string;
  label: string;
  origin: ThemeOrigin;
  /** Statements in the whole corpus. */
  statements: number;
  /** Cue phrases reviewers added. */
  cues: string[];
  /** Renamed by a reviewer. */
  renamed: boolean;
}

/** Every standing theme (merged ones left out), for choosing where a statement goes; codebook order first. */
export async function getThemeCatalog(db: Db): Promise<ThemeCatalogEntry[]> {
  const [themes, counts, cues] = await Promise.all([
    db.selectFrom('themes').select(['id', 'label', 'origin', 'renamed_by']).where('merged_into', 'is', null).orderBy('created_at').orderBy('id').execute(),
    liveReports(problemsJoined(db))
      .where('p.theme_id', 'is not', null)
      .select(['p.theme_id', sql<number>`count(*)`.as('n')])
      .groupBy('p.theme_id')
      .execute(),
    db.selectFrom('theme_cues').select(['theme_id', 'cue']).orderBy('added_at').execute(),
  ]);
  const count = new Map(counts.map((c) => [c.theme_id!, Number(c.n)]));
  const cuesOf = groupBy(cues, (c) => c.theme_id);
  return themes.map((t) => ({
    id: t.id,
    label: t.label,
    origin: t.origin,
    statements: count.get(t.id) ?? 0,
    cues: (cuesOf.get(t.id) ?? []).map((c) => c.cue),
    renamed: t.renamed_by !== null,
  }));
}

export interface UnitRecurrences {
  unit: string;
  department: string | null;
  runs: Array<{
    theme: string;
    label: string;
    periods: number;
    entries: Array<{ report: number; year: number; period: string | null; statements: Array<Span & { text: string }> }>;
  }>;
}

/** Items by key, in their order. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

export interface RecurrencePage {
  /** Runs shorter than this many periods are left out (2: every recurrence). */
  minPeriods?: number;
  page?: number;
  /** Units per page; all of them when not given (exports). */
  pageSize?: number;
}

/**
 * Per unit, the themes it named in consecutive reporting periods (server/themes/recurrence.ts, derived
 * over each unit's live reports into recurrence_runs), with the statements side by side; the units with
 * the longest runs first, a page at a time (statements are read for that page only). Department and unit
 * filters select the units; year and period filters keep the runs that reach into that year or period
 * (a run is judged on all of the unit's reports).
 */
export async function getRecurrences(db: Db, f: Filters, opts: RecurrencePage = {}): Promise<{ total: number; units: UnitRecurrences[] }> {
  const runs = await unitFilters(
    db.selectFrom('recurrence_runs as run').innerJoin('units as u', 'u.id', 'run.unit_id').innerJoin('themes as t', 't.id', 'run.theme_id'),
    f,
  )
    .where('run.periods', '>=', opts.minPeriods ?? 2)
    .$if(f.year !== undefined || !!f.period, (q) =>
      q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('recurrence_reports as e')
            .select('e.run_id')
            .whereRef('e.run_id', '=', 'run.id')
            .$if(f.year !== undefined, (e) => e.where('e.year', '=', f.year!))
            .$if(!!f.period, (e) => e.where('e.period', '=', f.period!)),
        ),
      ),
    )
    .select(['run.id', 'run.unit_id', 'run.theme_id', 't.label', 'run.periods', 'u.name', 'u.department'])
    .orderBy('run.periods', 'desc')
    .orderBy('run.theme_id')
    // A unit's runs of one theme in the order they were derived (date order), in either dialect.
    .orderBy('run.id')
    .execute();
  const byUnit = groupBy(runs, (run) => run.unit_id);
  // The units whose rectification most clearly did not work first: the longest run, then the most runs.
  const byName = new Intl.Collator('zh-CN').compare;
  const ranked = [...byUnit.values()].sort((a, b) => b[0]!.periods - a[0]!.periods || b.length - a.length || byName(a[0]!.name, b[0]!.name));
  const page = opts.pageSize === undefined ? ranked : ranked.slice(((opts.page ?? 1) - 1) * opts.pageSize, (opts.page ?? 1) * opts.pageSize);
  const entries = await inChunks(
    page.flatMap((rs) => rs.map((r) => r.id)),
    (chunk) => db.selectFrom('recurrence_reports').select(['run_id', 'report_id', 'year', 'period']).where('run_id', 'in', chunk).orderBy('run_id').orderBy('ord').execute(),
  );
  const reportIds = [...new Set(entries.map((e) => e.report_id))];
  const problems = await inChunks(reportIds, (chunk) =>
    db.selectFrom('problems').select(['report_id', 'theme_id', 'start', 'end']).where('report_id', 'in', chunk).where('theme_id', 'is not', null).orderBy('start').execute(),
  );
  const statements = groupBy(problems, (p) => `${p.report_id}\u0000${p.theme_id}`);
  const texts = await reportTexts(db, reportIds);
  const entriesOf = groupBy(entries, (e) => e.run_id);
  return {
    total: ranked.length,
    units: page.map((rs) => ({
      unit: rs[0]!.name,
      department: rs[0]!.department,
      runs: rs.map((run) => ({
        theme: run.theme_id,
        label: run.label,
        periods: run.periods,
        entries: (entriesOf.get(run.id) ?? []).map((e) => ({
          report: e.report_id,
          year: e.year,
          period: e.period,
          statements: (statements.get(`${e.report_id}\u0000${run.theme_id}`) ?? []).map((s) => ({
            start: s.start,
            end: s.end,
            text: texts.get(e.report_id)?.slice(s.start, s.end) ?? '',
          })),
        })),
      })),
    })),
  };
}
