// OCR of our scans: seconds per page (wall clock, and the CPU time of the pdftoppm and tesseract
// processes, which a busy machine does not distort) and the Chinese characters read back in order against
// the source text, for the committed scan (2 pages, 150 dpi, turned 0.8°, the red seal over the
// signature), its second page as the page images units send (JPEG, PNG, LZW TIFF), and a real report —
// seed sample 003 as Chromium printed it (tests/fixtures/pdf/report-003.pdf), scanned at 150 and 200 dpi.
// Needs tesseract-ocr, tesseract-ocr-chi-sim and poppler-utils. Run: node bin/run-ts.js tests/bench/ocr.ts
import path from 'node:path';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { decodeReport } from '../../server/decode/index.js';
import { FORMAT_UNITS, formatFixture, formatReportText, ocrReady, rasterise, scanPageImage } from '../fixtures/formats/reports.js';
import { makeCjkPdf } from '../fixtures/submissions.js';
import { REPO_ROOT, SEED_SAMPLES_DIR } from '../shared-material.js';
import { cjkInOrder } from '../text-accuracy.js';

/** CPU seconds (user + system) of this process's finished children: cutime and cstime of /proc/self/stat. */
function childCpuSeconds(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  // The fields after "(comm)" start with field 3; cutime and cstime are fields 16 and 17, in 1/100 s.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** A printed PDF scanned: each page rasterised to JPEG at `dpi` and put back as a page image. */
function scanned(pdf: Uint8Array, pages: number, dpi: number): Uint8Array {
  const width = Math.round((595 / 72) * dpi);
  const height = Math.round((842 / 72) * dpi);
  return makeCjkPdf(Array.from({ length: pages }, (_, i) => ({ jpeg: rasterise(pdf, i + 1, 'jpeg', ['-jpegopt', 'quality=70'], dpi), width, height })));
}

if (await ocrReady()) {
  const printed = new Uint8Array(fs.readFileSync(path.join(REPO_ROOT, 'tests/fixtures/pdf/report-003.pdf')));
  const seed = fs.readFileSync(path.join(SEED_SAMPLES_DIR, '003_acd45be5079132d5.txt'), 'utf8');
  const source = formatReportText(FORMAT_UNITS.scan);
  const page2 = source.slice(source.indexOf('一是理论学习'));
  const inputs: Array<[string, Uint8Array, string, string]> = [
    ['扫描 PDF（150 dpi）', formatFixture('report-scan.pdf'), '扫描件.pdf', source],
    ['JPEG（第 2 页）', scanPageImage('jpeg', ['-jpegopt', 'quality=70']), '扫描件.jpg', page2],
    ['PNG（第 2 页）', scanPageImage('png'), '扫描件.png', page2],
    ['TIFF LZW（第 2 页）', scanPageImage('tiff', ['-tiffcompression', 'lzw']), '扫描件.tif', page2],
    ['种子样本 003 扫描（150 dpi）', scanned(printed, 4, 150), '样本扫描.pdf', seed],
    ['种子样本 003 扫描（200 dpi）', scanned(printed, 4, 200), '样本扫描.pdf', seed],
  ];
  console.log('| 输入 | 页数 | 秒/页（墙钟） | 识别进程 CPU 秒/页 | 汉字按序准确率 | 平均置信度 | 段落数（读出/原文） |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  let pages = 0;
  let wall = 0;
  let cpu = 0;
  for (const [label, bytes, name, expected] of inputs) {
    const cpu0 = childCpuSeconds();
    const t0 = performance.now();
    const r = await decodeReport(bytes, name);
    const seconds = (performance.now() - t0) / 1000;
    const children = childCpuSeconds() - cpu0;
    const n = r.ocr?.pages ?? 0;
    pages += n;
    wall += seconds;
    cpu += children;
    const accuracy = (cjkInOrder(expected, r.text) * 100).toFixed(1);
    const paragraphs = (t: string): number => t.split('\n').filter((l) => l.trim() !== '').length;
    console.log(
      `| ${label} | ${n} | ${(seconds / n).toFixed(1)} | ${(children / n).toFixed(1)} | ${accuracy}% | ${Math.round((r.ocr?.confidence ?? 0) * 100)}% | ${paragraphs(r.text)}/${paragraphs(expected)} |`,
    );
  }
  console.log(`\n共 ${pages} 页：墙钟 ${(wall / pages).toFixed(1)} 秒/页，识别进程（pdftoppm + tesseract）CPU ${(cpu / pages).toFixed(1)} 秒/页`);
}
