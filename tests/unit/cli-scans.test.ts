// `yanpan analyze` and `yanpan ingest` on a stamped, scanned report (tests/fixtures/formats): read by OCR
// with the pages counted on standard error, marked as OCR in the JSON and in the database, its sections
// and figures found in the recognised text; refused in Chinese, naming what to install, without OCR.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/connection.js';
import { FORMAT_UNITS, formatFixture, formatReportText, ocrReady, scanPageImage } from '../fixtures/formats/reports.js';
import { REPO_ROOT } from '../shared-material.js';
import { cjkInOrder } from '../text-accuracy.js';

const OCR = await ocrReady();
const UNIT = FORMAT_UNITS.scan.unit;
const SOURCE = formatReportText(FORMAT_UNITS.scan);
const SCAN = `${UNIT}2023年度落实意识形态工作责任制情况报告.pdf`;
const PAGE = `${UNIT}2023年度报告第2页.jpg`;

let dir: string;
let dbPath: string;

function yanpan(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('node', [path.join(REPO_ROOT, 'bin', 'yanpan.js'), ...args], { encoding: 'utf8', cwd: REPO_ROOT, env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-cli-scans-'));
  dbPath = path.join(dir, 'y.db');
  fs.mkdirSync(path.join(dir, 'in'));
  fs.writeFileSync(path.join(dir, 'in', SCAN), formatFixture('report-scan.pdf'));
  if (OCR) fs.writeFileSync(path.join(dir, 'in', PAGE), scanPageImage('jpeg'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('yanpan on scans', () => {
  it.skipIf(!OCR)('analyze reads a scan by OCR: encoding "ocr" with its confidence, the text, its sections and figures; pages on standard error', () => {
    const { status, stdout, stderr } = yanpan(['analyze', path.join(dir, 'in', SCAN)]);
    expect(status).toBe(0);
    const out = JSON.parse(stdout) as {
      encoding: string;
      ocr: { engine: string; confidence: number; pages: number } | null;
      meta: { unit: string | null; year: number | null };
      text: string;
      sections: Array<{ level: number; marker: string; kind: string }>;
      figures: Array<{ activity: string; value: number | null; unit: string }>;
    };
    expect(out.encoding).toBe('ocr');
    expect(out.ocr).toMatchObject({ engine: expect.stringMatching(/^tesseract [\d.]+ chi_sim$/), pages: 2 });
    expect(out.ocr!.confidence).toBeGreaterThan(0.8);
    expect(cjkInOrder(SOURCE, out.text)).toBeGreaterThanOrEqual(0.95);
    expect(out.meta).toMatchObject({ unit: UNIT, year: 2023 });
    expect(stderr).toContain('文字识别 第 1/2 页');
    expect(stderr).toContain('文字识别 第 2/2 页');
    // The outline and the reported figures survive the recognition.
    expect(out.sections.filter((s) => s.level === 1 && s.kind !== 'preamble').map((s) => s.marker)).toEqual(['一、', '二、', '三、']);
    expect(out.sections.map((s) => s.kind)).toContain('problems');
    const counts = out.figures.map((f) => `${f.value}${f.unit}`);
    for (const f of ['4次', '12次', '5次', '320人次', '213条', '7场']) expect(counts).toContain(f);
  }, 120_000);

  it.skipIf(!OCR)('ingest stores a scan and a page image with how they were read; the progress line names each page', async () => {
    const { status, stdout, stderr } = yanpan(['ingest', path.join(dir, 'in'), '--db', dbPath]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ingested: 2, duplicates: 0, failed: [] });
    expect(stderr).toContain(`${SCAN} 文字识别 第 2/2 页`);
    expect(stderr).toContain(`${PAGE} 文字识别 第 1/1 页`);
    const db = await openDb(dbPath);
    try {
      const rows = await db
        .selectFrom('reports as r')
        .innerJoin('report_texts as t', 't.report_id', 'r.id')
        .select(['r.file_name', 'r.encoding', 'r.ocr_engine', 'r.ocr_confidence', 'r.ocr_pages', 't.text', 'r.original_sha256'])
        .orderBy('r.file_name')
        .execute();
      expect(rows.map((r) => [r.file_name, r.encoding, r.ocr_pages])).toEqual([
        [PAGE, 'ocr', 1],
        [SCAN, 'ocr', 2],
      ]);
      for (const r of rows) {
        expect(r.ocr_engine).toMatch(/^tesseract [\d.]+ chi_sim$/);
        expect(r.ocr_confidence).toBeGreaterThan(0.8);
        expect(r.original_sha256).not.toBeNull();
      }
      expect(cjkInOrder(SOURCE, rows[1]!.text)).toBeGreaterThanOrEqual(0.95);
    } finally {
      await db.destroy();
    }
  }, 180_000);

  it('without OCR, analyze refuses the scan naming what to install (exit 2), and ingest lists it as failed', () => {
    const off = { YANPAN_OCR: 'off' };
    const analyzed = yanpan(['analyze', path.join(dir, 'in', SCAN)], off);
    expect(analyzed.status).toBe(2);
    expect(analyzed.stdout).toBe('');
    expect(analyzed.stderr).toContain(`${path.join(dir, 'in', SCAN)}: 这个 PDF 文件是扫描件（没有文字层），需要文字识别（OCR），但本服务器的文字识别不可用`);
    expect(analyzed.stderr).toContain('请管理员安装 tesseract-ocr、tesseract-ocr-chi-sim、poppler-utils');
    const ingested = yanpan(['ingest', path.join(dir, 'in', SCAN), '--db', path.join(dir, 'off.db')], off);
    expect(ingested.status).toBe(2);
    const out = JSON.parse(ingested.stdout) as { ingested: number; failed: Array<{ file: string; error: string }> };
    expect(out.ingested).toBe(0);
    expect(out.failed).toEqual([{ file: SCAN, error: expect.stringMatching(/需要文字识别（OCR）.*tesseract-ocr-chi-sim/) }]);
  }, 60_000);
});
