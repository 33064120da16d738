// Backups of the database and the original files together. `yanpan backup FILE` writes FILE, a consistent
// copy of the live database taken while the servers write — SQLite's online backup API for the embedded
// file, PostgreSQL's pg_dump (custom format) for a postgres:// database — and FILE.originals/, the files
// the units sent that it refers to, in the data folder's content-addressed layout (ab/abcdef…).
// `yanpan restore FILE` checks both, puts the originals back first (a restored report never points to a
// missing file), then the database (pg_restore in one transaction on PostgreSQL), without its sessions:
// nobody stays signed in on a session from the time of the backup. Everything is owner-only.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { connectDb, describeDb, isPostgresUrl, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './connection.js';
import { errorCode } from './errors.js';

export class BackupError extends Error {}
/** The originals folder that goes with a backup file. */
export function backupOriginalsDir(backupFile: string): string {
  return `${path.resolve(backupFile)}.originals`;
}

/** Where a content-addressed original lives under a folder (originals/ or FILE.originals/). */
function originalIn(dir: string, sha256: string): string {
  return path.join(dir, sha256.slice(0, 2), sha256);
}

/** The originals a database refers to (deleted and replaced reports included: they can be restored). */
function referencedOriginals(dbFile: string): string[] {
  const db = new SQLite(dbFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('select distinct original_sha256 as sha from reports where original_sha256 is not null').all() as Array<{ sha: string }>;
    return rows.map((r) => r.sha).filter((sha) => /^[0-9a-f]{64}$/.test(sha));
  } finally {
    db.close();
  }
}

/** Copies each referenced original that the target lacks; returns how many were copied and which were found nowhere. */
function copyOriginals(shas: string[], from: string, to: string): { copied: number; missing: string[] } {
  let copied = 0;
  const missing: string[] = [];
  for (const sha of shas) {
    const source = originalIn(from, sha);
    const target = originalIn(to, sha);
    if (fs.existsSync(target)) continue;
    if (!fs.existsSync(source)) {
      missing.push(sha);
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: PRIVATE_DIR_MODE });
    // Copied aside and renamed, like keepOriginal: no truncated file under a valid name.
    const tmp = `${target}.${randomUUID()}.tmp`;
    fs.copyFileSync(source, tmp, fs.constants.COPYFILE_FICLONE);
    fs.chmodSync(tmp, PRIVATE_FILE_MODE);
    fs.renameSync(tmp, target);
    copied++;
  }
  return { copied, missing };
}

/** A file system failure (disk full, no permission) as a one-line refusal rather than a stack trace. */
function guarded<T>(what: string, work: () => T): T {
  try {
    return work();
  } catch (e) {
    throw new BackupError(`${what}失败：${e instanceof Error ? e.message : String(e)}`);
  }
}

function report(missing: string[], what: string): void {
  if (missing.length > 0) console.error(`[backup] ${missing.length} 个原件${what}，例如 ${missing[0]}`);
}

export interface BackupResult {
  bytes: number;
  reports: number;
  /** What made the copy: SQLite's online backup, or pg_dump. */
  method: 'sqlite' | 'pg_dump';
  /** The originals folder written beside the backup, and the originals in it. */
  originalsDir: string;
  originals: number;
  /** Originals the database refers to that the data folder lacked (already missing before the backup). */
  missingOriginals: number;
}

/** The originals `shas` copied from the live folder into the one beside the backup. */
function backupOriginals(shas: string[], originalsDir: string, destination: string): Pick<BackupResult, 'originalsDir' | 'originals' | 'missingOriginals'> {
  const target = backupOriginalsDir(destination);
  fs.mkdirSync(target, { recursive: true, mode: PRIVATE_DIR_MODE });
  fs.chmodSync(target, PRIVATE_DIR_MODE);
  const { missing } = guarded('备份原件', () => copyOriginals(shas, originalsDir, target));
  report(missing, '在数据目录中已缺失，未能备份');
  return { originalsDir: target, originals: shas.length - missing.length, missingOriginals: missing.length };
}

/** `originalsDir`: the live originals folder (originalsDirFor the database). */
export async function backupDatabase(dbFile: string, destination: string, originalsDir: string): Promise<BackupResult> {
  if (isPostgresUrl(dbFile)) {
    const copy = await backupPostgres(dbFile, destination);
    return { ...copy, ...backupOriginals(await liveOriginals(dbFile), originalsDir, destination) };
  }
  if (!fs.existsSync(dbFile)) throw new BackupError(`数据库不存在：${dbFile}`);
  if (path.resolve(dbFile) === path.resolve(destination)) throw new BackupError('备份文件不能与数据库为同一文件');
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true, mode: PRIVATE_DIR_MODE });
  // Created private before SQLite writes into it.
  fs.closeSync(fs.openSync(destination, 'w', PRIVATE_FILE_MODE));
  fs.chmodSync(destination, PRIVATE_FILE_MODE);
  const db = new SQLite(dbFile, { readonly: true, fileMustExist: true });
  try {
    await db.backup(destination);
  } finally {
    db.close();
  }
  // One self-contained file (the copy inherits WAL mode, which would leave -wal and -shm files beside it).
  const copy = new SQLite(destination);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const reports = checkBackup(destination);
  return { bytes: fs.statSync(destination).size, reports, method: 'sqlite', ...backupOriginals(referencedOriginals(destination), originalsDir, destination) };
}

