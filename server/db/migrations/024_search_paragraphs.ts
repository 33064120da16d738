// Frozen: on PostgreSQL, the trigram index over the texts' lines (report_paragraphs) instead of over whole
// texts. pg_trgm must read every candidate again to confirm a substring, and over whole texts a phrase
// found in half the reports (网络舆情) meant decompressing half the corpus, about 180 ms at 10,000
// reports; over lines it reads the few lines holding the trigrams. A query never holds a line break
// (control characters become spaces), so it lies inside one line whenever it lies inside the text.
// Lines without a character are left out. SQLite's FTS5 trigram index answers without reading the texts:
// nothing changes there.
import { type Kysely, sql } from 'kysely';
import { isPostgres } from './util.js';

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await db.schema
    .createTable('report_paragraphs')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_paragraphs_pk', ['report_id', 'ord'])
    .execute();
  await sql`insert into report_paragraphs (report_id, ord, text)
    select t.report_id, p.ord, p.line from report_texts t, string_to_table(t.text, chr(10)) with ordinality as p(line, ord)
    where p.line <> ''`.execute(db);
  await sql`create index report_paragraphs_trigrams on report_paragraphs using gin (text gin_trgm_ops)`.execute(db);
  await sql`drop index report_texts_trigrams`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create index report_texts_trigrams on report_texts using gin (text gin_trgm_ops)`.execute(db);
  await db.schema.dropTable('report_paragraphs').execute();
}
