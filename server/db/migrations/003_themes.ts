// Frozen: problem themes. A theme's id never changes once statements point at it (problems.theme_id), so
// that counts per year stay comparable as reports are added.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('themes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    // JSON array of key terms.
    .addColumn('terms', 'text', (c) => c.notNull())
    // 'seed' (shared/vocab/problem-themes.json) or 'found' (discovered by clustering).
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('problems_theme').on('problems').column('theme_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('problems_theme').execute();
  await db.schema.dropTable('themes').execute();
}
