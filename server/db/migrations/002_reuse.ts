// Frozen: the reuse index (fingerprints per report), the pairwise passages it finds, and the spans, sources
// and shared characters derived from them.
import type { Kysely } from 'kysely';
import { isPostgres, withId } from './util.js';

export async function up(db: Kysely<any>): Promise<void> {
  // A report's fingerprints, written once at ingest: [hash, start, end] triples as little-endian int32,
  // one row per report. The inverted index (hash → reports) is built from them in memory: as rows in a
  // hash-ordered B-tree, every new report's ~5,000 postings landed on as many random pages (measured:
  // 230 ms a report on SQLite, 200 s for the province corpus), while one row a report is one append.
  await db.schema
    .createTable('reuse_fingerprints')
    .addColumn('report_id', 'integer', (c) => c.primaryKey().references('reports.id').onDelete('cascade'))
    .addColumn('postings', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .execute();

  // One row per indexed report: whether its passages are resolved, and its characters in each kind.
  await db.schema
    .createTable('reuse_reports')
    .addColumn('report_id', 'integer', (c) => c.primaryKey().references('reports.id').onDelete('cascade'))
    .addColumn('resolved', 'integer', (c) => c.notNull())
    .addColumn('stock_chars', 'integer', (c) => c.notNull())
    .addColumn('copied_chars', 'integer', (c) => c.notNull())
    .addColumn('self_chars', 'integer', (c) => c.notNull())
    .execute();

  // Passages aligned between two reports, one row per direction.
  await withId(db, db.schema.createTable('reuse_passages'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('source_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('source_start', 'integer', (c) => c.notNull())
    .addColumn('source_end', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reuse_passages_report').on('reuse_passages').column('report_id').execute();
  await db.schema.createIndex('reuse_passages_source').on('reuse_passages').column('source_id').execute();

  await withId(db, db.schema.createTable('reuse_spans'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reuse_spans_report').on('reuse_spans').column('report_id').execute();

  await db.schema
    .createTable('reuse_sources')
    .addColumn('span_id', 'integer', (c) => c.notNull().references('reuse_spans.id').onDelete('cascade'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reuse_sources_span').on('reuse_sources').column('span_id').execute();
  await db.schema.createIndex('reuse_sources_report').on('reuse_sources').column('report_id').execute();

  // Characters of report_id in copied or self spans shared with other_id (not symmetric: each side's own).
  await db.schema
    .createTable('reuse_pairs')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('other_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('chars', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('reuse_pairs_pk', ['report_id', 'other_id'])
    .execute();
  await db.schema.createIndex('reuse_pairs_other').on('reuse_pairs').column('other_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['reuse_pairs', 'reuse_sources', 'reuse_spans', 'reuse_passages', 'reuse_reports', 'reuse_fingerprints']) {
    await db.schema.dropTable(t).execute();
  }
}
