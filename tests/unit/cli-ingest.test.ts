// `yanpan ingest` on submissions as units send them: each fixture gives the right stored text or the
// right refusal (on standard error and in the JSON), and the exit code says whether all, some or none
// of the inputs could be taken (0 / 1 / 2). Originals are kept beside the database.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/connection.js';
import { expandArchive, isArchiveName } from '../../server/decode/index.js';
import { originalPath, originalsDirFor, sha256Hex } from '../../server/intake/originals.js';
import { type Expected, submissionCases } from '../fixtures/batch.js';
import { REPO_ROOT } from '../shared-material.js';
import { freshDbLocation } from '../test-db.js';

interface IngestOutput {
  ingested: number;
  pending: number;
  duplicates: number;
  failed: Array<{ file: string; error: string }>;
}

const CASES = submissionCases();
let dir: string;
let dbPath: string;

function ingest(files: string[]): { status: number | null; out: IngestOutput; stderr: string } {
  const r = spawnSync('node', [path.join(REPO_ROOT, 'bin', 'yanpan.js'), 'ingest', ...files, '--db', dbPath], { encoding: 'utf8', cwd: REPO_ROOT });
  return { status: r.status, out: JSON.parse(r.stdout) as IngestOutput, stderr: r.stderr };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-cli-ingest-'));
  dbPath = await freshDbLocation();
  fs.mkdirSync(path.join(dir, 'in'));
  for (const c of CASES) fs.writeFileSync(path.join(dir, 'in', c.fileName), c.bytes);
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const file = (name: string): string => path.join(dir, 'in', name);

describe('yanpan ingest on real-world submissions', () => {
  it('stores each readable report with the right text and refuses the others by name (exit 1)', async () => {
    const { status, out, stderr } = ingest(CASES.map((c) => file(c.fileName)));
    const expected = CASES.flatMap((c) => c.expect);
    const good = expected.filter((e): e is Exclude<Expected, { refused: RegExp }> => !('refused' in e));
    const refused = expected.filter((e): e is Extract<Expected, { refused: RegExp }> => 'refused' in e);
    expect(status).toBe(1);
    expect(out.ingested).toBe(good.length);
    expect(out.duplicates).toBe(0);
    expect(out.failed.map((f) => f.file).sort()).toEqual(refused.map((e) => e.file).sort());
    for (const e of refused) {
      const f = out.failed.find((x) => x.file === e.file)!;
      expect(f.error, e.file).toMatch(e.refused);
      expect(stderr).toContain(`${e.file}: ${f.error}`);
    }

    const sent = new Map<string, Uint8Array>();
    for (const c of CASES) {
      if (!isArchiveName(c.fileName)) sent.set(c.fileName, c.bytes);
      else for (const entry of (await expandArchive(c.bytes)).entries) sent.set(`${c.fileName}/${entry.path}`, entry.bytes);
    }
    const db = await openDb(dbPath);
    try {
      const rows = await db
        .selectFrom('reports as r')
        .innerJoin('units as u', 'u.id', 'r.unit_id')
        .innerJoin('report_texts as t', 't.report_id', 'r.id')
        .select(['r.file_name', 't.text', 'r.encoding', 'u.name', 'r.original_sha256'])
        .execute();
      expect(rows).toHaveLength(good.length);
      for (const e of good) {
        const row = rows.find((r) => r.file_name === e.file);
        expect(row, e.file).toMatchObject({ text: e.text, encoding: e.encoding, name: e.unit, original_sha256: sha256Hex(sent.get(e.file)!) });
        expect(new Uint8Array(fs.readFileSync(originalPath(originalsDirFor(dbPath), row!.original_sha256!)))).toEqual(sent.get(e.file));
      }
    } finally {
      await db.destroy();
    }
  }, 120_000);

  it('exits 2 when nothing could be taken, and 0 when everything was (a duplicate included)', () => {
    const bad = ingest(['truncated docx', 'binary (a PNG) renamed .txt', 'empty file'].map((label) => file(CASES.find((c) => c.label === label)!.fileName)));
    expect(bad.status).toBe(2);
    expect(bad.out).toMatchObject({ ingested: 0, duplicates: 0 });
    expect(bad.out.failed).toHaveLength(3);

    const again = ingest([file(CASES.find((c) => c.label === 'GBK text')!.fileName)]);
    expect(again.status).toBe(0);
    expect(again.out).toEqual({ ingested: 0, pending: 0, duplicates: 1, failed: [], resubmissions: [] });
    // The progress line counts what happened, not files handled: nothing was stored (#19).
    const last = again.stderr.trimEnd().split('\n').at(-1)!;
    expect(last).toContain('入库 0（其中待确认 0），重复 1，失败 0');
    expect(last).not.toMatch(/入库 1\/1/);
  }, 120_000);
});
