// The planted-copy benchmark (tests/reuse-plant.ts) on the province corpus: passages of earlier years'
// reports planted into later years' reports of other provinces, verbatim and lightly edited. The engine
// must find them as copied with their sources (the PAN measures are printed) and blame the later report,
// not the earlier one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.js';
import { getReportReuse } from '../../server/reuse/index.js';
import { type CorpusText, provinceTexts } from '../reuse-corpus.js';
import { formatScores, plantCopies, runEngine, scorePlanted } from '../reuse-plant.js';
import { provinceCorpusAvailable } from '../shared-material.js';

describe.runIf(provinceCorpusAvailable())('reuse: planted copies in the province corpus (PAN measures)', () => {
  const open: Db[] = [];
  afterAll(async () => {
    for (const db of open) await db.destroy();
  });

  let texts: CorpusText[];
  let base: { db: Db; ids: number[] };
  beforeAll(async () => {
    texts = provinceTexts();
    base = await runEngine(texts);
    open.push(base.db);
  }, 600_000);

  it('finds the central formulas the provinces share as stock', async () => {
    const phrase = '以习近平新时代中国特色社会主义思想为指导';
    const kinds: string[] = [];
    for (const r of await getReportReuse(base.db)) {
      const text = texts[base.ids.indexOf(Number(r.id))]!.text;
      const at = text.indexOf(phrase);
      if (at < 0) continue;
      const spans = r.spans.filter((s) => s.start < at + phrase.length && at < s.end);
      kinds.push(spans.some((s) => s.kind === 'stock') ? 'stock' : (spans[0]?.kind ?? 'none'));
    }
    // Where a whole paragraph around it was copied from one other province, it is part of that copy.
    expect(kinds.length).toBeGreaterThan(20);
    expect(kinds.filter((k) => k === 'stock').length / kinds.length).toBeGreaterThan(0.8);
    expect(kinds).not.toContain('none');
  });

  it('finds planted passages as copied, with their sources', { timeout: 600_000 }, async () => {
    const corpus = await plantCopies(texts, base);
    const run = await runEngine(corpus.texts);
    open.push(run.db);
    // Same insertion order, so the same ids.
    expect(run.ids).toEqual(base.ids);
    const scores = await scorePlanted(run.db, corpus);
    console.log(formatScores(texts.length, scores));

    expect(scores.all.recall).toBeGreaterThan(0.85);
    expect(scores.all.precision).toBeGreaterThan(0.85);
    // The goals of issue 16: one span per pasted passage, and the copier blamed rather than the original.
    expect(scores.all.granularity).toBeLessThanOrEqual(1.05);
    expect(scores.all.plagdet).toBeGreaterThanOrEqual(0.9);
    expect(scores.directionRight / scores.cases).toBeGreaterThanOrEqual(0.95);
  });
});
