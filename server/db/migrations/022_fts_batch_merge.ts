// Frozen: the SQLite full-text indexes (report_trigrams, report_words) merge their segments less eagerly:
// FTS5 merges a level once 16 segments (not 4) have piled up. Reports arrive in batches of hundreds, and
// merging every few reports rewrote the same index pages over and over: on the province corpus (714
// reports) the ingest wrote a quarter less to disk and its indexing took about 6 s less. PostgreSQL keeps
// its own indexes.
import { type Kysely, sql } from 'kysely';
import { isPostgres } from './util.js';

const SEGMENTS_BEFORE_MERGE = 16;
const FTS5_DEFAULT = 4;

async function setAutomerge(db: Kysely<any>, segments: number): Promise<void> {
  for (const table of ['report_trigrams', 'report_words']) {
    await sql`insert into ${sql.table(table)} (${sql.ref(table)}, rank) values ('automerge', ${sql.lit(segments)})`.execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await setAutomerge(db, SEGMENTS_BEFORE_MERGE);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await setAutomerge(db, FTS5_DEFAULT);
}
