// Opens the embedded SQLite database (WAL, foreign keys on) and brings its schema up to date. A plain
// store: derived data is the derive stage's (server/derive/), which callers run explicitly.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteAdapter, SqliteDialect } from 'kysely';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

/**
 * SQLite's DDL is transactional, though Kysely's adapter does not claim it. Claiming it makes the
 * Migrator run all pending migrations in one transaction: an upgrade interrupted halfway (a restart
 * during the first start) leaves the database as it was, not half-migrated and unopenable.
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
export class YanpanSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalSqliteAdapter();
  }
}

export function defaultDbPath(explicit?: string): string {
  return explicit ?? process.env.YANPAN_DB ?? path.join('data', 'yanpan.db');
}

/** Owner-only modes for what the data folder holds: reports, accounts, originals and backups are not for other local users. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * The database file readable by its owner only, created so before SQLite opens it (SQLite gives its -wal
 * and -shm files the database file's mode). An existing file is tightened; folders that already exist are
 * left as they are (the database may sit in a shared folder).
 */
function makePrivate(file: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: PRIVATE_DIR_MODE });
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if (fs.existsSync(f) && (fs.statSync(f).mode & 0o077) !== 0) fs.chmodSync(f, PRIVATE_FILE_MODE);
    } catch (e) {
      console.error(`[db] 无法收紧 ${f} 的访问权限：${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

export async function openDb(file: string): Promise<Db> {
  if (file !== ':memory:') makePrivate(file);
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MB of page cache (the default is 2 MB): the views' working set (reports, summaries, indexes) stays in memory.
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new YanpanSqliteDialect({ database: sqlite }) });
  // Branches developed side by side number their migrations apart (014 may arrive after 017): each runs once.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
  const known = await migrator.getMigrations();
  const pending = known.filter((m) => m.executedAt === undefined).length;
  // An upgrade of a database in use (not the creation of a new one) can take a while at scale: say so.
  if (pending > 0 && pending < known.length) console.error(`正在升级数据库结构（${pending} 项），报告多时需要几十秒，请稍候……`);
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    await db.destroy();
    throw new Error(`数据库迁移失败（${failed}）：${error instanceof Error ? error.message : String(error)}`);
  }
  return db;
}
