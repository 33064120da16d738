// Intake bench: how well unit, year and period are read from submissions (precision and recall against
// hand annotations: the five samples, reports written in the committees' forms, 87 real excerpts), how
// fast the reading is on the province corpus, and the province corpus dropped as a folder without its
// manifest through the real batch path (every report stored under its province and year?).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findMetaEvidence } from '../../server/analyze/meta.js';
import { splitLines } from '../../server/analyze/text.js';
import { UnitRegistry } from '../../server/analyze/units.js';
import { openDb } from '../../server/db/connection.js';
import { ingestBatch } from '../../server/intake/batch.js';
import { listReportProvenance } from '../../server/queries/intake.js';
import { FORM_CASES, REGISTRY_FOR_FORMS } from '../fixtures/meta-forms.js';
import { detectMeta, excerptsAvailable, formatScores, freshExcerptCases, realExcerptCases, scoreMeta, seedCases } from '../gold/meta-gold.js';
import { provinceTexts } from '../reuse-corpus.js';
import { provinceCorpusAvailable } from '../shared-material.js';

const registry = new UnitRegistry(REGISTRY_FOR_FORMS.map((u, id) => ({ id, name: u.name, aliases: u.aliases })));
console.log(formatScores('五份样本', scoreMeta(seedCases(), (c) => detectMeta(c))));
console.log(formatScores('按常见写法撰写的报告', scoreMeta(FORM_CASES, (c) => detectMeta(c, c.registry ? registry : undefined))));
if (excerptsAvailable()) {
  const cases = realExcerptCases();
  const t0 = performance.now();
  const s = scoreMeta(cases, (c) => detectMeta(c));
  console.log(`${formatScores(`真实摘录 ${cases.length} 篇`, s)}（含完整分析 ${((performance.now() - t0) / cases.length).toFixed(1)} ms/篇）`);
  const fresh = freshExcerptCases();
  if (fresh.length > 0) console.log(formatScores(`新收集的真实摘录（已研究）${fresh.length} 篇`, scoreMeta(fresh, (c) => detectMeta(c))));
  const unseen = freshExcerptCases('unseen');
  if (unseen.length > 0) console.log(formatScores(`新收集的真实摘录（盲测，未研究）${unseen.length} 篇`, scoreMeta(unseen, (c) => detectMeta(c))));
}

if (provinceCorpusAvailable()) {
  const texts = provinceTexts();
  const chars = texts.reduce((n, t) => n + t.text.length, 0);
  const lines = texts.map((t) => splitLines(t.text));
  texts.slice(0, 20).forEach((t, i) => findMetaEvidence(t.text, null, lines[i]!, t.file)); // warm up
  const t0 = performance.now();
  texts.forEach((t, i) => findMetaEvidence(t.text, null, lines[i]!, t.file));
  const ms = performance.now() - t0;
  console.log(`元数据识别：省级报告 ${texts.length} 份，${(chars / 1e6).toFixed(1)} 百万字，${ms.toFixed(0)} ms（${(chars / ms / 1000).toFixed(1)} 百万字/秒）`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-bench-intake-'));
  const db = await openDb(path.join(dir, 'p.db'));
  try {
    const t1 = performance.now();
    const summary = await ingestBatch(db, texts.map((t) => ({ label: t.file, read: async () => ({ fileName: t.file, bytes: new TextEncoder().encode(t.text) }) })));
    const seconds = (performance.now() - t1) / 1000;
    const stored = await listReportProvenance(db);
    const right = stored.filter((l) => texts.find((t) => t.file === l.file)?.unit === l.unit && texts.find((t) => t.file === l.file)?.year === l.year).length;
    console.log(
      `省级报告目录（无清单）入库：${summary.ingested} 份入库，待确认 ${summary.pending}，未入库 ${summary.failed.length}；单位与年度与清单一致 ${right}/${stored.length}；用时 ${seconds.toFixed(1)} 秒，峰值内存 ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
    );
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
