// Applies the shared filters to a query that joins reports (as r) and units (as u), whatever else it joins.
// Every view sees live reports only: deleted ones, versions replaced by a correction and reports pending
// their unit or year (待确认) stay stored but out of every comparison.
import { type Kysely, type OrderByModifiersCallbackExpression, type SelectQueryBuilder, type SqlBool, sql, type Transaction } from 'kysely';
import type { Filters } from '../../shared/filters.js';
import type { Database } from '../db/schema.js';

type Joined = Database & { r: Database['reports']; u: Database['units'] };

export function applyFilters<DB extends Joined, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, f: Filters): SelectQueryBuilder<DB, TB, O> {
  // Kysely cannot see that r and u are among TB for a generic TB; callers' joins guarantee it.
  let q = unitFilters(liveReports(query as unknown as SelectQueryBuilder<Joined, 'r' | 'u', O>), f);
  if (f.year !== undefined) q = q.where('r.year', '=', f.year);
  if (f.period) q = q.where('r.period', '=', f.period);
  return q as unknown as SelectQueryBuilder<DB, TB, O>;
}

/** The department and unit filters alone, on a query that joins units (as u): for what is kept per unit. */
export function unitFilters<DB extends { u: Database['units'] }, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, f: Filters): SelectQueryBuilder<DB, TB, O> {
  let q = query as unknown as SelectQueryBuilder<{ u: Database['units'] }, 'u', O>;
  if (f.department) q = q.where('u.department', '=', f.department);
  if (f.unit) q = q.where('u.name', '=', f.unit);
  return q as unknown as SelectQueryBuilder<DB, TB, O>;
}

/** Reports (as r) that are neither deleted, nor replaced by a corrected version, nor pending (待确认). */
export function liveReports<DB extends { r: Database['reports'] }, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  const q = query as unknown as SelectQueryBuilder<{ r: Database['reports'] }, 'r', O>;
  return q.where('r.deleted_at', 'is', null).where('r.superseded_by', 'is', null).where('r.pending', '=', 0) as unknown as SelectQueryBuilder<DB, TB, O>;
}

/** Units (as u) a user can name: the registry's and those submissions named, not the holder of reports whose unit is unknown. */
export function namedUnits(db: Kysely<Database> | Transaction<Database>) {
  return db.selectFrom('units as u').where('u.kind', '<>', 'pending');
}

/** part / whole as a share, 0 when there is no whole (a sum over no rows is null). */
export const shareOf = (part: number | null, whole: number | null) => (whole !== null && whole > 0 ? (part ?? 0) / whole : 0);

/**
 * Order by a column that may be null, in either dialect as SQLite does: nulls below every value, so
 * first ascending and last descending (PostgreSQL's default is the other way round).
 */
export const nullsLow =
  (direction: 'asc' | 'desc' = 'asc'): OrderByModifiersCallbackExpression =>
  (ob) =>
    direction === 'asc' ? ob.asc().nullsFirst() : ob.desc().nullsLast();

/** Reports (as r) with their units (as u): what every view query starts from. */
export function reportsWithUnits(db: Kysely<Database> | Transaction<Database>) {
  return db.selectFrom('reports as r').innerJoin('units as u', 'u.id', 'r.unit_id');
}

/**
 * The first row of each group of a query ranked by `row_number() … as rank`, chosen in the database: the
 * ranked rows of 10,000 reports (every flag, span or figure) are far too many to fetch and filter after.
 */
export function firstOfEach<DB, TB extends keyof DB, O extends { rank: number }>(db: Kysely<Database> | Transaction<Database>, ranked: SelectQueryBuilder<DB, TB, O>) {
  return db.selectFrom(ranked.as('ranked')).selectAll().where(sql<SqlBool>`ranked.rank = 1`).execute();
}
