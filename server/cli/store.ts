// The database as commands open it, and files on disk as a batch reads them.
import fs from 'node:fs';
import path from 'node:path';
import type { ReportMeta } from '../../shared/types.js';
import { type Db, isPostgresUrl, openDb } from '../db/connection.js';
import { exclusively } from '../db/locks.js';
import { deriveStale } from '../derive/index.js';
import { type BatchSource, ReadError } from '../intake/batch.js';
import type { FileSubmission } from '../intake/collect.js';

/** The database, its derived data brought up to date (stored under older rules, or after an upgrade). */
export async function openStore(dbPath: string): Promise<Db> {
  const created = dbPath !== ':memory:' && !isPostgresUrl(dbPath) && !fs.existsSync(dbPath);
  const db = await openDb(dbPath);
  // A mistyped --db would otherwise go on quietly in a new, empty database.
  if (created) process.stderr.write(`注意：数据库 ${path.resolve(dbPath)} 原先不存在，已新建空数据库（路径若有误，请检查 --db 或 YANPAN_DB）\n`);
  // Not while a server sharing the database does the same at its start.
  await exclusively(db, 'startup', () => deriveStale(db));
  return db;
}

/** Sources for a batch from collected files, each read when its turn comes (an unreadable one named). */
export function fileSources(files: FileSubmission[], options?: Partial<ReportMeta>): BatchSource[] {
  return files.map((f) => ({
    label: f.fileName,
    read: async () => {
      try {
        return { fileName: f.fileName, bytes: fs.readFileSync(f.path), meta: f.meta, extra: f.extra, ...(options ? { options } : {}) };
      } catch {
        throw new ReadError('无法读取文件');
      }
    },
  }));
}
