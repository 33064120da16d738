// analyzeReport on the 714 province government work reports: it never throws, finds a section tree in
// each, and every span it reports lies inside the text.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeReport } from '../../server/analyze/index.js';
import { PROVINCES_DIR, provinceCorpusAvailable } from '../shared-material.js';
import { expectSpansValid } from '../analysis-spans.js';

const available = provinceCorpusAvailable();

describe.runIf(available)('analyzeReport on the province corpus', () => {
  it('analyses all 714 reports with a section tree and valid spans', () => {
    const rows = fs.readFileSync(path.join(PROVINCES_DIR, 'manifest.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(714);
    let sections = 0;
    let figures = 0;
    let problems = 0;
    for (const [file, unit, , year] of rows) {
      const text = fs.readFileSync(path.join(PROVINCES_DIR, file!), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
      const a = analyzeReport(text, { fileName: file, unit: unit ?? null, year: Number(year) });
      const tree = a.sections.filter((s) => s.kind !== 'preamble');
      expect(tree.length, `${file}: no section tree`).toBeGreaterThan(0);
      expect(a.meta.year, file).toBe(Number(year));
      expectSpansValid(text, a);
      sections += a.sections.length;
      figures += a.figures.length;
      problems += a.problems.length;
    }
    console.log(`省级政府工作报告 ${rows.length} 份：章节 ${sections}，数字 ${figures}，问题 ${problems}`);
  }, 120_000);
});
