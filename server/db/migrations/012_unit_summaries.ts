// Frozen: per-unit findings over the unit's live reports, derived whenever they may change (after a
// batch and its theme refresh, when a report is deleted or restored; filled for the reports already
// stored when the database is opened, server/db/derived.ts), so that the recurrence list and the
// unmatched activities are read rather than computed over the whole corpus:
// - recurrence_runs / recurrence_reports: the runs of server/themes/recurrence.ts and their reports;
// - unmatched_activities: per unit, the activities no category matched.
import type { Kysely } from 'kysely';
import { withId } from './util.js';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('recurrence_runs'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('theme_id', 'text', (c) => c.notNull())
    .addColumn('periods', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recurrence_runs_unit').on('recurrence_runs').columns(['unit_id', 'periods']).execute();
  await db.schema
    .createTable('recurrence_reports')
    .addColumn('run_id', 'integer', (c) => c.notNull().references('recurrence_runs.id').onDelete('cascade'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('period', 'text')
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('recurrence_reports_pk', ['run_id', 'ord'])
    .execute();
  await db.schema
    .createTable('unmatched_activities')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('activity', 'text', (c) => c.notNull())
    .addColumn('figures', 'integer', (c) => c.notNull())
    .addColumn('reports', 'integer', (c) => c.notNull())
    /** The first figure with the activity (lowest id), for an example in context. */
    .addColumn('first_figure_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('unmatched_activities_pk', ['unit_id', 'activity'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unmatched_activities').execute();
  await db.schema.dropTable('recurrence_reports').execute();
  await db.schema.dropTable('recurrence_runs').execute();
}
