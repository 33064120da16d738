// Frozen: units, reports and the per-report findings of the analysis stage.
import type { Kysely } from 'kysely';
import { withId } from './util.js';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('units'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('department', 'text')
    .execute();

  await withId(db, db.schema.createTable('reports'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer')
    .addColumn('period', 'text')
    .addColumn('title', 'text')
    .addColumn('file_name', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull().unique())
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('chars', 'integer', (c) => c.notNull())
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .addColumn('extra', 'text')
    .execute();
  await db.schema.createIndex('reports_unit_year').on('reports').columns(['unit_id', 'year', 'period']).execute();

  const perReport = (name: string) =>
    withId(db, db.schema.createTable(name)).addColumn('report_id', 'integer', (c) =>
      c.notNull().references('reports.id').onDelete('cascade'),
    );

  await perReport('sections')
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('marker', 'text', (c) => c.notNull())
    .addColumn('heading', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('heading_end', 'integer', (c) => c.notNull())
    .execute();

  await perReport('problems')
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('theme_id', 'text')
    .execute();

  await perReport('figures')
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('activity', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('value', 'double precision')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('approx', 'integer', (c) => c.notNull())
    .addColumn('placeholder', 'integer', (c) => c.notNull())
    .addColumn('sentence_start', 'integer', (c) => c.notNull())
    .addColumn('sentence_end', 'integer', (c) => c.notNull())
    .execute();

  await perReport('placeholders')
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .execute();

  await perReport('flags')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('start', 'integer')
    .addColumn('end', 'integer')
    .execute();

  for (const t of ['sections', 'problems', 'figures', 'placeholders', 'flags']) {
    await db.schema.createIndex(`${t}_report`).on(t).column('report_id').execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['flags', 'placeholders', 'figures', 'problems', 'sections', 'reports', 'units']) {
    await db.schema.dropTable(t).execute();
  }
}
