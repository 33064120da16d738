// Per-report summaries derived from the stored findings (report_findings, report_activity): written at
// ingest right after the findings, so that views group a few rows per report instead of every finding.
import { type Kysely, sql } from 'kysely';
import { vocab } from '../analyze/vocab.js';
import type { Database } from '../db/schema.js';

/** Measures that are not counts (money, percentages): such figures are counted but never summed. */
export const NOT_COUNTS = [...vocab.figures.money, ...vocab.figures.percent];

/** Fill the summaries of one report from its stored findings, or of every report when none is given. */
export async function storeReportSummaries(db: Kysely<Database>, reportId?: number): Promise<void> {
  const count = (table: 'problems' | 'figures' | 'placeholders' | 'flags') => sql<number>`(select count(*) from ${sql.table(table)} x where x.report_id = r.id)`;
  let findings = db
    .selectFrom('reports as r')
    .select([
      'r.id',
      count('problems').as('problems'),
      count('figures').as('figures'),
      count('placeholders').as('placeholders'),
      count('flags').as('flags'),
      sql<number>`(select count(*) from sections s where s.report_id = r.id and s.kind = 'problems')`.as('problem_sections'),
    ]);
  if (reportId !== undefined) findings = findings.where('r.id', '=', reportId);
  await db.insertInto('report_findings').columns(['report_id', 'problems', 'figures', 'placeholders', 'flags', 'problem_sections']).expression(findings).execute();

  const category = sql<string>`coalesce(${sql.ref('f.category')}, '')`;
  let activity = db
    .selectFrom('figures as f')
    .select([
      'f.report_id',
      category.as('category'),
      sql<number>`count(*)`.as('figures'),
      sql<number>`sum(case when ${sql.ref('f.placeholder')} = 0 and ${sql.ref('f.value')} is not null and ${sql.ref('f.unit')} not in (${sql.join(NOT_COUNTS)}) then ${sql.ref('f.value')} else 0 end)`.as('total'),
      sql<number>`sum(${sql.ref('f.placeholder')})`.as('placeholders'),
    ])
    .groupBy(['f.report_id', category]);
  if (reportId !== undefined) activity = activity.where('f.report_id', '=', reportId);
  await db.insertInto('report_activity').columns(['report_id', 'category', 'figures', 'total', 'placeholders']).expression(activity).execute();
}
