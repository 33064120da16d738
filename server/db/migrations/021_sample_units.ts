// Frozen: units.sample — 1 for the units of sample or demonstration reports (seed/samples), which are
// kept out of the findings about real units (未报送, 需重点审阅, the briefing's attention list) unless asked for.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('units').addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('units').dropColumn('sample').execute();
}
