// Frozen: reviewers' corrections of the problem themes, kept when themes are recomputed.
// - themes.merged_into: the theme that absorbed this one (its id stays, its statements moved there);
//   themes.renamed_by: who renamed the theme (the codebook then no longer overwrites its label);
// - theme_cues: cue phrases a reviewer added to a theme; they steer future assignments;
// - theme_pins: a statement a reviewer moved to a theme (theme_id) or to unassigned (null). Keyed by the
//   statement's span, not the problems row, so that a pin survives the report being analysed again.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('themes').addColumn('merged_into', 'text').execute();
  await db.schema.alterTable('themes').addColumn('renamed_by', 'text').execute();
  await db.schema
    .createTable('theme_cues')
    .addColumn('theme_id', 'text', (c) => c.notNull().references('themes.id'))
    .addColumn('cue', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('theme_cues_pk', ['theme_id', 'cue'])
    .execute();
  await db.schema
    .createTable('theme_pins')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('theme_id', 'text', (c) => c.references('themes.id'))
    .addColumn('pinned_by', 'text', (c) => c.notNull())
    .addColumn('pinned_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('theme_pins_pk', ['report_id', 'start', 'end'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('theme_pins').execute();
  await db.schema.dropTable('theme_cues').execute();
  await db.schema.alterTable('themes').dropColumn('renamed_by').execute();
  await db.schema.alterTable('themes').dropColumn('merged_into').execute();
}
