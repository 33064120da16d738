// Analysis on real text: precision, recall and F1 per field against the hand annotations of the real report
// excerpts (tests/gold/realpages/, README there), for the development half, the held-out half and both.
// Run: node bin/run-ts.js tests/bench/realtext.ts [--errors development|held-out [FIELD…]]
// --errors lists what was missed (−) and what was found wrongly (+) per excerpt of that half.
import { formatRealScores, listRealErrors, realpagesAvailable, runRealpages, type Split } from '../gold/realpages.js';

if (!realpagesAvailable()) process.exit(0);
const t0 = process.hrtime.bigint();
const run = runRealpages();
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(formatRealScores(run));
console.log(`\n${run.analyses.size} 篇摘录，分析与评分共 ${ms.toFixed(0)} ms`);
const at = process.argv.indexOf('--errors');
if (at > 0) {
  const split = process.argv[at + 1] as Split;
  console.log(`\n${listRealErrors(run, split, process.argv.slice(at + 2)).join('\n')}`);
}
