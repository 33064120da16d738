// ingest: one submission → decode → analyze → metadata (resolve) → store → reuse index, in one transaction.
// The CLI, the upload route and the demo loader all come through here. Nothing is refused for missing
// metadata: a report whose unit or year is unknown is stored as pending (待确认), out of every comparison
// between units until someone assigns it (assign.ts).
import path from 'node:path';
import { sql } from 'kysely';
import type { Analysis, ReportMeta } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { storeReportSummaries } from '../derive/report-summaries.js';
import { isUniqueViolation } from '../db/errors.js';
import { insertRows } from '../db/insert.js';
import { DecodeError, type DecodedReport, type DecodeOptions } from '../decode/index.js';
import { leftoverSpansOf } from '../analyze/leftovers.js';
import { dropOriginal, keepOriginal } from './originals.js';
import { indexReportReuse } from '../reuse/index.js';
import { indexReportText } from '../search/index.js';
import { type Provenance, type Resolution, resolveSubmission, withRegistryMentions } from './resolve.js';
import { closestStoredVersion, RESUBMISSION_SHARE, type Resubmission } from './resubmission.js';
import { type TextWork, workOnText } from './text-work.js';
import { pendingUnitId, UnitDirectory, unitNamed, type UnitRow } from './units.js';

export interface Submission {
  /** The name the unit gave the file (or its path inside an archive). */
  fileName: string;
  bytes: Uint8Array;
  /** Metadata a manifest gives; wins over the registry, the file name and the text. */
  meta?: Partial<ReportMeta>;
  /** Metadata set for the whole run or confirmed by the user (`--unit`, the upload page); wins over the manifest. */
  options?: Partial<ReportMeta>;
  extra?: Record<string, string>;
  /** A corrected version: it replaces the unit's live report for the same year and period, which stays stored. */
  correction?: boolean;
  /** The file as already decoded (an upload's scan, read by OCR when it was staged): not decoded again. */
  decoded?: DecodedReport;
}

export interface IngestOptions {
  /** The originals folder (originalsDirFor): the file as sent is kept there. Absent: not kept (demo data). */
  originals?: string;
  /** The units to file reports under (a batch loads it once); loaded for the call when absent. */
  directory?: UnitDirectory;
  /** For scans: page progress and the OCR page budget. */
  decode?: DecodeOptions;
  /** The text's work done already (a batch's worker thread): not done again. */
  work?: TextWork;
}

export type IngestResult =
  | {
      file: string;
      status: 'stored';
      reportId: number;
      meta: ReportMeta;
      /** Stored as pending (待确认): unit or year unknown, or a likely corrected version of `resubmissionOf`. */
      pending: boolean;
      resubmissionOf?: Resubmission;
      replaced?: number;
    }
  | { file: string; status: 'duplicate'; reportId: number }
  | { file: string; status: 'failed'; error: string };

export { contentHash, nonWhitespaceChars } from './text-work.js';

export interface Prepared extends TextWork {
  /** Unit, year and period as decided (options, manifest, registry, file name, text), with their provenance. */
  resolution: Resolution;
  meta: ReportMeta;
}

/**
 * Decode and analyse without storing (also what `yanpan analyze` prints), then decide unit, year and period
 * against the units the store knows. `work`: the text's work done already (in a worker). Throws DecodeError.
 */
export async function prepareSubmission(sub: Submission, directory: UnitDirectory = UnitDirectory.empty(), decode: DecodeOptions = {}, work?: TextWork): Promise<Prepared> {
  const done = work ?? (await workOnText(sub, decode));
  const given = { options: sub.options, manifest: sub.meta };
  const resolution = resolveSubmission(given, withRegistryMentions(done.analysis.metaEvidence, done.text, directory, leftoverSpansOf(done.analysis.flags)), done.analysis.meta.title, directory);
  return { ...done, resolution, meta: resolution.meta };
}

