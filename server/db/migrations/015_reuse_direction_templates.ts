// Frozen: who copied whom, and the template library (范文库).
// - reuse_reports gains the characters of the new kinds: shared (same period, direction unknown),
//   template (taken from the template library; directive_chars: of them, quoted from a superior's
//   document) and original (taken by later reports of other units; in no rate).
// - reuse_pairs gains the kind of what report_id holds of other_id: copied (other_id is earlier),
//   shared (same period) or self (same unit).
// - templates: reference texts that belong to no unit, with their fingerprints; the passages reports
//   share with them, the sources of template spans, and the characters each report took from each.
import type { Kysely } from 'kysely';
import { isPostgres, withId } from './util.js';

export async function up(db: Kysely<any>): Promise<void> {
  for (const column of ['shared_chars', 'template_chars', 'directive_chars', 'original_chars']) {
    await db.schema.alterTable('reuse_reports').addColumn(column, 'integer', (c) => c.notNull().defaultTo(0)).execute();
  }
  await db.schema.alterTable('reuse_pairs').addColumn('kind', 'text', (c) => c.notNull().defaultTo('copied')).execute();

  await withId(db, db.schema.createTable('templates'))
    .addColumn('title', 'text', (c) => c.notNull())
    // model (范文: a model essay from a template site) | directive (上级文件: a document units are expected to quote)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text')
    .addColumn('file_name', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull().unique())
    .addColumn('chars', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text')
    .execute();

  // A template's fingerprints, as reuse_fingerprints holds a report's: [hash, start, end] int32 triples.
  await db.schema
    .createTable('reuse_template_fingerprints')
    .addColumn('template_id', 'integer', (c) => c.primaryKey().references('templates.id').onDelete('cascade'))
    .addColumn('postings', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('reuse_template_passages'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('template_id', 'integer', (c) => c.notNull().references('templates.id').onDelete('cascade'))
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('template_start', 'integer', (c) => c.notNull())
    .addColumn('template_end', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reuse_template_passages_report').on('reuse_template_passages').column('report_id').execute();
  await db.schema.createIndex('reuse_template_passages_template').on('reuse_template_passages').column('template_id').execute();

  await db.schema
    .createTable('reuse_template_sources')
    .addColumn('span_id', 'integer', (c) => c.notNull().references('reuse_spans.id').onDelete('cascade'))
    .addColumn('template_id', 'integer', (c) => c.notNull().references('templates.id').onDelete('cascade'))
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reuse_template_sources_span').on('reuse_template_sources').column('span_id').execute();

  // Characters of report_id in template spans naming template_id.
  await db.schema
    .createTable('reuse_template_pairs')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('template_id', 'integer', (c) => c.notNull().references('templates.id').onDelete('cascade'))
    .addColumn('chars', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('reuse_template_pairs_pk', ['report_id', 'template_id'])
    .execute();
  await db.schema.createIndex('reuse_template_pairs_template').on('reuse_template_pairs').column('template_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['reuse_template_pairs', 'reuse_template_sources', 'reuse_template_passages', 'reuse_template_fingerprints', 'templates']) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable('reuse_pairs').dropColumn('kind').execute();
  for (const column of ['shared_chars', 'template_chars', 'directive_chars', 'original_chars']) {
    await db.schema.alterTable('reuse_reports').dropColumn(column).execute();
  }
}
