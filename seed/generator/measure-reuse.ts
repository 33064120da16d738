// How the reuse engine sees the demo corpus: the corpus is ingested through the real batch path into a
// temporary database, then the shares of stock, copied and self text are read back, and the copied
// text is scored against the planted copies (precision of copied characters, recall of planted ones).
// Usage: node bin/run-ts.js seed/generator/measure-reuse.ts [--scale N] [--seed N] [--units N] [--show N]
//   --show N prints the N longest copied spans outside the planted copies (to see what the noise is).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ingestBatch } from '../../server/intake/batch.js';
import { importTemplates } from '../../server/intake/templates.js';
import { openDb } from '../../server/db/connection.js';
import { getReportReuse } from '../../server/reuse/index.js';
import { generateDemoCorpus, type DemoOptions } from './index.js';

const { values } = parseArgs({
  options: { scale: { type: 'string' }, seed: { type: 'string' }, units: { type: 'string' }, show: { type: 'string' } },
});
const options: DemoOptions = {};
if (values.scale) options.scale = Number(values.scale);
if (values.seed) options.seed = Number(values.seed);
if (values.units) options.units = Number(values.units);
const show = Number(values.show ?? 0);

const t0 = performance.now();
const { reports, templates, truth } = generateDemoCorpus(options);
const generatedMs = performance.now() - t0;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-demo-reuse-'));
const db = await openDb(path.join(dir, 'demo.db'));
const encoder = new TextEncoder();
const t1 = performance.now();
// The template library first, as the demo loader adds it.
for (const t of templates) {
  await importTemplates(db, [{ label: t.fileName, read: async () => ({ fileName: t.fileName, bytes: encoder.encode(t.text) }) }], { kind: t.kind, title: t.title, source: t.source });
}
await ingestBatch(
  db,
  reports.map((r) => ({
    label: r.fileName,
    read: async () => ({ fileName: r.fileName, bytes: encoder.encode(r.text), meta: { unit: r.unit, department: r.department, year: r.year, period: r.period, title: r.title } }),
  })),
);
const ingestMs = performance.now() - t1;
const reuse = await getReportReuse(db);
await db.destroy();
fs.rmSync(dir, { recursive: true, force: true });

const textOf = new Map(reports.map((r) => [r.fileName, r.text]));
const nonSpace = (s: string) => s.replace(/\s/g, '').length;

// Planted copy text on either side (a source shows the copy too, with the target as its source).
const planted = new Map<string, Array<[number, number]>>();
for (const c of truth.copies) {
  for (const s of [c.target, c.source]) {
    const list = planted.get(s.fileName) ?? [];
    list.push([s.start, s.end]);
    planted.set(s.fileName, list);
  }
}
const recycled = new Set(truth.selfRecycled.flatMap((r) => [r.fileName, r.predecessor]));

let total = 0;
const kinds = { stock: 0, copied: 0, shared: 0, self: 0, template: 0, original: 0 };
let copiedIn = 0;
/** Copied characters just outside a planted copy, in a span that overlaps it (the copy's edges). */
let overhang = 0;
let selfInRecycled = 0;
const noise: Array<{ file: string; text: string; sources: string[] }> = [];
const coveredTargets = new Map<string, Uint8Array>();
const idToFile = new Map(reuse.map((r) => [r.id, r.file]));
for (const r of reuse) {
  const file = r.file ?? '';
  const text = textOf.get(file)!;
  total += nonSpace(text);
  const mine = planted.get(file) ?? [];
  const mask = new Uint8Array(text.length);
  for (const [a, b] of mine) mask.fill(1, a, b);
  for (const s of r.spans) {
    const piece = text.slice(s.start, s.end);
    const n = nonSpace(piece);
    kinds[s.kind] += n;
    if (s.kind === 'self' && recycled.has(file)) selfInRecycled += n;
    // Taken from another unit: copied from an earlier report, or shared within the same period.
    if (s.kind !== 'copied' && s.kind !== 'shared') continue;
    let inside = 0;
    for (let i = s.start; i < s.end; i++) if (mask[i] && !/\s/.test(text[i]!)) inside++;
    copiedIn += inside;
    if (inside < n) noise.push({ file, text: piece, sources: s.sources.map((x) => idToFile.get(x.id) ?? x.id) });
    if (inside > 0 && inside < n) overhang += n - inside;
    let cov = coveredTargets.get(file);
    if (!cov) coveredTargets.set(file, (cov = new Uint8Array(text.length)));
    cov.fill(1, s.start, s.end);
  }
}

