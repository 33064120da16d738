// Queries for the overview: submissions per department and year, and the filter options.
import { sql } from 'kysely';
import type { Filters } from '../../shared/filters.js';
import type { Db } from '../db/connection.js';
import { applyFilters } from './filters.js';

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
    db.selectFrom('reports').select('year').distinct().where('year', 'is not', null).orderBy('year').execute(),
  ]);
  const departments = [...new Set(units.map((u) => u.department).filter((d): d is string => !!d))];
  return { departments, units, years: years.map((y) => y.year as number) };
}
