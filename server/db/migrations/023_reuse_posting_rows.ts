// Frozen: on PostgreSQL, every reuse fingerprint also as a row, indexed for the lookups the engine makes
// (all postings of a hash in report order; a report's rows, for its deletion), so that whichever server
// process resolves a report asks the database instead of loading every report's fingerprints into its own
// memory. SQLite (one process) keeps its in-memory index: there a row per posting cost 230 ms a report
// (002_reuse.ts). Reports stored before this migration get their rows from the derive stage (deriveStale).
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { isPostgres } from './util.js';

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await db.schema
    .createTable('reuse_postings')
    .addColumn('hash', 'integer', (c) => c.notNull())
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .execute();
  // Covering, so that a hash's postings are read from the index alone.
  await sql`create index reuse_postings_hash on reuse_postings (hash, report_id, start) include ("end")`.execute(db);
  await db.schema.createIndex('reuse_postings_report').on('reuse_postings').column('report_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await db.schema.dropTable('reuse_postings').execute();
}
