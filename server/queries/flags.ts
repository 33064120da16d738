// Flagged reports and the units needing attention: what a briefing names and a reviewer follows up.
import { sql } from 'kysely';
import type { Filters } from '../../shared/filters.js';
import { flagLabel } from '../../shared/flags.js';
import type { Db } from '../db/connection.js';
import { applyFilters, nullsLow, reportsWithUnits } from './filters.js';
import { REVIEW_COPIED_RATE } from './overview.js';
import { reportTexts } from '../db/texts.js';
import { getUnitComparison } from './units.js';

/** Longest excerpt of the flagged text carried into a list. */
const EXCERPT = 60;

/** Every flag on the filtered reports, by unit and year, with the flagged text where it points at one. */
export async function listFlags(db: Db, f: Filters) {
  const rows = await applyFilters(
    db.selectFrom('flags as g').innerJoin('reports as r', 'r.id', 'g.report_id').innerJoin('units as u', 'u.id', 'r.unit_id'),
    f,
  )
    .select(['r.id as reportId', 'u.name as unit', 'u.department', 'r.year', 'r.period', 'r.title', 'g.kind', 'g.message', 'g.start', 'g.end'])
    .orderBy('u.department', nullsLow())
    .orderBy('u.name')
    .orderBy('r.year', nullsLow())
    .orderBy('r.id')
    .orderBy('g.start', nullsLow())
    .execute();
  const texts = await reportTexts(
    db,
    rows.filter((r) => r.start !== null).map((r) => r.reportId),
  );
  return rows.map((r) => {
    const text = r.start !== null && r.end !== null ? (texts.get(r.reportId)?.slice(r.start, Math.min(r.end, r.start + EXCERPT)) ?? '') : '';
    return { ...r, label: flagLabel(r.kind), excerpt: text.replace(/\s+/g, ' ') };
  });
}

export interface UnitAttention {
  unit: string;
  department: string | null;
  reports: number;
  copiedRate: number;
  placeholders: number;
  withoutProblems: number;
  flags: Array<{ kind: string; label: string; count: number }>;
  /** Plain Chinese reasons, most serious first. */
  reasons: string[];
}

/**
 * Units with something to follow up in the filtered reports: copied text, placeholders left unfilled,
 * reports without a problems section, flags. Most reasons first.
 */
export async function getUnitsNeedingAttention(db: Db, f: Filters): Promise<UnitAttention[]> {
  const [units, flagRows, silentRows] = await Promise.all([
    getUnitComparison(db, f),
    applyFilters(db.selectFrom('flags as g').innerJoin('reports as r', 'r.id', 'g.report_id').innerJoin('units as u', 'u.id', 'r.unit_id'), f)
      // A missing problems section is counted from the sections below (it is a reason of its own).
      .where('g.kind', '!=', 'missing_problems')
      .select(['u.id', 'g.kind', sql<number>`count(*)`.as('n')])
      .groupBy(['u.id', 'g.kind'])
      .execute(),
    applyFilters(reportsWithUnits(db), f)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('sections as s').select('s.id').whereRef('s.report_id', '=', 'r.id').where('s.kind', '=', 'problems'))),
      )
      .select(['u.id', sql<number>`count(*)`.as('n')])
      .groupBy('u.id')
      .execute(),
  ]);
  const flagsByUnit = new Map<number, UnitAttention['flags']>();
  for (const r of flagRows) {
    const list = flagsByUnit.get(r.id) ?? [];
    list.push({ kind: r.kind, label: flagLabel(r.kind), count: r.n });
    flagsByUnit.set(r.id, list);
  }
  const silent = new Map(silentRows.map((r) => [r.id, r.n]));
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return units
    .map((u) => {
      const flags = (flagsByUnit.get(u.id) ?? []).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
      const withoutProblems = silent.get(u.id) ?? 0;
      const reasons: string[] = [];
      if (u.rates.copied >= REVIEW_COPIED_RATE) reasons.push(`抄自其他单位较早报告的文字占 ${pct(u.rates.copied)}`);
      if (withoutProblems > 0) reasons.push(`${u.reports} 份报告中 ${withoutProblems} 份未写存在的问题`);
      if (u.placeholders > 0) reasons.push(`${u.placeholders} 处占位符未填（XX、某某等）`);
      if (flags.length) reasons.push(`提示：${flags.map((g) => `${g.label} ${g.count} 处`).join('、')}`);
      return { unit: u.unit, department: u.department, reports: u.reports, copiedRate: u.rates.copied, placeholders: u.placeholders, withoutProblems, flags, reasons };
    })
    .filter((u) => u.reasons.length > 0)
    .sort((a, b) => b.reasons.length - a.reasons.length || b.copiedRate - a.copiedRate || b.placeholders - a.placeholders || a.unit.localeCompare(b.unit, 'zh-CN'));
}
