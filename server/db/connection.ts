// Opens the database and brings its schema up to date: the embedded SQLite file (WAL, foreign keys on),
// or a PostgreSQL database named by a postgres:// URL, which several server processes may share. A
// plain store: derived data is the derive stage's (server/derive/), which callers run explicitly.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteAdapter, SqliteDialect, type SqliteDatabase, sql } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';
import { DatabaseOpenError } from './errors.js';

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

/** The database given (--db), else YANPAN_DB, else the embedded default: a SQLite file path or a postgres:// URL. */
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
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new DatabaseOpenError(`无法打开数据库 ${file}：这是一个目录，不是数据库文件`);
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

/** Whether a database location is a PostgreSQL URL rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The location as it may be printed: a URL's password hidden. */
export function describeDb(location: string): string {
  if (!isPostgresUrl(location)) return location;
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://…';
  }
}

/** The database at a location, its schema brought up to date. */
export async function openDb(location: string): Promise<Db> {
  const db = await connectDb(location);
  await migrate(db);
  return db;
}

/** The database at a location as it is, not migrated (backups, tests of upgrades). */
export async function connectDb(location: string): Promise<Db> {
  return isPostgresUrl(location) ? connectPostgres(location) : connectSqlite(location);
}

function connectSqlite(file: string): Db {
  if (file !== ':memory:') makePrivate(file);
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MB of page cache (the default is 2 MB): the views' working set (reports, summaries, indexes) stays in memory.
  sqlite.pragma('cache_size = -65536');
  return new Kysely<Database>({ dialect: new YanpanSqliteDialect({ database: preparingOnce(sqlite) }) });
}

/** Statements kept prepared: the queries of an ingest repeat a few dozen texts thousands of times. */
const PREPARED_KEPT = 256;

/**
 * The database as Kysely's driver sees it, each statement prepared once and kept (the least recently
 * used dropped beyond PREPARED_KEPT): Kysely prepares every query it runs anew, which cost an ingest of
 * the province corpus about a second. A statement still being iterated is never handed out twice.
 */
export function preparingOnce(sqlite: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(query: string) {
      const stmt = kept.get(query);
      if (stmt && !stmt.busy) {
        // Map order is insertion order: taken out and put back, it becomes the most recently used.
        kept.delete(query);
        kept.set(query, stmt);
        return stmt;
      }
      const fresh = sqlite.prepare(query);
      kept.set(query, fresh);
      if (kept.size > PREPARED_KEPT) kept.delete(kept.keys().next().value!);
      return fresh;
    },
  };
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Counts and sums as numbers, as SQLite returns them: pg hands bigint (count, sum of integers) and
 * numeric (avg) over as strings, to keep precision no count or sum of characters here comes near.
 */
const numbersAsNumbers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID || oid === NUMERIC_OID ? Number : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** Connections per process: the views ask a handful of queries at once; several processes share the server. */
const POOL_SIZE = 8;

async function connectPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, types: numbersAsNumbers });
  // A connection the server drops (restart, network, an administrator) must not take the process down:
  // idle ones are replaced by the pool; one in use fails its next query, and that request or batch with it.
  const dropped = (e: Error) => console.error(`PostgreSQL 连接中断：${e.message}`);
  pool.on('error', dropped);
  pool.on('connect', (client) => client.on('error', dropped));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    const { rows } = await sql<{ version: number; ctype: string }>`
      select current_setting('server_version_num')::int as version,
             (select datctype from pg_database where datname = current_database()) as ctype`.execute(db);
    const { version, ctype } = rows[0]!;
    if (version < 150000) throw new Error(`需要 PostgreSQL 15 或更高版本（当前 ${Math.floor(version / 10000)}）`);
    // Under the C locale pg_trgm sees no letters in Chinese text: search stays correct but scans every text.
    if (ctype === 'C' || ctype === 'POSIX') {
      console.error(`注意：数据库的 LC_CTYPE 为 ${ctype}，中文全文检索无法使用索引（会逐篇扫描）；建议以 --locale=C.UTF-8 新建数据库`);
    }
  } catch (e) {
    await db.destroy();
    throw new DatabaseOpenError(`无法打开 PostgreSQL 数据库 ${describeDb(url)}：${e instanceof Error ? e.message : String(e)}`);
  }
  return db;
}

async function migrate(db: Db): Promise<void> {
  // On PostgreSQL the Migrator holds an advisory lock: serve processes starting together migrate once.
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
    throw new DatabaseOpenError(`数据库迁移失败（${failed}）：${error instanceof Error ? error.message : String(error)}`);
  }
}
