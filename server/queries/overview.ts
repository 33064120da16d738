// Queries for the overview: submissions per department and year, and the filter options.
import { sql } from 'kysely';
import type { Filters } from '../../shared/filters.js';
import type { Db } from '../db/connection.js';
import { applyFilters, liveReports } from './filters.js';

export async function getReportsByDepartmentYear(db: Db, f: Filters) {
  const rows = await applyFilters(db.selectFrom('reports as r').innerJoin('units as u', 'u.id', 'r.unit_id'), f)
    .select(['u.department', 'r.year', sql<number>`count(*)`.as('reports')])
    .groupBy(['u.department', 'r.year'])
    .orderBy('r.year')
    .orderBy('u.department')
    .execute();
  return rows.map((r) => ({ department: r.department ?? '未分组', year: r.year, reports: Number(r.reports) }));
}

export async function getFilterOptions(db: Db) {
  const [units, years] = await Promise.all([
    db.selectFrom('units').select(['name', 'department']).orderBy('department').orderBy('name').execute(),
    liveReports(db.selectFrom('reports as r')).select('r.year').distinct().where('r.year', 'is not', null).orderBy('r.year').execute(),
  ]);
  const departments = [...new Set(units.map((u) => u.department).filter((d): d is string => !!d))];
  return { departments, units, years: years.map((y) => y.year as number) };
}

/** The latest (year, period) any report was submitted for: the period the committee is collecting. */
export async function getCurrentPeriod(db: Db): Promise<{ year: number; period: string } | null> {
  const row = await liveReports(db.selectFrom('reports as r'))
    .select(['r.year', 'r.period'])
    .where('r.year', 'is not', null)
    .where('r.period', 'is not', null)
    .groupBy(['r.year', 'r.period'])
    .orderBy('r.year', 'desc')
    // Within a year: annual closes it, then H2/Q4 … (alphabetical order is not the calendar).
    .orderBy(sql`case r.period when 'annual' then 0 when 'Q4' then 1 when 'H2' then 2 when 'Q3' then 3 when 'Q2' then 4 when 'H1' then 5 when 'Q1' then 6 else 7 end`)
    .limit(1)
    .executeTakeFirst();
  return row && row.year !== null && row.period !== null ? { year: row.year, period: row.period } : null;
}

/** Units (within the filters' department/unit) with no report for the given or current period. */
export async function getMissingSubmissions(db: Db, f: Filters) {
  const current = f.year !== undefined && f.period ? { year: f.year, period: f.period as string } : await getCurrentPeriod(db);
  if (!current) return { year: null, period: null, units: [] };
  let units = db
    .selectFrom('units as u')
    .select(['u.id', 'u.name', 'u.department'])
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
  const rows = await units
    .select((eb) =>
      eb
        .selectFrom('reports as r2')
        .whereRef('r2.unit_id', '=', 'u.id')
        .where('r2.deleted_at', 'is', null)
        .select(sql<string>`max(r2.year)`.as('y'))
        .as('lastYear'),
    )
    .orderBy('u.department')
    .orderBy('u.name')
    .execute();
  return { year: current.year, period: current.period, units: rows.map((r) => ({ ...r, lastYear: r.lastYear === null ? null : Number(r.lastYear) })) };
}

/** Headline figures for the filtered reports. */
export async function getHeadlines(db: Db, f: Filters) {
  const base = applyFilters(db.selectFrom('reports as r').innerJoin('units as u', 'u.id', 'r.unit_id'), f);
  const row = await base
    .select([
      sql<number>`count(*)`.as('reports'),
      sql<number>`count(distinct u.id)`.as('units'),
      sql<number>`count(distinct u.department)`.as('departments'),
      sql<number>`coalesce(avg(r.chars), 0)`.as('avgChars'),
      (eb) =>
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(eb.not(eb.exists(eb.selectFrom('sections as s').select('s.id').whereRef('s.report_id', '=', 'r.id').where('s.kind', '=', 'problems'))))
              .then(1)
              .else(0)
              .end(),
          )
          .as('withoutProblems'),
    ])
    .executeTakeFirstOrThrow();
  const reports = Number(row.reports);
  return {
    reports,
    units: Number(row.units),
    departments: Number(row.departments),
    avgChars: Math.round(Number(row.avgChars)),
    withoutProblemsShare: reports ? Number(row.withoutProblems ?? 0) / reports : 0,
  };
}
