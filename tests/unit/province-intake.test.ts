// The province corpus dropped as a folder without its manifest (the .txt files copied apart): every report
// is stored, none refused, none pending, each under the province its file name gives (a province is a unit
// too) and the year the file name gives — checked against the manifest kept aside.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/connection.js';
import { ingestBatch } from '../../server/intake/batch.js';
import { collectSubmissions } from '../../server/intake/collect.js';
import { listReportProvenance } from '../../server/queries/intake.js';
import { parseCsv } from '../../server/intake/manifest.js';
import { PROVINCES_DIR, provinceCorpusAvailable } from '../shared-material.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-provinces-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.runIf(provinceCorpusAvailable())('the province corpus as a folder without a manifest', () => {
  it('stores all 714 reports under their province and year, none refused or pending', async () => {
    const pile = path.join(dir, 'pile');
    fs.mkdirSync(pile);
    for (const f of fs.readdirSync(PROVINCES_DIR).filter((f) => f.endsWith('.txt'))) fs.copyFileSync(path.join(PROVINCES_DIR, f), path.join(pile, f));
    const [header, ...rows] = parseCsv(fs.readFileSync(path.join(PROVINCES_DIR, 'manifest.csv'), 'utf8'));
    const truth = new Map(rows.map((r) => [r[header!.indexOf('file')]!, { unit: r[header!.indexOf('unit')]!, year: Number(r[header!.indexOf('year')]) }]));

    const { files, failed } = collectSubmissions([pile]);
    expect(failed).toEqual([]);
    const db = await openDb(path.join(dir, 'p.db'));
    try {
      const summary = await ingestBatch(
        db,
        files.map((f) => ({ label: f.fileName, read: async () => ({ fileName: f.fileName, bytes: fs.readFileSync(f.path) }) })),
      );
      expect(summary).toMatchObject({ ingested: 714, pending: 0, duplicates: 0, failed: [] });
      const lines = await listReportProvenance(db);
      expect(lines).toHaveLength(714);
      for (const l of lines) {
        expect({ unit: l.unit, year: l.year }, String(l.file)).toEqual(truth.get(String(l.file)));
        expect(l.meta_source).toMatchObject({ unit: 'file', year: 'file' });
      }
      expect(new Set(lines.map((l) => l.unit)).size).toBe(27);
    } finally {
      await db.destroy();
    }
  }, 300_000);
});
