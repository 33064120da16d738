// yanpan backup|restore FILE: the database and the originals, online (SQLite) or through pg_dump/pg_restore.
import { parseArgs } from 'node:util';
import { BackupError, backupDatabase, restoreDatabase } from '../db/backup.js';
import { defaultDbPath, describeDb, isPostgresUrl } from '../db/connection.js';
import { originalsDirFor } from '../intake/originals.js';
import { fail, UsageError } from './common.js';

function backupArgs(args: string[], command: string): { file: string; db: string } {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError(`${command} 需要且只需要一个备份文件路径`);
  return { file: positionals[0]!, db: defaultDbPath(values.db) };
}

export async function backup(args: string[]): Promise<number> {
  const { file, db } = backupArgs(args, 'backup');
  try {
    const r = await backupDatabase(db, file, originalsDirFor(db));
    process.stderr.write(
      r.method === 'pg_dump'
        ? `已用 pg_dump 备份 PostgreSQL 数据库 ${describeDb(db)}（自定义格式，${r.reports} 份报告）到 ${file}；用 yanpan restore 或 pg_restore 恢复\n`
        : `已在线备份 SQLite 数据库 ${db}（${r.reports} 份报告）到 ${file}\n`,
    );
    process.stdout.write(`${JSON.stringify({ backup: file, ...r })}\n`);
    return 0;
  } catch (e) {
    if (e instanceof BackupError) fail(`${file}: ${e.message}`, 2);
    throw e;
  }
}

export async function restore(args: string[]): Promise<number> {
  const { file, db } = backupArgs(args, 'restore');
  try {
    const r = await restoreDatabase(file, db, originalsDirFor(db));
    process.stderr.write(`已从 ${file} 恢复${isPostgresUrl(db) ? '（pg_restore，单一事务）' : ''}数据库 ${describeDb(db)}：${r.reports} 份报告\n`);
    process.stdout.write(`${JSON.stringify({ restored: file, db: describeDb(db), ...r })}\n`);
    return 0;
  } catch (e) {
    if (e instanceof BackupError) fail(`${file}: ${e.message}`, 2);
    throw e;
  }
}
