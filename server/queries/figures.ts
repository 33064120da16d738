// The activity drill-down: the figures behind a cell, with the sentences they came from.
import { sql } from 'kysely';
import type { Filters } from '../../shared/filters.js';
import type { Db } from '../db/connection.js';
import { applyFilters, firstOfEach, nullsLow } from './filters.js';
import { reportTexts } from '../db/texts.js';
import { NOT_COUNTS } from '../derive/report-summaries.js';

export interface FigureListInput extends Filters {
  /** A category, or null for the figures no category matched; undefined for all. */
  category?: string | null;
  activity?: string;
  page: number;
  pageSize: number;
}

export async function listFigures(db: Db, input: FigureListInput) {
  let q = applyFilters(db.selectFrom('figures as f').innerJoin('reports as r', 'r.id', 'f.report_id').innerJoin('units as u', 'u.id', 'r.unit_id'), input);
  if (input.category === null) q = q.where('f.category', 'is', null);
  else if (input.category !== undefined) q = q.where('f.category', '=', input.category);
  if (input.activity) q = q.where('f.activity', '=', input.activity);
  const total = (await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n;
  const rows = await q
    .select([
      'f.id',
      'f.report_id as reportId',
      'u.name as unit',
      'u.department',
      'r.year',
      'r.period',
      'f.activity',
      'f.category',
      'f.value',
      'f.unit as measure',
      'f.approx',
      'f.placeholder',
      'f.start',
      'f.end',
      'f.sentence_start as sentenceStart',
      'f.sentence_end as sentenceEnd',
    ])
    .orderBy('r.year', nullsLow('desc'))
    .orderBy('f.id')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  const texts = await reportTexts(
    db,
    rows.map((f) => f.reportId),
  );
  return {
    total,
    rows: rows.map((f) => ({
      ...f,
      approx: f.approx === 1,
      placeholder: f.placeholder === 1,
      sentence: texts.get(f.reportId)?.slice(f.sentenceStart, f.sentenceEnd) ?? '',
      figureOffset: { start: f.start - f.sentenceStart, end: f.end - f.sentenceStart },
    })),
  };
}

/**
 * Per category, the largest count a report in scope gives (开展专题学习12次): the figure a briefing names,
 * with the sentence it stands in, so that a reader can check it.
 */
export async function getNotableFigures(db: Db, f: Filters, categories: string[]) {
  if (categories.length === 0) return [];
  const ranked = applyFilters(db.selectFrom('figures as f').innerJoin('reports as r', 'r.id', 'f.report_id').innerJoin('units as u', 'u.id', 'r.unit_id'), f)
    .where('f.category', 'in', categories)
    .where('f.placeholder', '=', 0)
    .where('f.value', 'is not', null)
    .where('f.unit', 'not in', NOT_COUNTS)
    .select([
      'f.category',
      'f.report_id as reportId',
      'u.name as unit',
      'r.year',
      'r.period',
      'f.activity',
      'f.value',
      'f.unit as measure',
      'f.approx',
      'f.sentence_start as sentenceStart',
      'f.sentence_end as sentenceEnd',
      sql<number>`row_number() over (partition by f.category order by f.value desc, f.id)`.as('rank'),
    ]);
  const rows = await firstOfEach(db, ranked);
  // 1000余篇 stays 余: approx is stored 0/1.
  return rows.map(({ rank: _rank, ...r }) => ({ ...r, category: r.category!, value: Number(r.value), approx: r.approx === 1 }));
}
