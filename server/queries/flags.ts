// Flagged reports and the units needing attention: what a briefing names and a reviewer follows up.
import { sql } from 'kysely';
import type { Filters } from '../../shared/filters.js';
import { flagLabel } from '../../shared/flags.js';
import type { Db } from '../db/connection.js';
import { applyFilters, firstOfEach, nullsLow, reportsWithUnits } from './filters.js';
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

/** Where a finding can be checked: a report, and the passage in it (null: the report as a whole). */
export interface Evidence {
  reportId: number;
  start: number | null;
  end: number | null;
}

/** One reason a unit needs attention, with the reports it rests on and one place to check it. */
export interface AttentionReason {
  kind: 'copied' | 'without_problems' | 'placeholders' | 'flag';
  text: string;
  reports: number;
  evidence: Evidence;
}

export interface UnitAttention {
  unit: string;
  department: string | null;
  reports: number;
  copiedRate: number;
  placeholders: number;
  withoutProblems: number;
  flags: Array<{ kind: string; label: string; count: number }>;
  /** Plain Chinese reasons, most serious first, each with its evidence. */
  reasons: AttentionReason[];
}

const scopedFlags = (db: Db, f: Filters, includeSamples: boolean) =>
  applyFilters(db.selectFrom('flags as g').innerJoin('reports as r', 'r.id', 'g.report_id').innerJoin('units as u', 'u.id', 'r.unit_id'), f).$if(!includeSamples, (q) => q.where('u.sample', '=', 0));

/** Per unit (and key), the first row of a ranked query: its evidence. */
/**
 * Units with something to follow up in the filtered reports: copied text, placeholders left unfilled,
 * reports without a problems section, flags. Most reasons first. Each reason names how many reports it
 * rests on and a passage to check it by (the longest copied passage, the first placeholder or flag).
 * Sample units are left out unless asked for.
 */
export async function getUnitsNeedingAttention(db: Db, f: Filters, opts: { includeSamples?: boolean } = {}): Promise<UnitAttention[]> {
  const samples = opts.includeSamples ?? false;
  const base = () => applyFilters(reportsWithUnits(db), f).$if(!samples, (q) => q.where('u.sample', '=', 0));
  const flags = scopedFlags(db, f, samples)
    // A missing problems section is counted from the sections below (it is a reason of its own).
    .where('g.kind', '!=', 'missing_problems');
  const [units, flagRows, flagFirst, silentRows, copiedFirst, copiedReports, placeholderFirst, placeholderReports] = await Promise.all([
    getUnitComparison(db, f),
    flags.select(['u.id', 'g.kind', sql<number>`count(*)`.as('n'), sql<number>`count(distinct r.id)`.as('reports')]).groupBy(['u.id', 'g.kind']).execute(),
    firstOfEach(
      db,
      flags.select(['u.id', 'g.kind', 'g.report_id as reportId', 'g.start', 'g.end', sql<number>`row_number() over (partition by u.id, g.kind order by g.start is null, r.id, g.start)`.as('rank')]),
    ),
    // The problems sections as counted at ingest (report_findings), not every report's sections.
    base()
      .innerJoin('report_findings as rf', 'rf.report_id', 'r.id')
      .where('rf.problem_sections', '=', 0)
      .select(['u.id', sql<number>`count(*)`.as('n'), sql<number>`min(r.id)`.as('reportId')])
      .groupBy('u.id')
      .execute(),
    firstOfEach(
      db,
      base()
        .innerJoin('reuse_spans as s', 's.report_id', 'r.id')
        .where('s.kind', '=', 'copied')
        .select(['u.id', 's.report_id as reportId', 's.start', 's.end', sql<number>`row_number() over (partition by u.id order by s."end" - s.start desc, s.id)`.as('rank')]),
    ),
    base()
      .innerJoin('reuse_reports as x', 'x.report_id', 'r.id')
      .where('x.copied_chars', '>', 0)
      .select(['u.id', sql<number>`count(*)`.as('n')])
      .groupBy('u.id')
      .execute(),
    firstOfEach(
      db,
      base()
        .innerJoin('placeholders as p', 'p.report_id', 'r.id')
        .select(['u.id', 'p.report_id as reportId', 'p.start', 'p.end', sql<number>`row_number() over (partition by u.id order by r.id, p.start)`.as('rank')]),
    ),
    base()
      .innerJoin('report_findings as rf', 'rf.report_id', 'r.id')
      .where('rf.placeholders', '>', 0)
      .select(['u.id', sql<number>`count(*)`.as('n')])
      .groupBy('u.id')
      .execute(),
  ]);
  const flagsByUnit = new Map<number, Array<UnitAttention['flags'][number] & { reports: number }>>();
  for (const r of flagRows) {
    const list = flagsByUnit.get(r.id) ?? [];
    list.push({ kind: r.kind, label: flagLabel(r.kind), count: Number(r.n), reports: Number(r.reports) });
    flagsByUnit.set(r.id, list);
  }
  const flagEvidence = new Map(flagFirst.map((r) => [`${r.id}\u0000${r.kind}`, { reportId: r.reportId, start: r.start, end: r.end }]));
  const silent = new Map(silentRows.map((r) => [r.id, { n: Number(r.n), reportId: Number(r.reportId) }]));
  const copied = new Map(copiedFirst.map((r) => [r.id, { reportId: r.reportId, start: r.start, end: r.end }]));
  const copiedCount = new Map(copiedReports.map((r) => [r.id, Number(r.n)]));
  const placeholderCount = new Map(placeholderReports.map((r) => [r.id, Number(r.n)]));
  const placeholder = new Map(placeholderFirst.map((r) => [r.id, { evidence: { reportId: r.reportId, start: r.start, end: r.end }, reports: placeholderCount.get(r.id) ?? 1 }]));
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return units
    .filter((u) => samples || !u.sample)
    .flatMap((u) => {
      const flags = (flagsByUnit.get(u.id) ?? []).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
      const withoutProblems = silent.get(u.id)?.n ?? 0;
      const reasons: AttentionReason[] = [];
      const copiedAt = copied.get(u.id);
      if (u.rates.copied >= REVIEW_COPIED_RATE && copiedAt) {
        reasons.push({ kind: 'copied', text: `抄自其他单位较早报告的文字占 ${pct(u.rates.copied)}`, reports: copiedCount.get(u.id) ?? 1, evidence: copiedAt });
      }
      if (withoutProblems > 0) {
        reasons.push({ kind: 'without_problems', text: `${u.reports} 份报告中 ${withoutProblems} 份未写存在的问题`, reports: withoutProblems, evidence: { reportId: silent.get(u.id)!.reportId, start: null, end: null } });
      }
      const ph = placeholder.get(u.id);
      if (u.placeholders > 0 && ph) reasons.push({ kind: 'placeholders', text: `${u.placeholders} 处占位符未填（XX、某某等）`, reports: ph.reports, evidence: ph.evidence });
      for (const g of flags) {
        const at = flagEvidence.get(`${u.id}\u0000${g.kind}`);
        if (at) reasons.push({ kind: 'flag', text: `提示：${g.label} ${g.count} 处`, reports: g.reports, evidence: at });
      }
      if (reasons.length === 0) return [];
      return [{ unit: u.unit, department: u.department, reports: u.reports, copiedRate: u.rates.copied, placeholders: u.placeholders, withoutProblems, flags: flags.map(({ reports: _r, ...g }) => g), reasons }];
    })
    .sort((a, b) => b.reasons.length - a.reasons.length || b.copiedRate - a.copiedRate || b.placeholders - a.placeholders || a.unit.localeCompare(b.unit, 'zh-CN'));
}
