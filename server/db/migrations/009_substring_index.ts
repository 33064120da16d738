// Frozen: indexes that make every search an index lookup rather than a scan of every text (SQLite only;
// on PostgreSQL search falls back to strpos, where pg_trgm would be the analogue).
// - report_trigrams: the texts by trigrams. Contentless (the text is stored once, in report_texts) and
//   detail=full, so that a phrase of trigrams is an exact substring match without reading any text.
// - search_terms: every distinct jieba word of report_words, so that a query of one or two characters
//   (below a trigram) can be matched against the words that contain it.
import { type Kysely, sql } from 'kysely';
import { isPostgres } from './util.js';

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`create virtual table report_trigrams using fts5(text, content = '', contentless_delete = 1, tokenize = 'trigram', detail = 'full')`.execute(db);
  await sql`insert into report_trigrams (rowid, text) select report_id, text from report_texts`.execute(db);
  // Filled from the word index when the database is opened (server/db/derived.ts).
  await db.schema.createTable('search_terms').addColumn('term', 'text', (c) => c.primaryKey()).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await db.schema.dropTable('search_terms').execute();
  await sql`drop table report_trigrams`.execute(db);
}
