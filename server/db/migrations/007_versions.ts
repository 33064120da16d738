// Frozen: nothing is ever lost. A deleted report is only marked (an administrator can undo it); a
// corrected report points to the version that replaces it, whose analysis stays reachable.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reports').addColumn('deleted_at', 'text').execute();
  await db.schema.alterTable('reports').addColumn('deleted_by', 'text').execute();
  await db.schema.alterTable('reports').addColumn('superseded_by', 'integer', (c) => c.references('reports.id')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const c of ['superseded_by', 'deleted_by', 'deleted_at']) await db.schema.alterTable('reports').dropColumn(c).execute();
}
