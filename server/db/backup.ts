// Consistent online backups through SQLite's backup API (safe while the server writes), and restores
// that check the backup before copying it over the live database.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

export class BackupError extends Error {}

export async function backupDatabase(dbFile: string, destination: string): Promise<{ bytes: number; reports: number }> {
  if (!fs.existsSync(dbFile)) throw new BackupError(`数据库不存在：${dbFile}`);
  if (path.resolve(dbFile) === path.resolve(destination)) throw new BackupError('备份文件不能与数据库为同一文件');
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const db = new SQLite(dbFile, { readonly: true, fileMustExist: true });
  try {
    await db.backup(destination);
  } finally {
    db.close();
  }
  return { bytes: fs.statSync(destination).size, reports: checkBackup(destination) };
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
