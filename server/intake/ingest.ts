// ingest: one submission → decode → analyze → store → reuse index, in one transaction.
// The CLI, the upload route and the demo loader all come through here.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import { metaFromFileName, mergeMeta } from '../../shared/meta.js';
import type { Analysis, ReportMeta } from '../../shared/types.js';
import { analyzeReport } from '../analyze/index.js';
import type { Db } from '../db/connection.js';
import { storeReportSummaries } from '../derive/report-summaries.js';
import { insertRows } from '../db/insert.js';
import { DecodeError, decodeReport, type DecodedReport, type DecodeOptions, type OcrSummary, type SourceEncoding } from '../decode/index.js';
import { dropOriginal, keepOriginal } from './originals.js';
import { indexReportReuse } from '../reuse/index.js';
import { indexReportText } from '../search/index.js';

export interface Submission {
  /** The name the unit gave the file (or its path inside an archive). */
  fileName: string;
  bytes: Uint8Array;
  /** Metadata given by a manifest or by the user; wins over what the file name and text say. */
  meta?: Partial<ReportMeta>;
  extra?: Record<string, string>;
  /** A corrected version: it replaces the unit's live report for the same year and period, which stays stored. */
  correction?: boolean;
  /** The file as already decoded (an upload's scan, read by OCR when it was staged): not decoded again. */
  decoded?: DecodedReport;
}

export interface IngestOptions {
  /** The originals folder (originalsDirFor): the file as sent is kept there. Absent: not kept (demo data). */
  originals?: string;
  /** For scans: page progress and the OCR page budget. */
  decode?: DecodeOptions;
}

export type IngestResult =
  | { file: string; status: 'stored'; reportId: number; meta: ReportMeta; replaced?: number }
  | { file: string; status: 'duplicate'; reportId: number }
  | { file: string; status: 'failed'; error: string };

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function nonWhitespaceChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (!/\s/.test(text[i]!)) n++;
  return n;
}

/** What the report's metadata is: given values first, then the file name, then the text. */
export function resolveMeta(sub: Pick<Submission, 'fileName' | 'meta'>, analysis: Analysis): ReportMeta {
  return mergeMeta(sub.meta ?? {}, metaFromFileName(sub.fileName), analysis.meta);
}

export interface Prepared {
  text: string;
  encoding: SourceEncoding;
  hash: string;
  analysis: Analysis;
  meta: ReportMeta;
  /** What was read only in part or by OCR, in Chinese (from the decoder). */
  warnings: string[];
  /** Set when the text was read from a scan by OCR. */
  ocr: OcrSummary | null;
}

/** Decode and analyse without storing (also what `yanpan analyze` prints). Throws DecodeError. */
export async function prepareSubmission(sub: Submission, decode: DecodeOptions = {}): Promise<Prepared> {
  const { text, encoding, warnings, ocr } = sub.decoded ?? (await decodeReport(sub.bytes, sub.fileName, decode));
  const hinted = mergeMeta(sub.meta ?? {}, metaFromFileName(sub.fileName));
  const analysis = analyzeReport(text, { fileName: sub.fileName, unit: hinted.unit, year: hinted.year });
  return { text, encoding, hash: contentHash(text), analysis, meta: resolveMeta(sub, analysis), warnings, ocr };
}

