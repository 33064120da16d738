// kill -9 in the middle of a batch: the reports stored so far are complete (with their analysis rows),
// nothing is half-stored, and running the same batch again stores the rest and resolves reuse for all.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { generateDemoCorpus } from '../../seed/generator/index.js';
import { REPO_ROOT } from '../shared-material.js';

const BIN = path.join(REPO_ROOT, 'bin', 'yanpan.js');

function storedReports(dbFile: string): number {
  if (!fs.existsSync(dbFile)) return 0;
  const db = new SQLite(dbFile, { readonly: true, fileMustExist: true });
  try {
    const hasTable = db.prepare("select 1 from sqlite_master where name = 'reports'").get();
    return hasTable ? (db.prepare('select count(*) as n from reports').get() as { n: number }).n : 0;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

describe('a batch killed with SIGKILL', () => {
  it('leaves complete reports only, and the batch can simply be run again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-crash-'));
    const input = path.join(dir, 'in');
    fs.mkdirSync(input);
    const reports = generateDemoCorpus({ units: 12, years: [2023, 2024] }).reports.slice(0, 40);
    for (const r of reports) fs.writeFileSync(path.join(input, r.fileName), r.text);
    const dbFile = path.join(dir, 'y.db');

    const child = spawn(process.execPath, [BIN, 'ingest', input, '--db', dbFile], { stdio: 'ignore' });
    const deadline = Date.now() + 120_000;
    while (storedReports(dbFile) < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const before = storedReports(dbFile);
    expect(before).toBeGreaterThanOrEqual(5);
    expect(before).toBeLessThan(reports.length);

    const db = new SQLite(dbFile);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Every stored report has its analysis and its reuse fingerprints: stored whole or not at all.
    const orphans = db
      .prepare(
        `select count(*) as n from reports r
         where not exists (select 1 from sections s where s.report_id = r.id)
            or not exists (select 1 from reuse_reports x where x.report_id = r.id)`,
      )
      .get() as { n: number };
    expect(orphans.n).toBe(0);
    db.close();

    const again = spawnSync(process.execPath, [BIN, 'ingest', input, '--db', dbFile], { encoding: 'utf8', timeout: 300_000 });
    expect(again.status).toBe(0);
    const summary = JSON.parse(again.stdout) as { ingested: number; duplicates: number; failed: unknown[] };
    expect(summary).toMatchObject({ ingested: reports.length - before, duplicates: before, failed: [] });
    const after = new SQLite(dbFile, { readonly: true });
    expect((after.prepare('select count(*) as n from reports').get() as { n: number }).n).toBe(reports.length);
    expect((after.prepare('select count(*) as n from reuse_reports where resolved = 0').get() as { n: number }).n).toBe(0);
    after.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 600_000);
});
