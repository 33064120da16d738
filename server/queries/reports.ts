// Queries for the report list and the report view.
import { sql } from 'kysely';
import type { Filters } from '../../shared/filters.js';
import type { Db } from '../db/connection.js';
import { refreshUnitSummaries } from '../derive/unit-summaries.js';
import { applyFilters, nullsLow, reportsWithUnits } from './filters.js';

export const REPORT_SORTS = ['ingested', 'year', 'unit', 'chars'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

export interface ListReportsInput extends Filters {
  page: number;
  pageSize: number;
  sort?: ReportSort;
  order?: 'asc' | 'desc';
}

/** The columns that name a report in a list or on its page. */
const REPORT_HEAD = ['r.id', 'u.name as unit', 'u.department', 'r.year', 'r.period', 'r.title', 'r.file_name as fileName', 'r.chars', 'r.ingested_at as ingestedAt'] as const;

export async function listReports(db: Db, input: ListReportsInput) {
  const base = applyFilters(reportsWithUnits(db), input);
  const totalRow = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const sortColumn = {
    ingested: 'r.id',
    year: 'r.year',
    unit: 'u.name',
    chars: 'r.chars',
  } as const satisfies Record<ReportSort, string>;
  const order = input.order ?? 'desc';
  const rows = await base
    .select([
      ...REPORT_HEAD,
      (eb) => eb.selectFrom('flags as f').whereRef('f.report_id', '=', 'r.id').select(sql<number>`count(*)`.as('n')).as('flags'),
    ])
    .orderBy(sortColumn[input.sort ?? 'ingested'], nullsLow(order))
    .orderBy('r.id', order)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return {
    total: totalRow.n,
    rows: rows.map((r) => ({ ...r, flags: r.flags ?? 0 })),
  };
}

export async function getReport(db: Db, id: number) {
  const report = await reportsWithUnits(db)
    .innerJoin('report_texts as t', 't.report_id', 'r.id')
    .where('r.id', '=', id)
    .select([
      ...REPORT_HEAD,
      'r.original_name as originalName',
      'r.encoding',
      't.text',
      'r.ingested_at as ingestedAt',
      'r.deleted_at as deletedAt',
      'r.deleted_by as deletedBy',
      'r.superseded_by as supersededBy',
      'r.ocr_engine as ocrEngine',
      'r.ocr_confidence as ocrConfidence',
      'r.ocr_pages as ocrPages',
    ])
    .executeTakeFirst();
  if (!report) return null;
  const { ocrEngine, ocrConfidence, ocrPages, ...head } = report;
  // Read from a scan: how, so the report page can say why a character may be wrong.
  const ocr = ocrEngine === null ? null : { engine: ocrEngine, confidence: ocrConfidence ?? 0, pages: ocrPages ?? 0 };
  const earlierVersions = await db.selectFrom('reports').where('superseded_by', '=', id).select(['id', 'ingested_at as ingestedAt', 'file_name as fileName']).execute();
  const [sections, problems, figures, placeholders, flags] = await Promise.all([
    db.selectFrom('sections').where('report_id', '=', id).orderBy('ord').select(['level', 'marker', 'heading', 'kind', 'start', 'end', 'heading_end as headingEnd']).execute(),
    db.selectFrom('problems').where('report_id', '=', id).orderBy('ord').select(['start', 'end', 'theme_id as theme']).execute(),
    db
      .selectFrom('figures')
      .where('report_id', '=', id)
      .orderBy('ord')
      .select(['start', 'end', 'activity', 'category', 'value', 'unit', 'approx', 'placeholder', 'sentence_start as sentenceStart', 'sentence_end as sentenceEnd'])
      .execute(),
    db.selectFrom('placeholders').where('report_id', '=', id).orderBy('start').select(['start', 'end', 'kind']).execute(),
    db.selectFrom('flags').where('report_id', '=', id).orderBy('start').select(['kind', 'message', 'start', 'end']).execute(),
  ]);
  return {
    ...head,
    ocr,
    sections,
    problems,
    figures: figures.map((f) => ({ ...f, approx: f.approx === 1, placeholder: f.placeholder === 1 })),
    placeholders,
    flags,
    earlierVersions,
  };
}

/** Soft deletion and its undoing; returns false when the report does not exist. */
export async function setReportDeleted(db: Db, id: number, by: string | null): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('reports')
      .set(by === null ? { deleted_at: null, deleted_by: null } : { deleted_at: new Date().toISOString(), deleted_by: by })
      .where('id', '=', id)
      .returning('unit_id')
      .executeTakeFirst();
    // The unit's live reports changed: so did its recurrences and unmatched activities.
    if (r) await refreshUnitSummaries(trx, [r.unit_id]);
    return r !== undefined;
  });
}

export async function listDeletedReports(db: Db) {
  return db
    .selectFrom('reports as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .where('r.deleted_at', 'is not', null)
    .select(['r.id', 'u.name as unit', 'r.year', 'r.period', 'r.title', 'r.deleted_at as deletedAt', 'r.deleted_by as deletedBy'])
    .orderBy('r.deleted_at', 'desc')
    .execute();
}

export type ReportDetail = NonNullable<Awaited<ReturnType<typeof getReport>>>;
