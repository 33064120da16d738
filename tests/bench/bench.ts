// `npm run bench`: the benchmarks, each in its own process so that its time and memory are its own.
// Pass names to run some: npm run bench -- analyze reuse
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const BENCHES: Array<[string, string, string]> = [
  ['analyze', 'analyze.ts', '分析吞吐量（省级政府工作报告语料）'],
  ['realtext', 'realtext.ts', '真实报告摘录上的分析准确度（人工标注，开发集／留出集／新收集的一批）'],
  ['reuse', 'reuse.ts', '入库与雷同检测（714 份省级报告，再加 1 份）'],
  ['reuse', 'reuse-pan.ts', '雷同检测的准确性与抄袭方向（省级报告中植入较早年份的段落，PAN 指标）'],
  ['race', 'race.ts', '与 copydetect 对比：同一批植入段落的省级报告，研判完整入库与 copydetect 仅检测的耗时及 PAN 指标（需先取得 copydetect）'],
  ['themes', 'themes.ts', '问题主题聚类（10,000 条问题表述）'],
  ['views', 'views.ts', '看板各视图的服务器端耗时（约 10,000 份报告）'],
  ['intake', 'intake.ts', '单位、年度、期别识别的准确率与速度；无清单的省级报告目录入库'],
  ['cli', 'cli.ts', '命令行启动耗时（各命令只加载自己用到的模块）'],
  ['ocr', 'ocr.ts', '扫描件文字识别：每页耗时与汉字准确率'],
  ['dialects', 'dialects.ts', 'SQLite 与 PostgreSQL 对照（省级报告语料：入库、检索、各视图）'],
];
const wanted = process.argv.slice(2);
let failed = 0;
for (const [name, file, title] of BENCHES) {
  if (wanted.length && !wanted.includes(name)) continue;
  const script = path.join(here, file);
  if (!fs.existsSync(script)) {
    console.log(`\n## ${name}: ${file} 不存在，跳过`);
    continue;
  }
  console.log(`\n## ${name}: ${title}`);
  const r = spawnSync(process.execPath, [path.join(here, '..', '..', 'bin', 'run-ts.js'), script], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
