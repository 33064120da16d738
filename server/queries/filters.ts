// Applies the shared filters to a query that joins reports (as r) and units (as u).
import type { SelectQueryBuilder } from 'kysely';
import type { Filters } from '../../shared/filters.js';
import type { Database } from '../db/schema.js';

type Joined = Database & { r: Database['reports']; u: Database['units'] };

export function applyFilters<O>(q: SelectQueryBuilder<Joined, 'r' | 'u', O>, f: Filters): SelectQueryBuilder<Joined, 'r' | 'u', O> {
  if (f.department) q = q.where('u.department', '=', f.department);
  if (f.unit) q = q.where('u.name', '=', f.unit);
  if (f.year !== undefined) q = q.where('r.year', '=', f.year);
  if (f.period) q = q.where('r.period', '=', f.period);
  return q;
}
