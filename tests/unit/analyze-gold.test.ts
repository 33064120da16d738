// The analysis engine against hand-written gold annotations of the five seed reports: precision and recall
// per field, printed, with floors that a regression would break.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeReport } from '../../server/analyze/index.js';
import { evaluate, formatScores, loadGold, precision, recall, type Scores } from '../gold/evaluate.js';
import { SEED_SAMPLES_DIR } from '../shared-material.js';

const FLOORS: Record<string, { p: number; r: number }> = {
  sections: { p: 1, r: 1 },
  'section.kind': { p: 0.95, r: 0.95 },
  problems: { p: 0.95, r: 0.95 },
  figures: { p: 0.95, r: 0.95 },
  'figure.value': { p: 0.95, r: 0.95 },
  'figure.activity': { p: 0.9, r: 0.9 },
  'figure.category': { p: 0.9, r: 0.9 },
  placeholders: { p: 0.95, r: 0.95 },
  'placeholder.kind': { p: 0.95, r: 0.95 },
  'flag kinds': { p: 0.8, r: 0.8 },
};

describe('analyzeReport on the seed reports, against gold', () => {
  const golds = loadGold();
  const total: Scores = {};

  it('has gold for every seed report', () => {
    const seeds = fs.readdirSync(SEED_SAMPLES_DIR).filter((f) => f.endsWith('.txt')).sort();
    expect(golds.map((g) => g.file)).toEqual(seeds);
  });

  for (const gold of golds) {
    it(`scores ${gold.file}`, () => {
      const text = fs.readFileSync(path.join(SEED_SAMPLES_DIR, gold.file), 'utf8');
      const one: Scores = {};
      evaluate(gold, text, analyzeReport(text, { fileName: gold.file, ...gold.hints }), one);
      evaluate(gold, text, analyzeReport(text, { fileName: gold.file, ...gold.hints }), total);
      console.log(`${gold.file}\n${formatScores(one)}`);
    });
  }

  it('meets the precision and recall floors over all seeds', () => {
    console.log(`全部样本（5份）\n${formatScores(total)}`);
    for (const [field, floor] of Object.entries(FLOORS)) {
      const c = total[field];
      expect(c, field).toBeDefined();
      expect(precision(c!), `${field} precision`).toBeGreaterThanOrEqual(floor.p);
      expect(recall(c!), `${field} recall`).toBeGreaterThanOrEqual(floor.r);
    }
  });
});
