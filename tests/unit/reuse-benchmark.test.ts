// A plagiarism benchmark built from the province corpus: passages of one province's report are planted
// in another province's report, verbatim and lightly edited (the province's name swapped, a number
// changed, words replaced, a sentence dropped); the engine must find them as copied, with sources, and
// the PAN text-alignment measures are printed. Province reports share real text too (central policy
// wording, other provinces' phrasing), so target/source pairs are taken where the unmodified corpus
// aligns nothing, and planted passages are taken from text the unmodified corpus finds no reuse in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../server/db/connection.js';
import { getReportReuse, indexReportReuse, withReuseBatch } from '../../server/reuse/index.js';
import { type AlignmentCase, panScores } from '../pan.js';
import { type CorpusText, provinceTexts, storeText } from '../reuse-corpus.js';
import { provinceCorpusAvailable } from '../shared-material.js';
import { freshDbLocation } from '../test-db.js';

const EDITS = ['verbatim', 'unit', 'number', 'word', 'drop'] as const;
type Edit = (typeof EDITS)[number];
const CASES_PER_EDIT = 12;

const SYNONYMS: Record<string, string> = {
  加强: '强化', 推进: '推动', 提高: '提升', 加快: '加速', 积极: '大力', 促进: '带动', 完善: '健全', 深化: '深入',
  扎实: '切实', 建设: '打造', 发展: '进步', 实施: '落实', 支持: '扶持', 增长: '增加', 全面: '全方位',
};

/** A small deterministic generator (mulberry32), so the benchmark is the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const shortName = (unit: string) => unit.replace(/(壮族|回族|维吾尔)?自治区$|省$|市$/, '');

interface Sentence {
  start: number;
  end: number;
}

/** Sentences ending in 。！？; or at a line break, each within one paragraph. */
function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^。！？\n]+[。！？]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[0].trim().length > 0) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

async function runEngine(texts: CorpusText[]): Promise<{ db: Db; ids: number[] }> {
  const db = await openDb(await freshDbLocation());
  const ids: number[] = [];
  await withReuseBatch(db, async () => {
    for (const t of texts) {
      await db.transaction().execute(async (trx) => {
        const id = await storeText(trx, t);
        await indexReportReuse(trx, id);
        ids.push(id);
      });
    }
  });
  return { db, ids };
}

interface Planted {
  target: number;
  source: number;
  edit: Edit;
  /** Where it came from in the source's text, and the (edited) passage inserted into the target. */
  srcStart: number;
  srcEnd: number;
  passage: string;
  insertAt: number;
}

function edit(kind: Edit, text: string, run: Sentence[], targetUnit: string, sourceUnit: string): string | null {
  const whole = text.slice(run[0]!.start, run[run.length - 1]!.end);
  switch (kind) {
    case 'verbatim':
      return whole;
    case 'unit': {
      const from = shortName(sourceUnit);
      return whole.includes(from) ? whole.replaceAll(from, shortName(targetUnit)) : null;
    }
    case 'number': {
      const m = /\d+/.exec(whole);
      return m ? whole.slice(0, m.index) + String(Number(m[0]) + 3) + whole.slice(m.index + m[0].length) : null;
    }
    case 'word': {
      let out = whole;
      let replaced = 0;
      for (const [w, s] of Object.entries(SYNONYMS)) {
        if (replaced < 2 && out.includes(w)) {
          out = out.replace(w, s);
          replaced++;
        }
      }
      return replaced === 2 ? out : null;
    }
    case 'drop':
      if (run.length < 3) return null;
      return run.filter((_, i) => i !== 1).map((s) => text.slice(s.start, s.end)).join('');
  }
}

