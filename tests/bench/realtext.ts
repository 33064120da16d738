// Analysis on real text: precision, recall and F1 per field against the hand annotations of the real report
// excerpts (tests/gold/realpages/, README there), for the development half, the held-out half and both.
// Run: node bin/run-ts.js tests/bench/realtext.ts [--errors development|held-out]
import { formatRealScores, realpagesAvailable, runRealpages } from '../gold/realpages.js';

if (!realpagesAvailable()) process.exit(0);
const t0 = process.hrtime.bigint();
const run = runRealpages();
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(formatRealScores(run));
console.log(`\n${run.analyses.size} 篇摘录，分析与评分共 ${ms.toFixed(0)} ms`);