// Recall: planted target characters under a copied span, and copies found with their source named.
let targetChars = 0;
let targetCovered = 0;
let found = 0;
for (const c of truth.copies) {
  const cov = coveredTargets.get(c.target.fileName);
  const text = textOf.get(c.target.fileName)!;
  let hit = 0;
  for (let i = c.target.start; i < c.target.end; i++) {
    if (/\s/.test(text[i]!)) continue;
    targetChars++;
    if (cov?.[i]) hit++;
  }
  targetCovered += hit;
  const rr = reuse.find((x) => x.file === c.target.fileName)!;
  const ok = rr.spans.some(
    (s) =>
      (s.kind === 'copied' || s.kind === 'shared') &&
      s.start < c.target.end &&
      s.end > c.target.start &&
      s.sources.some((x) => idToFile.get(x.id) === c.source.fileName && x.start < c.source.end && x.end > c.source.start),
  );
  if (ok) found++;
}

const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
const lengths = reports.map((r) => r.text.length).sort((a, b) => a - b);
console.log(
  `demo corpus: ${reports.length} reports, ${(lengths.reduce((a, b) => a + b, 0) / 1e6).toFixed(2)}M chars (${lengths[0]}–${lengths[lengths.length - 1]}, median ${lengths[lengths.length >> 1]}); generated in ${generatedMs.toFixed(0)} ms, ingested in ${(ingestMs / 1000).toFixed(1)} s`,
);
console.log(`shares of all characters: ${Object.entries(kinds).map(([k, n]) => `${k} ${pct(n, total)}`).join(', ')}`);
const taken = kinds.copied + kinds.shared;
console.log(`copied or shared characters inside planted copies (precision): ${pct(copiedIn, taken)} (${copiedIn}/${taken})`);
console.log(`planted target characters found copied (recall): ${pct(targetCovered, targetChars)}; copies found with the right source: ${found}/${truth.copies.length}`);
console.log(`self characters in recycled reports and their predecessors: ${pct(selfInRecycled, kinds.self)} (${selfInRecycled}/${kinds.self})`);
const perReport = reuse.map((r) => r.rates.stock).sort((a, b) => a - b);
console.log(`stock share per report: min ${pct(perReport[0]!, 1)}, median ${pct(perReport[perReport.length >> 1]!, 1)}, max ${pct(perReport[perReport.length - 1]!, 1)}`);
// Template text: characters of template spans inside the planted template copies, and of those copies found.
let templateIn = 0;
let templateTargetChars = 0;
let templateFound = 0;
for (const c of truth.templateCopies) {
  const rr = reuse.find((x) => x.file === c.target.fileName)!;
  const text = textOf.get(c.target.fileName)!;
  let hit = 0;
  for (const s of rr.spans) {
    if (s.kind !== 'template') continue;
    for (let i = Math.max(s.start, c.target.start); i < Math.min(s.end, c.target.end); i++) if (!/\s/.test(text[i]!)) hit++;
  }
  templateIn += hit;
  templateTargetChars += nonSpace(c.target.text);
  if (hit >= 0.8 * nonSpace(c.target.text)) templateFound++;
}
console.log(
  `template characters inside planted template copies (precision): ${pct(templateIn, kinds.template)}; planted template copy characters found (recall): ${pct(templateIn, templateTargetChars)}; copies found: ${templateFound}/${truth.templateCopies.length}`,
);
noise.sort((a, b) => b.text.length - a.text.length);
const noiseLengths = noise.map((n) => nonSpace(n.text));
const median = noiseLengths.slice().sort((a, b) => a - b)[noiseLengths.length >> 1] ?? 0;
console.log(`copied or shared spans outside planted copies: ${noise.length} (median ${median} chars, longest ${noiseLengths[0] ?? 0}); such characters outside planted copies: ${taken - copiedIn}, of them ${overhang} at the edges of a planted copy`);
for (const n of noise.filter((_, i) => i % Math.max(1, Math.floor(noise.length / Math.max(1, show))) === 0).slice(0, show)) console.log(`  ${n.file} ← ${n.sources.join(', ')}\n    ${n.text.replace(/\n/g, '⏎')}`);