describe.runIf(provinceCorpusAvailable())('reuse: planted copies in the province corpus (PAN measures)', () => {
  const open: Db[] = [];
  afterAll(async () => {
    for (const db of open) await db.destroy();
  });

  let texts: CorpusText[];
  let base: { db: Db; ids: number[] };
  beforeAll(async () => {
    texts = provinceTexts();
    base = await runEngine(texts);
    open.push(base.db);
  }, 600_000);

  it('finds the central formulas the provinces share as stock', async () => {
    const phrase = '以习近平新时代中国特色社会主义思想为指导';
    const kinds: string[] = [];
    for (const r of await getReportReuse(base.db)) {
      const text = texts[base.ids.indexOf(Number(r.id))]!.text;
      const at = text.indexOf(phrase);
      if (at < 0) continue;
      const spans = r.spans.filter((s) => s.start < at + phrase.length && at < s.end);
      kinds.push(spans.some((s) => s.kind === 'stock') ? 'stock' : (spans[0]?.kind ?? 'none'));
    }
    // Where a whole paragraph around it was copied from one other province, it is part of that copy.
    expect(kinds.length).toBeGreaterThan(20);
    expect(kinds.filter((k) => k === 'stock').length / kinds.length).toBeGreaterThan(0.8);
    expect(kinds).not.toContain('none');
  });

  it('finds planted passages as copied, with their sources', { timeout: 600_000 }, async () => {
    // Real overlaps of the unmodified corpus: aligned pairs, and each report's reused spans.
    const alignedPairs = new Set(
      (await base.db.selectFrom('reuse_passages').select(['report_id', 'source_id']).execute()).map((r) => `${r.report_id}:${r.source_id}`),
    );
    const reused = new Map<number, Array<[number, number]>>();
    for (const r of await getReportReuse(base.db)) reused.set(Number(r.id), r.spans.map((s) => [s.start, s.end]));
    const index = new Map(base.ids.map((id, i) => [id, i]));

    const rnd = random(20240601);
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const planted: Planted[] = [];
    const usedTargets = new Set<number>();
    for (const kind of EDITS) {
      let made = 0;
      for (let attempt = 0; made < CASES_PER_EDIT && attempt < 5000; attempt++) {
        const target = pick(base.ids);
        const source = pick(base.ids);
        const t = texts[index.get(target)!]!;
        const s = texts[index.get(source)!]!;
        if (usedTargets.has(target) || t.unit === s.unit || alignedPairs.has(`${target}:${source}`)) continue;
        // A run of 1–4 sentences of one paragraph, 60–300 characters, outside any reuse the corpus has.
        const ss = sentences(s.text);
        const first = Math.floor(rnd() * ss.length);
        const run = ss.slice(first, first + 1 + Math.floor(rnd() * 4));
        if (run.length === 0) continue;
        const start = run[0]!.start;
        const end = run[run.length - 1]!.end;
        if (end - start < 60 || end - start > 300 || s.text.slice(start, end).includes('\n')) continue;
        if ((reused.get(source) ?? []).some(([a, b]) => a < end && start < b)) continue;
        const passage = edit(kind, s.text, run, t.unit, s.unit);
        if (passage === null) continue;
        // Planted as a paragraph of its own, between two of the target's paragraphs.
        const breaks = [...t.text.matchAll(/\n/g)].map((m) => m.index + 1);
        if (breaks.length === 0) continue;
        planted.push({ target, source, edit: kind, srcStart: start, srcEnd: end, passage, insertAt: pick(breaks) });
        usedTargets.add(target);
        made++;
      }
      expect(made, `${kind} cases`).toBe(CASES_PER_EDIT);
    }

    // The modified corpus: each target with its planted paragraph; the truth in its new coordinates.
    const cases: AlignmentCase[] = [];
    const modified = texts.map((t, i) => {
      const id = base.ids[i]!;
      const p = planted.find((x) => x.target === id);
      if (!p) return t;
      const text = `${t.text.slice(0, p.insertAt)}${p.passage}\n${t.text.slice(p.insertAt)}`;
      cases.push({
        susp: String(id),
        suspStart: p.insertAt,
        suspEnd: p.insertAt + p.passage.length,
        src: String(p.source),
        srcStart: p.srcStart,
        srcEnd: p.srcEnd,
      });
      return { ...t, text };
    });
    const run = await runEngine(modified);
    open.push(run.db);
    // Same insertion order, so the same ids.
    expect(run.ids).toEqual(base.ids);

    const detections: AlignmentCase[] = [];
    const kinds = new Map<string, number>();
    for (const p of planted) {
      const [r] = await getReportReuse(run.db, p.target);
      for (const span of r!.spans) {
        for (const src of span.sources) {
          if (src.id !== String(p.source)) continue;
          kinds.set(span.kind, (kinds.get(span.kind) ?? 0) + 1);
          if (span.kind !== 'copied') continue;
          detections.push({ susp: r!.id, suspStart: span.start, suspEnd: span.end, src: src.id, srcStart: src.start, srcEnd: src.end });
        }
      }
    }
    const all = panScores(cases, detections);
    const lines = [`reuse benchmark: ${texts.length} province reports, ${cases.length} planted passages`];
    const fmt = (name: string, s: typeof all) =>
      `${name.padEnd(9)} precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  granularity ${s.granularity.toFixed(3)}  plagdet ${s.plagdet.toFixed(3)}  (${s.detected}/${s.cases} cases, ${s.detections} detections)`;
    lines.push(fmt('all', all));
    for (const kind of EDITS) {
      const ids = new Set(planted.filter((p) => p.edit === kind).map((p) => String(p.target)));
      lines.push(fmt(kind, panScores(cases.filter((c) => ids.has(c.susp)), detections.filter((d) => ids.has(d.susp)))));
    }
    lines.push(`kinds of spans naming the planted source: ${JSON.stringify(Object.fromEntries(kinds))}`);
    console.log(lines.join('\n'));

    expect(all.recall).toBeGreaterThan(0.85);
    expect(all.precision).toBeGreaterThan(0.85);
    expect(all.granularity).toBeLessThan(1.2);
    expect(all.plagdet).toBeGreaterThan(0.8);
  });
});
