// Database errors a caller can act on, the same in either dialect.

/** The database could not be opened (unreachable server, refused login, failed migration): a message for the user. */
export class DatabaseOpenError extends Error {}

/** The `code` an error carries (SQLITE_NOTADB, 23505, EADDRINUSE), '' when it has none. */
export function errorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
}

/** A UNIQUE constraint refused the row: SQLite's SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY, PostgreSQL's 23505. */
export function isUniqueViolation(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/**
 * The database itself is failing (disk full or failing, corrupt, read-only, locked, connection lost),
 * whatever the row: going on with the next file would only fail it too. SQLite's primary result codes
 * and PostgreSQL's SQLSTATE classes 08 (connection), 53 (resources), 57 (operator), 58 (system).
 */
export function isEnvironmentFailure(e: unknown): boolean {
  const code = errorCode(e);
  if (/^SQLITE_(FULL|IOERR|CORRUPT|READONLY|BUSY|LOCKED|CANTOPEN|NOMEM|NOTADB|PROTOCOL)/.test(code)) return true;
  // SQLite rolls a transaction back by itself only on such failures (full, I/O, busy, out of memory);
  // the rollback that follows then fails, and its error is the one that surfaces.
  if (code === 'SQLITE_ERROR' && /cannot rollback - no transaction is active/.test(String((e as { message?: unknown }).message))) return true;
  if (/^(08|53|57|58)[0-9A-Z]{3}$/.test(code)) return true;
  // Node's own I/O errors (the originals folder): ENOSPC, EACCES, EROFS, EIO …
  return /^E(NOSPC|ACCES|PERM|ROFS|IO|DQUOT|MFILE|NFILE)$/.test(code);
}
