// The intake part of the CLI contract (../shared/CONTRACT.md): `yanpan ingest` on a folder without a
// manifest stores everything (pending where no unit is named) and says how many wait; `reports`,
// `assign`, `units` and `units import` print what the contract says; options set metadata for a whole run;
// an unknown option is answered in Chinese.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, seedSampleFiles } from '../shared-material.js';

let dir: string;
let folder: string;

function yanpan(...args: string[]): { status: number | null; stdout: string; stderr: string; lines: Array<Record<string, unknown>> } {
  const r = spawnSync('node', [path.join(REPO_ROOT, 'bin', 'yanpan.js'), ...args], { encoding: 'utf8', cwd: REPO_ROOT });
  const lines = r.stdout.trim() ? r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) : [];
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-cli-intake-'));
  // The five samples as a pile: no manifest beside them.
  folder = path.join(dir, 'pile');
  fs.mkdirSync(folder);
  for (const f of seedSampleFiles()) fs.copyFileSync(f, path.join(folder, path.basename(f)));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('yanpan intake commands', () => {
  const db = () => path.join(dir, 'pile.db');

  it('ingests the samples without a manifest: none failed, the four that name no unit pending', () => {
    const r = yanpan('ingest', folder, '--db', db());
    expect(r.status).toBe(0);
    expect(r.lines).toEqual([{ ingested: 5, pending: 4, duplicates: 0, failed: [], resubmissions: [] }]);
    expect(r.stderr).toContain('4 份报告未能确定单位或年度');

    const pending = yanpan('reports', '--pending', '--db', db()).lines;
    expect(pending).toHaveLength(4);
    for (const l of pending) expect(l).toMatchObject({ status: 'pending', unit: null, meta_source: { unit: null }, unit_evidence: null });
    const all = yanpan('reports', '--db', db()).lines;
    expect(all).toHaveLength(5);
    const named = all.find((l) => l.file === '004_c90756f4e004ce61.txt')!;
    expect(Object.keys(named).slice(0, 10)).toEqual(['id', 'file', 'unit', 'department', 'year', 'period', 'title', 'status', 'meta_source', 'unit_evidence']);
    expect(named).toMatchObject({ unit: '市委老干部局', status: 'ok', meta_source: { unit: 'text', year: 'title', period: 'title' }, unit_evidence: { start: 90, end: 96 } });
  }, 240_000);

  it('assigns a pending report, and imports a registry that gives the departments', () => {
    const first = yanpan('reports', '--pending', '--db', db()).lines[0]!;
    const a = yanpan('assign', String(first.id), '--unit', '市统计局', '--db', db());
    expect(a.status).toBe(0);
    expect(a.lines).toEqual([{ id: first.id, unit: '市统计局', year: 2022, period: 'H1', status: 'ok' }]);
    const missing = yanpan('assign', '999', '--unit', '市统计局', '--db', db());
    expect([missing.status, missing.stderr.trim()]).toEqual([2, 'assign 999: 没有编号为 999 的报告']);

    const csv = path.join(dir, 'units.csv');
    fs.writeFileSync(csv, 'name,department,aliases,level,expected\n市委老干部局,党群,市老干部局,市直单位,annual\n市统计局,经济,统计局;市统计局党组,市直单位,annual;H1\n');
    const imported = yanpan('units', 'import', csv, '--db', db());
    expect(imported.status).toBe(0);
    expect(imported.lines[0]).toMatchObject({ units: 2, added: 0, updated: 2 });
    const units = yanpan('units', '--db', db()).lines;
    expect(units.map((u) => [u.name, u.department, u.aliases, u.reports])).toEqual([
      ['市委老干部局', '党群', ['市老干部局'], 1],
      ['市统计局', '经济', ['市统计局党组', '统计局'], 1],
    ]);
  }, 240_000);

  it('sets unit and year for a whole run, and answers an unknown option in Chinese', () => {
    const r = yanpan('ingest', folder, '--unit', '市测试局', '--year', '2021', '--db', path.join(dir, 'run.db'));
    expect(r.lines).toEqual([{ ingested: 5, pending: 0, duplicates: 0, failed: [], resubmissions: [] }]);
    const lines = yanpan('reports', '--db', path.join(dir, 'run.db')).lines;
    for (const l of lines) expect(l).toMatchObject({ unit: '市测试局', year: 2021, status: 'ok', meta_source: { unit: 'option', year: 'option' } });

    // A database that did not exist is said to be new (a mistyped --db would go on quietly otherwise).
    expect(r.stderr).toContain(`注意：数据库 ${path.join(dir, 'run.db')} 原先不存在，已新建空数据库`);
    expect(yanpan('reports', '--db', path.join(dir, 'run.db')).stderr).not.toContain('已新建');
    // A folder is no database: one line and exit 2, no stack trace.
    const folderDb = yanpan('reports', '--db', dir);
    expect([folderDb.status, folderDb.stderr.trim()]).toEqual([2, `无法打开数据库 ${dir}：这是一个目录，不是数据库文件`]);

    const bad = yanpan('ingest', folder, '--bogus', '--db', path.join(dir, 'bad.db'));
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('未知选项 --bogus');
    expect(bad.stderr).toContain('用法：yanpan');
    expect(bad.stderr).not.toMatch(/Unknown option/);
    expect(yanpan('ingest', folder, '--year', '二三', '--db', path.join(dir, 'bad.db')).stderr).toContain('--year 应为四位年份');
  }, 240_000);
});