export async function ingestSubmission(db: Db, sub: Submission, opts: IngestOptions = {}): Promise<IngestResult> {
  const file = sub.fileName;
  const directory = opts.directory ?? (await UnitDirectory.load(db));
  let prepared: Prepared;
  try {
    prepared = await prepareSubmission(sub, directory, opts.decode, opts.work);
  } catch (e) {
    if (e instanceof DecodeError) return { file, status: 'failed', error: e.message };
    throw e;
  }
  const { text, encoding, hash, chars, analysis, words, postings, resolution, meta, ocr } = prepared;
  const existing = await db.selectFrom('reports').select('id').where('content_hash', '=', hash).executeTakeFirst();
  if (existing) return { file, status: 'duplicate', reportId: existing.id };
  // A second file of the unit for the same period that mostly repeats the stored one waits for a decision.
  const resubmission =
    !resolution.pending && !sub.correction && resolution.unit && meta.year !== null && meta.period !== null
      ? await closestStoredVersion(db, resolution.unit.id, meta.year, meta.period, text)
      : null;
  const resubmissionOf = resubmission && resubmission.share >= RESUBMISSION_SHARE ? resubmission : undefined;
  const pending = resolution.pending || resubmissionOf !== undefined;
  // Kept before the row that names it is committed: a stored report never points to a missing file.
  const original = opts.originals ? await keepOriginal(opts.originals, sub.bytes) : null;

  let replaced: number | undefined;
  let created: UnitRow | null = null;
  const reportId = await db.transaction().execute(async (trx) => {
    const unitId = await unitFor(trx, resolution, meta, directory, (u) => (created = u));
    const { id } = await trx
      .insertInto('reports')
      .values({
        unit_id: unitId,
        year: meta.year,
        period: meta.period,
        title: meta.title,
        file_name: file,
        content_hash: hash,
        encoding,
        chars,
        ingested_at: new Date().toISOString(),
        extra: sub.extra && Object.keys(sub.extra).length ? JSON.stringify(sub.extra) : null,
        original_sha256: original?.sha256 ?? null,
        original_name: original ? path.posix.basename(file.replace(/\\/g, '/')) : null,
        pending: pending ? 1 : 0,
        ocr_engine: ocr?.engine ?? null,
        ocr_confidence: ocr?.confidence ?? null,
        ocr_pages: ocr?.pages ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('report_texts').values({ report_id: id, text }).execute();
    await trx.insertInto('report_meta').values({ report_id: id, ...provenanceRow(resolution.provenance), resubmission_of: resubmissionOf?.reportId ?? null, resubmission_share: resubmissionOf?.share ?? null }).execute();
    await storeAnalysis(trx, id, analysis);
    await indexReportText(trx, id, text, words);
    // A pending report joins the comparisons between units (reuse among them) when it is assigned.
    if (!pending) {
      await indexReportReuse(trx, id, postings);
      if (sub.correction) replaced = await supersede(trx, id, unitId, meta);
    }
    return id;
  }).catch(async (e: unknown) => {
    // Nothing half-stored: the file this call wrote goes with the rolled-back row, unless another report uses it.
    if (opts.originals && original?.created) {
      const used = await db.selectFrom('reports').select('id').where('original_sha256', '=', original.sha256).executeTakeFirst();
      if (!used) await dropOriginal(opts.originals, original.sha256);
    }
    // The same text committed at the same moment by another request (two browsers, two batches): it won.
    if (isUniqueViolation(e)) {
      const twin = await db.selectFrom('reports').select('id').where('content_hash', '=', hash).executeTakeFirst();
      if (twin) return { duplicateOf: twin.id };
    }
    throw e;
  });
  if (typeof reportId !== 'number') return { file, status: 'duplicate', reportId: reportId.duplicateOf };
  // Only a committed report's new unit joins the directory (a rolled-back one took its unit with it).
  if (created) directory.add(created);
  return { file, status: 'stored', reportId, meta, pending, ...(resubmissionOf ? { resubmissionOf } : {}), ...(replaced === undefined ? {} : { replaced }) };
}

/** The unit row a report goes under: the one the name found, a new one for a name new to the store, or the pending row. */
async function unitFor(db: Db, resolution: Resolution, meta: ReportMeta, dir: UnitDirectory, onCreate: (u: UnitRow) => void): Promise<number> {
  if (meta.unit === null) return pendingUnitId(db);
  const { unit, created } = resolution.unit ? { unit: resolution.unit, created: false } : await unitNamed(db, dir, meta.unit, meta.department);
  if (created) onCreate(unit);
  else if (!unit.department && meta.department) {
    await db.updateTable('units').set({ department: meta.department }).where('id', '=', unit.id).execute();
    unit.department = meta.department;
  }
  return unit.id;
}

/** The report_meta columns of a resolution's provenance. */
export function provenanceRow(p: Resolution['provenance']) {
  const cols = (f: Provenance) => ({ source: f.source, rule: f.rule, start: f.span?.start ?? null, end: f.span?.end ?? null });
  const [u, y, q] = [cols(p.unit), cols(p.year), cols(p.period)];
  return {
    unit_source: u.source,
    unit_rule: u.rule,
    unit_start: u.start,
    unit_end: u.end,
    year_source: y.source,
    year_rule: y.rule,
    year_start: y.start,
    year_end: y.end,
    period_source: q.source,
    period_rule: q.rule,
    period_start: q.start,
    period_end: q.end,
  };
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
