// Frozen: the full-text index over jieba words. SQLite FTS5 only; on PostgreSQL search falls back to
// substring matching (strpos), so nothing is created there.
import { type Kysely, sql } from 'kysely';
import { isPostgres } from './util.js';

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  // rowid = reports.id; `words` is the report's text cut by jieba, words separated by spaces.
  await sql`create virtual table report_words using fts5(words, tokenize = 'unicode61', detail = 'full')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`drop table report_words`.execute(db);
}
