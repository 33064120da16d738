// Work that one process at a time may do on a database that several share: bringing stored data up to
// date at start, creating the first administrator, seeding an empty database. On PostgreSQL a session
// advisory lock, held on a connection of its own while the work runs on the others; on SQLite, whose file
// a single server owns, the work simply runs.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './connection.js';
import { isPostgres } from './migrations/util.js';

/** A lock's key: the first 8 bytes of the name's sha256, as PostgreSQL's bigint. */
export function lockKey(name: string): string {
  return createHash('sha256').update(`yanpan:${name}`).digest().readBigInt64BE(0).toString();
}

/** Runs `work` while no other process runs work under the same name (waiting for it to finish). */
export async function exclusively<T>(db: Db, name: string, work: () => Promise<T>): Promise<T> {
  if (!isPostgres(db)) return work();
  const key = lockKey(name);
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${key}::bigint)`.execute(conn);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${key}::bigint)`.execute(conn);
    }
  });
}
