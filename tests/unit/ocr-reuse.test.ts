// Reuse on text read by OCR: a unit that sends, stamped and scanned, the text another unit sent the year
// before is found copying it, although OCR misread a few of its characters — the reuse engine chains its
// fingerprint seeds across such small gaps, so a misreading does not cut the passage.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/connection.js';
import { ingestBatch } from '../../server/intake/batch.js';
import { getReportReuse } from '../../server/reuse/index.js';
import { FORMAT_UNITS, formatFixture, formatReportText, ocrReady } from '../fixtures/formats/reports.js';
import { cjkInOrder } from '../text-accuracy.js';

const OCR = await ocrReady();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-ocr-reuse-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('reuse of a scanned report', () => {
  it.skipIf(!OCR)('finds the scan copying last year’s report of another unit across its misread characters', async () => {
    const db = await openDb(path.join(dir, 'y.db'));
    try {
      const source = formatReportText(FORMAT_UNITS.scan).replaceAll(FORMAT_UNITS.scan.unit, '市党史研究室').replaceAll('2023', '2022');
      const { results } = await ingestBatch(db, [
        { label: 'source', read: async () => ({ fileName: '市党史研究室2022年度报告.txt', bytes: new TextEncoder().encode(source), meta: { year: 2022, period: 'annual' } }) },
        { label: 'scan', read: async () => ({ fileName: `${FORMAT_UNITS.scan.unit}2023年度报告.pdf`, bytes: formatFixture('report-scan.pdf'), meta: { year: 2023, period: 'annual' } }) },
      ]);
      const scan = results.find((r) => r.file.endsWith('.pdf'));
      if (scan?.status !== 'stored') throw new Error(`the scan was not stored: ${JSON.stringify(scan)}`);
      const text = (await db.selectFrom('report_texts').select('text').where('report_id', '=', scan.reportId).executeTakeFirstOrThrow()).text;
      // The OCR did misread: the test is about a text that is not the source's.
      const accuracy = cjkInOrder(formatReportText(FORMAT_UNITS.scan), text);
      expect(accuracy).toBeGreaterThanOrEqual(0.95);
      expect(accuracy).toBeLessThan(1);

      const [reuse] = await getReportReuse(db, scan.reportId);
      const copied = reuse!.spans.flatMap((s) => (s.kind === 'copied' ? [s] : []));
      expect(copied.length).toBeGreaterThan(0);
      expect(copied.every((s) => s.sources.some((o) => o.unit === '市党史研究室' && o.year === 2022))).toBe(true);
      // All but the lines naming the unit and the year are one copied run or a few long ones.
      expect(reuse!.rates.copied).toBeGreaterThanOrEqual(0.85);
      // Each body paragraph is covered whole, its misread characters included.
      const covered = (start: number, end: number): boolean => copied.some((s) => s.start <= start && s.end >= end);
      const paragraphs = text.split('\n');
      let at = 0;
      const missed: string[] = [];
      for (const p of paragraphs) {
        if (p.length > 40 && !covered(at, at + p.length)) missed.push(p);
        at += p.length + 1;
      }
      expect(missed).toEqual([]);
    } finally {
      await db.destroy();
    }
  }, 120_000);
});
