// Frozen: per-report summaries of the findings, written at ingest with the findings themselves (a
// report's analysis never changes), so that views group one or a few rows per report, not every finding:
// - report_findings: how many problem statements, figures, placeholders and flags, and whether the
//   report has a problems section;
// - report_activity: the reported activities summed per category.
// Filled for the reports already stored when the database is opened (server/db/derived.ts).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_findings')
    .addColumn('report_id', 'integer', (c) => c.primaryKey().references('reports.id'))
    .addColumn('problems', 'integer', (c) => c.notNull())
    .addColumn('figures', 'integer', (c) => c.notNull())
    .addColumn('placeholders', 'integer', (c) => c.notNull())
    .addColumn('flags', 'integer', (c) => c.notNull())
    .addColumn('problem_sections', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('report_activity')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    // '' stands for "no category matched" so that (report_id, category) can be the key in both dialects.
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('figures', 'integer', (c) => c.notNull())
    .addColumn('total', 'double precision', (c) => c.notNull())
    .addColumn('placeholders', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_activity_pk', ['report_id', 'category'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_activity').execute();
  await db.schema.dropTable('report_findings').execute();
}
