// Multi-row inserts, and queries over many ids, in chunks that stay under the bound-parameter limits
// (SQLite 32,766; PostgreSQL 65,535).
import { CompiledQuery, type Insertable, type Kysely, type Transaction } from 'kysely';
import { isPostgres } from './migrations/util.js';
import type { Database } from './schema.js';

const MAX_PARAMETERS = 30_000;

export async function insertRows<T extends keyof Database>(db: Kysely<Database> | Transaction<Database>, table: T, rows: Array<Insertable<Database[T]>>): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, columns.length)));
  const uniform = rows.every((row) => sameColumns(row, columns));
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    if (uniform) await db.executeQuery(insertStatement(table, columns, part, isPostgres(db)));
    // Kysely cannot relate a generic table name to its row type; the signature carries the check.
    else await db.insertInto(table).values(part as never).execute();
  }
}

/** Whether a row sets exactly these columns, none undefined (any other batch of rows goes through Kysely, as before). */
function sameColumns(row: object, columns: readonly string[]): boolean {
  const keys = Object.keys(row);
  return keys.length === columns.length && keys.every((k, i) => k === columns[i]) && !Object.values(row).includes(undefined);
}

/**
 * One INSERT of many rows that all set the same columns, written directly: Kysely's builder parses every
 * value of every row, which cost more than SQLite's own work on the reuse tables (3.5 s of a 3,000-report
 * batch). Table and column names come from the code, never from input; the values are bound parameters.
 */
function insertStatement(table: string, columns: readonly string[], rows: readonly object[], pg: boolean): CompiledQuery {
  const parameters: unknown[] = [];
  // Every row's values stand in the order of `columns` (sameColumns).
  const tuples = rows.map((row) => {
    const marks = Object.values(row).map((value) => {
      parameters.push(value);
      return pg ? `$${parameters.length}` : '?';
    });
    return `(${marks.join(', ')})`;
  });
  const names = columns.map((c) => `"${c}"`).join(', ');
  return CompiledQuery.raw(`insert into "${table}" (${names}) values ${tuples.join(', ')}`, parameters);
}

/** Ids in an IN list at a time, under the same limits. */
const IN_LIST = 500;

/** The rows of `query` over all of `ids`, asked for a chunk of ids at a time. */
export async function inChunks<T>(ids: readonly number[], query: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += IN_LIST) rows.push(...(await query(ids.slice(i, i + IN_LIST))));
  return rows;
}
