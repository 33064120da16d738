// Queries for the reuse view: rates by department and year, who shares copied text with whom, and the
// passages copied most widely.
import { sql } from 'kysely';
import type { Filters } from '../../shared/filters.js';
import type { Period } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { reportTexts } from '../db/texts.js';
import { applyFilters, nullsLow, reportsWithUnits, shareOf } from './filters.js';

/** Reuse rates (shares of characters) per department and year. */
export async function getReuseByDepartmentYear(db: Db, f: Filters) {
  const rows = await applyFilters(
    reportsWithUnits(db).innerJoin('reuse_reports as x', 'x.report_id', 'r.id'),
    f,
  )
    .select([
      'u.department',
      'r.year',
      sql<number>`count(*)`.as('reports'),
      sql<number>`sum(r.chars)`.as('chars'),
      sql<number>`sum(x.stock_chars)`.as('stock'),
      sql<number>`sum(x.copied_chars)`.as('copied'),
      sql<number>`sum(x.self_chars)`.as('self'),
    ])
    .groupBy(['u.department', 'r.year'])
    .orderBy('u.department', nullsLow())
    .orderBy('r.year', nullsLow())
    .execute();
  return rows.map((r) => ({
    department: r.department ?? '未分组',
    year: r.year,
    reports: Number(r.reports),
    rates: { stock: shareOf(r.stock, r.chars), copied: shareOf(r.copied, r.chars), self: shareOf(r.self, r.chars) },
  }));
}

/** Shared characters below which a pair of units is not drawn: a few common phrases are not copying. */
export const MIN_EDGE_CHARS = 150;
/**
 * Characters two reports must share for the pair to count towards its units' edge: about a sentence.
 * Half of all report pairs share under 20 characters (a phrase in common), and summed over the years such
 * phrases would draw edges between units that never copied from each other.
 */
export const MIN_PAIR_CHARS = 50;

/**
 * Pairs of different units that share copied text, with the characters shared (both directions summed):
 * the edges of the "who copies from whom" graph. The filters select the reports whose sharing is
 * counted (the other report of a pair may lie outside them). A pair of reports counts when a side in
 * scope holds MIN_PAIR_CHARS of the other's text, and then with what both sides hold.
 */
export async function getUnitCopyPairs(db: Db, f: Filters, limit = 60, minChars = MIN_EDGE_CHARS) {
  const rows = await applyFilters(
    db
      .selectFrom('reuse_pairs as p')
      .innerJoin('reports as r', 'r.id', 'p.report_id')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .innerJoin('reports as r2', 'r2.id', 'p.other_id')
      .innerJoin('units as u2', 'u2.id', 'r2.unit_id')
      // The mirror row: what the other report holds of this one.
      .leftJoin('reuse_pairs as m', (j) => j.onRef('m.report_id', '=', 'p.other_id').onRef('m.other_id', '=', 'p.report_id')),
    f,
  )
    .where('p.chars', '>=', MIN_PAIR_CHARS)
    .where('r2.deleted_at', 'is', null)
    .where('r2.superseded_by', 'is', null)
    .whereRef('u.id', '<>', 'u2.id')
    .select([
      'p.report_id',
      'p.other_id',
      'u.name as unit',
      'u.department',
      'u2.name as other',
      'u2.department as otherDepartment',
      sql<number>`p.chars + coalesce(m.chars, 0)`.as('chars'),
    ])
    .execute();
  // One undirected edge per pair of units; each pair of reports once (both its sides may have qualified).
  const edges = new Map<string, { a: string; aDepartment: string | null; b: string; bDepartment: string | null; chars: number; reportPairs: number }>();
  const seen = new Set<string>();
  for (const r of rows) {
    const pair = r.report_id < r.other_id ? `${r.report_id}:${r.other_id}` : `${r.other_id}:${r.report_id}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    const [a, b, ad, bd] = r.unit < r.other ? [r.unit, r.other, r.department, r.otherDepartment] : [r.other, r.unit, r.otherDepartment, r.department];
    const key = `${a}\u0000${b}`;
    const e = edges.get(key) ?? { a, aDepartment: ad, b, bDepartment: bd, chars: 0, reportPairs: 0 };
    e.chars += Number(r.chars);
    e.reportPairs++;
    edges.set(key, e);
  }
  return [...edges.values()]
    .filter((e) => e.chars >= minChars)
    // Ties by name, so that the rows' order (which the dialects choose differently) never decides.
    .sort((x, y) => y.chars - x.chars || (x.a === y.a ? (x.b < y.b ? -1 : 1) : x.a < y.a ? -1 : 1))
    .slice(0, limit);
}

/** Copied passages of reports in scope, longest first (a long passage shared is what copying looks like). */
export async function getTopCopiedPassages(db: Db, f: Filters, limit = 30) {
  const spans = await applyFilters(
    db.selectFrom('reuse_spans as s').innerJoin('reports as r', 'r.id', 's.report_id').innerJoin('units as u', 'u.id', 'r.unit_id'),
    f,
  )
    .where('s.kind', '=', 'copied')
    .select([
      's.id',
      's.report_id as reportId',
      's.start',
      's.end',
      'u.name as unit',
      'r.year',
      'r.period',
      sql<number>`(select count(*) from reuse_sources o where o.span_id = s.id)`.as('sources'),
    ])
    .orderBy(sql`s."end" - s.start`, 'desc')
    .orderBy('s.id')
    .limit(limit)
    .execute();
  if (spans.length === 0) return [];
  const [texts, sources] = await Promise.all([
    reportTexts(
      db,
      spans.map((s) => s.reportId),
    ),
    db
      .selectFrom('reuse_sources as o')
      .innerJoin('reports as r', 'r.id', 'o.report_id')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .where('o.span_id', 'in', spans.map((s) => s.id))
      .select(['o.span_id', 'o.report_id as id', 'u.name as unit', 'r.year', 'r.period'])
      .execute(),
  ]);
  return spans.map((s) => ({
    reportId: s.reportId,
    unit: s.unit,
    year: s.year,
    period: s.period as Period | null,
    start: s.start,
    end: s.end,
    text: texts.get(s.reportId)?.slice(s.start, s.end) ?? '',
    sources: sources.filter((o) => o.span_id === s.id).map(({ span_id: _span, ...o }) => ({ ...o, period: o.period as Period | null })),
  }));
}

/** Reports in scope with the most copied text: the ones a reviewer should read first. */
export async function getMostCopiedReports(db: Db, f: Filters, limit = 10) {
  const rows = await applyFilters(
    reportsWithUnits(db).innerJoin('reuse_reports as x', 'x.report_id', 'r.id'),
    f,
  )
    .where('x.copied_chars', '>', 0)
    .select(['r.id', 'u.name as unit', 'r.year', 'r.period', 'r.chars', 'x.copied_chars as copied', 'x.self_chars as self'])
    .orderBy(sql`cast(x.copied_chars as double precision) / r.chars`, 'desc')
    .orderBy('r.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, period: r.period as Period | null, copiedRate: shareOf(r.copied, r.chars), selfRate: shareOf(r.self, r.chars) }));
}
