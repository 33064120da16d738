// `yanpan themes` as ../shared/CONTRACT.md says: JSON Lines, one per theme, a last line {"unassigned": n}.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SEED_SAMPLES_DIR } from '../shared-material.js';
import { freshDbLocation } from '../test-db.js';

const yanpan = (args: string[]) => execFileSync('node', [path.join(REPO_ROOT, 'bin', 'yanpan.js'), ...args], { encoding: 'utf8', cwd: REPO_ROOT });

describe('yanpan themes', () => {
  it('lists the seeds’ problem themes with members whose offsets point into the stored text', async () => {
    const db = await freshDbLocation();
    yanpan(['ingest', SEED_SAMPLES_DIR, '--manifest', path.join(SEED_SAMPLES_DIR, 'manifest.csv'), '--db', db]);
    const lines = yanpan(['themes', '--db', db])
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const last = lines.pop()!;
    expect(Object.keys(last)).toEqual(['unassigned']);
    expect(typeof last.unassigned).toBe('number');
    expect(lines.length).toBeGreaterThan(3);
    const texts = new Map(
      fs
        .readdirSync(SEED_SAMPLES_DIR)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => [f, fs.readFileSync(path.join(SEED_SAMPLES_DIR, f), 'utf8')]),
    );
    for (const t of lines) {
      expect(Object.keys(t)).toEqual(['id', 'label', 'terms', 'statements', 'units', 'members']);
      const members = t.members as Array<{ report: string; unit: string; year: number | null; start: number; end: number; text: string }>;
      expect(members).toHaveLength(t.statements as number);
      expect(new Set(members.map((m) => m.unit)).size).toBe(t.units);
      for (const m of members) {
        expect(typeof m.report).toBe('string');
        expect([...texts.values()].some((text) => text.slice(m.start, m.end) === m.text)).toBe(true);
      }
    }
    const ids = lines.map((t) => t.id);
    expect(ids).toContain('theory-study');
    expect(ids).toContain('work-innovation');
  }, 120_000);
});
