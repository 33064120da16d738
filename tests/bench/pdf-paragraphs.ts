// How well the PDF decoder gets paragraphs back: province reports laid out three ways and printed by
// headless Chromium (needs chromium + fonts-noto-cjk), then decoded; a paragraph counts when it comes
// back exactly. Run: npx tsx tests/bench/pdf-paragraphs.ts [reports=15]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodePdf } from '../../server/decode/pdf.js';
import { PROVINCES_DIR, provinceCorpusAvailable } from '../shared-material.js';

if (!provinceCorpusAvailable()) process.exit(0);
const count = Number(process.argv[2] ?? 15);
const files = fs.readdirSync(PROVINCES_DIR).filter((f) => f.endsWith('.txt')).sort();
const picked = files.filter((_, i) => i % Math.floor(files.length / count) === 7).slice(0, count);
const layouts: Record<string, string> = {
  'first-line indent (公文)': 'p { margin: 0; text-indent: 2em; text-align: justify; }',
  'paragraph spacing': 'p { margin: 0 0 0.8em; text-align: justify; }',
  'neither (flush, ragged)': 'p { margin: 0; text-align: left; }',
};
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-pdfbench-'));
try {
  for (const [name, css] of Object.entries(layouts)) {
    let paragraphs = 0;
    let exact = 0;
    let lines = 0;
    let ms = 0;
    for (const f of picked) {
      const expected = fs.readFileSync(path.join(PROVINCES_DIR, f), 'utf8').replace(/\r\n/g, '\n').split('\n').map((l) => l.trim()).filter((l) => l !== '');
      const html = `<!doctype html><meta charset="utf-8"><style>@page { size: A4; margin: 37mm 26mm 35mm 28mm; @bottom-center { content: "— " counter(page) " —"; } } body { font: 16pt/1.6 "Noto Serif CJK SC"; margin: 0; } ${css}</style>${expected.map((l) => `<p>${esc(l)}</p>`).join('')}`;
      fs.writeFileSync(path.join(dir, 'r.html'), html);
      const pdfFile = path.join(dir, 'r.pdf');
      execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${pdfFile}`, `file://${dir}/r.html`], { stdio: 'ignore' });
      const bytes = new Uint8Array(fs.readFileSync(pdfFile));
      const t0 = performance.now();
      const got = (await decodePdf(bytes)).text.split('\n');
      ms += performance.now() - t0;
      const set = new Set(got);
      paragraphs += expected.length;
      lines += got.length;
      exact += expected.filter((l) => set.has(l)).length;
      if (process.env.SHOW_MISSES) for (const l of expected.filter((e) => !set.has(e)).slice(0, 3)) console.log(`  ${f}: ${l.slice(0, 60)}`);
    }
    console.log(`${name}: ${picked.length} reports, ${paragraphs} paragraphs → ${lines} lines; exact ${exact} (${((100 * exact) / paragraphs).toFixed(1)}%); decode ${Math.round(ms)} ms`);
  }
} finally {
  fs.rmSync(dir, { recursive: true });
}
