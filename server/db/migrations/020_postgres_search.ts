// Frozen: on PostgreSQL, the indexes that make every search an index lookup, as migrations 004 and 009
// made them on SQLite (where this migration creates nothing):
// - report_texts by trigrams (pg_trgm, GIN): a substring of three characters or more, in either case;
// - report_word_vectors: each report's jieba words as tsvectors (server/search/words.ts), GIN-indexed,
//   for phrases of words and for the words that contain a short query;
// - search_terms: every distinct word of them, as on SQLite.
// The word vectors need jieba, which a migration must not call: reports stored before this migration
// are indexed by the derive stage (deriveStale).
import { type Kysely, sql } from 'kysely';
import { isPostgres } from './util.js';

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  // A trusted extension since PostgreSQL 13: the database's owner may create it.
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create index report_texts_trigrams on report_texts using gin (text gin_trgm_ops)`.execute(db);
  await db.schema
    .createTable('report_word_vectors')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('part', 'integer', (c) => c.notNull())
    .addColumn('words', sql`tsvector`, (c) => c.notNull())
    .addPrimaryKeyConstraint('report_word_vectors_pk', ['report_id', 'part'])
    .execute();
  await sql`create index report_word_vectors_words on report_word_vectors using gin (words)`.execute(db);
  await db.schema.createTable('search_terms').addColumn('term', 'text', (c) => c.primaryKey()).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await db.schema.dropTable('search_terms').execute();
  await db.schema.dropTable('report_word_vectors').execute();
  await sql`drop index report_texts_trigrams`.execute(db);
}
