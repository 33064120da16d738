import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackupError, backupDatabase, restoreDatabase } from '../../server/db/backup.js';
import { openDb, type Db } from '../../server/db/connection.js';
import { freshDbLocation } from '../test-db.js';

async function addReport(db: Db, unit: string, hash: string) {
  const u = await db.insertInto('units').values({ name: unit, department: '党群' }).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('reports')
    .values({ unit_id: u.id, year: 2023, period: 'H1', title: null, file_name: null, content_hash: hash, encoding: 'utf-8', chars: 2, ingested_at: new Date().toISOString(), extra: null })
    .execute();
}

const countReports = async (db: Db) => (await db.selectFrom('reports').select('id').execute()).length;

describe('backup and restore', () => {
  it('round-trips while the database is open, and refuses what is not a backup', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-backup-'));
    const file = await freshDbLocation();
    const db = await openDb(file);
    await addReport(db, '市甲局', 'a');
    const copy = path.join(dir, 'copy.db');
    expect(await backupDatabase(file, copy)).toMatchObject({ reports: 1 });

    await addReport(db, '市乙局', 'b');
    expect(await countReports(db)).toBe(2);
    expect(await restoreDatabase(copy, file)).toEqual({ reports: 1 });
    // The server's open connection sees the restored content.
    expect(await countReports(db)).toBe(1);

    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'not a database at all');
    await expect(restoreDatabase(junk, file)).rejects.toThrow(BackupError);
    expect(await countReports(db)).toBe(1);
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
