// Spans from passages: the passages a report shares with other reports and with templates, its formula
// runs, and how the other holders stand to it in time (who copied whom) make its spans, sources, pairs
// and characters per kind, which are stored here. Derived again whenever a report's passages change.
import type { Insertable } from 'kysely';
import { reportingDate } from '../../shared/periods.js';
import type { Span } from '../../shared/types.js';
import { inChunks, insertRows } from '../db/insert.js';
import type { Database } from '../db/schema.js';
import type { AlignedPassage } from './align.js';
import {
  type DerivedReuse,
  type DerivedSpan,
  type PassageEvidence,
  type Relation,
  STOCK_MAX_SOURCES,
  STOCK_MIN_CHARS,
  type SourceRef,
  type StockEvidence,
  type TemplateEvidence,
  type TemplateRef,
  deriveSpans,
  stockUnitThreshold,
} from './classify.js';
import type { Corpus, CorpusReport, DbOrTrx } from './corpus.js';
import { GRAM } from './fingerprint.js';
import { indexNormalized, type TextIndex } from './postings.js';
import { asTemplateKind } from './library.js';

/**
 * Which other reports a report may be compared with (by id). Every report by default; a caller can keep
 * some out of comparisons between units (a report whose unit is not known yet, say).
 */
export type Comparable = (reportId: number) => boolean;
export const everyReport: Comparable = () => true;

/** Where a report stands in time: its reporting date (the end of its period), then when it was submitted. */
export interface ReportOrder {
  id: number;
  unitId: number;
  year: number | null;
  period: string | null;
  ingestedAt: string;
}

/** Whether `a` was submitted before `b`: by reporting date where both have one, then by submission. */
function submittedBefore(a: ReportOrder, b: ReportOrder): boolean {
  const [da, db] = [reportingDate(a.year, a.period), reportingDate(b.year, b.period)];
  if (da !== null && db !== null && da !== db) return da < db;
  if (a.ingestedAt !== b.ingestedAt) return a.ingestedAt < b.ingestedAt;
  return a.id < b.id;
}

/**
 * How `other` stands to `self`. Of another unit: an earlier or later reporting date, or the same one —
 * and a report without a year has no date, so its passages with other units are `shared` (direction
 * unknown) rather than blamed on either side. Of the same unit: submitted earlier or later.
 */
export function relationOf(self: ReportOrder, other: ReportOrder): Relation {
  if (self.unitId === other.unitId) return submittedBefore(other, self) ? 'own-earlier' : 'own-later';
  const [mine, theirs] = [reportingDate(self.year, self.period), reportingDate(other.year, other.period)];
  if (mine === null || theirs === null || mine === theirs) return 'same-period';
  return theirs < mine ? 'earlier' : 'later';
}

/** Formula runs: fingerprints many units hold, touching or overlapping, plus the curated formulas. */
export async function formulaRuns(corpus: Corpus, selfId: number, ix: TextIndex, holders: Int32Array, threshold: number): Promise<StockEvidence[]> {
  const { offsets } = ix.norm;
  /** Runs as [from, to) in the normalised text, with their first and last fingerprints. */
  const runs: Array<{ from: number; to: number; first: number; last: number }> = [];
  let run: { from: number; to: number; first: number; last: number } | null = null;
  for (let i = 0; i < ix.gramHashes.length; i++) {
    const h = ix.gramHashes[i]!;
    if (holders[i]! < threshold) continue;
    const p = ix.gramPositions[i]!;
    if (run && p > run.to) run = null;
    if (!run) runs.push((run = { from: p, to: p, first: h, last: h }));
    run.to = p + GRAM;
    run.last = h;
  }
  // In the other report a run may be punctuated differently: allow some slack.
  const long = runs.filter((r) => r.to - r.from >= STOCK_MIN_CHARS);
  const requests = [
    ...long.map((r) => ({ first: r.first, last: r.last, span: r.to - r.from + 16, exclude: selfId, limit: STOCK_MAX_SOURCES })),
    ...ix.formulas.map(([, , h]) => ({ first: h, last: h, span: 0, exclude: selfId, limit: STOCK_MAX_SOURCES })),
  ];
  const sources = await corpus.examples(requests);
  return [
    ...long.map((r, i) => ({ start: offsets[r.from]!, end: offsets[r.to - 1]! + 1, sources: sources[i]! })),
    ...ix.formulas.map(([p, len], j) => ({ start: offsets[p]!, end: offsets[p + len - 1]! + 1, sources: sources[long.length + j]! })),
  ];
}

