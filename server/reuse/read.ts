// Reading the resolved reuse back: the `yanpan reuse` lines of ../shared/CONTRACT.md.
import { PERIODS, type Period, REUSE_KINDS, type ReportReuse, type ReuseKind, type ReuseSource, type ReuseSpan, type TemplateSource } from '../../shared/types.js';
import type { DbOrTrx } from './corpus.js';
import { asTemplateKind } from './library.js';

export function asPeriod(p: string | null): Period | null {
  return p !== null && (PERIODS as readonly string[]).includes(p) ? (p as Period) : null;
}

function asKind(k: string): ReuseKind {
  if (!(REUSE_KINDS as readonly string[]).includes(k)) throw new Error(`unknown reuse kind ${k}`);
  return k as ReuseKind;
}

function push<V>(map: Map<number, V[]>, key: number, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** One report (or every report, in id order) with its reuse spans and rates. */
export async function getReportReuse(db: DbOrTrx, reportId?: number): Promise<ReportReuse[]> {
  let reports = db
    .selectFrom('reports as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('reuse_reports as x', 'x.report_id', 'r.id')
    .select(['r.id', 'r.file_name', 'u.name as unit', 'u.department', 'r.year', 'r.period', 'r.chars'])
    .select(['x.stock_chars', 'x.copied_chars', 'x.shared_chars', 'x.self_chars', 'x.template_chars'])
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
    .select(['o.span_id', 'o.report_id', 'u.name as unit', 'r.year', 'r.period', 'o.start', 'o.end'])
    .orderBy('o.span_id')
    .orderBy('o.report_id');
  let templates = db
    .selectFrom('reuse_template_sources as o')
    .innerJoin('reuse_spans as s', 's.id', 'o.span_id')
    .innerJoin('templates as t', 't.id', 'o.template_id')
    .select(['o.span_id', 'o.template_id', 't.title', 't.kind', 'o.start', 'o.end'])
    .orderBy('o.span_id')
    .orderBy('o.template_id');
  if (reportId !== undefined) {
    reports = reports.where('r.id', '=', reportId);
    spans = spans.where('s.report_id', '=', reportId);
    sources = sources.where('s.report_id', '=', reportId);
    templates = templates.where('s.report_id', '=', reportId);
  }

  const sourcesBySpan = new Map<number, ReuseSource[]>();
  for (const o of await sources.execute()) {
    push(sourcesBySpan, o.span_id, { id: String(o.report_id), unit: o.unit, year: o.year, period: asPeriod(o.period), start: o.start, end: o.end });
  }
  const templatesBySpan = new Map<number, TemplateSource[]>();
  for (const o of await templates.execute()) {
    push(templatesBySpan, o.span_id, { template: String(o.template_id), title: o.title, kind: asTemplateKind(o.kind), start: o.start, end: o.end });
  }
  const spansByReport = new Map<number, ReuseSpan[]>();
  for (const s of await spans.execute()) {
    const kind = asKind(s.kind);
    const span: ReuseSpan =
      kind === 'template'
        ? { start: s.start, end: s.end, kind, sources: templatesBySpan.get(s.id) ?? [] }
        : { start: s.start, end: s.end, kind, sources: sourcesBySpan.get(s.id) ?? [] };
    push(spansByReport, s.report_id, span);
  }
  return (await reports.execute()).map((r) => {
    const share = (n: number | null) => (r.chars > 0 && n !== null ? n / r.chars : 0);
    const rates = {
      stock: share(r.stock_chars),
      copied: share(r.copied_chars),
      shared: share(r.shared_chars),
      self: share(r.self_chars),
      template: share(r.template_chars),
    };
    return {
      id: String(r.id),
      file: r.file_name,
      unit: r.unit,
      department: r.department,
      year: r.year,
      period: asPeriod(r.period),
      chars: r.chars,
      rates: { reuse: rates.stock + rates.copied + rates.shared + rates.self + rates.template, ...rates },
      spans: spansByReport.get(r.id) ?? [],
    };
  });
}
