// kill -9 in the middle of a batch: the reports stored so far are complete (with their analysis rows),
// nothing is half-stored, and running the same batch again stores the rest and resolves reuse for all.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type RawBuilder, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { generateDemoCorpus } from '../../seed/generator/index.js';
import { connectDb, type Db } from '../../server/db/connection.js';
import { REPO_ROOT } from '../shared-material.js';
import { freshDbLocation, tablesOf, TEST_DIALECT } from '../test-db.js';

const BIN = path.join(REPO_ROOT, 'bin', 'yanpan.js');

async function withDb<T>(location: string, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await connectDb(location);
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

const count = async (db: Db, query: RawBuilder<{ n: number }>) => (await query.execute(db)).rows[0]!.n;

async function storedReports(location: string): Promise<number> {
  if (TEST_DIALECT === 'sqlite' && !fs.existsSync(location)) return 0;
  return withDb(location, async (db) => ((await tablesOf(db)).includes('reports') ? count(db, sql`select count(*) as n from reports`) : 0)).catch(() => 0);
}

describe('a batch killed with SIGKILL', () => {
  it('leaves complete reports only, and the batch can simply be run again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-crash-'));
    const input = path.join(dir, 'in');
    fs.mkdirSync(input);
    const reports = generateDemoCorpus({ units: 12, years: [2023, 2024] }).reports.slice(0, 40);
    for (const r of reports) fs.writeFileSync(path.join(input, r.fileName), r.text);
    const dbFile = await freshDbLocation();

    const child = spawn(process.execPath, [BIN, 'ingest', input, '--db', dbFile], { stdio: 'ignore' });
    const deadline = Date.now() + 120_000;
    while ((await storedReports(dbFile)) < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const before = await storedReports(dbFile);
    expect(before).toBeGreaterThanOrEqual(5);
    expect(before).toBeLessThan(reports.length);

    await withDb(dbFile, async (db) => {
      if (TEST_DIALECT === 'sqlite') expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows[0]!.integrity_check).toBe('ok');
      // Every stored report has its analysis and its reuse fingerprints: stored whole or not at all.
      const orphans = sql<{ n: number }>`select count(*) as n from reports r
         where not exists (select 1 from sections s where s.report_id = r.id)
            or not exists (select 1 from reuse_reports x where x.report_id = r.id)`;
      expect(await count(db, orphans)).toBe(0);
    });

    const again = spawnSync(process.execPath, [BIN, 'ingest', input, '--db', dbFile], { encoding: 'utf8', timeout: 300_000 });
    expect(again.status).toBe(0);
    const summary = JSON.parse(again.stdout) as { ingested: number; duplicates: number; failed: unknown[] };
    expect(summary).toMatchObject({ ingested: reports.length - before, duplicates: before, failed: [] });
    await withDb(dbFile, async (db) => {
      expect(await count(db, sql`select count(*) as n from reports`)).toBe(reports.length);
      expect(await count(db, sql`select count(*) as n from reuse_reports where resolved = 0`)).toBe(0);
    });
    fs.rmSync(dir, { recursive: true, force: true });
  }, 600_000);
});
