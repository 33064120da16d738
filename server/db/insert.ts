// Multi-row inserts, and queries over many ids, in chunks that stay under the bound-parameter limits
// (SQLite 32,766; PostgreSQL 65,535).
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

const MAX_PARAMETERS = 30_000;

export async function insertRows<T extends keyof Database>(db: Kysely<Database> | Transaction<Database>, table: T, rows: Array<Insertable<Database[T]>>): Promise<void> {
  if (rows.length === 0) return;
  const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, Object.keys(rows[0]!).length)));
  for (let i = 0; i < rows.length; i += chunk) {
    // Kysely cannot relate a generic table name to its row type; the signature carries the check.
    await db.insertInto(table).values(rows.slice(i, i + chunk) as never).execute();
  }
}

/** Ids in an IN list at a time, under the same limits. */
const IN_LIST = 500;

/** The rows of `query` over all of `ids`, asked for a chunk of ids at a time. */
export async function inChunks<T>(ids: readonly number[], query: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += IN_LIST) rows.push(...(await query(ids.slice(i, i + IN_LIST))));
  return rows;
}
