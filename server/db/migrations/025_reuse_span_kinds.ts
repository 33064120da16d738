// Frozen: reuse spans by kind. Nineteen spans in twenty are stock phrases; the views that want the copied
// (and shared) passages, the briefing's longest copied passage per unit and the most copied passages,
// read those from this index alone instead of every span (at 10,000 reports: 31,000 copied of 646,000),
// which is why it carries their offsets.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('reuse_spans_kind').on('reuse_spans').columns(['kind', 'report_id', 'start', 'end', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('reuse_spans_kind').execute();
}
