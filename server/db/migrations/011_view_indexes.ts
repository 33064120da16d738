// Frozen: indexes for the dashboard's heavier views at 10,000 reports.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The copy graph reads only the report pairs that share a sentence or more.
  await db.schema.createIndex('reuse_pairs_chars').on('reuse_pairs').columns(['chars', 'report_id', 'other_id']).execute();
  // The activity drill-down and the unmatched activities select figures by category (null included).
  await db.schema.createIndex('figures_category').on('figures').columns(['category', 'report_id', 'activity']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('figures_category').execute();
  await db.schema.dropIndex('reuse_pairs_chars').execute();
}
