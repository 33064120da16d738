// How the analysis engine reads the demo corpus against its truth: level-1 sections found with the right
// kind, planted problem statements overlapped by a found statement, figures found at the right place
// with the right value, and the flags that should stand on planted reports.
// Usage: node bin/run-ts.js seed/generator/measure-analysis.ts [--scale N] [--seed N] [--units N]
import { parseArgs } from 'node:util';
import { analyzeReport } from '../../server/analyze/index.js';
import { generateDemoCorpus, type DemoOptions } from './index.js';

const { values } = parseArgs({ options: { scale: { type: 'string' }, seed: { type: 'string' }, units: { type: 'string' } } });
const options: DemoOptions = {};
if (values.scale) options.scale = Number(values.scale);
if (values.seed) options.seed = Number(values.seed);
if (values.units) options.units = Number(values.units);

const { reports, truth } = generateDemoCorpus(options);
const t0 = performance.now();
const analyses = new Map(reports.map((r) => [r.fileName, analyzeReport(r.text, { fileName: r.fileName, unit: r.unit, year: r.year })]));
const ms = performance.now() - t0;

let sections = 0;
let sectionsRight = 0;
for (const s of truth.sections.filter((x) => x.level === 1)) {
  sections++;
  const found = analyses.get(s.fileName)!.sections.find((x) => x.level === 1 && x.start <= s.start && x.headingEnd >= s.end - 1);
  if (found?.kind === s.kind) sectionsRight++;
}
let problems = 0;
let problemsFound = 0;
for (const p of truth.problems) {
  problems++;
  if (analyses.get(p.fileName)!.problems.some((x) => x.start < p.end && x.end > p.start)) problemsFound++;
}
let figures = 0;
let figuresRight = 0;
for (const f of truth.figures) {
  figures++;
  const hit = analyses.get(f.fileName)!.figures.find((x) => x.start < f.end && x.end > f.start);
  if (hit && hit.value === f.value) figuresRight++;
}
const flagged = (file: string, kind: string) => analyses.get(file)!.flags.some((f) => f.kind === kind);
const placeholderFlags = truth.placeholderReports.filter((f) => flagged(f, 'placeholder_bulk')).length;
const missingFlags = truth.missingProblems.filter((f) => flagged(f, 'missing_problems')).length;
const falseMissing = reports.filter((r) => !truth.missingProblems.includes(r.fileName) && flagged(r.fileName, 'missing_problems')).length;

const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
console.log(`analysed ${reports.length} reports in ${(ms / 1000).toFixed(1)} s`);
console.log(`level-1 sections found with the right kind: ${pct(sectionsRight, sections)} (${sectionsRight}/${sections})`);
console.log(`planted problem statements overlapped by a found one: ${pct(problemsFound, problems)} (${problemsFound}/${problems})`);
console.log(`planted figures found with the right value: ${pct(figuresRight, figures)} (${figuresRight}/${figures})`);
console.log(`placeholder reports flagged: ${placeholderFlags}/${truth.placeholderReports.length}; missing-problems flagged: ${missingFlags}/${truth.missingProblems.length} (${falseMissing} others flagged)`);
