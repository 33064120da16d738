// `yanpan export briefing` as ../shared/CONTRACT.md says: the Word briefing written to --out, a JSON line
// on standard output, usage errors with exit status 2 and a Chinese line on standard error.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SEED_SAMPLES_DIR } from '../shared-material.js';
import { freshDbLocation } from '../test-db.js';

const BIN = path.join(REPO_ROOT, 'bin', 'yanpan.js');
const yanpan = (args: string[]) => execFileSync('node', [BIN, ...args], { encoding: 'utf8', cwd: REPO_ROOT });

describe('yanpan export briefing', () => {
  it('writes the briefing of the stored seeds for the given scope', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-export-'));
    const db = await freshDbLocation();
    const out = path.join(dir, '简报.docx');
    try {
      yanpan(['ingest', SEED_SAMPLES_DIR, '--manifest', path.join(SEED_SAMPLES_DIR, 'manifest.csv'), '--db', db]);
      const years = fs
        .readFileSync(path.join(SEED_SAMPLES_DIR, 'manifest.csv'), 'utf8')
        .split('\n')
        .slice(1)
        .map((l) => /,(\d{4}),/.exec(l)?.[1])
        .filter((y): y is string => !!y);
      const year = years[0]!;
      const printed = JSON.parse(yanpan(['export', 'briefing', '--out', out, '--year', year, '--db', db])) as Record<string, unknown>;
      expect(printed).toEqual({ briefing: out, bytes: fs.statSync(out).size, filters: { year: Number(year) } });
      const doc = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(out)))['word/document.xml']!);
      expect(doc).toContain('意识形态工作报告研判简报');
      expect(doc).toContain(`年度：${year}年`);
      const reports = years.filter((y) => y === year).length;
      expect(doc).toMatch(new RegExp(`的 ${reports} 份报告`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses a missing --out, an unknown export and a bad year with exit status 2', () => {
    for (const args of [['export', 'briefing'], ['export', 'tables', '--out', 'x.docx'], ['export', 'briefing', '--out', 'x.docx', '--year', '24']]) {
      const r = spawnSync('node', [BIN, ...args], { encoding: 'utf8', cwd: REPO_ROOT });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')[0]).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
