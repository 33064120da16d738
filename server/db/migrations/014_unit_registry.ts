// Frozen: submissions as they really arrive.
// - units: `kind` ('registry': kept in the committee's 报送单位名录; 'found': named by a submission or a
//   manifest; 'pending': the one row that holds reports whose unit is not known yet), `level` and
//   `expected` (the periods the unit must report, e.g. "annual;H1"; null: not said).
// - unit_aliases: short and former names of registry units (市卫健委, 市卫生局).
// - reports.pending: 1 while the report's unit or year is unknown, or while it may be a corrected version
//   of a report already stored; pending reports stay out of every comparison between units.
// - report_meta: where each report's unit, year and period were taken from, with the span of the stored
//   text that named them, and the stored report a pending resubmission repeats.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('units').addColumn('kind', 'text', (c) => c.notNull().defaultTo('found')).execute();
  await db.schema.alterTable('units').addColumn('level', 'text').execute();
  await db.schema.alterTable('units').addColumn('expected', 'text').execute();
  await db.schema
    .createTable('unit_aliases')
    .addColumn('alias', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('unit_aliases_unit').on('unit_aliases').column('unit_id').execute();

  await db.schema.alterTable('reports').addColumn('pending', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('reports_pending').on('reports').column('pending').execute();

  let meta = db.schema.createTable('report_meta').addColumn('report_id', 'integer', (c) => c.primaryKey().references('reports.id').onDelete('cascade'));
  for (const field of ['unit', 'year', 'period']) {
    meta = meta
      .addColumn(`${field}_source`, 'text')
      .addColumn(`${field}_rule`, 'text')
      .addColumn(`${field}_start`, 'integer')
      .addColumn(`${field}_end`, 'integer');
  }
  await meta
    .addColumn('resubmission_of', 'integer', (c) => c.references('reports.id'))
    .addColumn('resubmission_share', 'double precision')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_meta').execute();
  await db.schema.dropIndex('reports_pending').execute();
  await db.schema.alterTable('reports').dropColumn('pending').execute();
  await db.schema.dropTable('unit_aliases').execute();
  for (const c of ['expected', 'level', 'kind']) await db.schema.alterTable('units').dropColumn(c).execute();
}
