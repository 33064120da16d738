// Each unit against its peers and its own past: the department's spread of each rate over the units in
// scope, the unit's latest report in scope against its report before, and which rates are outliers by
// the rules of shared/baselines.ts. Read by the unit table (colour), the overview and the briefing.
import { BASELINE_RATES, type BaselineRate, type OutlierReason, outlierReasons, pickRates, type Spread, spreadOf } from '../../shared/baselines.js';
import type { Filters } from '../../shared/filters.js';
import { reportingDate } from '../../shared/periods.js';
import { PERIODS, type Period } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { liveReports, reportsWithUnits, unitFilters } from './filters.js';
import { reuseChars, reuseShares } from './rates.js';

export interface ReportRates {
  reportId: number;
  year: number | null;
  period: Period | null;
  rates: Record<BaselineRate, number>;
}

export interface UnitBaseline {
  unitId: number;
  unit: string;
  department: string | null;
  /** Reports of the unit in scope, and its rates over them (characters summed). */
  reports: number;
  rates: Record<BaselineRate, number>;
  /** Its latest report in scope and the report it submitted before that (whatever the scope's year). */
  current: ReportRates;
  previous: ReportRates | null;
  /** The department's spread of each rate over its units in scope. */
  peers: Record<BaselineRate, Spread | null>;
  /** The rates that stand out, and why (empty for most units). */
  outliers: Partial<Record<BaselineRate, OutlierReason[]>>;
}

const NO_PEERS = Object.fromEntries(BASELINE_RATES.map((k) => [k, null])) as Record<BaselineRate, Spread | null>;

const asPeriod = (p: string | null): Period | null => (p !== null && PERIODS.includes(p as Period) ? (p as Period) : null);

export async function getUnitBaselines(db: Db, f: Filters): Promise<UnitBaseline[]> {
  // All live reports of the units in scope: the previous report may lie outside the scope's year.
  const rows = await unitFilters(liveReports(reportsWithUnits(db).leftJoin('reuse_reports as x', 'x.report_id', 'r.id')), f)
    .select(['r.id', 'u.id as unitId', 'u.name', 'u.department', 'r.year', 'r.period', 'r.chars', ...reuseChars('x')])
    .execute();
  const inScope = (r: (typeof rows)[number]) => (f.year === undefined || r.year === f.year) && (!f.period || r.period === f.period);
  const byUnit = new Map<number, typeof rows>();
  for (const r of rows) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
  const date = (r: (typeof rows)[number]) => reportingDate(r.year, r.period) ?? -1;
  const reportRates = (r: (typeof rows)[number]): ReportRates => ({ reportId: r.id, year: r.year, period: asPeriod(r.period), rates: pickRates(reuseShares(r, r.chars)) });

  const units: Array<Omit<UnitBaseline, 'peers' | 'outliers'>> = [];
  for (const reports of byUnit.values()) {
    reports.sort((a, b) => date(a) - date(b) || a.id - b.id);
    const scoped = reports.filter(inScope);
    if (scoped.length === 0) continue;
    const current = scoped[scoped.length - 1]!;
    const before = reports.slice(0, reports.indexOf(current)).filter((r) => r.year !== null && date(r) < date(current));
    const sum = (k: 'chars' | 'stock' | 'copied' | 'shared' | 'self' | 'template' | 'directive') => scoped.reduce((s, r) => s + Number(r[k] ?? 0), 0);
    const totals = { stock: sum('stock'), copied: sum('copied'), shared: sum('shared'), self: sum('self'), template: sum('template'), directive: sum('directive') };
    units.push({
      unitId: current.unitId,
      unit: current.name,
      department: current.department,
      reports: scoped.length,
      rates: pickRates(reuseShares(totals, sum('chars'))),
      current: reportRates(current),
      previous: before.length ? reportRates(before[before.length - 1]!) : null,
    });
  }
  // Units of no department have no peers: 未分组 is no department to be measured against.
  const byDepartment = new Map<string, typeof units>();
  for (const u of units) if (u.department !== null) byDepartment.set(u.department, [...(byDepartment.get(u.department) ?? []), u]);
  const spreads = new Map(
    [...byDepartment].map(([d, us]) => [d, Object.fromEntries(BASELINE_RATES.map((k) => [k, spreadOf(us.map((u) => u.rates[k]))])) as Record<BaselineRate, Spread | null>]),
  );
  return units.map((u) => {
    const peers = (u.department === null ? undefined : spreads.get(u.department)) ?? NO_PEERS;
    const outliers: UnitBaseline['outliers'] = {};
    for (const k of BASELINE_RATES) {
      // Peers by the unit's rate over the scope; a jump by its latest report against the one before.
      const peer = outlierReasons(u.rates[k], peers[k], null);
      const jump = outlierReasons(u.current.rates[k], null, u.previous?.rates[k] ?? null);
      if (peer.length + jump.length) outliers[k] = [...peer, ...jump];
    }
    return { ...u, peers, outliers };
  });
}
