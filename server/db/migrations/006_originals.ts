// Frozen: the file each report was sent as, kept content-addressed on disk (data/originals/ab/abcd…),
// so a reviewer can download what the unit sent, not only the extracted text.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reports').addColumn('original_sha256', 'text').execute();
  await db.schema.alterTable('reports').addColumn('original_name', 'text').execute();
  await db.schema.createIndex('reports_original_sha256').on('reports').column('original_sha256').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('reports_original_sha256').execute();
  await db.schema.alterTable('reports').dropColumn('original_name').execute();
  await db.schema.alterTable('reports').dropColumn('original_sha256').execute();
}
