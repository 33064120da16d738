// The overview's findings about units (#19): sample units kept out of 未报送 and 需重点审阅 unless asked
// for, the latest period a missing unit reported, and colour kept for outliers (a unit above its
// department's upper quartile or far above its own previous report), not for a rate normal in the genre.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCorpus } from '../../seed/generator/index.js';
import type { Db } from '../../server/db/connection.js';
import { openFreshDb } from '../test-db.js';
import { collectSubmissions } from '../../server/intake/collect.js';
import { ingestBatch } from '../../server/intake/batch.js';
import { getUnitBaselines } from '../../server/queries/baselines.js';
import { getUnitsNeedingAttention } from '../../server/queries/flags.js';
import { getHeadlineBaselines, getMissingSubmissions, getReportsNeedingReview } from '../../server/queries/overview.js';
import { SEED_SAMPLES_DIR } from '../shared-material.js';

let db: Db;
let samples: string[];

beforeAll(async () => {
  db = await openFreshDb();
  const demo = generateDemoCorpus({ units: 12, years: [2023, 2024, 2025] });
  const encoder = new TextEncoder();
  const { files } = collectSubmissions([SEED_SAMPLES_DIR]);
  samples = [...new Set(files.map((f) => f.meta?.unit).filter((u): u is string => !!u))];
  const sources = [
    ...files.map((f) => ({ label: f.fileName, read: async () => ({ fileName: f.fileName, bytes: fs.readFileSync(f.path), meta: f.meta }) })),
    ...demo.reports.map((r) => ({
      label: r.fileName,
      read: async () => ({ fileName: r.fileName, bytes: encoder.encode(r.text), meta: { unit: r.unit, department: r.department, year: r.year, period: r.period, title: r.title } }),
    })),
  ];
  expect((await ingestBatch(db, sources)).failed).toEqual([]);
  // As the demo seed marks them (server/seed.ts).
  await db.updateTable('units').set({ sample: 1 }).where('name', 'in', samples).execute();
}, 180_000);

afterAll(async () => {
  await db.destroy();
});

describe('sample units', () => {
  it('are not listed as 未报送 unless asked for; a missing unit says the period it last reported', async () => {
    const all = await getMissingSubmissions(db, {}, { includeSamples: true });
    expect(all.units.filter((u) => u.sample).map((u) => u.name).sort()).toEqual([...samples].sort());
    const real = await getMissingSubmissions(db, {});
    expect(real.units.some((u) => samples.includes(u.name))).toBe(false);
    const reported = all.units.filter((u) => u.lastYear !== null);
    expect(reported.length).toBeGreaterThan(0);
    for (const u of reported) expect(u.lastPeriod, u.name).not.toBeNull();
    expect(path.basename(SEED_SAMPLES_DIR)).toBe('samples');
  });

  it('are kept out of 需重点审阅 and the briefing’s attention list by default', async () => {
    const withSamples = await getReportsNeedingReview(db, {}, 50, { includeSamples: true });
    expect(withSamples.some((r) => samples.includes(r.unit))).toBe(true);
    expect((await getReportsNeedingReview(db, {}, 50)).some((r) => samples.includes(r.unit))).toBe(false);
    expect((await getUnitsNeedingAttention(db, {}, { includeSamples: true })).some((u) => samples.includes(u.unit))).toBe(true);
    expect((await getUnitsNeedingAttention(db, {})).some((u) => samples.includes(u.unit))).toBe(false);
  });
});

describe('baselines', () => {
  it('colours few units: stock formulas are normal, outliers are not', async () => {
    const units = await getUnitBaselines(db, {});
    expect(units.length).toBeGreaterThan(10);
    // Peers and own past colour a few units, whatever the level of stock formulas in the genre.
    expect(units.filter((u) => u.outliers.stock?.length).length / units.length).toBeLessThan(0.3);
    for (const u of units) {
      for (const why of u.outliers.stock ?? []) {
        if (why === 'peer') expect(u.rates.stock).toBeGreaterThan(u.peers.stock!.p75);
        else expect(u.current.rates.stock - u.previous!.rates.stock).toBeGreaterThanOrEqual(0.15);
      }
      if (u.previous) expect((u.previous.year ?? 0) * 12).toBeLessThanOrEqual((u.current.year ?? 0) * 12);
    }
  });

  it('measures no unit of no department against the others of none (未分组 is no department)', async () => {
    await db.updateTable('units').set({ department: null }).where('name', 'in', samples).execute();
    try {
      const loose = (await getUnitBaselines(db, {})).filter((u) => u.department === null);
      expect(loose.length).toBeGreaterThan(0);
      for (const u of loose) expect(Object.values(u.peers).every((p) => p === null)).toBe(true);
    } finally {
      const { files } = collectSubmissions([SEED_SAMPLES_DIR]);
      for (const f of files) if (f.meta?.unit) await db.updateTable('units').set({ department: f.meta.department ?? null }).where('name', '=', f.meta.unit).execute();
    }
  });

  it('reads the headline figures against the same period a year before and the spread across units', async () => {
    const b = await getHeadlineBaselines(db, {});
    expect(b.current).not.toBeNull();
    expect(b.previous?.year).toBe(b.current!.year - 1);
    expect(b.previous?.period).toBe(b.current!.period);
    expect(b.spread.reuse!.p25).toBeLessThanOrEqual(b.spread.reuse!.median);
    expect(b.spread.reuse!.median).toBeLessThanOrEqual(b.spread.reuse!.p75);
    const y = await getHeadlineBaselines(db, { year: 2024 });
    expect(y.current?.year).toBe(2024);
    expect(y.previous?.year).toBe(2023);
  });
});