export async function ingestSubmission(db: Db, sub: Submission, opts: IngestOptions = {}): Promise<IngestResult> {
  const file = sub.fileName;
  let prepared: Prepared;
  try {
    prepared = await prepareSubmission(sub, opts.decode);
  } catch (e) {
    if (e instanceof DecodeError) return { file, status: 'failed', error: e.message };
    throw e;
  }
  const { text, encoding, hash, analysis, meta, ocr } = prepared;
  const existing = await db.selectFrom('reports').select('id').where('content_hash', '=', hash).executeTakeFirst();
  if (existing) return { file, status: 'duplicate', reportId: existing.id };
  if (!meta.unit) {
    return {
      file,
      status: 'failed',
      error: '无法确定报送单位：请在清单中填写 unit 列，或在文件名中写明单位（如“市统计局2023年上半年意识形态工作总结.txt”）',
    };
  }
  const unitName = meta.unit;
  // Kept before the row that names it is committed: a stored report never points to a missing file.
  const original = opts.originals ? await keepOriginal(opts.originals, sub.bytes) : null;

  let replaced: number | undefined;
  const reportId = await db.transaction().execute(async (trx) => {
    let unit = await trx.selectFrom('units').select(['id', 'department']).where('name', '=', unitName).executeTakeFirst();
    if (!unit) {
      unit = await trx
        .insertInto('units')
        .values({ name: unitName, department: meta.department })
        .returning(['id', 'department'])
        .executeTakeFirstOrThrow();
    } else if (!unit.department && meta.department) {
      await trx.updateTable('units').set({ department: meta.department }).where('id', '=', unit.id).execute();
    }
    const { id } = await trx
      .insertInto('reports')
      .values({
        unit_id: unit.id,
        year: meta.year,
        period: meta.period,
        title: meta.title,
        file_name: file,
        content_hash: hash,
        encoding,
        chars: nonWhitespaceChars(text),
        ingested_at: new Date().toISOString(),
        extra: sub.extra && Object.keys(sub.extra).length ? JSON.stringify(sub.extra) : null,
        original_sha256: original?.sha256 ?? null,
        original_name: original ? path.posix.basename(file.replace(/\\/g, '/')) : null,
        ocr_engine: ocr?.engine ?? null,
        ocr_confidence: ocr?.confidence ?? null,
        ocr_pages: ocr?.pages ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('report_texts').values({ report_id: id, text }).execute();
    await storeAnalysis(trx, id, analysis);
    await indexReportText(trx, id, text);
    await indexReportReuse(trx, id);
    if (sub.correction) replaced = await supersede(trx, id, unit.id, meta);
    return id;
  }).catch(async (e: unknown) => {
    // Nothing half-stored: the file this call wrote goes with the rolled-back row, unless another report uses it.
    if (opts.originals && original?.created) {
      const used = await db.selectFrom('reports').select('id').where('original_sha256', '=', original.sha256).executeTakeFirst();
      if (!used) await dropOriginal(opts.originals, original.sha256);
    }
    throw e;
  });
  return { file, status: 'stored', reportId, meta, ...(replaced === undefined ? {} : { replaced }) };
}


/** Marks the unit's live report of the same year and period as replaced by `id`; returns its id. */
async function supersede(db: Db, id: number, unitId: number, meta: ReportMeta): Promise<number | undefined> {
  if (meta.year === null || meta.period === null) return undefined;
  const previous = await db
    .selectFrom('reports')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('year', '=', meta.year)
    .where('period', '=', meta.period)
    .where('id', '<>', id)
    .where('deleted_at', 'is', null)
    .where('superseded_by', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!previous) return undefined;
  await db.updateTable('reports').set({ superseded_by: id }).where('id', '=', previous.id).execute();
  return previous.id;
}

export async function storeAnalysis(db: Db, reportId: number, a: Analysis): Promise<void> {
  await insertRows(
    db,
    'sections',
    a.sections.map((s, ord) => ({
      report_id: reportId,
      ord,
      level: s.level,
      marker: s.marker,
      heading: s.heading,
      kind: s.kind,
      start: s.start,
      end: s.end,
      heading_end: s.headingEnd,
    })),
  );
  await insertRows(
    db,
    'problems',
    a.problems.map((p, ord) => ({ report_id: reportId, ord, start: p.start, end: p.end, theme_id: p.theme })),
  );
  await insertRows(
    db,
    'figures',
    a.figures.map((f, ord) => ({
      report_id: reportId,
      ord,
      start: f.start,
      end: f.end,
      activity: f.activity,
      category: f.category,
      value: f.value,
      unit: f.unit,
      approx: f.approx ? 1 : 0,
      placeholder: f.placeholder ? 1 : 0,
      sentence_start: f.sentence.start,
      sentence_end: f.sentence.end,
    })),
  );
  await insertRows(
    db,
    'placeholders',
    a.placeholders.map((p) => ({ report_id: reportId, start: p.start, end: p.end, kind: p.kind })),
  );
  await insertRows(
    db,
    'flags',
    a.flags.map((f) => ({ report_id: reportId, kind: f.kind, message: f.message, start: f.start, end: f.end })),
  );
  await storeReportSummaries(db, reportId);
}

export async function countReports(db: Db): Promise<number> {
  const r = await db.selectFrom('reports').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