/**
 * Formula runs of the reports a batch resolved, kept until their spans are derived at its end: each
 * report's packed into one array as [start, end, examples, (report, start, end) per example] per run (at
 * 10,000 reports a million runs with 1.8 million examples: some 35 MB, against about 150 MB as objects).
 */
export class KeptStock {
  private readonly packed = new Map<number, Int32Array>();

  set(reportId: number, runs: readonly StockEvidence[]): void {
    let n = 0;
    for (const r of runs) n += 3 + 3 * r.sources.length;
    const out = new Int32Array(n);
    let k = 0;
    for (const r of runs) {
      out[k++] = r.start;
      out[k++] = r.end;
      out[k++] = r.sources.length;
      for (const s of r.sources) {
        out[k++] = s.reportId;
        out[k++] = s.start;
        out[k++] = s.end;
      }
    }
    this.packed.set(reportId, out);
  }

  get(reportId: number): StockEvidence[] | undefined {
    const p = this.packed.get(reportId);
    if (!p) return undefined;
    const runs: StockEvidence[] = [];
    for (let k = 0; k < p.length; ) {
      const run: StockEvidence = { start: p[k]!, end: p[k + 1]!, sources: [] };
      const examples = p[k + 2]!;
      k += 3;
      for (let e = 0; e < examples; e++, k += 3) run.sources.push({ reportId: p[k]!, start: p[k + 1]!, end: p[k + 2]! });
      runs.push(run);
    }
    return runs;
  }
}

/** A stored report's formula runs in the corpus as it is now. */
async function formulaRunsNow(corpus: Corpus, r: CorpusReport): Promise<StockEvidence[]> {
  const ix = indexNormalized(r.norm);
  const threshold = stockUnitThreshold(corpus.unitCount());
  return formulaRuns(corpus, r.id, ix, await corpus.holders(ix.gramHashes, threshold), threshold);
}

/** A span as stored, with whom it names: spans of one report never overlap, so this names one row. */
function spanKey(reportId: number, start: number, end: number, kind: string, sources: readonly SourceRef[], templates: readonly TemplateRef[]): string {
  return `${reportId}:${start}:${end}:${kind}|${sources.map((s) => `${s.reportId},${s.start},${s.end}`).join(';')}|${templates.map((t) => `${t.templateId},${t.start},${t.end}`).join(';')}`;
}

/** The stored spans of these reports by their keys (spanKey), to their row ids. */
async function storedSpans(db: DbOrTrx, ids: number[]): Promise<Map<string, number>> {
  const spansOf = db.selectFrom('reuse_spans').select('id').where('report_id', 'in', ids);
  const [spans, sources, templates] = await Promise.all([
    db.selectFrom('reuse_spans').select(['id', 'report_id', 'start', 'end', 'kind']).where('report_id', 'in', ids).execute(),
    db.selectFrom('reuse_sources').select(['span_id', 'report_id', 'start', 'end']).where('span_id', 'in', spansOf).orderBy('span_id').orderBy('report_id').execute(),
    db.selectFrom('reuse_template_sources').select(['span_id', 'template_id', 'start', 'end']).where('span_id', 'in', spansOf).orderBy('span_id').orderBy('template_id').execute(),
  ]);
  const sourcesOf = new Map<number, SourceRef[]>();
  for (const r of sources) push(sourcesOf, r.span_id, { reportId: r.report_id, start: r.start, end: r.end });
  const templatesOf = new Map<number, TemplateRef[]>();
  for (const r of templates) push(templatesOf, r.span_id, { templateId: r.template_id, start: r.start, end: r.end });
  return new Map(spans.map((r) => [spanKey(r.report_id, r.start, r.end, r.kind, sourcesOf.get(r.id) ?? [], templatesOf.get(r.id) ?? []), r.id]));
}

