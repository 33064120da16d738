// Writes the demo corpus to a folder: one UTF-8 .txt per report, manifest.csv (file,unit,department,year,
// period,title) for `yanpan ingest --manifest`, and truth.json with everything planted; its template
// library (范文库) beside it in OUTDIR-范文库/, one .txt per text, for `yanpan templates import`.
// Usage: node bin/run-ts.js seed/generator/write.ts OUTDIR [--scale N] [--seed N] [--units N]
import fs from 'node:fs';
import path from 'node:path';
import { generateDemoCorpus, type DemoOptions } from './index.js';

function csvField(v: string | number): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function parseArgs(argv: string[]): { out: string; options: DemoOptions } {
  const options: DemoOptions = {};
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const num = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) usage(`${a} 需要一个正数`);
      return v;
    };
    if (a === '--scale') options.scale = num();
    else if (a === '--seed') options.seed = num();
    else if (a === '--units') options.units = Math.round(num());
    else if (a.startsWith('--')) usage(`未知选项 ${a}`);
    else if (out === null) out = a;
    else usage(`多余的参数 ${a}`);
  }
  if (out === null) usage('缺少输出目录');
  return { out, options };
}

function usage(message: string): never {
  console.error(`${message}\n用法：node bin/run-ts.js seed/generator/write.ts 输出目录 [--scale N] [--seed N] [--units N]`);
  process.exit(2);
}

const { out, options } = parseArgs(process.argv.slice(2));
const started = performance.now();
const corpus = generateDemoCorpus(options);
fs.mkdirSync(out, { recursive: true });
const lines = ['file,unit,department,year,period,title'];
let chars = 0;
for (const r of corpus.reports) {
  fs.writeFileSync(path.join(out, r.fileName), r.text, 'utf8');
  lines.push([r.fileName, r.unit, r.department, r.year, r.period, r.title].map(csvField).join(','));
  chars += r.text.length;
}
fs.writeFileSync(path.join(out, 'manifest.csv'), lines.join('\n') + '\n', 'utf8');
fs.writeFileSync(path.join(out, 'truth.json'), JSON.stringify(corpus.truth, null, 1) + '\n', 'utf8');
// Beside the reports, not among them: a folder given to `yanpan ingest` would take templates for reports.
const library = `${path.resolve(out)}-范文库`;
fs.mkdirSync(library, { recursive: true });
for (const t of corpus.templates) fs.writeFileSync(path.join(library, t.fileName), t.text, 'utf8');
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.error(`已写入 ${corpus.reports.length} 份报告（${chars} 字符）、manifest.csv 和 truth.json 到 ${out}，范文库 ${corpus.templates.length} 篇到 ${library}，用时 ${seconds} 秒`);
