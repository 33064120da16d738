// Analysis throughput on the province corpus (one core): characters per second and peak memory.
// Run: node bin/run-ts.js tests/bench/analyze.ts [--rounds N]
import fs from 'node:fs';
import path from 'node:path';
import { analyzeReport } from '../../server/analyze/index.js';
import { PROVINCES_DIR, provinceCorpusAvailable } from '../shared-material.js';

if (!provinceCorpusAvailable()) process.exit(0);
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3;
const files = fs.readdirSync(PROVINCES_DIR).filter((f) => f.endsWith('.txt')).sort();
const texts = files.map((f) => ({ file: f, text: fs.readFileSync(path.join(PROVINCES_DIR, f), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n') }));
const chars = texts.reduce((n, t) => n + t.text.length, 0);

let peakRss = 0;
let best = Infinity;
let findings = 0;
for (let r = 0; r < rounds; r++) {
  findings = 0;
  const t0 = process.hrtime.bigint();
  for (const { file, text } of texts) {
    const a = analyzeReport(text, { fileName: file });
    findings += a.sections.length + a.figures.length + a.problems.length;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  best = Math.min(best, seconds);
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  console.log(`第${r + 1}轮：${texts.length}份报告，${chars}字符，${seconds.toFixed(2)}秒，${Math.round(chars / seconds).toLocaleString('en')} 字符/秒`);
}
console.log(
  JSON.stringify({ reports: texts.length, chars, bestSeconds: Number(best.toFixed(3)), charsPerSecond: Math.round(chars / best), peakRssMB: Math.round(peakRss / 2 ** 20), findings }),
);
