// Reuse accuracy bench: the planted-copy benchmark of tests/reuse-plant.ts on the province corpus (PAN
// precision, recall, granularity, plagdet, and whether the copier rather than the original is blamed).
// Usage: node bin/run-ts.js tests/bench/reuse-pan.ts
import { provinceTexts } from '../reuse-corpus.js';
import { formatScores, plantCopies, runEngine, scorePlanted } from '../reuse-plant.js';
import { provinceCorpusAvailable } from '../shared-material.js';

if (!provinceCorpusAvailable()) process.exit(2);
const texts = provinceTexts();
const t0 = performance.now();
const base = await runEngine(texts);
const corpus = await plantCopies(texts, base);
await base.db.destroy();
const run = await runEngine(corpus.texts);
const scores = await scorePlanted(run.db, corpus);
await run.db.destroy();
console.log(formatScores(texts.length, scores));
console.log(`  (two ingests of the corpus and the scoring: ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
