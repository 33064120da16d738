// Reading the resolved reuse back: the `yanpan reuse` lines of ../shared/CONTRACT.md.
import { PERIODS, type Period, REUSE_KINDS, type ReportReuse, type ReuseKind, type ReuseSpan } from '../../shared/types.js';
import type { DbOrTrx } from './corpus.js';

function asPeriod(p: string | null): Period | null {
  return p !== null && (PERIODS as readonly string[]).includes(p) ? (p as Period) : null;
}

function asKind(k: string): ReuseKind {
  if (!(REUSE_KINDS as readonly string[]).includes(k)) throw new Error(`unknown reuse kind ${k}`);
  return k as ReuseKind;
}

/** One report (or every report, in id order) with its reuse spans and rates. */
export async function getReportReuse(db: DbOrTrx, reportId?: number): Promise<ReportReuse[]> {
  let reports = db
    .selectFrom('reports as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('reuse_reports as x', 'x.report_id', 'r.id')
    .select(['r.id', 'r.file_name', 'u.name as unit', 'u.department', 'r.year', 'r.period', 'r.chars'])
    .select(['x.stock_chars', 'x.copied_chars', 'x.self_chars'])
    .orderBy('r.id');
  let spans = db
    .selectFrom('reuse_spans as s')
    .select(['s.id', 's.report_id', 's.start', 's.end', 's.kind'])
    .orderBy('s.report_id')
    .orderBy('s.start');
  let sources = db
    .selectFrom('reuse_sources as o')
    .innerJoin('reuse_spans as s', 's.id', 'o.span_id')
    .innerJoin('reports as r', 'r.id', 'o.report_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['o.span_id', 'o.report_id', 'u.name as unit', 'r.year', 'o.start', 'o.end'])
    .orderBy('o.span_id')
    .orderBy('o.report_id');
  if (reportId !== undefined) {
    reports = reports.where('r.id', '=', reportId);
    spans = spans.where('s.report_id', '=', reportId);
    sources = sources.where('s.report_id', '=', reportId);
  }

  const sourcesBySpan = new Map<number, ReuseSpan['sources']>();
  for (const o of await sources.execute()) {
    const list = sourcesBySpan.get(o.span_id) ?? [];
    list.push({ id: String(o.report_id), unit: o.unit, year: o.year, start: o.start, end: o.end });
    sourcesBySpan.set(o.span_id, list);
  }
  const spansByReport = new Map<number, ReuseSpan[]>();
  for (const s of await spans.execute()) {
    const list = spansByReport.get(s.report_id) ?? [];
    list.push({ start: s.start, end: s.end, kind: asKind(s.kind), sources: sourcesBySpan.get(s.id) ?? [] });
    spansByReport.set(s.report_id, list);
  }
  return (await reports.execute()).map((r) => {
    const share = (n: number | null) => (r.chars > 0 && n !== null ? n / r.chars : 0);
    const stock = share(r.stock_chars);
    const copied = share(r.copied_chars);
    const self = share(r.self_chars);
    return {
      id: String(r.id),
      file: r.file_name,
      unit: r.unit,
      department: r.department,
      year: r.year,
      period: asPeriod(r.period),
      chars: r.chars,
      rates: { reuse: stock + copied + self, stock, copied, self },
      spans: spansByReport.get(r.id) ?? [],
    };
  });
}
