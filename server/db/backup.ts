// Consistent online backups (safe while the server writes), and restores that check the backup before
// putting it over the live database: through SQLite's backup API for the embedded file, through
// PostgreSQL's own pg_dump and pg_restore (custom format) for a postgres:// database.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { connectDb, describeDb, isPostgresUrl } from './connection.js';

export class BackupError extends Error {}

export interface BackupResult {
  bytes: number;
  reports: number;
  /** What made the copy: SQLite's online backup, or pg_dump. */
  method: 'sqlite' | 'pg_dump';
}

export async function backupDatabase(dbFile: string, destination: string): Promise<BackupResult> {
  if (isPostgresUrl(dbFile)) return backupPostgres(dbFile, destination);
  if (!fs.existsSync(dbFile)) throw new BackupError(`数据库不存在：${dbFile}`);
  if (path.resolve(dbFile) === path.resolve(destination)) throw new BackupError('备份文件不能与数据库为同一文件');
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const db = new SQLite(dbFile, { readonly: true, fileMustExist: true });
  try {
    await db.backup(destination);
  } finally {
    db.close();
  }
  return { bytes: fs.statSync(destination).size, reports: checkBackup(destination), method: 'sqlite' };
}

/** Opens a backup read-only and checks it is an intact Yanpan database; returns its report count. */
export function checkBackup(file: string): number {
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new BackupError(`无法打开备份文件：${file}`);
  }
  try {
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new BackupError(`备份文件已损坏（integrity_check: ${String(ok)}）`);
    const tables = new Set((db.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>).map((r) => r.name));
    for (const t of ['reports', 'units', 'kysely_migration']) {
      if (!tables.has(t)) throw new BackupError(`这不是研判的数据库备份（缺少 ${t} 表）`);
    }
    return (db.prepare('select count(*) as n from reports').get() as { n: number }).n;
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`这不是有效的数据库备份：${e instanceof Error ? e.message : String(e)}`);
  } finally {
    db.close();
  }
}

/** Replaces the database's content with the backup's, page by page, under SQLite's own locking. */
export async function restoreDatabase(backupFile: string, dbFile: string): Promise<{ reports: number }> {
  if (isPostgresUrl(dbFile)) return restorePostgres(backupFile, dbFile);
  const reports = checkBackup(backupFile);
  fs.mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });
  const source = new SQLite(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(dbFile);
  } finally {
    source.close();
  }
  return { reports };
}

// --- PostgreSQL ----------------------------------------------------------------------------------

/** Runs a PostgreSQL client program on the database; the password goes by environment, never on a command line. */
function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[], location?: string): string {
  const env = { ...process.env };
  if (location) {
    const url = new URL(location);
    if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
    url.password = '';
    args = [...args, `--dbname=${url.toString()}`];
  }
  const r = spawnSync(tool, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new BackupError(
      `未找到 ${tool}：PostgreSQL 数据库的备份与恢复使用 PostgreSQL 自带的 pg_dump / pg_restore，请安装与服务器同版本的客户端（Debian/Ubuntu：apt-get install postgresql-client），或直接运行 pg_dump --format=custom --file=备份文件 ${location ? describeDb(location) : '数据库地址'}`,
    );
  }
  if (r.status !== 0) throw new BackupError(`${tool} 失败：${(r.stderr || String(r.error ?? '')).trim().split('\n').slice(-3).join(' ')}`);
  return r.stdout;
}

async function countStoredReports(location: string): Promise<number> {
  const db = await connectDb(location);
  try {
    return (await db.selectFrom('reports').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n;
  } finally {
    await db.destroy();
  }
}

/** pg_dump in its custom format: one consistent snapshot, taken while the servers keep writing. */
async function backupPostgres(location: string, destination: string): Promise<BackupResult> {
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const reports = await countStoredReports(location);
  runPgTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${destination}`], location);
  checkPostgresBackup(destination);
  return { bytes: fs.statSync(destination).size, reports, method: 'pg_dump' };
}

/** Checks that a file is a pg_dump archive of a Yanpan database (from its table of contents). */
function checkPostgresBackup(file: string): void {
  if (!fs.existsSync(file)) throw new BackupError(`备份文件不存在：${file}`);
  let toc: string;
  try {
    toc = runPgTool('pg_restore', ['--list', file]);
  } catch (e) {
    if (e instanceof BackupError && e.message.startsWith('未找到')) throw e;
    throw new BackupError('这不是 PostgreSQL 数据库的备份（应为 yanpan backup 或 pg_dump --format=custom 生成的文件；SQLite 的备份不能恢复到 PostgreSQL）');
  }
  for (const t of ['reports', 'units', 'kysely_migration']) {
    if (!new RegExp(`TABLE public ${t} `).test(toc)) throw new BackupError(`这不是研判的数据库备份（缺少 ${t} 表）`);
  }
}

/**
 * pg_restore over the live database in one transaction: the tables are replaced together or not at
 * all, and the servers' queries wait for it rather than see half of it.
 */
async function restorePostgres(backupFile: string, location: string): Promise<{ reports: number }> {
  checkPostgresBackup(backupFile);
  runPgTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', backupFile], location);
  return { reports: await countStoredReports(location) };
}
