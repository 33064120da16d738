// The problem themes found on the demo corpus, on the seeds' problem sections and on the province
// corpus, printed as tables to read as a committee member would; on the demo corpus also scored against
// the themes the generator wrote each statement from.
//   node bin/run-ts.js tests/bench/themes-table.ts [--no-provinces]
import fs from 'node:fs';
import path from 'node:path';
import { generateDemoCorpus } from '../../seed/generator/index.js';
import { analyzeReport } from '../../server/analyze/index.js';
import { assignThemes, codebookThemeDefs, type ThemeDef, type ThemeStatement } from '../../server/themes/assign.js';
import { PROVINCES_DIR, provinceCorpusAvailable, seedSampleFiles } from '../shared-material.js';
import { SEED_THEME_OF } from '../../seed/generator/theme-seeds.js';


function run(statements: ThemeStatement[]) {
  let n = 0;
  const t0 = performance.now();
  const r = assignThemes(statements, codebookThemeDefs(), () => `f${++n}`);
  return { ...r, ms: performance.now() - t0 };
}

function labelOf(themes: ThemeDef[], id: string | null): string {
  return id === null ? '（未归类）' : (themes.find((t) => t.id === id)?.label ?? id);
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

function table(title: string, statements: ThemeStatement[], units: string[], truth?: Array<string | null>): void {
  const r = run(statements);
  const themes = [...codebookThemeDefs(), ...r.discovered];
  console.log(`\n## ${title}: ${statements.length} 条问题表述，${r.discovered.length} 个新发现主题，用时 ${r.ms.toFixed(0)} ms`);
  const groups = new Map<string | null, number[]>();
  r.assignments.forEach((a, i) => groups.set(a, [...(groups.get(a) ?? []), i]));
  const rows = [...groups].sort((a, b) => (a[0] === null ? 1 : b[0] === null ? -1 : b[1].length - a[1].length));
  for (const [id, idx] of rows) {
    const t = themes.find((x) => x.id === id);
    const unitCount = new Set(idx.map((i) => units[i])).size;
    let purity = '';
    if (truth) {
      const counts = new Map<string | null, number>();
      for (const i of idx) counts.set(truth[i]!, (counts.get(truth[i]!) ?? 0) + 1);
      const [major, k] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
      purity = ` 主要来自 ${major}（${pct(k / idx.length)}）`;
    }
    console.log(`- ${id ?? '—'} 「${labelOf(themes, id)}」 ${idx.length} 条 / ${unitCount} 个单位${purity}  关键词：${t?.terms.join('、') ?? ''}`);
    for (const i of idx.slice(0, id === null ? 8 : 3)) console.log(`    · ${cut(statements[i]!.text, 60)}`);
  }
  if (!truth) return;
  // Per generator theme: the predicted theme most of its statements went to, with precision and recall.
  console.log(`\n| 生成器主题 | 归入的主题 | 精确率 | 召回率 |\n|---|---|---|---|`);
  let correct = 0;
  for (const gold of [...new Set(truth)].filter((t): t is string => t !== null).sort()) {
    const mine = truth.flatMap((t, i) => (t === gold ? [i] : []));
    const votes = new Map<string | null, number>();
    for (const i of mine) votes.set(r.assignments[i]!, (votes.get(r.assignments[i]!) ?? 0) + 1);
    const best = [...votes].filter(([id]) => id !== null).sort((a, b) => b[1] - a[1])[0];
    if (!best) {
      console.log(`| ${gold} | — | — | 0% |`);
      continue;
    }
    const [pred, hit] = best;
    const expected = SEED_THEME_OF[gold];
    const size = groups.get(pred)!.length;
    const ok = expected === undefined ? pred!.startsWith('f') : pred === expected;
    if (ok) correct += hit;
    console.log(`| ${gold} | ${pred} 「${labelOf(themes, pred)}」${ok ? '' : ' ✗'} | ${pct(hit / size)} | ${pct(hit / mine.length)} |`);
  }
  const assigned = r.assignments.filter((a) => a !== null).length;
  console.log(`\n已归类 ${pct(assigned / statements.length)}；归入对应主题的 ${pct(correct / statements.length)}`);
}

// 1. Demo corpus: the generator's statements as written (the themes stage alone) …
const demo = generateDemoCorpus();
const byFile = new Map(demo.reports.map((r, i) => [r.fileName, { report: r, i }]));
table(
  '演示语料（生成器标注的问题表述）',
  demo.truth.problems.map((p) => ({ text: p.text, report: byFile.get(p.fileName)!.i, themeId: null })),
  demo.truth.problems.map((p) => byFile.get(p.fileName)!.report.unit),
  demo.truth.problems.map((p) => p.theme),
);

// … and as the analysis engine cuts them (the whole chain); truth by overlap with the planted spans.
const extracted: ThemeStatement[] = [];
const extractedUnits: string[] = [];
const extractedTruth: Array<string | null> = [];
demo.reports.forEach((rep, i) => {
  const gold = demo.truth.problems.filter((p) => p.fileName === rep.fileName);
  for (const p of analyzeReport(rep.text, { fileName: rep.fileName }).problems) {
    extracted.push({ text: p.text, report: i, themeId: null });
    extractedUnits.push(rep.unit);
    extractedTruth.push(gold.find((g) => g.start < p.end && p.start < g.end)?.theme ?? null);
  }
});
table('演示语料（分析引擎切分的问题表述）', extracted, extractedUnits, extractedTruth);

// 2. The five seeds.
const seedStatements: ThemeStatement[] = [];
const seedUnits: string[] = [];
seedSampleFiles().forEach((file, i) => {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  for (const p of analyzeReport(text, { fileName: path.basename(file) }).problems) {
    seedStatements.push({ text: p.text, report: i, themeId: null });
    seedUnits.push(path.basename(file));
  }
});
table('五份样本报告', seedStatements, seedUnits);

// 3. The province corpus: government work reports, whose problems are economic rather than ideological —
// the seed lexicon hardly applies, so this shows what discovery alone makes of them.
if (!process.argv.includes('--no-provinces') && provinceCorpusAvailable()) {
  const files = fs.readdirSync(PROVINCES_DIR).filter((f) => f.endsWith('.txt')).sort();
  const statements: ThemeStatement[] = [];
  const units: string[] = [];
  files.forEach((f, i) => {
    const text = fs.readFileSync(path.join(PROVINCES_DIR, f), 'utf8').replace(/\r\n/g, '\n');
    for (const p of analyzeReport(text, { fileName: f }).problems) {
      statements.push({ text: p.text, report: i, themeId: null });
      units.push(f.replace(/-\d+\.txt$/, ''));
    }
  });
  table('省级政府工作报告', statements, units);
}
