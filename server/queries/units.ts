// Unit comparison: one row per unit over the filtered reports, and one unit's reports over time.
import { sql } from 'kysely';
import type { Filters } from '../../shared/filters.js';
import type { Db } from '../db/connection.js';
import { applyFilters, liveReports, nullsLow, reportsWithUnits } from './filters.js';
import { reuseChars, reuseShares, reuseSums } from './rates.js';

export async function getUnitComparison(db: Db, f: Filters) {
  // The two aggregates are independent: on PostgreSQL they run at once, each on a connection of its own.
  const [rows, themeRows] = await Promise.all([unitTotals(db, f), unitThemeCounts(db, f)]);
  const themes = new Map(themeRows.map((t) => [t.id, t.themes]));
  return rows.map((r) => {
    const chars = Number(r.chars);
    return {
      id: r.id,
      unit: r.unit,
      department: r.department,
      sample: r.sample === 1,
      reports: Number(r.reports),
      avgChars: Math.round(chars / Math.max(1, Number(r.reports))),
      rates: reuseShares(r, chars),
      placeholders: Number(r.placeholders),
      flags: Number(r.flags),
      figures: Number(r.figures),
      problems: Number(r.problems),
      themes: themes.get(r.id) ?? 0,
      lastYear: r.lastYear,
    };
  });
}

function unitTotals(db: Db, f: Filters) {
  return applyFilters(
    reportsWithUnits(db).leftJoin('reuse_reports as rr', 'rr.report_id', 'r.id').leftJoin('report_findings as rf', 'rf.report_id', 'r.id'),
    f,
  )
    .select([
      'u.id',
      'u.name as unit',
      'u.department',
      'u.sample',
      sql<number>`count(*)`.as('reports'),
      sql<number>`sum(r.chars)`.as('chars'),
      ...reuseSums('rr'),
      sql<number>`coalesce(sum(rf.placeholders), 0)`.as('placeholders'),
      sql<number>`coalesce(sum(rf.flags), 0)`.as('flags'),
      sql<number>`coalesce(sum(rf.figures), 0)`.as('figures'),
      sql<number>`coalesce(sum(rf.problems), 0)`.as('problems'),
      sql<number | null>`max(r.year)`.as('lastYear'),
    ])
    .groupBy(['u.id', 'u.name', 'u.department', 'u.sample'])
    .orderBy('u.department', nullsLow())
    .orderBy('u.name')
    .execute();
}

function unitThemeCounts(db: Db, f: Filters) {
  return applyFilters(reportsWithUnits(db).innerJoin('problems as p', 'p.report_id', 'r.id'), f)
    .where('p.theme_id', 'is not', null)
    .select(['u.id', sql<number>`count(distinct p.theme_id)`.as('themes')])
    .groupBy('u.id')
    .execute();
}

export type UnitComparisonRow = Awaited<ReturnType<typeof getUnitComparison>>[number];

/** One unit's reports in time order, each with the figures a committee follows from period to period. */
export async function getUnitHistory(db: Db, unitName: string) {
  const rows = await liveReports(reportsWithUnits(db).leftJoin('reuse_reports as rr', 'rr.report_id', 'r.id').leftJoin('report_findings as rf', 'rf.report_id', 'r.id'))
    .where('u.name', '=', unitName)
    .select([
      'r.id',
      'r.year',
      'r.period',
      'r.title',
      'r.chars',
      'u.department',
      ...reuseChars('rr'),
      'rf.placeholders',
      'rf.flags',
      'rf.figures',
      'rf.problems',
      sql<number | null>`(select sum(f.value) from figures f where f.report_id = r.id and f.unit = '次' and f.placeholder = 0)`.as('activityCount'),
    ])
    .orderBy('r.year', nullsLow())
    .orderBy(sql`case r.period when 'Q1' then 1 when 'H1' then 2 when 'Q2' then 3 when 'Q3' then 4 when 'H2' then 5 when 'Q4' then 6 when 'annual' then 7 else 8 end`)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    period: r.period,
    title: r.title,
    chars: r.chars,
    department: r.department,
    rates: reuseShares(r, r.chars),
    placeholders: Number(r.placeholders),
    flags: Number(r.flags),
    figures: Number(r.figures),
    problems: Number(r.problems),
    activityCount: r.activityCount === null ? 0 : Number(r.activityCount),
  }));
}
