import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession, resolveSession } from '../../server/auth/sessions.js';
import { createUser } from '../../server/auth/users.js';
import { BackupError, backupDatabase, backupOriginalsDir, restoreDatabase } from '../../server/db/backup.js';
import { openDb, type Db } from '../../server/db/connection.js';
import { ingestSubmission } from '../../server/intake/ingest.js';
import { originalPath, originalsDirFor, sha256Hex } from '../../server/intake/originals.js';
import { reportText } from '../fixtures/batch.js';
import { freshDbLocation, TEST_DIALECT } from '../test-db.js';

async function addReport(db: Db, unit: string, hash: string) {
  const u = await db.insertInto('units').values({ name: unit, department: '党群' }).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('reports')
    .values({ unit_id: u.id, year: 2023, period: 'H1', title: null, file_name: null, content_hash: hash, encoding: 'utf-8', chars: 2, ingested_at: new Date().toISOString(), extra: null })
    .execute();
}

const countReports = async (db: Db) => (await db.selectFrom('reports').select('id').execute()).length;
const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('backup and restore', () => {
  it('round-trips while the database is open, and refuses what is not a backup', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-backup-'));
    const file = await freshDbLocation();
    const db = await openDb(file);
    await addReport(db, '市甲局', 'a');
    const copy = path.join(dir, 'copy.db');
    expect(await backupDatabase(file, copy, originalsDirFor(file))).toMatchObject({ reports: 1 });

    await addReport(db, '市乙局', 'b');
    expect(await countReports(db)).toBe(2);
    expect(await restoreDatabase(copy, file, originalsDirFor(file))).toMatchObject({ reports: 1 });
    // The server's open connection sees the restored content.
    expect(await countReports(db)).toBe(1);

    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'not a database at all');
    // In Chinese; on SQLite its reason by its code only.
    await expect(restoreDatabase(junk, file, originalsDirFor(file))).rejects.toThrow(
      TEST_DIALECT === 'sqlite' ? new BackupError('这不是有效的数据库备份：文件不是数据库（SQLITE_NOTADB）') : BackupError,
    );
    expect(await countReports(db)).toBe(1);
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('backs up the original files with the database and restores both together, readable by the owner only', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-backup-originals-'));
    const file = path.join(dir, 'data', 'live.db');
    const db = await openDb(file);
    const originals = originalsDirFor(file);
    const bytes = new TextEncoder().encode(reportText('市甲局', '2023年上半年', 3));
    await ingestSubmission(db, { fileName: '市甲局2023年上半年意识形态工作总结.txt', bytes }, { originals });
    const sha = sha256Hex(bytes);

    const backup = path.join(dir, 'backups', '2024-06-30.db');
    const r = await backupDatabase(file, backup, originals);
    expect(r).toMatchObject({ reports: 1, originals: 1, missingOriginals: 0, originalsDir: backupOriginalsDir(backup) });
    // The backup is one file and its originals folder, nothing else beside them.
    expect(fs.readdirSync(path.dirname(backup)).sort()).toEqual(['2024-06-30.db', '2024-06-30.db.originals']);
    const kept = originalPath(backupOriginalsDir(backup), sha);
    expect(new Uint8Array(fs.readFileSync(kept))).toEqual(bytes);
    // Nobody but the owner reads the database, its originals or the backups.
    for (const f of [file, backup, kept, originalPath(originals, sha)]) expect(mode(f), f).toBe(0o600);
    for (const d of [path.dirname(file), backupOriginalsDir(backup), originals]) expect(mode(d), d).toBe(0o700);

    // The disk with the originals is lost; the restore brings them back with the database.
    await db.destroy();
    fs.rmSync(path.join(dir, 'data'), { recursive: true, force: true });
    const restored = await restoreDatabase(backup, file, originals);
    expect(restored).toMatchObject({ reports: 1, originals: { restored: 1, missing: 0 } });
    expect(new Uint8Array(fs.readFileSync(originalPath(originals, sha)))).toEqual(bytes);
    expect(mode(file)).toBe(0o600);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('signs everybody out: the sessions of the backup’s time do not come back', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-backup-sessions-'));
    const file = path.join(dir, 'live.db');
    const db = await openDb(file);
    const userId = await createUser(db, { username: 'reviewer1', password: 'long-enough-pw', role: 'reviewer' });
    const old = await createSession(db, userId);
    const backup = path.join(dir, 'b.db');
    await backupDatabase(file, backup, originalsDirFor(file));
    const r = await restoreDatabase(backup, file, originalsDirFor(file));
    expect(r.sessionsCleared).toBe(1);
    expect(await resolveSession(db, old.token)).toBeNull();
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