/**
 * Replace the spans, sources, pairs and characters per kind of these reports. Only the spans that changed
 * are rewritten: a report matched by one more report is derived again whole, yet most of its hundreds of
 * spans come out as they were, and deleting and inserting them all again was most of storing (with their
 * sources, some 8,000 rows for the reports one province report matches).
 */
async function storeDerived(db: DbOrTrx, derived: Map<number, DerivedReuse>): Promise<void> {
  const ids = [...derived.keys()];
  const stored = await storedSpans(db, ids);
  const added: Array<{ reportId: number; span: DerivedSpan }> = [];
  for (const [reportId, d] of derived) {
    for (const span of d.spans) {
      const key = spanKey(reportId, span.start, span.end, span.kind, span.sources, span.templates);
      if (!stored.delete(key)) added.push({ reportId, span });
    }
  }
  // What is left of the stored spans is no longer derived.
  const gone = [...stored.values()];
  await inChunks(gone, (chunk) => db.deleteFrom('reuse_sources').where('span_id', 'in', chunk).execute());
  await inChunks(gone, (chunk) => db.deleteFrom('reuse_template_sources').where('span_id', 'in', chunk).execute());
  await inChunks(gone, (chunk) => db.deleteFrom('reuse_spans').where('id', 'in', chunk).execute());
  await db.deleteFrom('reuse_pairs').where('report_id', 'in', ids).execute();
  await db.deleteFrom('reuse_template_pairs').where('report_id', 'in', ids).execute();
  if (added.length > 0) {
    const { last } = await db.selectFrom('reuse_spans').select((eb) => eb.fn.max('id').as('last')).executeTakeFirstOrThrow();
    await insertRows(db, 'reuse_spans', added.map(({ reportId, span: s }) => ({ report_id: reportId, start: s.start, end: s.end, kind: s.kind })));
    // (report, start) names a span, whatever order ids come back in.
    const spanId = new Map<string, number>();
    const inserted = await db.selectFrom('reuse_spans').select(['id', 'report_id', 'start']).where('report_id', 'in', ids).where('id', '>', last ?? 0).execute();
    for (const r of inserted) spanId.set(`${r.report_id}:${r.start}`, r.id);
    const sources: Array<Insertable<Database['reuse_sources']>> = [];
    const templateSources: Array<Insertable<Database['reuse_template_sources']>> = [];
    for (const { reportId, span: s } of added) {
      const span_id = spanId.get(`${reportId}:${s.start}`)!;
      for (const src of s.sources) sources.push({ span_id, report_id: src.reportId, start: src.start, end: src.end });
      for (const t of s.templates) templateSources.push({ span_id, template_id: t.templateId, start: t.start, end: t.end });
    }
    await insertRows(db, 'reuse_sources', sources);
    await insertRows(db, 'reuse_template_sources', templateSources);
  }
  await insertRows(db, 'reuse_pairs', [...derived].flatMap(([id, d]) => [...d.pairs].map(([other, p]) => ({ report_id: id, other_id: other, chars: p.chars, kind: p.kind }))));
  await insertRows(db, 'reuse_template_pairs', [...derived].flatMap(([id, d]) => [...d.templatePairs].map(([template, chars]) => ({ report_id: id, template_id: template, chars }))));
  for (const [id, { chars }] of derived) {
    await db
      .updateTable('reuse_reports')
      .set({
        resolved: 1,
        stock_chars: chars.stock,
        copied_chars: chars.copied,
        shared_chars: chars.shared,
        self_chars: chars.self,
        template_chars: chars.template,
        directive_chars: chars.directive,
        original_chars: chars.original,
      })
      .where('report_id', '=', id)
      .execute();
  }
}

