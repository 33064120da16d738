// Queries for the reuse view: shares by department and year, who copied from whom (the directed graph of
// units), the passages copied most widely and the reports copying most. Direction is in the stored
// data: a report's copied text names the earlier reports it was taken from (reuse_pairs kind 'copied').
import { sql } from 'kysely';
import type { CopyGraphEdge } from '../../shared/charts/reuse.js';
import type { Filters } from '../../shared/filters.js';
import type { Period } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { reportTexts } from '../db/texts.js';
import { wholeSentences } from './quotes.js';
import { applyFilters, nullsLow, reportsWithUnits } from './filters.js';
import { reuseChars, reuseShares, reuseSums } from './rates.js';

/** Reuse shares of characters per department and year. */
export async function getReuseByDepartmentYear(db: Db, f: Filters) {
  const rows = await applyFilters(reportsWithUnits(db).innerJoin('reuse_reports as x', 'x.report_id', 'r.id'), f)
    .select(['u.department', 'r.year', sql<number>`count(*)`.as('reports'), sql<number>`sum(r.chars)`.as('chars'), ...reuseSums('x')])
    .groupBy(['u.department', 'r.year'])
    .orderBy('u.department', nullsLow())
    .orderBy('r.year', nullsLow())
    .execute();
  return rows.map((r) => ({ department: r.department ?? '未分组', year: r.year, reports: Number(r.reports), rates: reuseShares(r, r.chars) }));
}

/** Characters below which an edge between two units is not drawn: a few common phrases are not copying. */
export const MIN_EDGE_CHARS = 150;
/**
 * Characters a report must hold of another for the pair to count towards its units' edge: about a
 * sentence. Half of all report pairs share under 20 characters (a phrase in common), and summed over
 * the years such phrases would draw edges between units that never copied from each other.
 */
export const MIN_PAIR_CHARS = 50;
/** Edges the graph shows unless asked for more: the strongest, so that its labels stay readable. */
export const GRAPH_EDGES = 30;

/**
 * Who took text from whom: one directed edge per (copying unit, source unit), weighted by the characters
 * taken, and one undirected edge per pair of units sharing text within the same periods. The filters
 * select the copying reports (for shared text, either side); the source may lie outside them. The
 * strongest `limit` edges, and how many there are in all.
 */
export async function getCopyGraph(db: Db, f: Filters, limit = GRAPH_EDGES, minChars = MIN_EDGE_CHARS) {
  const rows = await applyFilters(
    db
      .selectFrom('reuse_pairs as p')
      .innerJoin('reports as r', 'r.id', 'p.report_id')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .innerJoin('reports as r2', 'r2.id', 'p.other_id')
      .innerJoin('units as u2', 'u2.id', 'r2.unit_id'),
    f,
  )
    .where('p.kind', 'in', ['copied', 'shared'])
    .where('p.chars', '>=', MIN_PAIR_CHARS)
    .where('r2.deleted_at', 'is', null)
    .where('r2.superseded_by', 'is', null)
    .whereRef('u.id', '<>', 'u2.id')
    .select(['p.report_id', 'p.other_id', 'p.chars', 'p.kind', 'u.name as unit', 'u.department', 'u2.name as other', 'u2.department as otherDepartment'])
    .execute();
  // One row per copying pair of reports; a shared pair once (both its sides may be in scope), the larger side.
  const pairs = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const key = r.kind === 'copied' ? `${r.report_id}>${r.other_id}` : [r.report_id, r.other_id].sort((x, y) => x - y).join('=');
    const seen = pairs.get(key);
    if (!seen || Number(r.chars) > Number(seen.chars)) pairs.set(key, r);
  }
  const edges = new Map<string, CopyGraphEdge>();
  for (const r of pairs.values()) {
    const chars = Number(r.chars);
    const kind = r.kind === 'copied' ? 'copied' : 'shared';
    // A shared edge is undirected: its units in a fixed order.
    const swap = kind === 'shared' && r.other < r.unit;
    const [from, fromDepartment, to, toDepartment] = swap ? [r.other, r.otherDepartment, r.unit, r.department] : [r.unit, r.department, r.other, r.otherDepartment];
    const key = `${kind}\u0000${from}\u0000${to}`;
    const e = edges.get(key) ?? { from, fromDepartment, to, toDepartment, chars: 0, kind, reportPairs: 0, strongest: { a: r.report_id, b: r.other_id, chars } };
    e.chars += chars;
    e.reportPairs++;
    if (chars > e.strongest.chars) e.strongest = { a: r.report_id, b: r.other_id, chars };
    edges.set(key, e);
  }
  const all = [...edges.values()].filter((e) => e.chars >= minChars).sort((x, y) => y.chars - x.chars || x.from.localeCompare(y.from, 'zh-CN'));
  return { edges: all.slice(0, limit), total: all.length, minChars };
}

