// Reuse as the dashboard reads it beyond one report's spans: the share of each section in each kind
// (how much of a problems section is formula), the pairs of reports that share copied or recycled text,
// and the aligned passages of one pair for the side-by-side view. (Pairs of units: getUnitCopyPairs in
// server/queries/reuse.ts.)
import { sql } from 'kysely';
import type { Filters } from '../../shared/filters.js';
import { PERIODS, type Period, type ReuseKind, type SectionKind } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { reportText } from '../db/texts.js';
import { applyFilters, reportsWithUnits } from '../queries/filters.js';
import { countNonWhitespace } from './normalize.js';

export interface KindChars {
  /** Non-whitespace characters. */
  chars: number;
  stock: number;
  copied: number;
  self: number;
}

const asPeriod = (p: string | null): Period | null => (p !== null && (PERIODS as readonly string[]).includes(p) ? (p as Period) : null);

/** Characters of text[start, end) inside spans of each kind (spans of one report never overlap). */
function kindChars(text: string, start: number, end: number, spans: Array<{ start: number; end: number; kind: string }>): KindChars {
  const out: KindChars = { chars: countNonWhitespace(text, start, end), stock: 0, copied: 0, self: 0 };
  for (const s of spans) {
    const a = Math.max(start, s.start);
    const b = Math.min(end, s.end);
    if (a < b) out[s.kind as ReuseKind] += countNonWhitespace(text, a, b);
  }
  return out;
}

/** Each section of one report (all levels, in order) with its characters in each kind. */
export async function getReuseBySection(db: Db, reportId: number) {
  const [text, sections, spans] = await Promise.all([
    reportText(db, reportId),
    db
      .selectFrom('sections')
      .select(['ord', 'level', 'marker', 'heading', 'kind', 'start', 'end'])
      .where('report_id', '=', reportId)
      .orderBy('ord')
      .execute(),
    db.selectFrom('reuse_spans').select(['start', 'end', 'kind']).where('report_id', '=', reportId).execute(),
  ]);
  if (text === undefined) return [];
  return sections.map((s) => ({ ...s, kind: s.kind as SectionKind, ...kindChars(text, s.start, s.end, spans) }));
}

/**
 * Per kind of section, over the reports in scope: characters in each kind of reuse. Top-level sections
 * only (and the preamble), so that nested sections are not counted twice.
 */
export async function getReuseBySectionKind(db: Db, f: Filters) {
  const reports = await applyFilters(reportsWithUnits(db), f)
    .innerJoin('report_texts as t', 't.report_id', 'r.id')
    .select(['r.id', 't.text'])
    .execute();
  const totals = new Map<SectionKind, KindChars>();
  const ids = reports.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const [sections, spans] = await Promise.all([
      db
        .selectFrom('sections')
        .select(['report_id', 'kind', 'start', 'end'])
        .where('report_id', 'in', part)
        .where((eb) => eb.or([eb('level', '=', 1), eb('marker', '=', '')]))
        .execute(),
      db.selectFrom('reuse_spans').select(['report_id', 'start', 'end', 'kind']).where('report_id', 'in', part).execute(),
    ]);
    const textOf = new Map(reports.filter((r) => part.includes(r.id)).map((r) => [r.id, r.text]));
    for (const s of sections) {
      const c = kindChars(textOf.get(s.report_id)!, s.start, s.end, spans.filter((x) => x.report_id === s.report_id));
      const t = totals.get(s.kind as SectionKind) ?? { chars: 0, stock: 0, copied: 0, self: 0 };
      t.chars += c.chars;
      t.stock += c.stock;
      t.copied += c.copied;
      t.self += c.self;
      totals.set(s.kind as SectionKind, t);
    }
  }
  return [...totals].map(([kind, t]) => ({
    kind,
    ...t,
    rates: t.chars > 0 ? { stock: t.stock / t.chars, copied: t.copied / t.chars, self: t.self / t.chars } : { stock: 0, copied: 0, self: 0 },
  }));
}

/**
 * Pairs of reports in scope (the first report of each pair is) that share copied or recycled text, most
 * shared first: each side's characters held by the other, and its share of that side.
 */
export async function getReportPairs(db: Db, f: Filters, limit = 100) {
  const rows = await applyFilters(
    db
      .selectFrom('reuse_pairs as p')
      .innerJoin('reports as r', 'r.id', 'p.report_id')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .innerJoin('reports as r2', 'r2.id', 'p.other_id')
      .innerJoin('units as u2', 'u2.id', 'r2.unit_id')
      .leftJoin('reuse_pairs as q', (j) => j.onRef('q.report_id', '=', 'p.other_id').onRef('q.other_id', '=', 'p.report_id')),
    f,
  )
    .select([
      'r.id as a',
      'u.name as aUnit',
      'r.year as aYear',
      'r.period as aPeriod',
      'r.chars as aTotal',
      'p.chars as aChars',
      'r2.id as b',
      'u2.name as bUnit',
      'r2.year as bYear',
      'r2.period as bPeriod',
      'r2.chars as bTotal',
      sql<number | null>`q.chars`.as('bChars'),
    ])
    .orderBy(sql`p.chars + coalesce(q.chars, 0)`, 'desc')
    .orderBy('r.id')
    // A pair with both reports in scope comes from each side: twice the rows, one kept per pair.
    .limit(2 * limit)
    .execute();
  const seen = new Set<string>();
  const pairs = rows.filter((r) => {
    const key = r.a < r.b ? `${r.a}:${r.b}` : `${r.b}:${r.a}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return pairs.slice(0, limit).map((r) => ({
    a: { id: r.a, unit: r.aUnit, year: r.aYear, period: asPeriod(r.aPeriod), chars: r.aChars, rate: r.aTotal > 0 ? r.aChars / r.aTotal : 0 },
    b: {
      id: r.b,
      unit: r.bUnit,
      year: r.bYear,
      period: asPeriod(r.bPeriod),
      chars: Number(r.bChars ?? 0),
      rate: r.bTotal > 0 ? Number(r.bChars ?? 0) / r.bTotal : 0,
    },
    sameUnit: r.aUnit === r.bUnit,
  }));
}

/** The passages two reports share, aligned: for the side-by-side view, in the first report's order. */
export async function getPairPassages(db: Db, reportId: number, otherId: number) {
  return db
    .selectFrom('reuse_passages')
    .select(['start', 'end', 'source_start as otherStart', 'source_end as otherEnd'])
    .where('report_id', '=', reportId)
    .where('source_id', '=', otherId)
    .orderBy('start')
    .execute();
}
