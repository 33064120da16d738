// The shared filters live in the URL (?department=…&year=…), so every view can be bookmarked.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { FILTER_KEYS, type Filters } from '../../shared/filters.js';
import { PERIODS, type Period } from '../../shared/types.js';

export function filtersFromParams(params: URLSearchParams): Filters {
  const f: Filters = {};
  const department = params.get('department');
  const unit = params.get('unit');
  const year = params.get('year');
  const period = params.get('period');
  if (department) f.department = department;
  if (unit) f.unit = unit;
  if (year && /^\d{4}$/.test(year)) f.year = Number(year);
  if (period && PERIODS.includes(period as Period)) f.period = period as Period;
  return f;
}

export function useFilters(): [Filters, (patch: Partial<Filters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const update = useCallback(
    (patch: Partial<Filters>) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const k of FILTER_KEYS) {
          if (!(k in patch)) continue;
          const v = patch[k];
          if (v === undefined || v === null || v === '') next.delete(k);
          else next.set(k, String(v));
        }
        next.delete('page');
        return next;
      });
    },
    [setParams],
  );
  return [filters, update];
}

/** The current filters as a query string, to carry them across views. */
export function useFilterSearch(): string {
  const [params] = useSearchParams();
  const keep = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) keep.set(k, v);
  }
  const s = keep.toString();
  return s ? `?${s}` : '';
}