/** The sources of spans: the other reports they name, with their units and periods. */
async function spanSources(db: Db, spanIds: number[]) {
  if (spanIds.length === 0) return [];
  const rows = await db
    .selectFrom('reuse_sources as o')
    .innerJoin('reports as r', 'r.id', 'o.report_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .where('o.span_id', 'in', spanIds)
    .select(['o.span_id', 'o.report_id as id', 'u.name as unit', 'r.year', 'r.period', 'r.ingested_at'])
    .orderBy('r.year')
    .orderBy('r.ingested_at')
    .execute();
  return rows.map(({ ingested_at: _at, ...o }) => ({ ...o, period: o.period as Period | null }));
}

/**
 * Passages of reports in scope taken from other units (copied from an earlier report, or shared within
 * the same period), the copied ones first and each kind longest first (a long passage taken whole is what
 * copying looks like), one per pair of reports.
 */
export async function getTopCopiedPassages(db: Db, f: Filters, limit = 30, kinds: ReadonlyArray<'copied' | 'shared'> = ['copied', 'shared']) {
  const spans = await applyFilters(
    db.selectFrom('reuse_spans as s').innerJoin('reports as r', 'r.id', 's.report_id').innerJoin('units as u', 'u.id', 'r.unit_id'),
    f,
  )
    .where('s.kind', 'in', kinds)
    .select(['s.id', 's.report_id as reportId', 's.kind', 's.start', 's.end', 'u.name as unit', 'r.year', 'r.period'])
    // Taken from an earlier report first (who copied whom), then the same period's; the longest first.
    .orderBy(sql`case when s.kind = 'copied' then 0 else 1 end`)
    .orderBy(sql`s."end" - s.start`, 'desc')
    .orderBy('s.id')
    // Room for the passages one pair of reports holds twice (a same-period passage stands in both).
    .limit(limit * 3)
    .execute();
  if (spans.length === 0) return [];
  const [texts, sources] = await Promise.all([reportTexts(db, spans.map((s) => s.reportId)), spanSources(db, spans.map((s) => s.id))]);
  const passages = spans.map((s) => {
    const text = texts.get(s.reportId) ?? '';
    // The sentence the passage begins in, from its start: an excerpt never opens mid-word (年是建国70周年…).
    const from = Math.min(s.start, wholeSentences(text, s.start, s.end, s.end - s.start, 'outward').start);
    return {
      reportId: s.reportId,
      kind: s.kind as 'copied' | 'shared',
      lead: text.slice(from, s.start),
      unit: s.unit,
      year: s.year,
      period: s.period as Period | null,
      start: s.start,
      end: s.end,
      text: text.slice(s.start, s.end),
      sources: sources.filter((o) => o.span_id === s.id).map(({ span_id: _span, ...o }) => o),
    };
  });
  return onePerPair(passages).slice(0, limit);
}

/**
 * One passage per pair of reports, the first (the longest of its kind): a passage two reports of one
 * period share stands in both, and a pair with several passages is one finding.
 */
function onePerPair<P extends { reportId: number; sources: ReadonlyArray<{ id: number }> }>(passages: P[]): P[] {
  const seen = new Set<string>();
  return passages.filter((p) => {
    const pairs = p.sources.map((s) => [p.reportId, s.id].sort((a, b) => a - b).join('-'));
    if (pairs.length > 0 && pairs.every((k) => seen.has(k))) return false;
    for (const k of pairs) seen.add(k);
    return true;
  });
}

/**
 * Reports in scope with the most text taken from other units' earlier reports (then shared within the
 * same period): the ones a reviewer should read first, each with the report it took most from.
 */
export async function getMostCopiedReports(db: Db, f: Filters, limit = 10) {
  const strongest = (column: 'other_id' | 'kind') =>
    sql<string | number | null>`(select ${sql.ref(`p.${column}`)} from reuse_pairs p where p.report_id = r.id and p.kind in ('copied', 'shared') order by case p.kind when 'copied' then 0 else 1 end, p.chars desc, p.other_id limit 1)`;
  const rows = await applyFilters(reportsWithUnits(db).innerJoin('reuse_reports as x', 'x.report_id', 'r.id'), f)
    .where((eb) => eb.or([eb('x.copied_chars', '>', 0), eb('x.shared_chars', '>', 0)]))
    .select(['r.id', 'u.name as unit', 'r.year', 'r.period', 'r.chars', ...reuseChars('x'), strongest('other_id').as('sourceId'), strongest('kind').as('sourceKind')])
    .orderBy(sql`cast(x.copied_chars as double precision) / r.chars`, 'desc')
    .orderBy(sql`cast(x.shared_chars as double precision) / r.chars`, 'desc')
    .orderBy('r.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    unit: r.unit,
    year: r.year,
    period: r.period as Period | null,
    chars: r.chars,
    rates: reuseShares(r, r.chars),
    sourceId: r.sourceId === null ? null : Number(r.sourceId),
    sourceKind: r.sourceKind === null ? null : (String(r.sourceKind) as 'copied' | 'shared'),
  }));
}
