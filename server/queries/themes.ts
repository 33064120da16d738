// Queries for the problem-theme views: the themes and their members, trends by year and by department,
// and recurrences per unit. Statement texts are cut from the stored report text by their spans in
// JavaScript (SQL substr counts code points, the spans count UTF-16 units).
import { sql } from 'kysely';
import type { Filters } from '../../shared/filters.js';
import type { Span } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { recurrenceRuns, type RecurrenceRun } from '../themes/recurrence.js';
import { direction, slope, type TrendDirection } from '../themes/trend.js';
import { applyFilters, reportsWithUnits } from './filters.js';
import { reportTexts } from '../db/texts.js';

function problemsJoined(db: Db) {
  return db
    .selectFrom('problems as p')
    .innerJoin('reports as r', 'r.id', 'p.report_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id');
}

export interface ThemeSummary {
  id: string;
  label: string;
  terms: string[];
  origin: 'seed' | 'found';
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
    .orderBy('r.year', 'desc')
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

export interface ThemeTrend {
  id: string;
  label: string;
  points: Array<{ year: number; reports: number; statements: number; share: number }>;
  /** Change of share per year (least squares). */
  slope: number;
  direction: TrendDirection;
}

/**
 * Themes by year: in how many reports of the year a theme is named, as a share of all reports of that
 * year in scope (reports without a problems section included: they named nothing). Rising themes first.
 */
export async function getThemeTrends(db: Db, f: Filters): Promise<{ years: number[]; themes: ThemeTrend[] }> {
  const [totals, rows] = await Promise.all([
    applyFilters(reportsWithUnits(db), f)
      .where('r.year', 'is not', null)
      .select(['r.year', sql<number>`count(*)`.as('n')])
      .groupBy('r.year')
      .execute(),
    applyFilters(problemsJoined(db).innerJoin('themes as t', 't.id', 'p.theme_id'), f)
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
    t.points.push({ year: r.year!, reports: Number(r.reports), statements: Number(r.statements), share: Number(r.reports) / perYear.get(r.year!)! });
  }
  const themes = [...byTheme.values()].map((t) => {
    // Years without a mention are points too: share 0.
    const have = new Map(t.points.map((p) => [p.year, p]));
    const points = years.map((year) => have.get(year) ?? { year, reports: 0, statements: 0, share: 0 });
    const s = slope(points.map((p) => ({ x: p.year, y: p.share })));
    return { ...t, points, slope: s, direction: direction(s) };
  });
  return { years, themes: themes.sort((a, b) => b.slope - a.slope || a.id.localeCompare(b.id)) };
}

export interface ThemeDepartmentCell {
  theme: string;
  label: string;
  department: string;
  statements: number;
  reports: number;
  units: number;
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
    .map((r) => ({
      theme: r.id,
      label: r.label,
      department: r.department ?? '未分组',
      statements: Number(r.statements),
      reports: Number(r.reports),
      units: Number(r.units),
      share: Number(r.reports) / (perDept.get(r.department ?? '') ?? 1),
    }))
    .sort((a, b) => a.department.localeCompare(b.department) || b.reports - a.reports);
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

export interface RecurrencePage {
  /** Runs shorter than this many periods are left out (2: every recurrence). */
  minPeriods?: number;
  page?: number;
  /** Units per page; all of them when not given (exports). */
  pageSize?: number;
}

/**
 * Per unit, the themes it named in consecutive reporting periods (see server/themes/recurrence.ts), with
 * the statements side by side; the units with the longest runs first, a page at a time (statement texts
 * are read for that page only). Department and unit filters select the units; year and period filters
 * keep the runs that reach into that year or period (a run is judged on all of the unit's reports).
 */
export async function getRecurrences(db: Db, f: Filters, opts: RecurrencePage = {}): Promise<{ total: number; units: UnitRecurrences[] }> {
  const scope = { department: f.department, unit: f.unit };
  // All statements with a theme, unjoined (the cheapest read); those of reports out of scope are dropped below.
  const [reports, mentions, themes] = await Promise.all([
    applyFilters(reportsWithUnits(db), scope).select(['r.id', 'r.unit_id', 'r.year', 'r.period']).execute(),
    db.selectFrom('problems').where('theme_id', 'is not', null).select(['report_id', 'theme_id', 'start', 'end']).execute(),
    db.selectFrom('themes').select(['id', 'label']).execute(),
  ]);
  const inScope = new Map(reports.map((r) => [r.id, r]));
  const runs = recurrenceRuns(
    reports.map((r) => ({ id: r.id, unit: r.unit_id, year: r.year, period: r.period })),
    mentions.flatMap((m) => {
      const r = inScope.get(m.report_id);
      return r ? [{ report: m.report_id, unit: r.unit_id, year: r.year, period: r.period, theme: m.theme_id!, statement: { start: m.start, end: m.end } }] : [];
    }),
  ).filter(
    (run) =>
      run.periods >= (opts.minPeriods ?? 2) && run.entries.some((e) => (f.year === undefined || e.year === f.year) && (!f.period || e.period === f.period)),
  );
  const runsOf = new Map<number, RecurrenceRun[]>();
  for (const run of runs) runsOf.set(run.unit, [...(runsOf.get(run.unit) ?? []), run]);
  const units = new Map(
    (runsOf.size ? await db.selectFrom('units').select(['id', 'name', 'department']).where('id', 'in', [...runsOf.keys()]).execute() : []).map((u) => [u.id, u]),
  );
  const longest = (rs: RecurrenceRun[]) => Math.max(...rs.map((r) => r.periods));
  const byName = new Intl.Collator('zh-CN').compare;
  // The units whose rectification most clearly did not work first: the longest run, then the most runs.
  const ranked = [...runsOf.entries()].sort(
    ([a, ra], [b, rb]) => longest(rb) - longest(ra) || rb.length - ra.length || byName(units.get(a)!.name, units.get(b)!.name),
  );
  const page = opts.pageSize === undefined ? ranked : ranked.slice(((opts.page ?? 1) - 1) * opts.pageSize, (opts.page ?? 1) * opts.pageSize);
  const texts = await reportTexts(
    db,
    page.flatMap(([, rs]) => rs.flatMap((r) => r.entries.map((e) => e.report))),
  );
  const labels = new Map(themes.map((t) => [t.id, t.label]));
  return {
    total: ranked.length,
    units: page.map(([unit, rs]) => ({
      unit: units.get(unit)!.name,
      department: units.get(unit)!.department,
      runs: rs
        .sort((a, b) => b.periods - a.periods)
        .map((run) => ({ theme: run.theme, label: labels.get(run.theme) ?? run.theme, periods: run.periods, entries: withText(run, texts) })),
    })),
  };
}

function withText(run: RecurrenceRun, texts: Map<number, string>): UnitRecurrences['runs'][number]['entries'] {
  return run.entries.map((e) => ({
    ...e,
    statements: e.statements.map((s) => ({ ...s, text: texts.get(e.report)?.slice(s.start, s.end) ?? '' })),
  }));
}
