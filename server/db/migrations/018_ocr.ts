// Frozen: reports read from a scan by OCR carry how — the engine and language, the mean word
// confidence (0–1) and the pages recognised — so reviewers know why a character may be wrong.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reports').addColumn('ocr_engine', 'text').execute();
  await db.schema.alterTable('reports').addColumn('ocr_confidence', 'real').execute();
  await db.schema.alterTable('reports').addColumn('ocr_pages', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reports').dropColumn('ocr_pages').execute();
  await db.schema.alterTable('reports').dropColumn('ocr_confidence').execute();
  await db.schema.alterTable('reports').dropColumn('ocr_engine').execute();
}