export async function storeTemplatePassages(db: DbOrTrx, reportId: number, templates: Map<number, AlignedPassage[]>): Promise<void> {
  await insertRows(
    db,
    'reuse_template_passages',
    [...templates].flatMap(([templateId, passages]) =>
      passages.map((p) => ({ report_id: reportId, template_id: templateId, start: p.start, end: p.end, template_start: p.sourceStart, template_end: p.sourceEnd })),
    ),
  );
}

/**
 * The template site's own text around a report (its page chrome, an editor's lead-in, download notices,
 * 篇一 markers): two units pasting from one site share it, yet neither copied it from the other.
 */
const SITE_TEXT_FLAGS = ['site_chrome', 'editor_lead_in', 'download_notice', 'collection_marker'];

/** Reports whose spans are derived and stored together. */
const DERIVE_CHUNK = 200;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Spans of reports from their stored passages and their formula runs: the given ones (a report just
 * resolved), else found again in the corpus as it is now.
 */
export async function deriveAll(db: DbOrTrx, corpus: Corpus, ids: number[], stockOf = new KeptStock()): Promise<void> {
  const threshold = stockUnitThreshold(corpus.unitCount());
  for (let i = 0; i < ids.length; i += DERIVE_CHUNK) {
    const chunk = ids.slice(i, i + DERIVE_CHUNK);
    const [own, rows, templateRows, leftoverRows] = await Promise.all([
      db.selectFrom('reports').select(['id', 'unit_id as unitId', 'year', 'period', 'ingested_at as ingestedAt']).where('id', 'in', chunk).execute(),
      db
        .selectFrom('reuse_passages as p')
        .innerJoin('reports as r', 'r.id', 'p.source_id')
        .select(['p.report_id', 'p.start', 'p.end', 'p.source_id', 'r.unit_id', 'r.year', 'r.period', 'r.ingested_at', 'p.source_start', 'p.source_end'])
        .where('p.report_id', 'in', chunk)
        .execute(),
      db
        .selectFrom('reuse_template_passages as p')
        .innerJoin('templates as t', 't.id', 'p.template_id')
        .select(['p.report_id', 'p.start', 'p.end', 'p.template_id', 't.kind', 'p.template_start', 'p.template_end'])
        .where('p.report_id', 'in', chunk)
        .execute(),
      db
        .selectFrom('flags')
        .select(['report_id', 'start', 'end'])
        .where('report_id', 'in', chunk)
        .where('kind', 'in', SITE_TEXT_FLAGS)
        .where('start', 'is not', null)
        .where('end', 'is not', null)
        .orderBy('report_id')
        .orderBy('start')
        .execute(),
    ]);
    const siteText = new Map<number, Span[]>();
    for (const r of leftoverRows) push(siteText, r.report_id, { start: r.start!, end: r.end! });
    const orderOf = new Map(own.map((r) => [r.id, r]));
    const passages = new Map<number, PassageEvidence[]>();
    for (const r of rows) {
      const other = { id: r.source_id, unitId: r.unit_id, year: r.year, period: r.period, ingestedAt: r.ingested_at };
      push(passages, r.report_id, {
        start: r.start,
        end: r.end,
        sourceId: r.source_id,
        sourceUnitId: r.unit_id,
        sourceStart: r.source_start,
        sourceEnd: r.source_end,
        relation: relationOf(orderOf.get(r.report_id)!, other),
      });
    }
    const templates = new Map<number, TemplateEvidence[]>();
    for (const r of templateRows) {
      push(templates, r.report_id, {
        start: r.start,
        end: r.end,
        templateId: r.template_id,
        templateKind: asTemplateKind(r.kind),
        templateStart: r.template_start,
        templateEnd: r.template_end,
      });
    }
    const derived = new Map<number, DerivedReuse>();
    for (const id of chunk) {
      const r = await corpus.report(db, id);
      const stock = stockOf.get(id) ?? (await formulaRunsNow(corpus, r));
      derived.set(id, deriveSpans(r.text, r.unitId, passages.get(id) ?? [], stock, threshold, templates.get(id) ?? [], siteText.get(id) ?? []));
    }
    await storeDerived(db, derived);
  }
}
