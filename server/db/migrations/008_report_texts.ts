// Frozen: a report's text moves to its own table. Every view filters and groups reports; with the text
// inline, SQLite read a report's whole text (its overflow pages) to reach the columns after it.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_texts')
    .addColumn('report_id', 'integer', (c) => c.primaryKey().references('reports.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into report_texts (report_id, text) select id, text from reports`.execute(db);
  await db.schema.alterTable('reports').dropColumn('text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reports').addColumn('text', 'text', (c) => c.notNull().defaultTo('')).execute();
  await sql`update reports set text = (select t.text from report_texts t where t.report_id = reports.id)`.execute(db);
  await db.schema.dropTable('report_texts').execute();
}