/** SQLite's reasons a file cannot be read as a database, as the administrator is told them. */
const SQLITE_REASONS: Record<string, string> = {
  SQLITE_NOTADB: '文件不是数据库',
  SQLITE_CORRUPT: '文件已损坏',
  SQLITE_IOERR_SHORT_READ: '文件不完整',
  SQLITE_CANTOPEN: '无法打开文件',
};

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
    const code = errorCode(e);
    throw new BackupError(`这不是有效的数据库备份：${SQLITE_REASONS[code] ?? '无法读取'}${code ? `（${code}）` : ''}`);
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  reports: number;
  /** Originals put back into the data folder, and those the backup referred to but did not hold. */
  originals: { restored: number; missing: number };
  /** Sessions of the backup's time that were dropped (everyone signs in again). */
  sessionsCleared: number;
}

/**
 * Replaces the database's content with the backup's, page by page under SQLite's own locking, after the
 * originals it refers to are in place. The backup's sessions are dropped on a private working copy, so
 * the live database never holds them, not even for a moment.
 */
export async function restoreDatabase(backupFile: string, dbFile: string, originalsDir: string): Promise<RestoreResult> {
  if (isPostgresUrl(dbFile)) return restorePostgres(backupFile, dbFile, originalsDir);
  const reports = checkBackup(backupFile);
  const fromDir = backupOriginalsDir(backupFile);
  const shas = referencedOriginals(backupFile);
  if (shas.length > 0 && !fs.existsSync(fromDir)) {
    console.error(`[backup] 备份 ${backupFile} 旁没有原件目录 ${fromDir}：数据库照常恢复，数据目录中没有的原件将无法下载`);
  }
  const { copied, missing } = guarded('恢复原件', () => copyOriginals(shas, fromDir, originalsDir));
  report(missing, '在备份和数据目录中都没有，恢复后无法下载');

  fs.mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true, mode: PRIVATE_DIR_MODE });
  const work = path.join(path.dirname(path.resolve(dbFile)), `.restore-${randomUUID()}.db`);
  try {
    fs.closeSync(fs.openSync(work, 'w', PRIVATE_FILE_MODE));
    const source = new SQLite(backupFile, { readonly: true, fileMustExist: true });
    try {
      await source.backup(work);
    } finally {
      source.close();
    }
    const copy = new SQLite(work);
    let sessionsCleared = 0;
    try {
      const hasSessions = copy.prepare("select 1 from sqlite_master where type = 'table' and name = 'sessions'").get();
      if (hasSessions) sessionsCleared = copy.prepare('delete from sessions').run().changes;
      await copy.backup(dbFile);
    } finally {
      copy.close();
    }
    fs.chmodSync(dbFile, PRIVATE_FILE_MODE);
    return { reports, originals: { restored: copied, missing: missing.length }, sessionsCleared };
  } finally {
    for (const f of [work, `${work}-wal`, `${work}-shm`, `${work}-journal`]) fs.rmSync(f, { force: true });
  }
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
async function backupPostgres(location: string, destination: string): Promise<Pick<BackupResult, 'bytes' | 'reports' | 'method'>> {
  // The database first: an unreachable one leaves no empty backup file behind.
  const reports = await countStoredReports(location);
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true, mode: PRIVATE_DIR_MODE });
  fs.closeSync(fs.openSync(destination, 'w', PRIVATE_FILE_MODE));
  fs.chmodSync(destination, PRIVATE_FILE_MODE);
  runPgTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${destination}`], location);
  checkPostgresBackup(destination);
  return { bytes: fs.statSync(destination).size, reports, method: 'pg_dump' };
}

/** The originals a live PostgreSQL database refers to (deleted and replaced reports included). */
async function liveOriginals(location: string): Promise<string[]> {
  const db = await connectDb(location);
  try {
    const rows = await db.selectFrom('reports').select('original_sha256 as sha').distinct().where('original_sha256', 'is not', null).execute();
    return rows.flatMap((r) => (r.sha && /^[0-9a-f]{64}$/.test(r.sha) ? [r.sha] : []));
  } finally {
    await db.destroy();
  }
}

/** The originals a backup's folder holds (a pg_dump archive cannot be asked which it refers to). */
function originalsHeldIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.basename(f))
    .filter((f) => /^[0-9a-f]{64}$/.test(f));
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
async function restorePostgres(backupFile: string, location: string, originalsDir: string): Promise<RestoreResult> {
  checkPostgresBackup(backupFile);
  const fromDir = backupOriginalsDir(backupFile);
  const { copied, missing } = guarded('恢复原件', () => copyOriginals(originalsHeldIn(fromDir), fromDir, originalsDir));
  runPgTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', backupFile], location);
  const db = await connectDb(location);
  try {
    // pg_restore wrote the backup's sessions back: dropped at once, as on SQLite.
    const cleared = await db.deleteFrom('sessions').executeTakeFirst();
    const reports = (await db.selectFrom('reports').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n;
    return { reports, originals: { restored: copied, missing: missing.length }, sessionsCleared: Number(cleared.numDeletedRows) };
  } finally {
    await db.destroy();
  }
}
