// Frozen: on PostgreSQL the foreign key of reuse_postings checked its report once per row — a million
// look-ups for 200 reports, a fifth of their ingest (the province corpus: 180 s → 118 s without it). The
// rows are written in the transaction that stores their report, and reports are never deleted (deleted
// and superseded ones stay, marked; report_texts' own key forbids deleting one), so the key guarded nothing.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { isPostgres } from './util.js';

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`alter table reuse_postings drop constraint if exists reuse_postings_report_id_fkey`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`alter table reuse_postings add foreign key (report_id) references reports (id) on delete cascade`.execute(db);
}
